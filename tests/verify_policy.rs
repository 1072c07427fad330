//! The network policy: every URL of tests/fixtures/hostile-urls.json is refused, directly and
//! as a redirect target, without a request to it; legitimate registries pass.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use regcred::time::Timestamp;
use regcred::verify::http::TlsHint;
use regcred::verify::login::{Login, LoginOptions};
use regcred::verify::outcome::{Exchange, Status, Step};
use regcred::verify::policy::Policy;
use regcred::verify::Response;
use regcred::RegistryConfig;

fn fixture() -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/hostile-urls.json"
    ))
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

fn hostile() -> Vec<(String, String)> {
    fixture()
        .iter()
        .map(|e| {
            (
                e["url"].as_str().unwrap().to_owned(),
                e["why"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

const LEGIT: [&str; 15] = [
    "https://registry-1.docker.io/v2/",
    "https://auth.docker.io/token?service=registry.docker.io",
    "https://quay.io/v2/",
    "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/",
    "https://api.ecr.eu-west-1.amazonaws.com/",
    "https://myreg.azurecr.io/v2/",
    "https://europe-west1-docker.pkg.dev/v2/",
    "https://gcr.io/v2/",
    "https://registry.example.com:5000/v2/",
    "https://8.8.8.8/v2/",
    "https://[2606:4700:4700::1111]/v2/",
    "https://[2002:0808:0808::1]/v2/",
    "https://[64:ff9b::8.8.8.8]/v2/",
    "https://xn--bcher-kva.example.com/v2/",
    "https://registry.xn--p1ai/v2/",
];

fn policy() -> Policy {
    Policy {
        registry_host: "registry.example.com".into(),
        registry_port: None,
        tls: TlsHint::default(),
        allow_private_networks: false,
    }
}

#[test]
fn every_hostile_url_is_blocked() {
    let list = hostile();
    assert!(list.len() >= 100, "{}", list.len());
    let passed: Vec<_> = list
        .iter()
        .filter(|(u, _)| policy().check(u).is_ok())
        .collect();
    assert!(passed.is_empty(), "not blocked: {passed:#?}");
}

#[test]
fn legitimate_hosts_pass() {
    for u in LEGIT {
        assert!(policy().check(u).is_ok(), "{u}: {:?}", policy().check(u));
    }
}

#[test]
fn private_networks_opt_in() {
    let p = Policy {
        allow_private_networks: true,
        ..policy()
    };
    for u in [
        "https://127.0.0.1:5000/v2/",
        "https://10.0.0.1/v2/",
        "https://[fd12::1]/v2/",
        "https://localhost/v2/",
        "https://[::ffff:192.168.1.1]/",
    ] {
        assert!(p.check(u).is_ok(), "{u}");
    }
    for u in [
        "https://169.254.169.254/",
        "https://[fd00:ec2::254]/",
        "https://metadata.google.internal/",
        "https://0.0.0.0/",
        "https://224.0.0.1/",
    ] {
        assert!(p.check(u).is_err(), "{u}");
    }
}

#[test]
fn metadata_endpoints_are_never_reachable_even_with_the_opt_in() {
    let p = Policy {
        allow_private_networks: true,
        ..policy()
    };
    let never: Vec<String> = fixture()
        .iter()
        .filter(|e| e["never"] == true)
        .map(|e| e["url"].as_str().unwrap().to_owned())
        .collect();
    assert!(never.len() >= 40, "{}", never.len());
    for u in &never {
        let e = p.check(u).unwrap_err();
        assert_ne!(e.code, "policy.private-address", "{u}");
    }
}

#[test]
fn http_only_to_the_insecure_registry_itself() {
    let p = Policy {
        tls: TlsHint {
            insecure: true,
            ca_certificate: None,
        },
        ..policy()
    };
    assert!(p.check("http://registry.example.com/v2/").is_ok());
    // plain http only to the registry's own host and port
    assert!(p.check("http://registry.example.com:5000/v2/").is_err());
    assert!(p.check("http://other.example.com/v2/").is_err());
    assert!(policy().check("http://registry.example.com/v2/").is_err());
}

fn config(url: &str) -> RegistryConfig {
    serde_json::from_value(serde_json::json!({"name": "test-reg", "registryType": "other", "registryUrl": url, "username": "u", "password": "p"})).unwrap()
}

#[test]
fn hostile_registry_urls_and_redirects_end_blocked_without_a_request() {
    let opts = LoginOptions {
        now: Timestamp(0),
        allow_private_networks: false,
    };
    for (url, why) in hostile() {
        // As the registry URL itself: nothing is sent (or the URL is not even a registry URL).
        if let Ok(mut m) = Login::from_config(&config(&url), opts) {
            match m.next() {
                Step::Done(o) => assert_eq!(o.status, Status::Blocked, "{url} ({why})"),
                Step::Send(r) => panic!("{url} ({why}) was sent: {}", r.url),
            }
        }
        // As a redirect target from a legitimate registry: only the first request is sent.
        let mut m = Login::from_config(&config("registry.example.com"), opts).unwrap();
        let Step::Send(_) = m.next() else { panic!() };
        m.receive(Response::new(302, &[("location", url.as_str())]));
        match m.next() {
            Step::Done(o) => assert_eq!(o.status, Status::Blocked, "redirect to {url} ({why})"),
            Step::Send(r) => {
                // A relative-looking junk Location resolves on the registry itself; that is fine
                // only when the result is the registry's own https origin.
                assert!(
                    r.url.starts_with("https://registry.example.com/"),
                    "redirect to {url} ({why}) was followed to {}",
                    r.url
                );
            }
        }
    }
}
