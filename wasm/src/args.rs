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

use regcred::json::{Map, Value};
use regcred::ErrorCode;
use wasm_bindgen::JsValue;

use crate::codec::{decode_json, error};
use regcred::inject::SecretNaming;
use regcred::json_read::{Expected, Fields, Mismatch};
use regcred::time::Timestamp;
use regcred::validate::Mode;

/// `argument.missing` for `what`.
pub fn missing(what: &str) -> JsValue {
    error(ErrorCode::ArgumentMissing, &format!("{what} is required"))
}

/// `argument.type` for `what`, which should be `expected`.
pub fn wrong_type(what: &str, expected: &str) -> JsValue {
    error(
        ErrorCode::ArgumentType,
        &format!("{what} must be {expected}"),
    )
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

/// An export's options object, read as JSON: absent means no options.
pub struct Options(Map<String, Value>);

/// Reads `value` as an options object (`argument.type` when it is not one).
pub fn options(value: &JsValue) -> Result<Options, JsValue> {
    if absent(value) {
        return Ok(Options(Map::new()));
    }
    match decode_json(value, "options")? {
        Some(Value::Object(o)) => Ok(Options(o)),
        _ => Err(wrong_type("options", "an object")),
    }
}

/// A required options object (`pullSecret`'s): `argument.missing` when absent, `argument.type`
/// when it is not an object.
pub fn required_options(value: &JsValue, what: &str) -> Result<Options, JsValue> {
    match required_object(value, what)? {
        Value::Object(o) => Ok(Options(o)),
        _ => Err(wrong_type(what, "an object")),
    }
}

/// A wrong-typed option as `argument.type`, naming it `options.<key>`.
fn wrong_option(m: Mismatch) -> JsValue {
    let expected = match m.expected {
        Expected::Flag => "a boolean",
        Expected::Texts => "an array of strings",
        other => other.words(),
    };
    let key = regcred::substring::trim_start_byte(&m.path, b'/');
    wrong_type(&format!("options.{key}"), expected)
}

impl Options {
    /// The options read with the one JSON reader (`regcred::json_read`).
    fn fields(&self) -> Fields<'_> {
        Fields::new(&self.0, "")
    }

    /// The option `key`, when present and not `null`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.fields().get(key)
    }

    /// A boolean option; `default` when absent.
    pub fn flag(&self, key: &str, default: bool) -> Result<bool, JsValue> {
        let found = self.fields().flag(key).map_err(wrong_option)?;
        Ok(found.unwrap_or(default))
    }

    /// A text option.
    pub fn text(&self, key: &str) -> Result<Option<String>, JsValue> {
        let found = self.fields().text(key).map_err(wrong_option)?;
        Ok(found.map(str::to_owned))
    }

    /// A text option that must be there.
    pub fn required_text(&self, key: &str) -> Result<String, JsValue> {
        self.text(key)?
            .ok_or_else(|| missing(&format!("options.{key}")))
    }

    /// A list-of-text option (`[]` when absent).
    pub fn texts(&self, key: &str) -> Result<Vec<String>, JsValue> {
        let found = self.fields().texts(key).map_err(wrong_option)?;
        Ok(found
            .unwrap_or_default()
            .into_iter()
            .map(str::to_owned)
            .collect())
    }

    /// `options.now` (ISO-8601 text or epoch milliseconds), the host clock when absent:
    /// `argument.type` for another type, `argument.now` for a string that is not an ISO-8601
    /// date-time or a number that is not finite epoch milliseconds.
    pub fn now(&self) -> Result<Timestamp, JsValue> {
        match self.get("now") {
            None => Ok(host_now()),
            Some(Value::String(s)) => Timestamp::parse_iso8601(s).ok_or_else(|| {
                error(
                    ErrorCode::ArgumentNow,
                    "options.now must be an ISO-8601 date-time",
                )
            }),
            Some(Value::Number(n)) => match n.as_f64() {
                Some(ms) if ms.is_finite() && ms.abs() < 8.64e15 => {
                    Ok(Timestamp::from_millis(ms as i64))
                }
                _ => Err(error(
                    ErrorCode::ArgumentNow,
                    "options.now must be a finite number of epoch milliseconds",
                )),
            },
            Some(_) => Err(wrong_type(
                "options.now",
                "ISO-8601 text or epoch milliseconds",
            )),
        }
    }

    /// `options.mode`: `"create"` (the default) or `"update"`; `argument.type` for a value that
    /// is not a string, `argument.mode` for another string.
    pub fn mode(&self) -> Result<Mode, JsValue> {
        match self.text("mode")?.as_deref() {
            None | Some("create") => Ok(Mode::Create),
            Some("update") => Ok(Mode::Update),
            Some(_) => Err(error(
                ErrorCode::ArgumentMode,
                "options.mode must be \"create\" or \"update\"",
            )),
        }
    }

    /// `options.secretNaming`: `"regcred"` (the default) or `"platform"`; `argument.type` for a
    /// value that is not a string, `argument.secret-naming` for another string.
    pub fn secret_naming(&self) -> Result<SecretNaming, JsValue> {
        match self.text("secretNaming")?.as_deref() {
            None | Some("regcred") => Ok(SecretNaming::Regcred),
            Some("platform") => Ok(SecretNaming::Platform),
            Some(_) => Err(error(
                ErrorCode::ArgumentSecretNaming,
                "options.secretNaming must be \"regcred\" or \"platform\"",
            )),
        }
    }

    /// The options as a JSON object (empty when there were none).
    pub fn json(&self) -> &Map<String, Value> {
        &self.0
    }
}

/// The host's clock (`Date.now()`), for exports whose options name no `now`.
pub fn host_now() -> Timestamp {
    Timestamp::from_millis(crate::host::now_millis() as i64)
}
