//! The one typed reader of export arguments, and the one taxonomy of misuse codes. Every export
//! reads its arguments and options through these functions, so the same mistake gives the same
//! code from every export (`tests/js/arguments.test.mjs` checks it over all of them):
//!
//! - `argument.missing`: a required argument or option is absent (`undefined` or `null`).
//! - `argument.type`: it is present with the wrong type: options that are not an object, text
//!   that is not a string, a flag that is not a boolean, a list that is not an array, a `fetch`
//!   that is not a function, a value JSON cannot carry (a function, a symbol, a BigInt, a cycle).
//! - Right type, wrong value, one code per kind of value: `argument.now`, `argument.timeout`,
//!   `argument.registry-type`, `argument.field`, `argument.repository`, `argument.too-large`.
//!
//! Messages name the argument, never its value.

use regcred::ErrorCode;
use serde_json::Value;
use wasm_bindgen::JsValue;

use crate::codec::{decode_json, error, now_from};
use regcred::time::Timestamp;

/// `argument.missing` for `what`.
pub fn missing(what: &str) -> JsValue {
    error(ErrorCode::ArgumentMissing, &format!("{what} is required"))
}

/// `argument.type` for `what`, which should be `expected`.
pub fn wrong_type(what: &str, expected: &str) -> JsValue {
    error(ErrorCode::ArgumentType, &format!("{what} must be {expected}"))
}

/// Whether a JS value counts as absent (`undefined` or `null`).
pub fn absent(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

/// A required argument as JSON data.
pub fn required_json(value: &JsValue, what: &str) -> Result<Value, JsValue> {
    if absent(value) {
        return Err(missing(what));
    }
    decode_json(value, what)?.ok_or_else(|| missing(what))
}

/// A required argument that must be a JSON object (a registry configuration, a request).
pub fn required_object(value: &JsValue, what: &str) -> Result<Value, JsValue> {
    let json = required_json(value, what)?;
    if json.is_object() {
        Ok(json)
    } else {
        Err(wrong_type(what, "an object"))
    }
}

/// A required argument that must be an array (or, where `object_too`, an object).
pub fn required_list(value: &JsValue, what: &str, object_too: bool) -> Result<Value, JsValue> {
    let json = required_json(value, what)?;
    if json.is_array() || (object_too && json.is_object()) {
        Ok(json)
    } else {
        Err(wrong_type(what, "an array"))
    }
}

/// A required text argument.
pub fn text(value: &JsValue, what: &str) -> Result<String, JsValue> {
    if absent(value) {
        return Err(missing(what));
    }
    value
        .as_string()
        .ok_or_else(|| wrong_type(what, "a string"))
}

/// An optional text argument.
pub fn optional_text(value: &JsValue, what: &str) -> Result<Option<String>, JsValue> {
    if absent(value) {
        return Ok(None);
    }
    text(value, what).map(Some)
}

/// An export's options object, read as JSON: absent means no options.
pub struct Options(Value);

/// Reads `value` as an options object (`argument.type` when it is not one).
pub fn options(value: &JsValue) -> Result<Options, JsValue> {
    if absent(value) {
        return Ok(Options(Value::Null));
    }
    match decode_json(value, "options")? {
        Some(v @ Value::Object(_)) => Ok(Options(v)),
        _ => Err(wrong_type("options", "an object")),
    }
}

impl Options {
    /// The option `key`, when present and not `null`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.get(key).filter(|v| !v.is_null())
    }

    /// A boolean option; `default` when absent.
    pub fn flag(&self, key: &str, default: bool) -> Result<bool, JsValue> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => v
                .as_bool()
                .ok_or_else(|| wrong_type(&format!("options.{key}"), "a boolean")),
        }
    }

    /// A text option.
    pub fn text(&self, key: &str) -> Result<Option<String>, JsValue> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(wrong_type(&format!("options.{key}"), "a string")),
        }
    }

    /// A text option that must be there.
    pub fn required_text(&self, key: &str) -> Result<String, JsValue> {
        self.text(key)?
            .ok_or_else(|| missing(&format!("options.{key}")))
    }

    /// A list-of-text option (`[]` when absent).
    pub fn texts(&self, key: &str) -> Result<Vec<String>, JsValue> {
        let Some(v) = self.get(key) else {
            return Ok(Vec::new());
        };
        v.as_array()
            .and_then(|items| {
                items
                    .iter()
                    .map(|a| a.as_str().map(str::to_owned))
                    .collect::<Option<Vec<String>>>()
            })
            .ok_or_else(|| wrong_type(&format!("options.{key}"), "an array of strings"))
    }

    /// `options.now` (ISO-8601 text or epoch milliseconds), the host clock when absent.
    pub fn now(&self) -> Result<Timestamp, JsValue> {
        if self
            .get("now")
            .is_some_and(|v| !v.is_string() && !v.is_number())
        {
            return Err(wrong_type(
                "options.now",
                "ISO-8601 text or epoch milliseconds",
            ));
        }
        now_from(Some(&self.0))
    }

    /// The options as JSON (`null` when there were none).
    pub fn json(&self) -> &Value {
        &self.0
    }
}
