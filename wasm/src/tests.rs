//! The wasm facade, run under Node by wasm-bindgen-test-runner (`make test-wasm`). Unit tests
//! of this crate (not tests/): the crate is a cdylib only, since an rlib beside it costs the
//! shipped module ~18 KiB gzip (ARCHITECTURE.md).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn inspect_certificates_reads_pem_text_and_bytes() {
    use crate::cert::inspect_certificates;
    let pem = include_str!("../../tests/fixtures/certs/root.pem");
    let options = js_sys::JSON::parse(r#"{"now":"2030-06-01T00:00:00Z"}"#).unwrap();
    let report = inspect_certificates(JsValue::from_str(pem), options.clone()).unwrap();
    assert_eq!(get(&report, "valid").as_bool(), Some(true));
    let certs = get(&get(&report, "value"), "certificates");
    assert_eq!(js_sys::Array::from(&certs).length(), 1);
    let der = include_bytes!("../../tests/fixtures/certs/root.der");
    let bytes = js_sys::Uint8Array::from(&der[..]);
    let report = inspect_certificates(bytes.into(), JsValue::UNDEFINED).unwrap();
    assert!(get(&report, "value").is_object());
    let expired = include_str!("../../tests/fixtures/certs/expired.pem");
    let report = inspect_certificates(JsValue::from_str(expired), options).unwrap();
    assert_eq!(get(&report, "valid").as_bool(), Some(false));
    let err = inspect_certificates(JsValue::from_f64(1.0), JsValue::UNDEFINED).unwrap_err();
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("argument.type")
    );
    let bad_now = js_sys::JSON::parse(r#"{"now":"yesterday"}"#).unwrap();
    let err = inspect_certificates(JsValue::from_str(pem), bad_now).unwrap_err();
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("argument.now")
    );
}

fn texts(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_owned()).collect()
}

#[wasm_bindgen_test]
fn fetch_failures_are_classified() {
    use crate::transport::classify;
    use regcred::verify::http::Transport;
    assert_eq!(classify("AbortError", &[], false), Transport::Timeout);
    assert_eq!(
        classify("TypeError", &texts(&["fetch failed"]), true),
        Transport::Timeout
    );
    let undici = texts(&[
        "fetch failed",
        "DEPTH_ZERO_SELF_SIGNED_CERT",
        "self-signed certificate",
    ]);
    assert_eq!(classify("TypeError", &undici, false), Transport::Tls);
    let deno = texts(&["error sending request: invalid peer certificate: UnknownIssuer"]);
    assert_eq!(classify("TypeError", &deno, false), Transport::Tls);
    let refused = texts(&[
        "fetch failed",
        "ECONNREFUSED",
        "connect ECONNREFUSED 127.0.0.1:1",
    ]);
    assert_eq!(
        classify("TypeError", &refused, false),
        Transport::Unreachable
    );
}
