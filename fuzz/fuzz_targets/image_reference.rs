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
        // The familiar form drops `docker.io` (elsewhere it is the canonical form itself). On Docker
        // Hub it is ambiguous exactly where upstream's is: when the path's first component reads
        // as a registry (`docker.io/a.io/b` becomes `a.io/b`, `docker.io/docker.io/x` becomes
        // `docker.io/x`) or the name is 64 hex digits (an image id). Otherwise it reads back.
        if r.domain != "docker.io" {
            assert_eq!(r.familiar_reference, r.reference);
        } else {
            let first = r.familiar_name.split('/').next().unwrap_or_default();
            let ambiguous = r.familiar_name.contains('/') && (first == "localhost" || first.contains(['.', ':']));
            if !ambiguous && !regcred::images::grammar::is_identifier(&r.familiar_name) {
                let familiar = parse_normalized(&r.familiar_reference).unwrap_or_else(|e| panic!("familiar form rejected: {e:?}"));
                assert_eq!(familiar, r);
            }
        }
    }
});
