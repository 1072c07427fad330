//! The schema agreement test: every configuration fixture gets the same verdict from the JSON
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

use regcred::schema::registry_schema;
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
    let schema: Value = registry_schema(None);
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
            let r = validate_registry(&regcred::json::Value::from(&config), now);
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
        let r = validate_registry(&regcred::json::Value::from(&config), now);
        let normalized = serde_json::to_value(r.value.unwrap()).unwrap();
        let again = validate_registry(&regcred::json::Value::from(&normalized), now);
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

/// The optional generic engine (`json-schema` feature, `validateJsonSchema` in the
/// `make pkg-jsonschema` build) gives the schema's verdict on every fixture, issues at the
/// instance's JSON pointer with `schema.<keyword>` codes, and never quotes the instance.
#[cfg(feature = "json-schema")]
#[test]
fn the_generic_engine_gives_the_schema_verdict_and_quotes_nothing() {
    use regcred::json_schema::validate_with_schema;
    for (dir, schema_ok) in [("valid", true), ("invalid", false), ("semantic", true)] {
        for (name, config) in fixtures(dir) {
            let report = validate_with_schema(&config, None).unwrap();
            assert_eq!(report.valid, schema_ok, "{name}: {:?}", report.errors);
            assert!(report.value.is_none());
            for issue in &report.errors {
                assert!(issue.code.starts_with("schema."), "{name}: {}", issue.code);
                assert!(issue.path.is_empty() || issue.path.starts_with('/'));
            }
        }
    }
    // A password that fails the schema (wrong type inside an object, over maxLength) is never
    // quoted, nor is any other value.
    let marker = "MARKERpw-3e1f";
    let config = serde_json::json!({
        "name": "dockerhub", "registryType": "docker-hub", "username": marker,
        "password": marker.repeat(20_000), "isDefault": marker,
    });
    let report = validate_with_schema(&config, None).unwrap();
    assert!(!report.valid);
    let text = serde_json::to_string(&report).unwrap();
    assert!(!text.contains("MARKER"), "{text}");
    let paths: Vec<&str> = report.errors.iter().map(|e| e.path.as_str()).collect();
    assert!(
        paths.contains(&"/isDefault") && paths.contains(&"/password"),
        "{paths:?}"
    );
    // A host's own schema; then the shipped one again (each compiled once and kept).
    let own = serde_json::json!({"type": "object", "required": ["b"], "properties": {"a": {"pattern": "^[0-9]+$"}}});
    let report = validate_with_schema(&serde_json::json!({"a": "x1"}), Some(&own)).unwrap();
    let codes: Vec<(&str, &str)> = report
        .errors
        .iter()
        .map(|e| (e.path.as_str(), e.code.as_str()))
        .collect();
    assert_eq!(codes, [("", "schema.required"), ("/a", "schema.pattern")]);
    assert!(
        validate_with_schema(&serde_json::json!({"a": "12", "b": 1}), Some(&own))
            .unwrap()
            .valid
    );
    assert!(
        !validate_with_schema(&serde_json::json!({}), None)
            .unwrap()
            .valid
    );
    // A schema that does not compile is an error with a code, not a report.
    let err = validate_with_schema(
        &serde_json::json!({}),
        Some(&serde_json::json!({"type": "nonsense"})),
    )
    .unwrap_err();
    assert_eq!(err.code, "schema.invalid");
}
