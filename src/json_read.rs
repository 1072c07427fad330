//! The one vocabulary for reading JSON the library is given (configurations, platform payloads,
//! `.dockerconfigjson` documents, service-account keys, and in the binding the exports'
//! arguments): a [`Fields`] view of an object that knows its JSON-pointer path and answers each
//! typed read with the value or a [`Mismatch`]. The reader has no codes of its own: each area
//! turns a mismatch into its stable code (`config.type`, `devtron.field-type`, `secret.shape`,
//! ...), so the same wrong type is reported the same way by everything in one area. `null` reads
//! as absent everywhere. Nothing here echoes a value: a mismatch names the path and the types.

use crate::json::{Map, Value};

/// Escapes one JSON-pointer token (`~` → `~0`, `/` → `~1`).
pub fn pointer_token(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    push_pointer_token(&mut out, key);
    out
}

/// The JSON pointer of field `key` of the object at `base` (`""` for the root): `base/key`,
/// the key escaped as [`pointer_token`] does. Built with `push_str`: it runs on every
/// validation, and the formatting machinery is code a first call would have to compile.
#[allow(
    clippy::single_char_add_str,
    reason = "String::push encodes UTF-8: code a first call would compile"
)]
pub fn child_path(base: &str, key: &str) -> String {
    let mut out = String::with_capacity(base.len() + 1 + key.len());
    out.push_str(base);
    out.push_str("/");
    push_pointer_token(&mut out, key);
    out
}

/// Appends `key` escaped as one JSON-pointer token to `out`.
fn push_pointer_token(out: &mut String, key: &str) {
    let mut rest = key;
    while let Some(at) = rest.bytes().position(|b| b == b'~' || b == b'/') {
        let tilde = rest.as_bytes().get(at) == Some(&b'~');
        out.push_str(rest.get(..at).unwrap_or_default());
        out.push_str(if tilde { "~0" } else { "~1" });
        rest = rest.get(at + 1..).unwrap_or_default();
    }
    out.push_str(rest);
}

/// The JSON type of a value, in words, for messages (`a string`, `a list`, ...).
pub fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// What a read expected and did not find.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A string.
    Text,
    /// `true` or `false`.
    Flag,
    /// An object.
    Object,
    /// An array.
    List,
    /// An array of strings.
    Texts,
    /// An object whose values are strings.
    TextMap,
}

impl Expected {
    /// Whether `v` is of this type.
    fn matches(self, v: &Value) -> bool {
        match self {
            Expected::Text => v.is_string(),
            Expected::Flag => v.is_boolean(),
            Expected::Object => v.is_object(),
            Expected::List => v.is_array(),
            Expected::Texts => v.as_array().is_some_and(|a| a.iter().all(Value::is_string)),
            Expected::TextMap => v
                .as_object()
                .is_some_and(|m| m.values().all(Value::is_string)),
        }
    }

    /// The expected type in words (`a string`, `true or false`, ...).
    pub fn words(self) -> &'static str {
        match self {
            Expected::Text => "a string",
            Expected::Flag => "true or false",
            Expected::Object => "an object",
            Expected::List => "a list",
            Expected::Texts => "a list of strings",
            Expected::TextMap => "an object of strings",
        }
    }
}

/// A value of the wrong JSON type: where, what was expected, what was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// The JSON pointer of the value.
    pub path: String,
    /// What the reader wanted.
    pub expected: Expected,
    /// What it found, in words ([`kind`]).
    pub found: &'static str,
}

/// Reads `v` as `expected` at `path`.
fn mismatch(path: String, expected: Expected, v: &Value) -> Mismatch {
    Mismatch {
        path,
        expected,
        found: kind(v),
    }
}

/// `v` when it is of the `expected` type; a [`Mismatch`] at `path` otherwise.
///
/// # Errors
/// When `v` is of another type.
pub fn expect<'a>(v: &'a Value, path: &str, expected: Expected) -> Result<&'a Value, Mismatch> {
    if expected.matches(v) {
        Ok(v)
    } else {
        Err(mismatch(path.to_owned(), expected, v))
    }
}

/// The object at `path`: its fields, or a [`Mismatch`] when `v` is not an object.
///
/// # Errors
/// When `v` is not an object.
pub fn object<'a>(v: &'a Value, path: &str) -> Result<Fields<'a>, Mismatch> {
    let map = expect(v, path, Expected::Object)?.as_object();
    map.map(|m| Fields::new(m, path))
        .ok_or_else(|| mismatch(path.to_owned(), Expected::Object, v))
}

