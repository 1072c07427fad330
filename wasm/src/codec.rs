//! The one serializer of the facade: values cross the boundary as JSON text, parsed and
//! produced by the host's native `JSON`, so the host always sees plain objects and `null`
//! (never ES `Map`s). The core writes the text (`regcred::json::ToJson`) and reads the host's.

use regcred::json::ToJson;
use regcred::ErrorCode;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/errors.js")]
extern "C" {
    #[wasm_bindgen(js_name = makeRegcredError)]
    fn make_regcred_error(parts: &str) -> JsValue;
}

/// A `RegcredError` (an `Error` subclass with a stable `code`) to throw into JS.
pub fn error(code: ErrorCode, message: &str) -> JsValue {
    thrown(code, message, "")
}

/// The one call into `wasm/js/errors.js`: `code NUL message NUL errors` as one string.
fn thrown(code: ErrorCode, message: &str, errors_json: &str) -> JsValue {
    make_regcred_error(&format!("{}\0{message}\0{errors_json}", code.as_str()))
}

/// A `RegcredError` carrying the failing validation issues in `errors`.
pub fn error_with_issues<I: ToJson + ?Sized>(
    code: ErrorCode,
    message: &str,
    issues: &I,
) -> JsValue {
    let json = regcred::json::to_string(issues);
    thrown(code, message, &json)
}

/// Encodes a core value as a plain JS value (objects, arrays, strings, numbers, `null`).
pub fn encode<T: ToJson + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    parse_json(&regcred::json::to_string(value))
}

/// Parses JSON text produced by the core into a JS value.
fn parse_json(text: &str) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(text)
        .map_err(|_| error(ErrorCode::InternalEncode, "the result could not be encoded"))
}

/// The largest argument accepted, as JSON text (UTF-16 code units), checked in the host before
/// the text is copied into the module: 1 MiB.
pub const MAX_ARGUMENT_JSON: u32 = 1 << 20;

/// Decodes any JS value into JSON data. `undefined` becomes `None`; values JSON cannot carry
/// (functions, symbols, BigInt, cycles) are a misuse error with code `argument.type`; a value
/// whose JSON text is longer than [`MAX_ARGUMENT_JSON`] is `argument.too-large` (checked before
/// anything is copied). The message never echoes the value.
pub fn decode_json(value: &JsValue, what: &str) -> Result<Option<regcred::json::Value>, JsValue> {
    if value.is_undefined() {
        return Ok(None);
    }
    let not_json = || {
        error(
            ErrorCode::ArgumentType,
            &format!("{what} must be JSON data"),
        )
    };
    let json = js_sys::JSON::stringify(value).map_err(|_| not_json())?;
    if !json.is_string() {
        return Err(not_json());
    }
    if json.length() > MAX_ARGUMENT_JSON {
        return Err(error(
            ErrorCode::ArgumentTooLarge,
            &format!("{what} is larger than {MAX_ARGUMENT_JSON} characters as JSON"),
        ));
    }
    let text = json.as_string().ok_or_else(not_json)?;
    regcred::json::parse(&text).map(Some).map_err(|_| {
        error(
            ErrorCode::ArgumentType,
            &format!("{what} must be JSON data"),
        )
    })
}

/// Decodes and validates a registry configuration argument: the normalized configuration, or a
/// `RegcredError` with code `config.invalid` and the failing `errors` (`argument.missing` /
/// `argument.type` when the argument is absent or not an object).
pub fn validated_config(
    value: &JsValue,
    now: regcred::time::Timestamp,
) -> Result<regcred::config::RegistryConfig, JsValue> {
    let json = crate::args::required_object(value, "config")?;
    regcred::validate::validated_config(&json, now).map_err(|issues| {
        error_with_issues(
            ErrorCode::ConfigInvalid,
            "the registry configuration is not valid",
            &issues,
        )
    })
}
