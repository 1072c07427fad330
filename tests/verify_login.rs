//! The login state machine with scripted responses, for every path.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use base64::Engine;
use regcred::time::Timestamp;
use regcred::verify::login::Login;
use regcred::verify::outcome::{Outcome, Status};
use regcred::verify::{Request, Response, Transport};
use regcred::RegistryConfig;
use support::scripted::{options, play, Answer, API, BASIC, BEARER, NOW};
use Answer::{F, R};

fn config(url: &str, user: Option<&str>, pass: Option<&str>) -> RegistryConfig {
    support::scripted::config(
        serde_json::json!({ "registryUrl": url, "username": user, "password": pass }),
    )
}

fn r(status: u16, headers: &[(&str, &str)]) -> Answer {
    R(Response::new(status, headers))
}
fn rb(status: u16, headers: &[(&str, &str)], body: &str) -> Answer {
    R(Response::new(status, headers).with_body(body))
}

/// Drives the machine; returns the outcome and the requests sent.
fn run(cfg: &RegistryConfig, private: bool, answers: Vec<Answer>) -> (Outcome, Vec<Request>) {
    let m = Login::from_config(cfg, options(private)).unwrap();
    play(m, answers, &["s3cret", "tok-123"])
}

fn basic(u: &str, p: &str) -> String {
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{u}:{p}"))
    )
}

#[test]
fn basic_ok_and_fail() {
    let cfg = config("reg.example.com", Some("alice"), Some("s3cret"));
    let (o, sent) = run(&cfg, false, vec![r(401, &[BASIC, API]), r(200, &[API])]);
    assert_eq!(o.status, Status::Authenticated);
    assert!(o.ok);
    assert_eq!(sent[0].url, "https://reg.example.com/v2/");
    assert_eq!(sent[0].header("authorization"), None);
    assert_eq!(
        sent[1].header("authorization"),
        Some(basic("alice", "s3cret").as_str())
    );
    assert_eq!(
        o.steps.iter().map(|s| s.status).collect::<Vec<_>>(),
        vec![Some(401), Some(200)]
    );
    assert!(!format!("{:?}", sent[1]).contains("Basic"));

    let (o, _) = run(
        &cfg,
        false,
        vec![r(401, &[BASIC, API]), r(401, &[BASIC, API])],
    );
    assert_eq!((o.status, o.ok), (Status::Unauthorized, false));
}

#[test]
fn basic_without_credentials_is_unauthorized() {
    let (o, sent) = run(
        &config("reg.example.com", None, None),
        false,
        vec![r(401, &[BASIC, API])],
    );
    assert_eq!(o.status, Status::Unauthorized);
    assert_eq!(o.code.as_deref(), Some("verify.credentials-required"));
    assert_eq!(sent.len(), 1);
}

#[test]
fn bearer_get_ok() {
    let cfg = config("reg.example.com", Some("alice"), Some("s3cret"));
    let (o, sent) = run(
        &cfg,
        false,
        vec![
            r(401, &[BEARER, API]),
            rb(
                200,
                &[],
                r#"{"token":"tok-123","expires_in":300,"issued_at":"2026-11-26T22:41:00Z"}"#,
            ),
            r(200, &[API]),
        ],
    );
    assert_eq!(o.status, Status::Authenticated);
    assert_eq!(sent[1].method, "GET");
    assert_eq!(
        sent[1].url,
        "https://auth.example.com/token?service=reg.example.com"
    );
    assert_eq!(
        sent[1].header("authorization"),
        Some(basic("alice", "s3cret").as_str())
    );
    assert_eq!(sent[2].url, "https://reg.example.com/v2/");
    assert_eq!(sent[2].header("authorization"), Some("Bearer tok-123"));
    assert_eq!(o.expires_at, Some(Timestamp(1_795_732_860 + 300)));
    assert_eq!(
        o.steps[1].url,
        "https://auth.example.com/token?service=REDACTED"
    );
}

