//! Devtron payloads: decoding arbitrary JSON never panics, and whatever decodes re-encodes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) {
        let report = regcred::from_devtron_payload(&value);
        if let Some(config) = report.value {
            let _ = regcred::to_devtron_payload(&config);
        }
    }
});
