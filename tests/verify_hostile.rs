//! A hostile registry against the sans-IO machines, with scripted responses: secret headers stay
//! with their origin on every request kind (registry, realm, ECR), verdicts claim only what the
//! registry's own origin answered, the TLS hint and plain http stay with the registry, metadata
//! endpoints are never reachable, names under no delegated top-level domain are private, and no
//! server text reaches a message.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use regcred::verify::ecr::{EcrEndpoint, TokenExchange};
use regcred::verify::flight::{Flight, Hop};
use regcred::verify::http::{Header, TlsHint};
use regcred::verify::login::Login;
use regcred::verify::policy::Policy;
use regcred::verify::sigv4::AwsCredentials;
use regcred::verify::{Request, Response};
use regcred::RegistryConfig;
use support::scripted::{drive, options, NOW};

const PASSWORD: &str = "s3cret-Pa55";
const SESSION: &str = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN";

fn config(extra: serde_json::Value) -> RegistryConfig {
    let mut fields = serde_json::json!({ "registryUrl": "registry.example.com",
        "username": "alice", "password": PASSWORD });
    for (k, x) in extra.as_object().unwrap() {
        fields[k] = x.clone();
    }
    support::scripted::config(fields)
}

fn ecr_config() -> RegistryConfig {
    support::scripted::ecr_config(Some(SESSION))
}

fn login(cfg: &RegistryConfig, private: bool) -> Login {
    Login::from_config(cfg, options(private)).unwrap()
}