#[test]
fn bearer_scope_is_passed_and_redacted() {
    let cfg = config("reg.example.com", Some("alice"), Some("s3cret"));
    let ch = ("WWW-Authenticate", "Bearer realm=\"https://auth.example.com/token\",service=\"reg\",scope=\"repository:a/b:pull\"");
    let (o, sent) = run(
        &cfg,
        false,
        vec![
            r(401, &[ch]),
            rb(200, &[], r#"{"token":"tok-123"}"#),
            r(200, &[]),
        ],
    );
    assert_eq!(
        sent[1].url,
        "https://auth.example.com/token?service=reg&scope=repository%3Aa%2Fb%3Apull"
    );
    assert_eq!(
        o.steps[1].url,
        "https://auth.example.com/token?service=REDACTED&scope=REDACTED"
    );
}

#[test]
fn bearer_post_fallback_with_access_token_and_minimum_lifetime() {
    let cfg = config("reg.example.com", Some("alice"), Some("s3cret"));
    for fallback_status in [400, 401, 404, 405] {
        let (o, sent) = run(
            &cfg,
            false,
            vec![
                r(401, &[BEARER, API]),
                r(fallback_status, &[]),
                rb(200, &[], r#"{"access_token":"tok-123","expires_in":10}"#),
                r(200, &[]),
            ],
        );
        assert_eq!(o.status, Status::Authenticated, "{fallback_status}");
        assert_eq!(sent[2].method, "POST");
        assert_eq!(sent[2].url, "https://auth.example.com/token");
        assert_eq!(
            sent[2].header("content-type"),
            Some("application/x-www-form-urlencoded")
        );
        assert_eq!(sent[2].header("authorization"), None);
        assert_eq!(
            sent[2].body.as_deref(),
            Some("grant_type=password&username=alice&password=s3cret&service=reg.example.com&client_id=regcred")
        );
        assert_eq!(sent[3].header("authorization"), Some("Bearer tok-123"));
        assert_eq!(
            o.expires_at,
            Some(Timestamp(NOW.0 + 60)),
            "expires_in < 60 counts as 60"
        );
    }
}

#[test]
fn bearer_failures() {
    let cfg = config("reg.example.com", Some("alice"), Some("s3cret"));
    let (o, _) = run(
        &cfg,
        false,
        vec![r(401, &[BEARER]), r(401, &[]), r(401, &[])],
    );
    assert_eq!(o.status, Status::Unauthorized);
    let (o, _) = run(&cfg, false, vec![r(401, &[BEARER]), r(403, &[])]);
    assert_eq!(o.status, Status::Unauthorized);
    let (o, _) = run(
        &cfg,
        false,
        vec![
            r(401, &[BEARER]),
            rb(200, &[], r#"{"token":"tok-123"}"#),
            r(401, &[BEARER]),
        ],
    );
    assert_eq!(o.status, Status::Unauthorized);
    let (o, _) = run(&cfg, false, vec![r(401, &[BEARER]), rb(200, &[], "<html>")]);
    assert_eq!(
        (o.status, o.code.as_deref()),
        (Status::NotARegistry, Some("verify.token"))
    );
}

#[test]
fn anonymous() {
    let (o, _) = run(
        &config("reg.example.com", None, None),
        false,
        vec![rb(200, &[API], "{}")],
    );
    assert_eq!((o.status, o.ok), (Status::Anonymous, true));
    let (o, _) = run(
        &config("reg.example.com", Some("a"), Some("s3cret")),
        false,
        vec![rb(200, &[], "{}")],
    );
    assert_eq!(o.status, Status::Anonymous);
    assert!(o.message.contains("not checked"));
    // Docker Hub style: an anonymous token, then 200.
    let (o, sent) = run(
        &config("reg.example.com", None, None),
        false,
        vec![
            r(401, &[BEARER, API]),
            rb(200, &[], r#"{"token":"tok-123"}"#),
            r(200, &[]),
        ],
    );
    assert_eq!(o.status, Status::Anonymous);
    assert_eq!(sent[1].header("authorization"), None);
}

#[test]
fn not_a_registry() {
    let cfg = config("www.example.com", Some("a"), Some("s3cret"));
    let (o, _) = run(
        &cfg,
        false,
        vec![rb(
            200,
            &[("content-type", "text/html")],
            "<!doctype html><title>hi</title>",
        )],
    );
    assert_eq!(o.status, Status::NotARegistry);
    let (o, _) = run(&cfg, false, vec![r(404, &[])]);
    assert_eq!(o.status, Status::NotARegistry);
    let (o, _) = run(&cfg, false, vec![r(401, &[])]);
    assert_eq!(o.status, Status::NotARegistry);
    let (o, _) = run(&cfg, false, vec![r(503, &[])]);
    assert_eq!(
        (o.status, o.code.as_deref()),
        (Status::Unreachable, Some("verify.server-error"))
    );
    let (o, _) = run(&cfg, false, vec![r(0, &[])]);
    assert_eq!(
        (o.status, o.code.as_deref()),
        (Status::Unreachable, Some("verify.opaque-redirect"))
    );
}

#[test]
fn transport_failures() {
    let cfg = config("reg.example.com", Some("a"), Some("s3cret"));
    for (t, s) in [
        (Transport::Unreachable, Status::Unreachable),
        (Transport::Tls, Status::Tls),
        (Transport::Timeout, Status::Timeout),
    ] {
        let (o, _) = run(&cfg, false, vec![F(t)]);
        assert_eq!(o.status, s);
        assert_eq!(o.steps[0].status, None);
        assert!(o.steps[0].error.is_some());
    }
}

#[test]
fn insecure_falls_back_to_http() {
    let mut cfg = config("reg.example.com:5000", Some("a"), Some("s3cret"));
    cfg.connection = regcred::Connection::Insecure;
    let (o, sent) = run(
        &cfg,
        false,
        vec![F(Transport::Tls), r(401, &[BASIC]), r(200, &[])],
    );
    assert_eq!(o.status, Status::Authenticated);
    assert_eq!(sent[1].url, "http://reg.example.com:5000/v2/");
    assert!(sent[1].tls.insecure);
    assert_eq!(sent[2].url, "http://reg.example.com:5000/v2/");
}

#[test]
fn secure_with_cert_passes_the_ca_to_the_host() {
    let mut cfg = config("reg.example.com", Some("a"), Some("s3cret"));
    cfg.connection = regcred::Connection::SecureWithCert;
    cfg.cert = Some("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n".into());
    let (_, sent) = run(&cfg, false, vec![rb(200, &[API], "{}")]);
    assert!(sent[0]
        .tls
        .ca_certificate
        .as_deref()
        .unwrap()
        .contains("BEGIN CERTIFICATE"));
    assert!(!sent[0].tls.insecure);
}

#[test]
fn redirects_are_followed_hop_by_hop() {
    let cfg = config("reg.example.com", Some("alice"), Some("s3cret"));
    let (o, sent) = run(
        &cfg,
        false,
        vec![
            r(301, &[("location", "/v2")]),
            r(307, &[("location", "https://reg.example.com/v2/")]),
            r(401, &[BASIC]),
            r(200, &[]),
        ],
    );
    assert_eq!(o.status, Status::Authenticated);
    assert_eq!(sent[1].url, "https://reg.example.com/v2");
    assert_eq!(o.steps.len(), 4);
}

#[test]
fn hop_limit() {
    let cfg = config("reg.example.com", None, None);
    let answers: Vec<Answer> = (0..11)
        .map(|i| r(302, &[("location", if i % 2 == 0 { "/a" } else { "/b" })]))
        .collect();
    let (o, sent) = run(&cfg, false, answers);
    assert_eq!(
        (o.status, o.code.as_deref()),
        (Status::Blocked, Some("policy.redirects"))
    );
    assert_eq!(sent.len(), 11);
}

#[test]
fn blocked_hops_are_never_sent() {
    let cfg = config("reg.example.com", Some("a"), Some("s3cret"));
    for target in [
        "http://127.0.0.1/",
        "https://169.254.169.254/latest/meta-data/",
        "https://[::ffff:10.0.0.1]/",
        "file:///etc/passwd",
        "https://user:pw@reg.example.com/",
        "http://reg.example.com/v2/",
    ] {
        let (o, sent) = run(&cfg, false, vec![r(302, &[("location", target)])]);
        assert_eq!(o.status, Status::Blocked, "{target}");
        assert_eq!(sent.len(), 1, "{target}");
        assert_eq!(o.steps.last().unwrap().error, Some("blocked"));
        assert!(!o.steps.last().unwrap().url.contains("pw@"));
    }
    // With the opt-in, a private registry is reachable, metadata still is not.
    let (o, _) = run(
        &config("10.1.2.3:5000", None, None),
        true,
        vec![rb(200, &[API], "{}")],
    );
    assert_eq!(o.status, Status::Anonymous);
    let (o, sent) = run(&config("169.254.169.254", None, None), true, vec![]);
    assert_eq!((o.status, sent.len()), (Status::Blocked, 0));
}

#[test]
fn credentials_go_to_the_challenge_realm_but_not_across_redirects() {
    let cfg = config("reg.example.com", Some("alice"), Some("s3cret"));
    // The realm on another host, named by the registry's challenge, gets the credentials...
    // ...and a redirect from the realm to yet another host does not; the token that host hands
    // out says nothing about the credentials, so it is not used.
    let (o, sent) = run(
        &cfg,
        false,
        vec![
            r(401, &[BEARER]),
            r(
                302,
                &[("location", "https://elsewhere.example.net/token?service=x")],
            ),
            rb(200, &[], r#"{"token":"tok-123"}"#),
        ],
    );
    assert_eq!(
        sent[1].header("authorization"),
        Some(basic("alice", "s3cret").as_str())
    );
    assert_eq!(sent[2].url, "https://elsewhere.example.net/token?service=x");
    assert_eq!(sent[2].header("authorization"), None);
    assert_eq!(o.code.as_deref(), Some("verify.answered-elsewhere"));

    // A registry redirecting the authorized ping elsewhere: the header is dropped.
    let (_, sent) = run(
        &cfg,
        false,
        vec![
            r(401, &[BASIC]),
            r(307, &[("location", "https://cdn.example.org/v2/")]),
            r(401, &[]),
        ],
    );
    assert_eq!(sent[2].header("authorization"), None);

    // The password form is never redirected to another host.
    let (o, sent) = run(
        &cfg,
        false,
        vec![
            r(401, &[BEARER]),
            r(404, &[]),
            r(307, &[("location", "https://evil.example.org/token")]),
        ],
    );
    assert_eq!(
        (o.status, o.code.as_deref()),
        (Status::Blocked, Some("policy.credentials"))
    );
    assert_eq!(sent.len(), 3);

    // A realm on a private address is refused like any other URL.
    let ch = (
        "WWW-Authenticate",
        "Bearer realm=\"https://127.0.0.1/token\",service=\"x\"",
    );
    let (o, sent) = run(&cfg, false, vec![r(401, &[ch])]);
    assert_eq!((o.status, sent.len()), (Status::Blocked, 1));
}

#[test]
fn docker_hub_uses_registry_1() {
    let cfg: RegistryConfig = serde_json::from_value(serde_json::json!({"name": "hub", "registryType": "docker-hub", "username": "u", "password": "s3cret"})).unwrap();
    let (_, sent) = run(&cfg, false, vec![rb(200, &[API], "{}")]);
    assert_eq!(sent[0].url, "https://registry-1.docker.io/v2/");
}
