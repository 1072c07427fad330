//! Export: CA certificate inspection.

use js_sys::{JsString, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::args;
use crate::codec::encode;
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
        crate::host::bytes_of(&bytes.subarray(0, end.min(bytes.length())))
    } else if args::absent(&pem) {
        return Err(args::missing("pem"));
    } else {
        return Err(args::wrong_type("pem", "a string or a Uint8Array"));
    };
    let options = args::options(&options)?;
    let options = InspectOptions {
        now: options.now()?,
        host: options.text("host")?,
        require_ca: options.flag("requireCa", true)?,
    };
    encode(&regcred::cert::inspect_certificates(&input, &options))
}
