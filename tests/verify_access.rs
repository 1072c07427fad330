//! The repository access check (login with a repository scope, then the manifest, then push)
//! with scripted responses.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use base64::Engine;
use regcred::verify::access::{verify_access, AccessRequest, MANIFEST_ACCEPT};
use regcred::verify::outcome::{Outcome, Status};
use regcred::verify::{Request, Response};
use regcred::RegistryConfig;
use serde_json::json;
use support::scripted::{options, play, Answer, API, BEARER, NOW};

fn config(kind: &str, url: &str, creds: bool) -> RegistryConfig {
    let mut v = json!({ "registryType": kind, "registryUrl": url });
    if creds {
        v["username"] = "alice".into();
        v["password"] = "s3cret".into();
    }
    support::scripted::config(v)
}

fn request(repository: &str, actions: &[&str], probe_write: bool) -> AccessRequest {
    AccessRequest {
        repository: repository.to_owned(),
        actions: actions.iter().map(|a| (*a).to_owned()).collect(),
        probe_write,
    }
}

/// A JWT whose payload grants `actions` on `repo` (unsigned: the check never verifies).
fn jwt(repo: &str, actions: &[&str]) -> String {
    let enc = |v: serde_json::Value| {
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string())
    };
    let payload = json!({ "iss": "t", "access": [{ "type": "repository", "name": repo, "actions": actions }] });
    format!(
        "{}.{}.c2lnbmF0dXJl",
        enc(json!({ "alg": "ES256" })),
        enc(payload)
    )
}

fn token_body(token: &str) -> String {
    json!({ "token": token, "expires_in": 300 }).to_string()
}

fn run(
    cfg: &RegistryConfig,
    req: &AccessRequest,
    answers: Vec<Response>,
) -> (Outcome, Vec<Request>) {
    let m = verify_access(cfg, options(false), req).unwrap();
    let answers = answers.into_iter().map(Answer::R).collect();
    play(m, answers, &["s3cret", "eyJ"])
}

fn login(token: &str) -> Vec<Response> {
    vec![
        Response::new(401, &[BEARER, API]),
        Response::new(200, &[]).with_body(token_body(token)),
        Response::new(200, &[API]),
    ]
}

fn with(mut v: Vec<Response>, more: Response) -> Vec<Response> {
    v.push(more);
    v
}

#[test]
fn pull_granted_asks_the_token_for_the_repository_scope_and_the_manifest() {
    let cfg = config("other", "reg.example.com", true);
    let tok = jwt("team/app", &["pull"]);
    let (o, sent) = run(
        &cfg,
        &request("team/app:1.0", &[], false),
        with(login(&tok), Response::new(200, &[])),
    );
    assert_eq!((o.status, o.ok), (Status::Granted, true));
    assert!(
        sent[1].url.contains("scope=repository%3Ateam%2Fapp%3Apull"),
        "{}",
        sent[1].url
    );
    assert_eq!(
        sent[3].url,
        "https://reg.example.com/v2/team/app/manifests/1.0"
    );
    assert_eq!(sent[3].header("accept"), Some(MANIFEST_ACCEPT));
    assert_eq!(
        sent[3].header("authorization"),
        Some(format!("Bearer {tok}").as_str())
    );
    assert_eq!(o.steps.len(), 4);
    assert_eq!(o.steps[3].status, Some(200));
}

#[test]
fn manifest_refused_after_login_is_denied_and_404s_are_not_found() {
    let cfg = config("other", "reg.example.com", true);
    let tok = jwt("team/app", &[]);
    let (o, _) = run(
        &cfg,
        &request("team/app", &[], false),
        with(login(&tok), Response::new(401, &[BEARER])),
    );
    assert_eq!(
        (o.status, o.code.as_deref()),
        (Status::Denied, Some("access.denied"))
    );
    for (code, want) in [
        ("MANIFEST_UNKNOWN", "access.manifest-unknown"),
        ("NAME_UNKNOWN", "access.name-unknown"),
        ("OTHER", "access.not-found"),
    ] {
        let body = json!({ "errors": [{ "code": code, "message": "x" }] }).to_string();
        let (o, sent) = run(
            &cfg,
            &request("team/app", &[], false),
            with(login(&tok), Response::new(404, &[]).with_body(body)),
        );
        assert_eq!(
            (o.status, o.code.as_deref()),
            (Status::NotFound, Some(want))
        );
        assert!(sent[3].url.ends_with("/manifests/latest"));
    }
}

