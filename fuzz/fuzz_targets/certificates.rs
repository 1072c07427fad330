//! PEM and DER certificate bundles: arbitrary bytes never panic the inspector.
#![no_main]

use libfuzzer_sys::fuzz_target;
use regcred::cert::{inspect_certificates, InspectOptions};
use regcred::time::Timestamp;

fuzz_target!(|data: &[u8]| {
    let options = InspectOptions {
        now: Timestamp(1_795_732_860),
        host: Some("registry.example.com".to_owned()),
        require_ca: data.first().is_some_and(|b| b & 1 == 1),
    };
    let _ = inspect_certificates(data, &options);
});