/// The fields of one JSON object, read by key with typed accessors. Each accessor answers
/// `Ok(None)` for an absent or `null` field and a [`Mismatch`] (with the field's path) for a
/// field of another type.
#[derive(Clone, Debug)]
pub struct Fields<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

impl<'a> Fields<'a> {
    /// The fields of `map`, which sits at JSON pointer `path` (`""` for the root).
    pub fn new(map: &'a Map<String, Value>, path: &str) -> Fields<'a> {
        Fields {
            map,
            path: path.to_owned(),
        }
    }

    /// The object's own path.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The path of field `key`.
    pub fn path_of(&self, key: &str) -> String {
        child_path(&self.path, key)
    }

    /// The object itself.
    pub fn map(&self) -> &'a Map<String, Value> {
        self.map
    }

    /// Field `key` of any type (`None` when absent or `null`).
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// Field `key` when it is of the `expected` type.
    fn checked(&self, key: &str, expected: Expected) -> Result<Option<&'a Value>, Mismatch> {
        match self.get(key) {
            Some(v) if expected.matches(v) => Ok(Some(v)),
            Some(v) => Err(mismatch(self.path_of(key), expected, v)),
            None => Ok(None),
        }
    }

    /// A string field.
    ///
    /// # Errors
    /// When the field is present and not a string.
    pub fn text(&self, key: &str) -> Result<Option<&'a str>, Mismatch> {
        Ok(self.checked(key, Expected::Text)?.and_then(Value::as_str))
    }

    /// A boolean field.
    ///
    /// # Errors
    /// When the field is present and not `true` or `false`.
    pub fn flag(&self, key: &str) -> Result<Option<bool>, Mismatch> {
        Ok(self.checked(key, Expected::Flag)?.and_then(Value::as_bool))
    }

    /// An object field, as [`Fields`] at the field's path.
    ///
    /// # Errors
    /// When the field is present and not an object.
    pub fn object(&self, key: &str) -> Result<Option<Fields<'a>>, Mismatch> {
        let found = self
            .checked(key, Expected::Object)?
            .and_then(Value::as_object);
        Ok(found.map(|map| Fields {
            map,
            path: self.path_of(key),
        }))
    }

    /// An array field.
    ///
    /// # Errors
    /// When the field is present and not an array.
    pub fn list(&self, key: &str) -> Result<Option<&'a [Value]>, Mismatch> {
        let found = self.checked(key, Expected::List)?.and_then(Value::as_array);
        Ok(found.map(Vec::as_slice))
    }

    /// An array-of-strings field.
    ///
    /// # Errors
    /// When the field is present and not an array of strings only.
    pub fn texts(&self, key: &str) -> Result<Option<Vec<&'a str>>, Mismatch> {
        let found = self
            .checked(key, Expected::Texts)?
            .and_then(Value::as_array);
        Ok(found.map(|items| items.iter().filter_map(Value::as_str).collect()))
    }

    /// The paths of the keys not in `known`, in the object's order.
    pub fn unknown(&self, known: &[&str]) -> Vec<String> {
        self.map
            .keys()
            .filter(|k| !known.contains(&k.as_str()))
            .map(|k| self.path_of(k))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn json(text: &str) -> Value {
        crate::json::parse(text).unwrap()
    }

    #[test]
    fn reads_by_type_with_paths() {
        let v =
            json(r#"{"a": "x", "b": true, "n": null, "o": {"k/~": 1}, "l": ["p", "q"], "m": [1]}"#);
        let f = object(&v, "/root").unwrap();
        assert_eq!(f.text("a").unwrap(), Some("x"));
        assert_eq!(f.text("n").unwrap(), None);
        assert_eq!(f.text("missing").unwrap(), None);
        assert_eq!(f.flag("b").unwrap(), Some(true));
        assert_eq!(f.texts("l").unwrap(), Some(vec!["p", "q"]));
        let inner = f.object("o").unwrap().unwrap();
        assert_eq!(inner.path_of("k/~"), "/root/o/k~1~0");
        let e = f.texts("m").unwrap_err();
        assert_eq!(
            (e.path.as_str(), e.expected, e.found),
            ("/root/m", Expected::Texts, "a list")
        );
        let e = f.flag("a").unwrap_err();
        assert_eq!(
            (e.path.as_str(), e.expected.words(), e.found),
            ("/root/a", "true or false", "a string")
        );
        assert_eq!(f.unknown(&["a", "b", "n", "o", "l"]), vec!["/root/m"]);
        assert_eq!(object(&json("5"), "").unwrap_err().found, "a number");
    }
}
