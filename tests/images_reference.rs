//! distribution/reference's test tables (tests/fixtures/images/references.json) against
//! `regcred::images::parse` (`reference.Parse`) and `parse_normalized` (`ParseNormalizedNamed`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use regcred::images::{parse, parse_image_reference, parse_normalized};
use serde_json::Value;

fn fixture() -> Value {
    support::fixture_json("images/references.json")
}

#[test]
fn every_ported_reference_case_passes() {
    let doc = fixture();
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() > 150);
    let mut failures = Vec::new();
    for c in cases {
        let input = c["input"].as_str().unwrap();
        let result = match c["fn"].as_str().unwrap() {
            "parse" => parse(input),
            _ => parse_normalized(input),
        };
        let got = match (&result, c.get("error").and_then(Value::as_str)) {
            (Err(e), Some(want)) if want == "*" || want == e.code() => continue,
            (Err(e), _) => format!("error {}", e.code()),
            (Ok(_), Some(want)) => format!("ok, expected {want}"),
            (Ok(r), None) => {
                let v = serde_json::to_value(r).unwrap();
                let mut bad = Vec::new();
                for key in [
                    "pullReference",
                    "domain",
                    "path",
                    "name",
                    "tag",
                    "digest",
                    "familiarName",
                    "reference",
                    "familiarReference",
                ] {
                    if let Some(want) = c.get(key) {
                        if v.get(key) != Some(want) {
                            bad.push(format!("{key}: {:?} != {want}", v.get(key)));
                        }
                    }
                }
                // ParseNamed: the input must already be the canonical name.
                if let Some(nc) = c.get("notCanonical").and_then(Value::as_bool) {
                    if nc == (r.reference == input) {
                        bad.push("canonical".into());
                    }
                }
                if bad.is_empty() {
                    continue;
                }
                bad.join("; ")
            }
        };
        failures.push(format!("{} {input:?} ({}): {got}", c["fn"], c["from"]));
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_report_carries_one_coded_error_and_never_the_input() {
    let r = parse_image_reference("Secret-Looking/UPPER:tag");
    assert!(!r.valid);
    assert_eq!(r.errors.len(), 1);
    assert_eq!(r.errors[0].code, "image.reference.uppercase");
    assert!(!r.errors[0].message.contains("UPPER"));
    let ok = parse_image_reference("nginx");
    assert!(ok.valid);
    assert_eq!(ok.value.unwrap().name, "docker.io/library/nginx");
}

#[test]
fn long_and_odd_inputs_end_in_an_error_not_a_panic() {
    for s in [
        "@",
        ":",
        "/",
        "a@",
        "a:",
        "[",
        "[]/a",
        "a//b",
        "a/",
        "\u{212a}/x",
        &"a/".repeat(5000),
        &"[".repeat(3000),
    ] {
        let _ = parse_normalized(s);
        let _ = parse(s);
    }
}

#[test]
fn crashers_stay_fixed() {
    // tests/fixtures/crashers/image_reference/: inputs the fuzzer once stopped on.
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/crashers/image_reference"
    );
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let r = parse_normalized(&text).unwrap();
        assert_eq!(parse_normalized(&r.reference).unwrap(), r);
        // Every crasher is a Docker Hub name whose familiar form reads as another reference, as
        // in distribution/reference: `docker.io/<64 hex>` (a bare image id, refused),
        // `docker.io/a.io/<path>` (`<path>` on registry a.io), `docker.io/docker.io/<path>`.
        assert_eq!(r.domain, "docker.io");
        assert_ne!(
            parse_normalized(&r.familiar_reference).ok(),
            Some(r.clone())
        );
    }
}
