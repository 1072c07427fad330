//! The export of the `json-schema` build (`make pkg-jsonschema`): generic JSON Schema
//! validation with the `jsonschema` crate. Not in the shipped package.

use regcred::ErrorCode;
use wasm_bindgen::prelude::*;

use crate::codec::{encode, error};

/// Validates `instance` against `options.schema` (the shipped registry schema by default).
#[wasm_bindgen(js_name = validateJsonSchema)]
pub fn validate_json_schema(instance: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    // The instance is data: any value, even none, is checked into a Report.
    let instance = crate::codec::decode_json(&instance, "instance")?.unwrap_or_default();
    let options = crate::args::options(&options)?;
    let schema = match options.get("schema") {
        None => None,
        Some(s @ (regcred::json::Value::Object(_) | regcred::json::Value::Bool(_))) => Some(s),
        Some(_) => {
            return Err(error(
                ErrorCode::ArgumentType,
                "options.schema must be a JSON Schema (an object or a boolean)",
            ))
        }
    };
    // The engine reads serde_json's values: the same data, through its text.
    let engine = |v: &regcred::json::Value| {
        serde_json::from_str::<serde_json::Value>(&regcred::json::to_string(v)).unwrap_or_default()
    };
    let schema = schema.map(engine);
    let report = regcred::json_schema::validate_with_schema(&engine(&instance), schema.as_ref())
        .map_err(|e| error(e.code, &e.message))?;
    encode(&report)
}
