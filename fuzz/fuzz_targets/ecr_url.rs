//! ECR registry URLs: any text parses to a report without panicking; an accepted URL's host
//! parses again to the same registry.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let report = regcred::parse_ecr_url(text);
    if let Some(ecr) = report.value {
        let again = regcred::parse_ecr_url(&ecr.host);
        assert_eq!(again.value.map(|e| e.host), Some(ecr.host));
    }
});
