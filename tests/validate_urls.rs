//! Registry URLs from the shared fixtures (tests/fixtures/urls/), also run by
//! tests/js/validate.test.mjs against the wasm build.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use regcred::catalog::{Connection, RegistryType};
use regcred::validate::check_registry_url;
use regcred::{parse_ecr_url, validate_field_in};
use serde_json::{json, Value};

fn load(name: &str) -> Vec<Value> {
    let path = format!("{}/tests/fixtures/urls/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn connection(case: &Value) -> Connection {
    match case["connection"].as_str() {
        Some("insecure") => Connection::Insecure,
        Some("secure-with-cert") => Connection::SecureWithCert,
        _ => Connection::Secure,
    }
}

#[test]
fn accepted_urls_normalize() {
    let cases = load("accepted.json");
    assert!(cases.len() >= 40);
    let mut types = std::collections::HashSet::new();
    for c in &cases {
        let t = RegistryType::from_id(c["type"].as_str().unwrap()).unwrap();
        types.insert(t);
        let url = c["url"].as_str().unwrap();
        let r = check_registry_url(t, url, connection(c));
        assert!(r.valid, "{url}: {:?}", r.errors);
        assert_eq!(r.value.as_deref(), c["normalized"].as_str(), "{url}");
        // The same through validate_field.
        let ctx = json!({ "connection": c["connection"] });
        let f = validate_field_in(
            t.id(),
            "registryUrl",
            &json!(url),
            &ctx,
            regcred::time::Timestamp(0),
        )
        .unwrap();
        assert_eq!(f.value, Some(c["normalized"].clone()), "{url}");
    }
    assert_eq!(types.len(), 7, "every registry type has accepted URLs");
}

#[test]
fn rejected_urls_give_their_code() {
    let cases = load("rejected.json");
    assert!(cases.len() >= 60);
    let mut failures = Vec::new();
    for c in &cases {
        let t = RegistryType::from_id(c["type"].as_str().unwrap()).unwrap();
        let url = c["url"].as_str().unwrap();
        let r = check_registry_url(t, url, connection(c));
        if r.error_codes() != [c["code"].as_str().unwrap()] {
            failures.push(format!(
                "{url}: {:?} expected {}",
                r.error_codes(),
                c["code"]
            ));
            continue;
        }
        assert!(r.value.is_none());
        for i in &r.errors {
            // Inputs with something of their own (not just a canonical domain a message names
            // as an example) must not be echoed.
            let own = ["evil", "attacker", "user:pass", "1234567890"];
            if own.iter().any(|m| url.contains(m)) {
                assert!(
                    !i.message.contains(url.trim()),
                    "{url}: message echoes input"
                );
                for m in own {
                    assert!(
                        !url.contains(m) || !i.message.contains(m),
                        "{url}: message echoes {m}"
                    );
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn ecr_table() {
    for c in load("ecr.json") {
        let url = c["url"].as_str().unwrap();
        let r = parse_ecr_url(url);
        assert!(r.valid, "{url}: {:?}", r.errors);
        assert_eq!(
            serde_json::to_value(r.value.unwrap()).unwrap(),
            c["expect"],
            "{url}"
        );
    }
}
