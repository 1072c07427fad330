//! The kubelet keyring's test tables (tests/fixtures/images/keyring.json, ported from
//! kubernetes' pkg/credentialprovider/keyring_test.go) against `regcred::images::keyring` and
//! `resolve_credentials`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use regcred::images::keyring::{is_default_registry_match, urls_match, Keyring};
use regcred::images::resolve_credentials;
use regcred::time::Timestamp;
use serde_json::{json, Value};

fn fixture() -> Value {
    support::fixture_json("images/keyring.json")
}

fn now() -> Timestamp {
    Timestamp::parse_iso8601("2026-01-01T00:00:00Z").unwrap()
}

#[test]
fn urls_match_table() {
    for c in fixture()["urlsMatch"].as_array().unwrap() {
        let (g, t) = (c["glob"].as_str().unwrap(), c["target"].as_str().unwrap());
        assert_eq!(
            urls_match(g, t),
            c["match"].as_bool().unwrap(),
            "{g} vs {t}"
        );
    }
}

#[test]
fn default_registry_match_table() {
    for c in fixture()["defaultRegistryMatch"].as_array().unwrap() {
        let image = c["image"].as_str().unwrap();
        assert_eq!(
            is_default_registry_match(image),
            c["match"].as_bool().unwrap(),
            "{image}"
        );
    }
}

/// Adds every `auths` entry of every source, as the kubelet's `Add` does.
fn keyring_of(sources: &Value) -> Keyring {
    let mut k = Keyring::new();
    for (i, doc) in sources.as_array().unwrap().iter().enumerate() {
        for (server, entry) in doc["auths"].as_object().unwrap() {
            let username = match entry.get("auth").and_then(Value::as_str) {
                Some(a) => {
                    use base64::Engine;
                    let raw = base64::engine::general_purpose::STANDARD.decode(a).unwrap();
                    String::from_utf8(raw)
                        .unwrap()
                        .split(':')
                        .next()
                        .unwrap()
                        .to_owned()
                }
                None => entry["username"].as_str().unwrap().to_owned(),
            };
            k.add(server, &username, i);
        }
    }
    k
}

#[test]
fn lookup_table() {
    for c in fixture()["lookups"].as_array().unwrap() {
        let lookup = c["lookup"].as_str().unwrap();
        let got = serde_json::to_value(keyring_of(&c["sources"]).lookup(lookup)).unwrap();
        let what = format!("{} {lookup}", c["from"]);
        if let Some(expect) = c.get("expect") {
            assert_eq!(&got, expect, "{what}");
        }
        if let Some(first) = c.get("first") {
            assert_eq!(got.get(0), Some(first), "{what}");
        }
        if let Some(n) = c.get("atMost").and_then(Value::as_u64) {
            assert!(got.as_array().unwrap().len() as u64 <= n, "{what}");
        }
    }
}

#[test]
fn resolve_credentials_agrees_with_the_keyring_for_real_image_names() {
    // The same documents through resolveCredentials, for lookups that are already normalized
    // repository names (the kubelet looks up the name of the parsed image).
    let mut checked = 0;
    for c in fixture()["lookups"].as_array().unwrap() {
        let lookup = c["lookup"].as_str().unwrap();
        let Ok(r) = regcred::images::parse_normalized(lookup) else {
            continue;
        };
        if r.name != lookup {
            continue;
        }
        let report = resolve_credentials(lookup, &regcred::json::Value::from(&c["sources"]), now());
        assert!(report.valid, "{lookup}: {:?}", report.errors);
        let want = serde_json::to_value(keyring_of(&c["sources"]).lookup(lookup)).unwrap();
        assert_eq!(
            serde_json::to_value(report.value.unwrap()).unwrap(),
            want,
            "{lookup}"
        );
        checked += 1;
    }
    assert!(checked >= 10, "{checked}");
}

#[test]
fn own_cases_through_resolve_credentials() {
    for c in fixture()["own"].as_array().unwrap() {
        let report = resolve_credentials(
            c["image"].as_str().unwrap(),
            &regcred::json::Value::from(&c["sources"]),
            now(),
        );
        assert!(report.valid, "{}: {:?}", c["from"], report.errors);
        assert_eq!(
            serde_json::to_value(report.value.unwrap()).unwrap(),
            c["expect"],
            "{}",
            c["from"]
        );
    }
}

#[test]
fn text_documents_secrets_and_broken_sources() {
    let doc = r#"{"auths":{"ghcr.io":{"auth":"dXNlcjpzM2NyZXQ="}}}"#;
    use base64::Engine;
    let secret = json!({ "apiVersion": "v1", "kind": "Secret", "type": "kubernetes.io/dockerconfigjson",
        "data": { ".dockerconfigjson": base64::engine::general_purpose::STANDARD.encode(doc) } });
    let sources = json!([doc, secret, { "auths": { "ghcr.io": { "auth": "!!notbase64" } } }, 42,
        { "name": "ecr-nodes", "registryType": "ecr", "registryUrl": "123456789012.dkr.ecr.eu-west-1.amazonaws.com", "awsAuthType": "iam-role" }]);
    let r = resolve_credentials(
        "ghcr.io/acme/app:1",
        &regcred::json::Value::from(&sources),
        now(),
    );
    let text = format!("{r:?} {}", serde_json::to_string(&r).unwrap());
    assert!(
        !text.contains("s3cret") && !text.contains("dXNlcjpzM2NyZXQ="),
        "{text}"
    );
    let codes: Vec<(&str, &str)> = r
        .errors
        .iter()
        .map(|i| (i.path.as_str(), i.code.as_str()))
        .collect();
    assert_eq!(
        codes,
        [
            ("/sources/2/auths/ghcr.io/auth", "images.source.auth"),
            ("/sources/3", "images.source.shape")
        ]
    );
    assert_eq!(r.warnings[0].code, "images.source.iam-role");
    let v = serde_json::to_value(r.value.unwrap()).unwrap();
    assert_eq!(
        v,
        json!([{ "server": "ghcr.io", "username": "user", "source": 0 }, { "server": "ghcr.io", "username": "user", "source": 1 }])
    );
    let bad = resolve_credentials(
        "Not An Image",
        &regcred::json::Value::from(&json!([])),
        now(),
    );
    assert_eq!(bad.errors[0].path, "/image");
    assert!(bad.value.is_none());
}

#[test]
fn globs_are_linear_and_malformed_globs_match_nothing() {
    let pattern = "*a".repeat(200);
    let name = "a".repeat(199) + "b";
    let t = std::time::Instant::now();
    assert!(!regcred::images::keyring::glob_match(
        pattern.as_bytes(),
        name.as_bytes()
    ));
    assert!(t.elapsed().as_millis() < 500);
    assert!(!regcred::images::keyring::glob_match(b"[", b"a"));
    assert!(!regcred::images::keyring::glob_match(b"[]a]", b"a"));
    assert!(regcred::images::keyring::glob_match(b"[a-c]?\\*", b"bx*"));
}
