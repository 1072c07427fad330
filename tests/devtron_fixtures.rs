//! The platform payload fixtures (tests/fixtures/devtron/, each citing the dashboard or backend
//! source it follows): each request-shaped one passes the platform's own request validation
//! (ported in tests/support/devtron_rules.rs); every one reads back with a warning per field a
//! configuration cannot carry, and `to_devtron_payload` reproduces it (up to the normalizations
//! the README lists, implemented by `normalize` below) in a form the platform accepts; and
//! every secret a fixture leaves blank (`kept`: as the platform's GET answers) reads with a
//! `config.keep-stored` warning and validates in update mode.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use regcred::time::Timestamp;
use regcred::validate::{validate_registry_in, Mode};
use regcred::{from_devtron_payload, to_devtron_payload};
use serde_json::{json, Value};
use support::devtron_rules::validate_request;

fn fixtures() -> Vec<(String, Value)> {
    let dir = format!("{}/tests/fixtures/devtron", env!("CARGO_MANIFEST_DIR"));
    let mut out: Vec<(String, Value)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (
                name,
                serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap(),
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Types the fixtures use that regcred does not model yet (none when empty).
const PENDING_TYPES: &[&str] = &[];

fn remove_path(v: &mut Value, pointer: &str) {
    let Some((parent, key)) = pointer.rsplit_once('/') else {
        return;
    };
    if let Some(Value::Object(o)) = v.pointer_mut(parent) {
        o.remove(key);
    }
}

/// The README's normalizations ("Round trips with the platform's payload"), applied to both
/// sides before comparing.
fn normalize(mut v: Value, dropped: &[String]) -> Value {
    for path in dropped {
        remove_path(&mut v, path);
    }
    let obj = v.as_object_mut().unwrap();
    // Go decodes null and an absent key alike.
    obj.retain(|_, x| !x.is_null());
    // GET omits empty secrets (omitempty); the update API keeps the stored value for "".
    for key in [
        "password",
        "awsSecretAccessKey",
        "assumeRoleArn",
        "connection",
        "cert",
    ] {
        if obj.get(key) == Some(&json!("")) {
            obj.remove(key);
        }
    }
    if obj.get("connection") == Some(&json!("secure"))
        && obj.get("registryType") != Some(&json!("other"))
    {
        obj.remove("connection");
    }
    let ips = obj.entry("ipsConfig").or_insert_with(
        || json!({"credentialType": "SAME_AS_REGISTRY", "ignoredClusterIdsCsv": "-1"}),
    );
    if let Value::Object(ips) = ips {
        ips.remove("id");
        ips.retain(|_, x| *x != json!("") && !x.is_null());
    }
    v
}

#[test]
fn fixtures_round_trip_and_pass_the_platform_rules() {
    let all = fixtures();
    assert!(all.len() >= 25, "{} fixtures", all.len());
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, f) in &all {
        let payload = &f["payload"];
        let source = &f["source"][0];
        assert!(
            source["commit"].as_str().is_some_and(|c| c.len() == 40) && source["path"].is_string(),
            "{name}: every fixture cites its source file and commit"
        );
        let ea = payload["ipsConfig"].is_null() && f["shape"] == "request";
        if f["shape"] == "request" {
            if let Err(e) = validate_request(payload, ea) {
                failures.push(format!("{name}: the fixture itself is refused: {e}"));
            }
        }
        if PENDING_TYPES.contains(&payload["registryType"].as_str().unwrap()) {
            continue;
        }
        checked += 1;
        let report = from_devtron_payload(&regcred::json::Value::from(payload));
        if !report.valid {
            failures.push(format!("{name}: {:?}", report.errors));
            continue;
        }
        let dropped: Vec<String> = serde_json::from_value(f["dropped"].clone()).unwrap();
        let mut warned: Vec<String> = report
            .warnings
            .iter()
            .filter(|w| w.code == "devtron.dropped-field")
            .map(|w| w.path.clone())
            .collect();
        warned.sort();
        let mut expected = dropped.clone();
        expected.sort();
        if warned != expected {
            failures.push(format!(
                "{name}: dropped-field warnings {warned:?}, expected {expected:?}"
            ));
        }
        if report
            .warnings
            .iter()
            .any(|w| w.code == "devtron.unknown-field")
        {
            failures.push(format!("{name}: {:?}", report.warnings));
        }
        let mut kept: Vec<&str> = report
            .warnings
            .iter()
            .filter(|w| w.code == "config.keep-stored")
            .map(|w| w.path.as_str())
            .collect();
        let mut expected: Vec<&str> = f["kept"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        kept.sort_unstable();
        expected.sort_unstable();
        if kept != expected {
            failures.push(format!(
                "{name}: kept secrets {kept:?}, expected {expected:?}"
            ));
        }
        let json = serde_json::to_value(report.value.as_ref().unwrap()).unwrap();
        let now = Timestamp::parse_iso8601("2026-01-01T00:00:00Z").unwrap();
        let update = validate_registry_in(&regcred::json::Value::from(&json), now, Mode::Update);
        if !update.valid {
            failures.push(format!(
                "{name}: invalid in update mode: {:?}",
                update.errors
            ));
        }
        let out = serde_json::Value::from(to_devtron_payload(report.value.as_ref().unwrap()));
        if let Err(e) = validate_request(&out, ea) {
            failures.push(format!("{name}: toDevtronPayload's answer is refused: {e}"));
        }
        let (a, b) = (
            normalize(payload.clone(), &dropped),
            normalize(out.clone(), &dropped),
        );
        if a != b {
            failures.push(format!("{name}:\n  in:  {a}\n  out: {b}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 25, "{checked} fixtures checked");
}

#[test]
fn the_ported_rules_refuse_what_the_platform_refuses() {
    let ok = json!({"id": "r", "pluginId": "p", "registryUrl": "docker.io", "registryType": "docker-hub",
        "isOCICompliantRegistry": true, "ociRegistryConfig": {"CONTAINER": "PULL/PUSH"},
        "ipsConfig": {"id": 0, "credentialType": "SAME_AS_REGISTRY"}});
    assert_eq!(validate_request(&ok, false), Ok(()));
    let bad = |patch: Value| {
        let mut p = ok.clone();
        for (k, v) in patch.as_object().unwrap() {
            p[k] = v.clone();
        }
        validate_request(&p, false).unwrap_err()
    };
    assert!(bad(json!({"ipsConfig": null})).contains("'ipsConfig' is required"));
    assert!(bad(json!({"isOCICompliantRegistry": false})).contains("should be empty"));
    assert!(bad(json!({"ociRegistryConfig": null})).contains("'ociRegistryConfig' is required"));
    assert!(bad(json!({"ociRegistryConfig": {"CHART": "PULL"}})).contains("repositoryList"));
    assert!(
        bad(json!({"ociRegistryConfig": {"CHART": "PULL"}, "repositoryList": ["a", ""]}))
            .contains("repositoryList")
    );
    assert!(bad(json!({"connection": "secure-with-cert"})).contains("cert"));
    assert!(bad(json!({"cert": "x"})).contains("cert"));
    assert!(bad(json!({"id": ""})).contains("required"));
    assert!(bad(json!({"isDefault": "yes"})).contains("unmarshal"));
    assert!(bad(json!({"ipsConfig": {"credentialType": ""}})).contains("oneof"));
    let gcr = json!({"id": "g", "pluginId": "p", "registryUrl": "gcr.io", "registryType": "gcr",
        "isOCICompliantRegistry": false, "isPublic": true, "ipsConfig": {"credentialType": "NAME"}});
    assert!(validate_request(&gcr, false)
        .unwrap_err()
        .contains("'isPublic' should be FALSE"));
    let ea = json!({"id": "r", "pluginId": "p", "registryUrl": "docker.io", "registryType": "docker-hub",
        "isOCICompliantRegistry": true, "ociRegistryConfig": {"CONTAINER": "PULL/PUSH"}});
    assert!(validate_request(&ea, true)
        .unwrap_err()
        .contains("'CONTAINER'"));
}

/// tests/fixtures/crashers/devtron_payload/: payloads the fuzz target stopped on. Each reads as a
/// shaped configuration that does not validate (here a public GCR registry pulling Helm charts,
/// which GCR cannot store), so `to_devtron_payload`'s fixed-point promise, made for valid
/// configurations, does not apply; validation names the reason, and a valid configuration from
/// the same reading would round-trip.
#[test]
fn crashers_stay_fixed() {
    let dir = format!(
        "{}/tests/fixtures/crashers/devtron_payload",
        env!("CARGO_MANIFEST_DIR")
    );
    let now = Timestamp(1_795_732_860);
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let payload: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let read = from_devtron_payload(&regcred::json::Value::from(&payload));
        let config = read.value.expect("the crasher reads as a configuration");
        let json = serde_json::to_value(&config).unwrap();
        let checked = validate_registry_in(&regcred::json::Value::from(&json), now, Mode::Update);
        assert!(!checked.valid, "{}", path.display());
        let codes: Vec<String> = checked.errors.iter().map(|e| e.code.clone()).collect();
        assert!(codes.iter().any(|c| c == "usage.gcr-charts"), "{codes:?}");
    }
}