fn redirect(to: &str) -> Response {
    Response::new(307, &[("location", to)])
}
fn challenge(v: &str) -> Response {
    Response::new(
        401,
        &[
            ("www-authenticate", v),
            ("docker-distribution-api-version", "registry/2.0"),
        ],
    )
}
fn ok() -> Response {
    Response::new(200, &[("docker-distribution-api-version", "registry/2.0")]).with_body("{}")
}
fn token_ok() -> Response {
    Response::new(200, &[]).with_body(r#"{"token":"tok-123","expires_in":300}"#)
}
fn ecr_ok() -> Response {
    Response::new(200, &[]).with_body(
        r#"{"authorizationData":[{"authorizationToken":"QVdTOmVjci1wdw==","expiresAt":1795776060,"proxyEndpoint":"https://123456789012.dkr.ecr.eu-west-1.amazonaws.com"}]}"#,
    )
}

fn assert_elsewhere(o: &regcred::verify::Outcome, to: &str) {
    assert_eq!(
        o.code.as_deref(),
        Some("verify.answered-elsewhere"),
        "{to}: {o:?}"
    );
    assert!(!o.ok);
}

fn secret_free(r: &Request) -> bool {
    !r.headers.iter().any(|h| h.secret)
        && r.header("authorization").is_none()
        && r.header("x-amz-security-token").is_none()
        && !r.body.as_deref().unwrap_or_default().contains(PASSWORD)
}

/// Every origin change a redirect can make: another host, another port, another scheme.
const ELSEWHERE: [&str; 4] = [
    "https://elsewhere.example.net/v2/",
    "https://registry.example.com:8443/v2/",
    "https://REGISTRY.example.com.evil.example.org/v2/",
    "https://sub.registry.example.com/v2/",
];

#[test]
fn basic_credentials_never_follow_an_origin_change_and_the_answer_is_not_a_verdict() {
    for to in ELSEWHERE {
        for answer in [200, 401, 403] {
            let m = login(&config(serde_json::json!({})), false);
            let (o, sent) = drive(m, |r| {
                if r.url.starts_with("https://registry.example.com/") {
                    if r.header("authorization").is_some() {
                        redirect(to)
                    } else {
                        challenge(r#"Basic realm="reg""#)
                    }
                } else {
                    Response::new(answer, &[]).with_body("{}")
                }
            });
            assert_eq!(sent.len(), 3, "{to}");
            assert!(secret_free(&sent[2]), "{to}: {:?}", sent[2]);
            assert_eq!(
                o.code.as_deref(),
                Some("verify.answered-elsewhere"),
                "{to} {answer}: {o:?}"
            );
            assert!(!o.ok);
        }
    }
}

#[test]
fn scheme_only_change_on_an_insecure_registry_drops_the_credentials() {
    let cfg = config(
        serde_json::json!({ "registryUrl": "registry.example.com:5000", "connection": "insecure" }),
    );
    let (o, sent) = drive(login(&cfg, false), |r| {
        match (r.url.as_str(), r.header("authorization")) {
            ("https://registry.example.com:5000/v2/", None) => challenge(r#"Basic realm="reg""#),
            ("https://registry.example.com:5000/v2/", Some(_)) => {
                redirect("http://registry.example.com:5000/v2/")
            }
            _ => ok(),
        }
    });
    assert_eq!(sent[2].url, "http://registry.example.com:5000/v2/");
    assert!(secret_free(&sent[2]));
    assert_eq!(o.code.as_deref(), Some("verify.answered-elsewhere"));
}

#[test]
fn bearer_tokens_and_realm_credentials_stay_with_their_origin() {
    for to in ELSEWHERE {
        // The authorized ping redirected elsewhere: the Bearer token is dropped, nothing claimed.
        let (o, sent) = drive(login(&config(serde_json::json!({})), false), |r| {
            match (
                r.url.starts_with("https://registry.example.com/"),
                r.header("authorization"),
            ) {
                (true, None) => {
                    challenge(r#"Bearer realm="https://auth.example.com/token",service="reg""#)
                }
                (false, Some(a)) if a.starts_with("Basic") => token_ok(),
                (true, Some(_)) => redirect(to),
                _ => ok(),
            }
        });
        assert!(secret_free(sent.last().unwrap()), "{to}");
        assert_elsewhere(&o, to);

        // The realm's GET redirected elsewhere: Basic dropped; the token it hands out is not used.
        let (o, sent) = drive(login(&config(serde_json::json!({})), false), |r| {
            if r.url.starts_with("https://registry.example.com/v2/") {
                challenge(r#"Bearer realm="https://registry.example.com/token",service="reg""#)
            } else if r.url.starts_with("https://registry.example.com/token") {
                redirect(&format!("{to}token"))
            } else {
                token_ok()
            }
        });
        assert_eq!(sent.len(), 3, "{to}: {o:?}");
        assert!(secret_free(&sent[2]), "{to}");
        assert_elsewhere(&o, to);
    }
    // The password form is never redirected to another origin (here: another port).
    let (o, sent) = drive(login(&config(serde_json::json!({})), false), |r| {
        if r.url.starts_with("https://registry.example.com/v2/") {
            challenge(r#"Bearer realm="https://registry.example.com/token",service="reg""#)
        } else if r.method == "GET" {
            Response::new(401, &[])
        } else {
            Response::new(
                307,
                &[("location", "https://registry.example.com:4443/token")],
            )
        }
    });
    assert_eq!(sent.len(), 3, "the password form was redirected");
    assert_eq!(o.code.as_deref(), Some("policy.credentials"));
}

#[test]
fn same_origin_redirects_keep_the_credentials_and_the_verdict() {
    let (o, sent) = drive(login(&config(serde_json::json!({})), false), |r| {
        match (r.url.as_str(), r.header("authorization")) {
            ("https://registry.example.com/v2/", None) => challenge(r#"Basic realm="reg""#),
            ("https://registry.example.com/v2/", Some(_)) => redirect("/v2/other/"),
            (_, Some(_)) => ok(),
            _ => Response::new(401, &[]),
        }
    });
    assert_eq!(sent[2].url, "https://registry.example.com/v2/other/");
    assert!(sent[2].header("authorization").is_some());
    assert!(o.ok, "{o:?}");
}

#[test]
fn an_unanswered_ping_answered_elsewhere_claims_nothing() {
    let (o, _) = drive(login(&config(serde_json::json!({})), false), |r| {
        if r.url.starts_with("https://registry.example.com/") {
            redirect("https://mirror.example.net/v2/")
        } else {
            ok()
        }
    });
    assert_eq!(o.code.as_deref(), Some("verify.answered-elsewhere"));
    assert!(!o.ok);
}

#[test]
fn ecr_session_token_and_signature_never_follow_an_origin_change() {
    let api = "https://api.ecr.eu-west-1.amazonaws.com/";
    for to in [
        "https://elsewhere.example.net/",
        "https://api.ecr.eu-west-1.amazonaws.com:8443/",
        "https://api.ecr.eu-west-2.amazonaws.com/",
    ] {
        // In verifyCredentials.
        let (o, sent) = drive(login(&ecr_config(), false), |r| {
            if r.url == api {
                redirect(to)
            } else {
                ecr_ok()
            }
        });
        assert_eq!(sent[0].header("x-amz-security-token"), Some(SESSION));
        assert_eq!(sent.len(), 2, "{to}");
        assert!(secret_free(&sent[1]), "{to}: {:?}", sent[1]);
        assert_eq!(sent[1].body.as_deref(), Some("{}"), "307 keeps the body");
        assert_eq!(o.code.as_deref(), Some("verify.answered-elsewhere"));
        // In ecrAuthorizationToken (which follows redirects under the same policy).
        let endpoint =
            EcrEndpoint::from_registry_host("123456789012.dkr.ecr.eu-west-1.amazonaws.com")
                .unwrap();
        let keys = AwsCredentials {
            access_key_id: "AKIDEXAMPLE".into(),
            secret_access_key: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".into(),
            session_token: Some(SESSION.into()),
        };
        let x = TokenExchange::new(&endpoint, &keys, NOW);
        let (res, sent) = drive(x, |r| if r.url == api { redirect(to) } else { ecr_ok() });
        assert_eq!(sent.len(), 2);
        assert!(secret_free(&sent[1]), "{to}: {:?}", sent[1]);
        assert_eq!(res.unwrap_err().code, "ecr.answered-elsewhere");
    }
    // A same-origin redirect is followed with the signature, and its answer counts.
    let endpoint =
        EcrEndpoint::from_registry_host("123456789012.dkr.ecr.eu-west-1.amazonaws.com").unwrap();
    let keys = AwsCredentials {
        access_key_id: "AKIDEXAMPLE".into(),
        secret_access_key: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".into(),
        session_token: Some(SESSION.into()),
    };
    let (res, sent) = drive(TokenExchange::new(&endpoint, &keys, NOW), |r| {
        if r.url == api {
            redirect("/?again")
        } else {
            ecr_ok()
        }
    });
    assert_eq!(sent[1].header("x-amz-security-token"), Some(SESSION));
    assert!(res.is_ok());
    // Redirects into hostile places are refused before anything is sent.
    for to in [
        "https://169.254.169.254/",
        "http://api.ecr.eu-west-1.amazonaws.com/",
        "https://[fd00:ec2::254]/",
    ] {
        let (res, sent) = drive(TokenExchange::new(&endpoint, &keys, NOW), |_| redirect(to));
        assert_eq!(sent.len(), 1, "{to}");
        assert_eq!(res.unwrap_err().code, "ecr.blocked");
    }
}

#[test]
fn any_secret_header_is_bound_to_its_origin_whatever_its_name() {
    let policy = Policy::for_registry(
        &url::Url::parse("https://registry.example.com/v2/").unwrap(),
        TlsHint::default(),
        false,
    );
    for name in [
        "X-Registry-Auth",
        "Cookie",
        "X-Api-Key",
        "Proxy-Authorization",
        "X-Amz-Security-Token",
    ] {
        for to in ELSEWHERE {
            let req = Request {
                method: "GET",
                url: "https://registry.example.com/v2/".into(),
                headers: vec![
                    Header::secret(name, PASSWORD),
                    Header::plain("Accept", "application/json"),
                ],
                body: None,
                secret_body: false,
                tls: TlsHint::default(),
            };
            let mut f = Flight::new(&policy, req).unwrap();
            assert_eq!(f.follow(&redirect(to)), Hop::Redirected);
            assert!(
                f.request().header(name).is_none(),
                "{name} followed to {to}"
            );
            assert_eq!(f.request().header("accept"), Some("application/json"));
            assert!(!f.answered_by_origin());
            // Coming back to the origin does not bring the secret back.
            assert_eq!(
                f.follow(&redirect("https://registry.example.com/v2/")),
                Hop::Redirected
            );
            assert!(f.request().header(name).is_none());
            assert!(!f.answered_by_origin());
        }
    }
}

#[test]
fn the_tls_hint_goes_only_to_the_registrys_own_origin() {
    let pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";
    let cfg = config(serde_json::json!({ "connection": "secure-with-cert", "cert": pem }));
    let (_, sent) = drive(login(&cfg, false), |r| {
        if r.url.starts_with("https://registry.example.com/v2/") {
            if r.header("authorization").is_some() {
                ok()
            } else {
                challenge(r#"Bearer realm="https://auth.example.com/token",service="reg""#)
            }
        } else {
            token_ok()
        }
    });
    assert_eq!(sent.len(), 3);
    assert!(sent[0].tls.ca_certificate.is_some());
    assert_eq!(
        sent[1].tls,
        TlsHint::default(),
        "the realm on another host got the hint"
    );
    assert!(sent[2].tls.ca_certificate.is_some());
    // A redirect to another origin loses the hint; insecure mode likewise.
    for extra in [
        serde_json::json!({ "connection": "secure-with-cert", "cert": pem }),
        serde_json::json!({ "connection": "insecure" }),
    ] {
        let (_, sent) = drive(login(&config(extra), false), |r| {
            if r.url.starts_with("https://registry.example.com/") {
                redirect("https://registry.example.com:444/v2/")
            } else {
                ok()
            }
        });
        assert_ne!(sent[0].tls, TlsHint::default());
        assert_eq!(sent[1].tls, TlsHint::default());
    }
}

#[test]
fn plain_http_carries_credentials_only_to_the_insecure_registrys_own_origin() {
    let cfg = config(
        serde_json::json!({ "registryUrl": "http://registry.example.com:5000", "connection": "insecure" }),
    );
    for realm in [
        "http://registry.example.com:5001/token",
        "http://registry.example.com/token",
        "http://auth.example.com:5000/token",
    ] {
        let (o, sent) = drive(login(&cfg, false), |r| {
            if r.url.starts_with("http://registry.example.com:5000/v2/") {
                challenge(&format!(r#"Bearer realm="{realm}",service="reg""#))
            } else {
                token_ok()
            }
        });
        assert_eq!(sent.len(), 1, "{realm} was fetched");
        assert_eq!(o.code.as_deref(), Some("policy.scheme"), "{realm}");
    }
    let (o, sent) = drive(login(&cfg, false), |r| {
        match (r.url.as_str(), r.header("authorization")) {
            ("http://registry.example.com:5000/v2/", None) => {
                challenge(r#"Bearer realm="http://registry.example.com:5000/token",service="reg""#)
            }
            ("http://registry.example.com:5000/v2/", Some(_)) => ok(),
            _ => token_ok(),
        }
    });
    assert!(o.ok, "{o:?}");
    assert!(sent[1].header("authorization").is_some());
}

#[test]
fn names_under_no_delegated_tld_need_the_opt_in() {
    let url = |h: &str| format!("https://{h}/v2/");
    let strict = Policy::for_registry(
        &url::Url::parse("https://r.example.com/").unwrap(),
        TlsHint::default(),
        false,
    );
    let open = Policy {
        allow_private_networks: true,
        ..strict.clone()
    };
    for h in [
        "kubernetes.default.svc",
        "registry.monitoring.svc.cluster.local",
        "reg.cluster.local",
        "harbor.lan",
        "harbor.corp",
        "nas.home",
        "reg.intranet",
        "reg.localdomain",
        "reg.internal",
        "reg.private",
        "reg.site-a",
        "reg.example",
        "reg.test",
        "reg.invalid",
        "reg.home.arpa",
        "registry",
        "reg.infra",
        "reg.mesh",
        "reg.staging",
        "reg.dmz",
        "reg.vpn",
        "reg.k3s",
    ] {
        let e = strict.check(&url(h)).unwrap_err();
        assert_eq!(e.code, "policy.private-address", "{h}");
        assert!(open.check(&url(h)).is_ok(), "{h} refused with the opt-in");
    }
    for h in [
        "quay.io",
        "ghcr.io",
        "registry.gitlab.com",
        "harbor.example.org",
        "reg.xn--p1ai",
        "reg.co.uk",
        "reg.dev",
        "reg.cloud",
    ] {
        assert!(strict.check(&url(h)).is_ok(), "{h}");
    }
}

#[test]
fn no_server_text_in_messages() {
    const MARK: &str = "zq7markerzq";
    // A refused redirect target's host name is not echoed.
    for to in [
        format!("https://{MARK}.corp/v2/"),
        format!("https://{MARK}:1@registry.example.com/"),
        format!("ftp://{MARK}.example.com/"),
        format!("https://{MARK}.metadata.google.internal/"),
    ] {
        let (o, _) = drive(login(&config(serde_json::json!({})), false), |_| {
            redirect(&to)
        });
        assert!(!o.message.contains(MARK), "{}", o.message);
    }
    // Challenge and token texts are not echoed.
    let (o, _) = drive(login(&config(serde_json::json!({})), false), |r| {
        if r.url.starts_with("https://registry.example.com/") {
            challenge(&format!(
                r#"Bearer realm="https://auth.example.com/t",error="{MARK}""#
            ))
        } else {
            Response::new(403, &[]).with_body(format!(r#"{{"errors":[{{"message":"{MARK}"}}]}}"#))
        }
    });
    assert!(!serde_json::to_string(&o).unwrap().contains(MARK), "{o:?}");
    let (o, _) = drive(login(&ecr_config(), false), |_| {
        Response::new(400, &[("x-amzn-ErrorType", "Bogus")])
            .with_body(format!(r#"{{"__type":"{MARK}","message":"{MARK}"}}"#))
    });
    assert!(!o.message.contains(MARK), "{}", o.message);
}
