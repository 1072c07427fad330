//! `pullSecret` requests: arbitrary JSON never panics (errors are values).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) {
        let _ = regcred::secret::request::pull_secret_from_json(&value, regcred::time::Timestamp(1_795_732_860));
    }
});
