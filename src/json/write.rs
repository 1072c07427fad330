//! The one JSON writer: compact text, strings escaped as serde_json and Go's `encoding/json`
//! (without its HTML escapes, see `src/secret/go_json.rs`) escape them, and [`ToJson`], the trait
//! every output type implements (see ARCHITECTURE.md, "JSON").
//!
//! Writing never fails and never panics: it appends to a `String`. Punctuation is appended
//! with `push_str`: `String::push` encodes a `char` as UTF-8, code every first call would
//! compile (see ARCHITECTURE.md, "Cold start").
#![allow(
    clippy::single_char_add_str,
    reason = "push_str of ASCII punctuation: no UTF-8 encoder on a first call"
)]

use std::collections::BTreeMap;

/// A value with a JSON form. Implementations append exactly one JSON value to `out`.
pub trait ToJson {
    /// Appends this value's compact JSON text to `out`.
    fn write_json(&self, out: &mut String);
}

/// The compact JSON text of `value`.
pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    value.write_json(&mut out);
    out
}

/// The data the core reads, made from a value's JSON text.
pub fn to_value<T: ToJson + ?Sized>(value: &T) -> Option<super::Value> {
    super::parse(&to_string(value)).ok()
}

/// Appends `text` as a JSON string: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, `\u00XX`
/// (lowercase hex) for the other control characters; every other character (DEL and U+2028
/// included) as it is.
pub fn write_str(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push_str("\"");
    let mut rest = text;
    while let Some(at) = rest
        .bytes()
        .position(|b| b < b' ' || b == b'"' || b == b'\\')
    {
        let (plain, tail) = rest.split_at(at);
        out.push_str(plain);
        let mut chars = tail.chars();
        let Some(c) = chars.next() else { break };
        rest = chars.as_str();
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            _ => {
                let b = c as usize;
                out.push_str("\\u00");
                for digit in [b >> 4, b & 0xf] {
                    out.push(HEX.get(digit).map_or('0', |&h| char::from(h)));
                }
            }
        }
    }
    out.push_str(rest);
    out.push_str("\"");
}

/// Appends an unsigned integer in decimal.
pub fn write_u64(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        if let Some(d) = digits.get_mut(start) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || start == 0 {
            break;
        }
    }
    for &d in digits.get(start..).unwrap_or_default() {
        out.push(char::from(d));
    }
}

/// Writes the members of a JSON object one by one: [`object`] opens it, [`Object::end`] closes it.
pub struct Object<'a> {
    out: &'a mut String,
    empty: bool,
}

/// Opens an object in `out`.
pub fn object(out: &mut String) -> Object<'_> {
    out.push_str("{");
    Object { out, empty: true }
}

impl Object<'_> {
    /// Appends the member `key: value`.
    pub fn field<T: ToJson + ?Sized>(&mut self, key: &str, value: &T) -> &mut Self {
        self.key(key);
        value.write_json(self.out);
        self
    }

    /// Appends `key: value` when there is a value (`skip_serializing_if = "Option::is_none"`).
    pub fn some<T: ToJson>(&mut self, key: &str, value: &Option<T>) -> &mut Self {
        if let Some(v) = value {
            self.field(key, v);
        }
        self
    }

    /// Appends `key: value` when `keep` holds (the other `skip_serializing_if` forms: an empty
    /// list, map or text, `false`).
    pub fn when<T: ToJson + ?Sized>(&mut self, keep: bool, key: &str, value: &T) -> &mut Self {
        if keep {
            self.field(key, value);
        }
        self
    }

    fn key(&mut self, key: &str) {
        if !std::mem::take(&mut self.empty) {
            self.out.push_str(",");
        }
        write_str(self.out, key);
        self.out.push_str(":");
    }

    /// Closes the object.
    pub fn end(&mut self) {
        self.out.push_str("}");
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl ToJson for u64 {
    fn write_json(&self, out: &mut String) {
        write_u64(out, *self);
    }
}

impl ToJson for usize {
    fn write_json(&self, out: &mut String) {
        write_u64(out, *self as u64);
    }
}

impl ToJson for u16 {
    fn write_json(&self, out: &mut String) {
        write_u64(out, u64::from(*self));
    }
}

impl ToJson for u32 {
    fn write_json(&self, out: &mut String) {
        write_u64(out, u64::from(*self));
    }
}

impl ToJson for i64 {
    fn write_json(&self, out: &mut String) {
        if *self < 0 {
            out.push_str("-");
        }
        write_u64(out, self.unsigned_abs());
    }
}

/// `()` is `null` (a Secret's `creationTimestamp`, a report without a value).
impl ToJson for () {
    fn write_json(&self, out: &mut String) {
        out.push_str("null");
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

/// `None` is `null`.
impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(v) => v.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push_str("[");
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push_str(",");
            }
            v.write_json(out);
        }
        out.push_str("]");
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

/// Members in key order (the order Go's encoder and serde_json write a map in).
impl<K: AsRef<str>, V: ToJson> ToJson for BTreeMap<K, V> {
    fn write_json(&self, out: &mut String) {
        let mut o = object(out);
        for (k, v) in self {
            o.field(k.as_ref(), v);
        }
        o.end();
    }
}
