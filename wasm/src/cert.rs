//! Export: CA certificate inspection.

use js_sys::{JsString, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::codec::{decode_json, encode, error, now_from};
use regcred::cert::{InspectOptions, MAX_INPUT_BYTES};

/// Inspects pasted certificates (PEM text or DER bytes); see `regcred::cert`.
/// `options`: `{ now?: string | number, host?: string | null, requireCa?: boolean }`; `now` is
/// ISO-8601 text or epoch milliseconds (default: the host clock), `requireCa` defaults to true.
#[wasm_bindgen(js_name = inspectCertificates)]
pub fn inspect_certificates(pem: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    // At most one byte over the cap crosses the boundary: enough for `cert.too-large`.
    let input = if let Some(text) = pem.dyn_ref::<JsString>() {
        let units = u32::try_from(MAX_INPUT_BYTES + 1).unwrap_or(u32::MAX);
        String::from(text.slice(0, units)).into_bytes()
    } else if let Some(bytes) = pem.dyn_ref::<Uint8Array>() {
        let end = u32::try_from(MAX_INPUT_BYTES + 1).unwrap_or(u32::MAX);
        bytes.subarray(0, end.min(bytes.length())).to_vec()
    } else {
        return Err(error(
            "argument.type",
            "inspectCertificates expects a string or a Uint8Array",
        ));
    };
    let options = decode_json(&options, "options")?.unwrap_or_default();
    if !options.is_object() && !options.is_null() {
        return Err(error("argument.type", "options must be an object"));
    }
    let now = now_from(Some(&options))?;
    let host = match options.get("host") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(_) => return Err(error("argument.type", "host must be a string")),
    };
    let require_ca = match options.get("requireCa") {
        None | Some(serde_json::Value::Null) => true,
        Some(serde_json::Value::Bool(b)) => *b,
        Some(_) => return Err(error("argument.type", "requireCa must be a boolean")),
    };
    let options = InspectOptions {
        now,
        host,
        require_ca,
    };
    encode(&regcred::cert::inspect_certificates(&input, &options))
}
