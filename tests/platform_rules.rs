//! The platform's rules on registry use, public registries, edits, ECR roles, remote connections
//! and injection: each rule with its code, natively (tests/js/platform.test.mjs runs the same
//! cases through the wasm build).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use regcred::time::Timestamp;
use regcred::validate::{validate_registry_in, Mode};
use serde_json::{json, Value};

fn cases() -> Value {
    let path = format!(
        "{}/tests/fixtures/platform-rules.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn merged(base: &Value, patch: &Value) -> Value {
    let mut out = base.clone();
    for (k, v) in patch.as_object().unwrap() {
        if v.is_null() {
            out.as_object_mut().unwrap().remove(k);
        } else {
            out[k] = v.clone();
        }
    }
    out
}

#[test]
fn every_rule_gives_its_code() {
    let doc = cases();
    let now = Timestamp::parse_iso8601("2026-01-01T00:00:00Z").unwrap();
    let mut failures = Vec::new();
    for case in doc["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let base = &doc["bases"][case["base"].as_str().unwrap()];
        let config = merged(base, &case["patch"]);
        let mode = match case["mode"].as_str() {
            Some("update") => Mode::Update,
            _ => Mode::Create,
        };
        let r = validate_registry_in(&regcred::json::Value::from(&config), now, mode);
        let errors: Vec<(String, String)> = r
            .errors
            .iter()
            .map(|i| (i.path.clone(), i.code.clone()))
            .collect();
        let warnings: Vec<(String, String)> = r
            .warnings
            .iter()
            .map(|i| (i.path.clone(), i.code.clone()))
            .collect();
        let expect = |key: &str| -> Vec<(String, String)> {
            case[key]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|p| {
                            (
                                p[0].as_str().unwrap().to_owned(),
                                p[1].as_str().unwrap().to_owned(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        if errors != expect("errors") || warnings != expect("warnings") {
            failures.push(format!("{name}: errors {errors:?} warnings {warnings:?}"));
        }
        if let Some(v) = case.get("value") {
            let got = serde_json::to_value(r.value.as_ref()).unwrap();
            for (k, want) in v.as_object().unwrap() {
                if got.get(k).unwrap_or(&Value::Null) != want {
                    failures.push(format!(
                        "{name}: value.{k} = {}",
                        got.get(k).unwrap_or(&Value::Null)
                    ));
                }
            }
        }
        let text = serde_json::to_string(&r.errors).unwrap()
            + &serde_json::to_string(&r.warnings).unwrap();
        assert!(!text.contains("hunter2"), "{name}: a secret in a message");
        assert!(!text.contains('`'), "{name}: Markdown in a message");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(doc["cases"].as_array().unwrap().len() >= 30);
}

#[test]
fn validated_fixture_configurations_still_round_trip() {
    // Each platform fixture, read back and validated in update mode, gives the same payload.
    let dir = format!("{}/tests/fixtures/devtron", env!("CARGO_MANIFEST_DIR"));
    let now = Timestamp::parse_iso8601("2026-01-01T00:00:00Z").unwrap();
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let f: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let report = regcred::from_devtron_payload(&regcred::json::Value::from(&f["payload"]));
        let Some(config) = report.value else { continue };
        let json = serde_json::to_value(&config).unwrap();
        let v = validate_registry_in(&regcred::json::Value::from(&json), now, Mode::Update);
        assert!(v.valid, "{}: {:?}", path.display(), v.errors);
        let direct = regcred::to_devtron_payload(&config);
        let validated = regcred::to_devtron_payload(v.value.as_ref().unwrap());
        assert_eq!(direct, validated, "{}", path.display());
        checked += 1;
    }
    assert!(checked >= 25, "{checked}");
    let _ = json!(null);
}

#[test]
fn too_many_chart_repositories() {
    let repos: Vec<String> = (0..=regcred::validate::platform_fields::MAX_CHART_REPOSITORIES)
        .map(|i| format!("team/chart-{i}"))
        .collect();
    let config = json!({"name": "hub", "registryType": "docker-hub", "username": "u",
        "password": "p", "usage": {"charts": "pull", "chartRepositories": repos}});
    let now = Timestamp::parse_iso8601("2026-01-01T00:00:00Z").unwrap();
    let r = validate_registry_in(&regcred::json::Value::from(&config), now, Mode::Create);
    assert_eq!(r.error_codes(), ["usage.too-many"]);
    assert_eq!(r.errors[0].path, "/usage/chartRepositories");
}
