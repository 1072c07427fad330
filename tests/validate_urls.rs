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
            &regcred::json::Value::from(&json!(url)),
            &regcred::json::Value::from(&ctx),
            regcred::time::Timestamp(0),
        )
        .unwrap();
        assert_eq!(
            f.value,
            Some(regcred::json::Value::from(&c["normalized"])),
            "{url}"
        );
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

/// amazon-ecr-credential-helper's own `TestExtractRegistry` table (cited in the fixture).
#[test]
fn ecr_credential_helper_table() {
    let path = format!(
        "{}/tests/fixtures/urls/ecr-credential-helper.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 29);
    for c in cases {
        let url = c["url"].as_str().unwrap();
        let r = parse_ecr_url(url);
        assert_eq!(
            r.valid,
            c["accept"].as_bool().unwrap(),
            "{url}: {:?}",
            r.errors
        );
        if let Some(expect) = c.get("expect") {
            let got = serde_json::to_value(r.value.unwrap()).unwrap();
            for key in ["accountId", "fips", "region", "public"] {
                assert_eq!(got[key], expect[key], "{url} {key}");
            }
        }
    }
}

/// Every partition's two domains (IPv4 and dual-stack) take both service spellings the helper's
/// pattern `dkr[.-]ecr(-fips)?` allows; the domain decides `dualStack` and the API endpoint.
#[test]
fn ecr_both_spellings_on_every_domain() {
    let partitions = [
        ("us-east-1", "amazonaws.com", "on.aws"),
        ("us-gov-west-1", "amazonaws.com", "on.aws"),
        (
            "cn-north-1",
            "amazonaws.com.cn",
            "on.amazonwebservices.com.cn",
        ),
        ("eusc-de-east-1", "amazonaws.eu", "on.amazonwebservices.eu"),
        ("us-iso-east-1", "c2s.ic.gov", "on.aws.ic.gov"),
        ("us-isob-east-1", "sc2s.sgov.gov", "on.aws.scloud"),
        ("us-isof-south-1", "csp.hci.ic.gov", "on.aws.hci.ic.gov"),
        ("eu-isoe-west-1", "cloud.adc-e.uk", "on.cloud-aws.adc-e.uk"),
    ];
    for (region, ipv4, dual) in partitions {
        for (domain, dual_stack) in [(ipv4, false), (dual, true)] {
            for service in ["dkr.ecr", "dkr-ecr", "dkr.ecr-fips", "dkr-ecr-fips"] {
                let host = format!("123456789012.{service}.{region}.{domain}");
                let r = parse_ecr_url(&host);
                assert!(r.valid, "{host}: {:?}", r.errors);
                let v = r.value.unwrap();
                assert_eq!(v.dual_stack, dual_stack, "{host}");
                assert_eq!(v.fips, service.ends_with("fips"), "{host}");
                assert_eq!(v.partition, domain, "{host}");
                let api = if dual_stack {
                    domain.strip_prefix("on.").unwrap().to_owned()
                } else {
                    domain.to_owned()
                };
                assert!(v.api_endpoint.ends_with(&api), "{host}: {}", v.api_endpoint);
            }
        }
    }
}