#[test]
fn wrong_password_is_unauthorized_before_any_manifest_request() {
    let cfg = config("other", "reg.example.com", true);
    let (o, sent) = run(
        &cfg,
        &request("team/app", &[], false),
        vec![
            Response::new(401, &[BEARER, API]),
            Response::new(401, &[]),
            Response::new(401, &[]),
        ],
    );
    assert_eq!(o.status, Status::Unauthorized);
    // The token GET, then the OAuth2 password-grant POST; no manifest request.
    assert_eq!(sent.len(), 3);
    assert_eq!(sent[2].method, "POST");
}

#[test]
fn anonymous_pull_on_a_public_registry() {
    let cfg = config("other", "reg.example.com", false);
    let tok = jwt("lib/tool", &["pull"]);
    let (o, sent) = run(
        &cfg,
        &request("lib/tool", &[], false),
        with(login(&tok), Response::new(200, &[])),
    );
    assert_eq!(o.status, Status::Granted);
    assert_eq!(sent[1].header("authorization"), None);
    let (o, _) = run(
        &cfg,
        &request("private/x", &[], false),
        with(login(&jwt("private/x", &[])), Response::new(401, &[])),
    );
    assert_eq!(
        (o.status, o.code.as_deref()),
        (Status::Unauthorized, Some("access.credentials-required"))
    );
    // An open registry (2xx on /v2/): straight to the manifest, without authorization.
    let (o, sent) = run(
        &cfg,
        &request("lib/tool", &[], false),
        vec![Response::new(200, &[API]), Response::new(200, &[])],
    );
    assert_eq!(o.status, Status::Granted);
    assert_eq!(sent[1].header("authorization"), None);
}

#[test]
fn push_from_the_token_claim_the_probe_or_unverified() {
    let cfg = config("other", "reg.example.com", true);
    let both = jwt("team/app", &["pull", "push"]);
    let (o, sent) = run(
        &cfg,
        &request("team/app", &["pull", "push"], false),
        with(login(&both), Response::new(200, &[])),
    );
    assert_eq!(o.status, Status::Granted, "{}", o.message);
    assert!(sent[1]
        .url
        .contains("scope=repository%3Ateam%2Fapp%3Apull%2Cpush"));
    let pull_only = jwt("team/app", &["pull"]);
    let (o, _) = run(
        &cfg,
        &request("team/app", &["pull", "push"], false),
        with(login(&pull_only), Response::new(200, &[])),
    );
    assert_eq!(
        (o.status, o.code.as_deref()),
        (Status::Denied, Some("access.push-denied"))
    );
    // An opaque token says nothing: unverified unless the caller opts into the probe.
    let (o, sent) = run(
        &cfg,
        &request("team/app", &["push"], false),
        login("opaque-token"),
    );
    assert_eq!(
        (o.status, o.code.as_deref()),
        (Status::Unverified, Some("access.push-unverified"))
    );
    assert_eq!(sent.len(), 3);
    let mut answers = login("opaque-token");
    answers.push(Response::new(
        202,
        &[("Location", "/v2/team/app/blobs/uploads/u-1?_state=abc")],
    ));
    answers.push(Response::new(204, &[]));
    let (o, sent) = run(&cfg, &request("team/app", &["push"], true), answers);
    assert_eq!(o.status, Status::Granted);
    assert_eq!(
        (sent[3].method, sent[3].url.as_str()),
        ("POST", "https://reg.example.com/v2/team/app/blobs/uploads/")
    );
    assert_eq!(sent[4].method, "DELETE");
    assert!(sent[4]
        .url
        .starts_with("https://reg.example.com/v2/team/app/blobs/uploads/u-1"));
    assert_eq!(sent[4].header("authorization"), Some("Bearer opaque-token"));
    assert!(o.steps[4].url.contains("_state=REDACTED"));
    let mut answers = login("opaque-token");
    answers.push(Response::new(
        202,
        &[("Location", "/v2/team/app/blobs/uploads/u-2")],
    ));
    answers.push(Response::new(401, &[]));
    let (o, _) = run(&cfg, &request("team/app", &["push"], true), answers);
    assert_eq!(
        (o.status, o.code.as_deref()),
        (Status::Granted, Some("access.upload-not-cancelled"))
    );
    let mut answers = login("opaque-token");
    answers.push(Response::new(403, &[]));
    let (o, _) = run(&cfg, &request("team/app", &["push"], true), answers);
    assert_eq!(o.status, Status::Denied);
}

