//! Issue 2's agreement test: every configuration fixture gets the same verdict from the JSON
//! Schema (the `jsonschema` crate, draft 7 and draft 2020-12) and from `validate_registry`.
//!
//! - `configs/valid`: schema-valid and valid for regcred;
//! - `configs/invalid`: schema-invalid and invalid for regcred;
//! - `configs/semantic`: schema-valid but invalid for regcred (rules a schema cannot express;
//!   `configs/semantic/README.md` says why for each).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use regcred::schema::REGISTRY_SCHEMA;
use regcred::time::Timestamp;
use regcred::validate_registry;
use serde_json::Value;

fn fixtures(dir: &str) -> Vec<(String, Value)> {
    let path = format!(
        "{}/tests/fixtures/configs/{dir}",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut out: Vec<(String, Value)> = std::fs::read_dir(&path)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let name = format!("{dir}/{}", p.file_name().unwrap().to_string_lossy());
            (
                name,
                serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap(),
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn schema_drafts_and_rust_agree_on_every_fixture() {
    let schema: Value = serde_json::from_str(REGISTRY_SCHEMA).unwrap();
    let d7 = jsonschema::draft7::new(&schema).expect("draft 7 compiles");
    let d2020 = jsonschema::draft202012::new(&schema).expect("draft 2020-12 compiles");
    let now = Timestamp::parse_iso8601("2026-01-01T00:00:00Z").unwrap();
    let mut problems = Vec::new();
    let mut count = 0;
    for (dir, schema_ok, rust_ok) in [
        ("valid", true, true),
        ("invalid", false, false),
        ("semantic", true, false),
    ] {
        for (name, config) in fixtures(dir) {
            count += 1;
            let a = d7.is_valid(&config);
            let b = d2020.is_valid(&config);
            if a != b {
                problems.push(format!("{name}: draft 7 says {a}, draft 2020-12 says {b}"));
            }
            if a != schema_ok {
                let errs: Vec<String> = d7
                    .iter_errors(&config)
                    .map(|e| format!("{} {}", e.instance_path(), e.schema_path()))
                    .collect();
                problems.push(format!(
                    "{name}: schema verdict {a}, expected {schema_ok} {errs:?}"
                ));
            }
            let r = validate_registry(&config, now);
            if r.valid != rust_ok {
                problems.push(format!(
                    "{name}: validate_registry verdict {}, expected {rust_ok} {:?}",
                    r.valid, r.errors
                ));
            }
            if r.valid != r.value.is_some() {
                problems.push(format!("{name}: value present iff valid"));
            }
        }
    }
    assert!(count >= 60, "only {count} fixtures");
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn valid_fixtures_normalize_to_fixed_points() {
    let now = Timestamp(0);
    for (name, config) in fixtures("valid") {
        let r = validate_registry(&config, now);
        let normalized = serde_json::to_value(r.value.unwrap()).unwrap();
        let again = validate_registry(&normalized, now);
        assert!(
            again.valid,
            "{name}: normalized form is invalid: {:?}",
            again.errors
        );
        assert_eq!(
            serde_json::to_value(again.value.unwrap()).unwrap(),
            normalized,
            "{name}: normalizing twice changes it"
        );
    }
}
