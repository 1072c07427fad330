//! GCP service-account keys: no panics; an accepted key's compact form parses to the same key.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let report = regcred::parse_service_account_key(text);
    if let Some(key) = report.value {
        let again = regcred::parse_service_account_key(key.compact.expose());
        assert_eq!(again.value.map(|k| k.compact), Some(key.compact));
    }
});
