//! Arbitrary text to the image-reference parser (`reference.Parse` and `ParseNormalizedNamed`):
//! never a panic; an accepted reference parses again to itself (canonical and familiar forms).
#![no_main]

use libfuzzer_sys::fuzz_target;
use regcred::images::{parse, parse_normalized};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(r) = parse(text) {
        assert_eq!(r.reference, text, "Parse keeps the text as written");
    }
    if let Ok(r) = parse_normalized(text) {
        let again = parse_normalized(&r.reference).unwrap_or_else(|e| panic!("canonical form rejected: {e:?}"));
        assert_eq!(again, r);
        // The one exception, as upstream: `docker.io/<64 hex>` is a repository, but its familiar
        // form is the bare 64-hex text, which reads as an image id and is refused.
        if !regcred::images::grammar::is_identifier(&r.familiar_name) {
            let familiar = parse_normalized(&r.familiar_reference).unwrap_or_else(|e| panic!("familiar form rejected: {e:?}"));
            assert_eq!(familiar, r);
        }
    }
});
