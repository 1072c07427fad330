//! `WWW-Authenticate` values: any text parses (to zero or more challenges) without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for challenge in regcred::verify::challenge::parse_challenges(text) {
        let _ = challenge.param("realm");
    }
});
