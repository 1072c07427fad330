//! `pullSecret` requests: arbitrary JSON never panics in the binding's decoder or the generator
//! (errors are values).
#![no_main]

use libfuzzer_sys::fuzz_target;

/// The binding's decoder of the `pullSecret` options, exactly as the package runs it.
#[path = "../../wasm/src/request.rs"]
mod request;

fuzz_target!(|data: &[u8]| {
    // The binding hands the decoder an object (anything else is `argument.type` before it).
    let parsed = std::str::from_utf8(data).ok().and_then(|t| regcred::json::parse(t).ok());
    if let Some(regcred::json::Value::Object(value)) = parsed {
        let now = regcred::time::Timestamp(1_795_732_860);
        let _ = request::pull_secret_request(&value, now).and_then(|r| r.render());
    }
});
