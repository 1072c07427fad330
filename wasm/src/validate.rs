//! Exports: validation of configurations, fields, ECR URLs and GCP service-account keys.

use wasm_bindgen::prelude::*;

use crate::codec::{decode_json, encode, error, now_from};
use regcred::time::Timestamp;

/// Reads `{ now? }` (ISO-8601 text or epoch milliseconds; the host clock by default) and the
/// optional `config` context from an options object.
fn options(options: &JsValue) -> Result<(Timestamp, serde_json::Value), JsValue> {
    let opts = match decode_json(options, "options")? {
        None | Some(serde_json::Value::Null) => serde_json::Value::Null,
        Some(o @ serde_json::Value::Object(_)) => o,
        Some(_) => return Err(error("argument.type", "options must be an object")),
    };
    let now = now_from(Some(&opts))?;
    let context = opts
        .get("config")
        .cloned()
        .unwrap_or(serde_json::Value::Null);
    Ok((now, context))
}

fn string_arg(value: &JsValue, what: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| error("argument.type", &format!("{what} must be a string")))
}

/// Validates a whole registry configuration; the report's `value` is the normalized config.
#[wasm_bindgen(js_name = validateRegistry)]
pub fn validate_registry(config: JsValue, options_arg: JsValue) -> Result<JsValue, JsValue> {
    let config = decode_json(&config, "config")?.unwrap_or(serde_json::Value::Null);
    let (now, _) = options(&options_arg)?;
    encode(&regcred::validate::validate_registry(&config, now))
}

/// Validates one field of a configuration (for validation on each keystroke).
#[wasm_bindgen(js_name = validateField)]
pub fn validate_field(
    registry_type: JsValue,
    field: JsValue,
    value: JsValue,
    options_arg: JsValue,
) -> Result<JsValue, JsValue> {
    let registry_type = string_arg(&registry_type, "registryType")?;
    let field = string_arg(&field, "field")?;
    let value = decode_json(&value, "value")?.unwrap_or(serde_json::Value::Null);
    let (now, context) = options(&options_arg)?;
    let report =
        regcred::validate::validate_field_in(&registry_type, &field, &value, &context, now)
            .map_err(|e| error(e.code, e.message))?;
    encode(&report)
}

/// Parses an ECR registry address.
#[wasm_bindgen(js_name = parseEcrUrl)]
pub fn parse_ecr_url(url: JsValue) -> Result<JsValue, JsValue> {
    let url = string_arg(&url, "url")?;
    encode(&regcred::validate::parse_ecr_url(&url))
}

/// Parses a GCP service-account key (JSON text).
#[wasm_bindgen(js_name = parseServiceAccountKey)]
pub fn parse_service_account_key(text: JsValue) -> Result<JsValue, JsValue> {
    let text = string_arg(&text, "text")?;
    encode(&regcred::validate::parse_service_account_key(&text))
}
