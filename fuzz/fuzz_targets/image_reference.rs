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
        // The familiar form drops `docker.io`: elsewhere it is the canonical form itself. On Docker
        // Hub it can read as something else, as upstream (`docker.io/<64 hex>` becomes a bare image
        // id, `docker.io/a.io/b` the name `a.io/b` on registry a.io); it must read back to the same
        // reference whenever it still names a Docker Hub repository.
        if r.domain != "docker.io" {
            assert_eq!(r.familiar_reference, r.reference);
        } else if let Ok(familiar) = parse_normalized(&r.familiar_reference) {
            if familiar.domain == "docker.io" {
                assert_eq!(familiar, r);
            }
        }
    }
});
