//! Whole registry configurations: arbitrary JSON validates to a report without panicking; a
//! valid configuration's normalized value is valid and normalizes to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use regcred::time::Timestamp;

fuzz_target!(|data: &[u8]| {
    let Some(value) = std::str::from_utf8(data).ok().and_then(|t| regcred::json::parse(t).ok()) else {
        return;
    };
    let now = Timestamp(1_795_732_860);
    let report = regcred::validate_registry(&value, now);
    if let Some(config) = report.value {
        let Some(json) = regcred::json::to_value(&config) else { return };
        let again = regcred::validate_registry(&json, now);
        assert!(again.valid, "a normalized configuration must stay valid");
        assert_eq!(again.value, Some(config));
    }
});