#[test]
fn repositories_names_and_references() {
    let options = options(false);
    let hub = config("docker-hub", "docker.io", true);
    let (o, sent) = run(&hub, &request("nginx", &[], false), vec![
        Response::new(401, &[("WWW-Authenticate", "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\""), API]),
        Response::new(200, &[]).with_body(token_body("t")),
        Response::new(200, &[API]),
        Response::new(200, &[]),
    ]);
    assert_eq!(o.status, Status::Granted);
    assert_eq!(
        sent[3].url,
        "https://registry-1.docker.io/v2/library/nginx/manifests/latest"
    );
    let other = config("other", "reg.example.com:5000", true);
    let digest = format!("sha256:{}", "a".repeat(64));
    let (_, sent) = run(
        &other,
        &request(
            &format!("reg.example.com:5000/team/app:1@{digest}"),
            &[],
            false,
        ),
        with(login("t"), Response::new(200, &[])),
    );
    assert_eq!(
        sent[3].url,
        format!("https://reg.example.com:5000/v2/team/app/manifests/{digest}")
    );
    let (_, sent) = run(
        &other,
        &request("nginx", &[], false),
        with(login("t"), Response::new(200, &[])),
    );
    assert!(
        sent[3].url.ends_with("/v2/nginx/manifests/latest"),
        "{}",
        sent[3].url
    );
    for (repo, code) in [
        ("ghcr.io/acme/app", "access.other-registry"),
        ("Bad Name", "access.repository"),
        ("reg.example.com/app", "access.other-registry"),
    ] {
        assert_eq!(
            verify_access(&other, options, &request(repo, &[], false))
                .unwrap_err()
                .code,
            code,
            "{repo}"
        );
    }
    assert_eq!(
        verify_access(&other, options, &request("app", &["delete"], false))
            .unwrap_err()
            .code,
        "access.actions"
    );
}

#[test]
fn the_network_policy_applies_to_access_checks() {
    let cfg = config("other", "127.0.0.1:5000", true);
    let (o, sent) = run(&cfg, &request("team/app", &[], false), vec![]);
    assert_eq!(o.status, Status::Blocked);
    assert!(sent.is_empty());
}

#[test]
fn a_configuration_without_credentials_is_checked_anonymously() {
    use regcred::verify::access::access_config;
    let public =
        json!({ "name": "pub-reg", "registryType": "other", "registryUrl": "reg.example.com" });
    let cfg = access_config(&regcred::json::Value::from(&public), NOW).unwrap();
    assert_eq!((cfg.username, cfg.password), (None, None));
    let half = json!({ "name": "pub-reg", "registryType": "other", "registryUrl": "reg.example.com", "username": "u" });
    let issues = access_config(&regcred::json::Value::from(&half), NOW).unwrap_err();
    assert_eq!(issues[0].path, "/password");
    let bad = json!({ "name": "X", "registryType": "other", "registryUrl": "reg.example.com" });
    assert!(access_config(&regcred::json::Value::from(&bad), NOW)
        .unwrap_err()
        .iter()
        .any(|i| i.path == "/name"));
}
