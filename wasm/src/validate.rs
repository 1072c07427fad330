//! Exports: validation of configurations, fields, ECR URLs and GCP service-account keys.

use wasm_bindgen::prelude::*;

use crate::args;
use crate::codec::{decode_json, encode, error};

/// Validates a whole registry configuration; the report's `value` is the normalized config.
#[wasm_bindgen(js_name = validateRegistry)]
pub fn validate_registry(config: JsValue, options_arg: JsValue) -> Result<JsValue, JsValue> {
    // The configuration is what a person typed: any value, even none, is a Report.
    let config = decode_json(&config, "config")?.unwrap_or(regcred::json::Value::Null);
    let options = args::options(&options_arg)?;
    let now = options.now()?;
    encode(&regcred::validate::validate_registry_in(
        &config,
        now,
        options.mode()?,
    ))
}

/// Validates one field of a configuration (for validation on each keystroke).
#[wasm_bindgen(js_name = validateField)]
pub fn validate_field(
    registry_type: JsValue,
    field: JsValue,
    value: JsValue,
    options_arg: JsValue,
) -> Result<JsValue, JsValue> {
    let registry_type = args::text(&registry_type, "registryType")?;
    let field = args::text(&field, "field")?;
    let value = decode_json(&value, "value")?.unwrap_or(regcred::json::Value::Null);
    let options = args::options(&options_arg)?;
    let now = options.now()?;
    let context = options.get("config").cloned().unwrap_or_default();
    let report =
        regcred::validate::validate_field_in(&registry_type, &field, &value, &context, now)
            .map_err(|e| error(e.code, e.message))?;
    encode(&report)
}

/// Parses an ECR registry address.
#[wasm_bindgen(js_name = parseEcrUrl)]
pub fn parse_ecr_url(url: JsValue) -> Result<JsValue, JsValue> {
    let url = args::text(&url, "url")?;
    encode(&regcred::validate::parse_ecr_url(&url))
}

/// Parses a GCP service-account key (JSON text).
#[wasm_bindgen(js_name = parseServiceAccountKey)]
pub fn parse_service_account_key(text: JsValue) -> Result<JsValue, JsValue> {
    let text = args::text(&text, "text")?;
    encode(&regcred::validate::parse_service_account_key(&text))
}
