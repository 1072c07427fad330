//! The secret-leak sweep, natively (ARCHITECTURE.md, "Secrets").
//!
//! Unique markers are planted in every secret field of every registry type (passwords, AWS
//! secret keys and session tokens, GCP key contents incl. `private_key` and `private_key_id`,
//! ECR token passwords, entry passwords, a private key pasted into `cert`, Devtron payload
//! secrets, token responses and `Authorization`-bearing responses of scripted registries). Every
//! core function runs with valid and invalid variants, and these texts must not contain any
//! marker (raw, or base64-encoded at any alignment, as in `auth` or a Basic header):
//!
//! - the `Debug` string (`{:?}` and `{:#?}`) of every public value that can hold a secret:
//!   `RegistryConfig`, `DockerEntry`, `EcrToken`, `ServiceAccountKey`, `Credentials`,
//!   `AwsCredentials`, `Target`, `Login` and `TokenExchange` at every step, every `Request` and
//!   `Response` of the verification machines, `Step`, `Outcome`, `SecretError`, `EcrError`,
//!   `TargetError`, `Signature`/`SignableRequest`, `PullSecret`, `PullSecretRequest`,
//!   `RegistrySource`, and every `Report` (including `validate_field`'s, whose value is the
//!   field's value itself);
//! - every message: issues (`path`, `code`, `message`) of every report, `SecretError`'s
//!   `Display` and `issues()`, `EcrError`/`TargetError`/`ArgumentError` messages, and the
//!   `Outcome` of every verification (`message`, `code`, every step's URL).
//!
//! Not searched, because carrying the secret is their job: the generated documents
//! (`.dockerconfigjson`, `config.json`, manifests, Devtron payloads), the requests' header values
//! and bodies as sent, a token exchange's output token, and the `value` of a report as data (its
//! `Debug` string is searched).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::fmt::Debug;

/// The binding's decoder of the generators' JSON arguments, exactly as the package runs it.
#[path = "../wasm/src/request.rs"]
mod request;
use request::{ecr_token as ecr_token_from_json, sources as sources_from_json};

fn docker_config_json_from_json(
    list: &Value,
    go: bool,
    now: Timestamp,
) -> Result<String, SecretError> {
    sources_from_json(&regcred::json::Value::from(list), now)
        .and_then(|s| docker_config_json_of(&s, go))
}

fn docker_config_file_from_json(
    list: &Value,
    helpers: bool,
    now: Timestamp,
) -> Result<String, SecretError> {
    sources_from_json(&regcred::json::Value::from(list), now)
        .and_then(|s| docker_config_file_of(&s, helpers))
}

fn pull_secret_from_json(request: &Value, now: Timestamp) -> Result<String, SecretError> {
    let request = regcred::json::Value::from(request);
    let options = request.as_object().unwrap();
    request::pull_secret_request(options, now).and_then(|r| r.render())
}

use base64::Engine;
use serde_json::{json, Value};

use regcred::secret::request::config_from_json;
use regcred::secret::{docker_config_file_of, docker_config_json_of, SecretError};
use regcred::time::Timestamp;
use regcred::verify::ecr::{EcrEndpoint, TokenExchange};
use regcred::verify::http::Header;
use regcred::verify::login::{Login, LoginOptions};
use regcred::verify::outcome::{Exchange, Step};
use regcred::verify::sigv4::{sign, AwsCredentials, SignableRequest, SigningParams};
use regcred::verify::target::Target;
use regcred::verify::{Request, Response, Transport};
use regcred::{
    docker_config_file, docker_config_json, docker_entry, from_devtron_payload, injection_plan,
    inspect_certificates, parse_ecr_url, parse_service_account_key, pull_secret, registry_types,
    to_devtron_payload, validate_field_in, validate_registry, Cluster, DockerConfigFileOptions,
    DockerEntry, EcrToken, InspectOptions, PullSecretOptions, RegistryConfig, Report,
};

const NOW: Timestamp = Timestamp(1_795_732_860);

// ---- markers ---------------------------------------------------------------------------------

/// Base64-alphabet letters only, length a multiple of 4: a marker is valid inside a PEM body
/// and survives every validator that accepts "any non-empty text".
const PASSWORD: &str = "LKpwQ7xZ2mW4vN8aR5tY3uB6";
const AWS_SECRET: &str = "LKasQ7xZ2mW4vN8aR5tY3uB6cD9eF1gH4jK7mP2s"; // 40 characters
const AWS_SESSION: &str = "LKstQ7xZ2mW4vN8aR5tY3uB6cD9eF1gH";
const GCP_PRIVATE_KEY: &str = "LKgpQ7xZ2mW4vN8aR5tY3uB6";
const GCP_PRIVATE_KEY_ID: &str = "LKgiQ7xZ2mW4vN8aR5tY3uB6";
const ECR_TOKEN: &str = "LKetQ7xZ2mW4vN8aR5tY3uB6";
const ENTRY_PASSWORD: &str = "LKenQ7xZ2mW4vN8aR5tY3uB6";
const CERT_KEY: &str = "LKckQ7xZ2mW4vN8aR5tY3uB6";
const DEVTRON_PASSWORD: &str = "LKdpQ7xZ2mW4vN8aR5tY3uB6";
const DEVTRON_SECRET: &str = "LKdsQ7xZ2mW4vN8aR5tY3uB6cD9eF1gH4jK7mP2s";
const TOKEN_RESPONSE: &str = "LKtrQ7xZ2mW4vN8aR5tY3uB6";
const AUTH_RESPONSE: &str = "LKarQ7xZ2mW4vN8aR5tY3uB6";
const ECR_API_TOKEN: &str = "LKeaQ7xZ2mW4vN8aR5tY3uB6";

const MARKERS: [&str; 13] = [
    PASSWORD,
    AWS_SECRET,
    AWS_SESSION,
    GCP_PRIVATE_KEY,
    GCP_PRIVATE_KEY_ID,
    ECR_TOKEN,
    ENTRY_PASSWORD,
    CERT_KEY,
    DEVTRON_PASSWORD,
    DEVTRON_SECRET,
    TOKEN_RESPONSE,
    AUTH_RESPONSE,
    ECR_API_TOKEN,
];

/// The marker and its base64 encodings at the three byte alignments (only the characters that
/// depend on the marker's bytes alone), as `auth` or a Basic header would carry it.
fn needles() -> Vec<(&'static str, String)> {
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut out = Vec::new();
    for m in MARKERS {
        out.push((m, m.to_owned()));
        for k in 0..3usize {
            let mut bytes = vec![b'x'; k];
            bytes.extend_from_slice(m.as_bytes());
            let enc = b64.encode(&bytes);
            let (from, to) = ((8 * k).div_ceil(6), (8 * (k + m.len())) / 6);
            out.push((m, enc[from..to].to_owned()));
        }
    }
    out
}

/// Everything searched, with where it came from.
#[derive(Default)]
struct Sweep {
    texts: Vec<(String, String)>,
}

impl Sweep {
    fn text(&mut self, what: impl Into<String>, text: impl Into<String>) {
        self.texts.push((what.into(), text.into()));
    }

    fn debug<T: Debug + ?Sized>(&mut self, what: &str, value: &T) {
        self.text(format!("{what} (Debug)"), format!("{value:?}"));
        self.text(format!("{what} (Debug, alternate)"), format!("{value:#?}"));
    }

    fn report<T: Debug>(&mut self, what: &str, report: &Report<T>) {
        self.debug(what, report);
        for (kind, issues) in [("error", &report.errors), ("warning", &report.warnings)] {
            for i in issues {
                self.text(
                    format!("{what} {kind}"),
                    format!("{} {} {}", i.path, i.code, i.message),
                );
            }
        }
    }

    fn secret_error(&mut self, what: &str, e: &regcred::SecretError) {
        self.debug(what, e);
        self.text(format!("{what} (Display)"), e.to_string());
        self.text(format!("{what} code"), e.code().as_str());
        for i in e.issues() {
            self.text(
                format!("{what} issue"),
                format!("{} {} {}", i.path, i.code, i.message),
            );
        }
    }

    fn result<T: Debug>(&mut self, what: &str, r: &Result<T, regcred::SecretError>) {
        match r {
            Ok(v) => self.debug(what, v),
            Err(e) => self.secret_error(what, e),
        }
    }

    /// Asserts zero hits; lists every hit otherwise.
    fn assert_clean(&self, min_texts: usize) {
        assert!(
            self.texts.len() >= min_texts,
            "the sweep searched only {} texts",
            self.texts.len()
        );
        let needles = needles();
        // One example per kind of text (the label without its numbers) and marker.
        let mut hits = std::collections::BTreeMap::new();
        for (what, text) in &self.texts {
            for (marker, needle) in &needles {
                if text.contains(needle.as_str()) {
                    let kind: String = what.chars().filter(|c| !c.is_ascii_digit()).collect();
                    hits.entry((kind, *marker)).or_insert_with(|| {
                        let short: String = text.chars().take(600).collect();
                        format!("{what}: marker {marker} (as {needle}) in {short}")
                    });
                }
            }
        }
        let hits: Vec<String> = hits.into_values().collect();
        assert!(
            hits.is_empty(),
            "{} kinds of leak:\n{}",
            hits.len(),
            hits.join("\n")
        );
    }
}

#[test]
fn the_needles_find_markers_in_base64() {
    let auth = base64::engine::general_purpose::STANDARD.encode(format!("alice:{PASSWORD}"));
    let mut s = Sweep::default();
    s.text("auth", auth);
    let hit = std::panic::catch_unwind(|| s.assert_clean(0));
    assert!(hit.is_err(), "a base64-encoded marker must be found");
}

// ---- inputs ----------------------------------------------------------------------------------

fn pem(label: &str, body: &str) -> String {
    format!("-----BEGIN {label}-----\n{body}\n-----END {label}-----\n")
}

fn gcp_key_json(private_key: &str, private_key_id: &str) -> String {
    json!({
        "type": "service_account",
        "project_id": "leak-sweep",
        "private_key_id": private_key_id,
        "private_key": private_key,
        "client_email": "pull@leak-sweep.iam.gserviceaccount.com",
        "client_id": "1234567890"
    })
    .to_string()
}

fn gcp_key() -> String {
    gcp_key_json(&pem("PRIVATE KEY", GCP_PRIVATE_KEY), GCP_PRIVATE_KEY_ID)
}

/// Broken service-account keys, each still carrying the secret markers.
fn broken_gcp_keys() -> Vec<String> {
    let good = gcp_key();
    vec![
        good.replace("service_account", "authorized_user"),
        good.replace("pull@", "pull-at-"),
        good.replace("\\n", "\\\\n"),
        good.replace("\\n", "\n"),
        good.replace(GCP_PRIVATE_KEY, &format!("{GCP_PRIVATE_KEY} {GCP_PRIVATE_KEY}")),
        good.replace("PRIVATE KEY", "RSA PRIVATE KEY"),
        good.replace(GCP_PRIVATE_KEY, &format!("{GCP_PRIVATE_KEY}!")),
        good.get(..good.len() - 20).unwrap().to_owned(),
        format!("{good},"),
        format!("[{good}]"),
        base64::engine::general_purpose::STANDARD.encode(&good),
        format!("'{good}"),
        gcp_key_json(&pem("PRIVATE KEY", GCP_PRIVATE_KEY), ""),
        gcp_key_json("", GCP_PRIVATE_KEY_ID),
        good.replace("\"type\":\"service_account\",", ""),
        good.replace("\"client_email\"", "\"client_mail\""),
        json!({ "type": "service_account", "private_key_id": 5, "private_key": pem("PRIVATE KEY", GCP_PRIVATE_KEY), "client_email": GCP_PRIVATE_KEY_ID }).to_string(),
        json!({ "type": "external_account", "credential_source": { "url": format!("https://example.com/{GCP_PRIVATE_KEY}") }, "private_key_id": GCP_PRIVATE_KEY_ID }).to_string(),
        format!("{GCP_PRIVATE_KEY}{GCP_PRIVATE_KEY_ID}"),
        format!("{{\"private_key\": \"{GCP_PRIVATE_KEY}"),
        format!("{{\"{GCP_PRIVATE_KEY}\": 1, \"private_key_id\": \"{GCP_PRIVATE_KEY_ID}\" }}"),
    ]
}

/// A private key pasted where the CA certificate belongs, alone and after a certificate.
fn certs_with_key() -> Vec<String> {
    let root = std::fs::read_to_string("tests/fixtures/certs/root.pem").unwrap();
    let key = pem("PRIVATE KEY", CERT_KEY);
    vec![
        key.clone(),
        pem("RSA PRIVATE KEY", CERT_KEY),
        pem("EC PRIVATE KEY", CERT_KEY),
        pem("OPENSSH PRIVATE KEY", CERT_KEY),
        pem("ENCRYPTED PRIVATE KEY", CERT_KEY),
        format!("{root}{key}"),
        format!("{key}{root}"),
        pem("CERTIFICATE", CERT_KEY),
        pem(CERT_KEY, CERT_KEY),
        format!("-----BEGIN PRIVATE KEY-----\n{CERT_KEY}\n"),
        format!("{CERT_KEY}\n{root}"),
        CERT_KEY.to_owned(),
    ]
}

/// One valid configuration per registry type (plus the ECR and connection variants), every
/// secret field set to a marker.
fn valid_configs() -> Vec<Value> {
    vec![
        json!({ "name": "ecr-keys", "registryType": "ecr", "registryUrl": "123456789012.dkr.ecr.eu-west-1.amazonaws.com",
                "awsAuthType": "user-auth", "awsAccessKeyId": "AKIAIOSFODNN7EXAMPLE", "awsSecretAccessKey": AWS_SECRET }),
        json!({ "name": "ecr-temp", "registryType": "ecr", "registryUrl": "123456789012.dkr.ecr.us-east-1.amazonaws.com",
                "awsAuthType": "user-auth", "awsAccessKeyId": "ASIAIOSFODNN7EXAMPLE", "awsSecretAccessKey": AWS_SECRET,
                "awsSessionToken": AWS_SESSION }),
        json!({ "name": "ecr-role", "registryType": "ecr", "registryUrl": "123456789012.dkr.ecr.eu-west-1.amazonaws.com",
                "awsAuthType": "iam-role" }),
        json!({ "name": "dockerhub", "registryType": "docker-hub", "username": "alice", "password": PASSWORD }),
        json!({ "name": "azure", "registryType": "acr", "registryUrl": "example.azurecr.io", "username": "app-id", "password": PASSWORD,
                "injection": { "autoInject": ["1", "prod"], "credentialSource": "registry-credentials" } }),
        json!({ "name": "artifacts", "registryType": "artifact-registry", "registryUrl": "europe-west1-docker.pkg.dev",
                "username": "_json_key", "password": gcp_key() }),
        json!({ "name": "gcr", "registryType": "gcr", "registryUrl": "gcr.io", "username": "_json_key", "password": gcp_key() }),
        json!({ "name": "quay", "registryType": "quay", "username": "org+robot", "password": PASSWORD, "isDefault": true }),
        json!({ "name": "other", "registryType": "other", "registryUrl": "registry.example.com:5000/team", "username": "bob",
                "password": PASSWORD, "connection": "insecure" }),
        json!({ "name": "other-ca", "registryType": "other", "registryUrl": "registry.example.com", "username": "bob",
                "password": PASSWORD, "connection": "secure-with-cert",
                "cert": std::fs::read_to_string("tests/fixtures/certs/root.pem").unwrap() }),
    ]
}

/// Invalid variants: every way a field can be wrong, with the secrets still planted (and the
/// secret itself in the wrong place or the wrong shape).
fn invalid_configs() -> Vec<Value> {
    let mut out = Vec::new();
    for base in valid_configs() {
        let obj = base.as_object().unwrap().clone();
        let with = |k: &str, v: Value| {
            let mut o = obj.clone();
            o.insert(k.to_owned(), v);
            Value::Object(o)
        };
        out.push(with("name", json!("Bad Name")));
        out.push(with(
            "registryUrl",
            json!(format!("https://user:{PASSWORD}@registry.example.com/")),
        ));
        out.push(with("registryUrl", json!("bad host/?token=x")));
        out.push(with("username", json!("user:colon")));
        out.push(with("password", json!("")));
        out.push(with(
            "password",
            json!(format!("{PASSWORD}\u{0}\n{PASSWORD}")),
        ));
        out.push(with("password", json!(PASSWORD.repeat(20_000))));
        out.push(with("password", json!([PASSWORD])));
        out.push(with("password", json!({ "value": PASSWORD })));
        out.push(with("password", json!(gcp_key())));
        for broken in broken_gcp_keys() {
            out.push(with("password", json!(broken)));
        }
        out.push(with("awsSecretAccessKey", json!(format!("{AWS_SECRET}!"))));
        out.push(with(
            "awsSecretAccessKey",
            json!(format!("{AWS_SECRET}{AWS_SECRET}")),
        ));
        out.push(with(
            "awsSecretAccessKey",
            json!(format!("{PASSWORD} \u{1}")),
        ));
        out.push(with("awsSecretAccessKey", json!(AWS_SECRET.repeat(100))));
        out.push(with("awsSecretAccessKey", json!(42)));
        out.push(with("awsSessionToken", json!(format!("{AWS_SESSION}\n"))));
        out.push(with("awsSessionToken", json!(AWS_SESSION.repeat(1000))));
        out.push(with("awsAccessKeyId", json!("AKIA-not-a-key")));
        out.push(with("awsAuthType", json!("bogus")));
        out.push(with("connection", json!("bogus")));
        out.push(with("isDefault", json!("bogus")));
        out.push(with("registryType", json!("bogus")));
        out.push(with("injection", json!({ "doNotInject": ["*"], "autoInject": ["1"], "credentialSource": "bogus", "secretName": "Bad Name" })));
        out.push(with("passwd", json!(AWS_SECRET)));
        out.push(with("secretAccessKey", json!({ "password": PASSWORD })));
        out.push(with("awsSecretAccessKey", json!(PASSWORD)));
        out.push(with("awsSessionToken", json!(AWS_SESSION)));
        for cert in certs_with_key() {
            let mut o = obj.clone();
            o.insert("connection".into(), json!("secure-with-cert"));
            o.insert("cert".into(), json!(cert));
            out.push(Value::Object(o));
            out.push(with("cert", json!(cert)));
        }
    }
    out.push(json!([{ "password": PASSWORD }]));
    out.push(json!({ "password": PASSWORD, "awsSecretAccessKey": AWS_SECRET, "awsSessionToken": AWS_SESSION }));
    out
}

fn config(v: &Value) -> RegistryConfig {
    serde_json::from_value(v.clone()).unwrap()
}

fn ecr_token() -> EcrToken {
    EcrToken {
        username: "AWS".into(),
        password: ECR_TOKEN.into(),
        expires_at: Timestamp(NOW.0 + 3600),
        proxy_endpoint: "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com".into(),
    }
}

fn ecr_token_json() -> Value {
    json!({ "username": "AWS", "password": ECR_TOKEN, "expiresAt": (NOW.0 + 3600) * 1000,
            "proxyEndpoint": "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com" })
}

fn entry(password: &str) -> DockerEntry {
    DockerEntry {
        server: "registry.example.com".into(),
        username: "carol".into(),
        password: password.into(),
        email: Some("carol@example.com".into()),
    }
}

// ---- validation ------------------------------------------------------------------------------

#[test]
fn validation_debug_strings_and_messages_carry_no_secret() {
    let mut s = Sweep::default();
    let configs: Vec<Value> = valid_configs()
        .into_iter()
        .chain(invalid_configs())
        .collect();
    for (i, c) in configs.iter().enumerate() {
        let r = validate_registry(&regcred::json::Value::from(c), NOW);
        s.report(&format!("validate_registry #{i}"), &r);
        if let Some(v) = &r.value {
            s.debug(&format!("validate_registry #{i} value"), v);
        }
        if let Ok(cfg) = serde_json::from_value::<RegistryConfig>(c.clone()) {
            s.debug(&format!("RegistryConfig #{i}"), &cfg);
        }
        match regcred::validate::validated_config(&regcred::json::Value::from(c), NOW) {
            Ok(cfg) => s.debug(&format!("validated_config #{i}"), &cfg),
            Err(issues) => s.debug(&format!("validated_config #{i} issues"), &issues),
        }
        // Every field alone, in every registry type, with the rest of the form as context.
        let Some(obj) = c.as_object() else { continue };
        for t in registry_types() {
            for field in &regcred::model::field_names() {
                let field = field.as_str();
                let value = match field.split_once('.') {
                    Some((a, b)) => obj.get(a).and_then(|v| v.get(b)),
                    None => obj.get(field),
                };
                let value = value.cloned().unwrap_or(Value::Null);
                for ctx in [Value::Null, c.clone()] {
                    match validate_field_in(
                        t.id.id(),
                        field,
                        &regcred::json::Value::from(&value),
                        &regcred::json::Value::from(&ctx),
                        NOW,
                    ) {
                        Ok(r) => {
                            s.report(&format!("validate_field {} {field} #{i}", t.id.id()), &r)
                        }
                        Err(e) => {
                            s.debug("ArgumentError", &e);
                            s.text("ArgumentError", e.to_string());
                        }
                    }
                }
            }
        }
    }
    for field in ["password", "bogus"] {
        match validate_field_in(
            "bogus",
            field,
            &regcred::json::Value::from(&json!(PASSWORD)),
            &regcred::json::Value::from(&Value::Null),
            NOW,
        ) {
            Ok(r) => s.report("validate_field bad type", &r),
            Err(e) => s.text("ArgumentError", format!("{e} {e:?}")),
        }
    }
    s.assert_clean(10_000);
}

#[test]
fn gcp_keys_ecr_urls_and_certificates_carry_no_secret() {
    let mut s = Sweep::default();
    for (i, key) in std::iter::once(gcp_key())
        .chain(broken_gcp_keys())
        .enumerate()
    {
        let r = parse_service_account_key(&key);
        s.report(&format!("parse_service_account_key #{i}"), &r);
        if let Some(k) = &r.value {
            s.debug(&format!("ServiceAccountKey #{i}"), k);
        }
    }
    for url in [
        format!("https://user:{PASSWORD}@123456789012.dkr.ecr.eu-west-1.amazonaws.com"),
        format!("123456789012.dkr.ecr.eu-west-1.amazonaws.com/?X-Amz-Security-Token={AWS_SESSION}"),
    ] {
        s.report("parse_ecr_url", &parse_ecr_url(&url));
    }
    for (i, cert) in certs_with_key().iter().enumerate() {
        for host in [
            None,
            Some("registry.example.com".to_owned()),
            Some("bad host!".to_owned()),
        ] {
            for require_ca in [true, false] {
                let o = InspectOptions {
                    now: NOW,
                    host: host.clone(),
                    require_ca,
                };
                s.report(
                    &format!("inspect_certificates #{i}"),
                    &inspect_certificates(cert.as_bytes(), &o),
                );
            }
        }
    }
    s.assert_clean(200);
}

// ---- generation, injection, Devtron ----------------------------------------------------------

#[test]
fn generators_errors_and_debug_strings_carry_no_secret() {
    let mut s = Sweep::default();
    let all: Vec<Value> = valid_configs()
        .into_iter()
        .chain(invalid_configs())
        .collect();
    for (i, c) in all.iter().enumerate() {
        let with_token = c.as_object().map(|o| {
            let mut o = o.clone();
            o.insert("ecrToken".into(), ecr_token_json());
            Value::Object(o)
        });
        for src in std::iter::once(c.clone()).chain(with_token) {
            s.result(
                &format!("config_from_json #{i}"),
                &config_from_json(&regcred::json::Value::from(&src), NOW),
            );
            let list = json!([src.clone()]);
            s.result(
                &format!("sources_from_json #{i}"),
                &sources_from_json(&regcred::json::Value::from(&list), NOW),
            );
            if let Err(e) = docker_config_json_from_json(&list, false, NOW) {
                s.secret_error(&format!("docker_config_json_from_json #{i}"), &e);
            }
            for helpers in [false, true] {
                if let Err(e) = docker_config_file_from_json(&list, helpers, NOW) {
                    s.secret_error(&format!("docker_config_file_from_json #{i}"), &e);
                }
            }
            for (name, format) in [("pull", "json"), ("Bad Name", "yaml"), ("pull", "xml")] {
                let req = json!({ "name": name, "namespace": "apps", "registries": [src.clone()], "format": format,
                                  "labels": { "bad key!": "bad value!" }, "annotations": { "a": "b" } });
                s.result(
                    &format!("PullSecretRequest #{i}"),
                    &request::pull_secret_request(
                        regcred::json::Value::from(&req).as_object().unwrap(),
                        NOW,
                    ),
                );
                if let Err(e) = pull_secret_from_json(&req, NOW) {
                    s.secret_error(&format!("pull_secret_from_json #{i}"), &e);
                }
            }
        }
        if let Ok(cfg) = serde_json::from_value::<RegistryConfig>(c.clone()) {
            for token in [None, Some(ecr_token())] {
                s.result(
                    &format!("docker_entry #{i}"),
                    &docker_entry(&cfg, token.as_ref()),
                );
            }
            let clusters = [
                Cluster {
                    id: "1".into(),
                    name: Some("prod".into()),
                    is_virtual: false,
                },
                Cluster {
                    id: "2".into(),
                    name: None,
                    is_virtual: false,
                },
            ];
            for plan in injection_plan(&cfg, &clusters) {
                s.debug(&format!("ClusterPlan #{i}"), &plan);
                s.text(
                    format!("ClusterPlan #{i} reason"),
                    plan.reason.message.clone(),
                );
            }
            // The payload is an output (its job is to carry the secrets); reading it back is not.
            let payload = to_devtron_payload(&cfg);
            s.report(
                &format!("from_devtron_payload(to_devtron_payload) #{i}"),
                &from_devtron_payload(&payload),
            );
        }
    }
    // Entries given directly.
    let entries = [
        vec![entry(ENTRY_PASSWORD)],
        vec![entry("")],
        vec![DockerEntry {
            username: "u:colon".into(),
            ..entry(ENTRY_PASSWORD)
        }],
        vec![DockerEntry {
            server: "bad\u{7}host".into(),
            ..entry(ENTRY_PASSWORD)
        }],
        vec![DockerEntry {
            username: String::new(),
            ..entry(ENTRY_PASSWORD)
        }],
        vec![entry(ENTRY_PASSWORD), entry(ENTRY_PASSWORD)],
        vec![],
    ];
    for (i, list) in entries.iter().enumerate() {
        s.debug(&format!("entries #{i}"), list);
        s.result(
            &format!("docker_config_json #{i}"),
            &docker_config_json(list, true).map(|_| ()),
        );
        let o = DockerConfigFileOptions {
            cred_helpers: true,
            ..Default::default()
        };
        s.result(
            &format!("docker_config_file #{i}"),
            &docker_config_file(list, &o).map(|_| ()),
        );
        for name in ["pull", "Bad_Name"] {
            let o = PullSecretOptions {
                name: name.into(),
                namespace: Some("apps".into()),
                ..Default::default()
            };
            s.result(&format!("pull_secret #{i}"), &pull_secret(list, &o));
        }
        let json_entries: Vec<Value> = list
            .iter()
            .map(|e| json!({ "server": e.server, "username": e.username, "password": e.password, "email": e.email }))
            .collect();
        if let Err(e) = docker_config_json_from_json(&Value::from(json_entries), false, NOW) {
            s.secret_error(&format!("docker_config_json_from_json entries #{i}"), &e);
        }
    }
    for bad in [
        json!({ "server": "r.example.com", "username": "u", "password": ENTRY_PASSWORD, "email": 5 }),
        json!({ "server": "r.example.com", "username": "u", "password": [ENTRY_PASSWORD] }),
        json!({ "server": "r.example.com", "username": "u", "password": ENTRY_PASSWORD, "passwd": ENTRY_PASSWORD }),
        json!({ "server": "r.example.com", "username": "u:colon", "password": ENTRY_PASSWORD }),
        json!({ "name": "ecr", "registryType": "ecr", "registryUrl": "123456789012.dkr.ecr.eu-west-1.amazonaws.com", "awsAuthType": "user-auth",
                "awsAccessKeyId": "AKIAIOSFODNN7EXAMPLE", "awsSecretAccessKey": AWS_SECRET,
                "ecrToken": { "username": "AWS", "password": ECR_TOKEN, "expiresAt": "not a time", "proxyEndpoint": "nope" } }),
        json!({ "name": "ecr", "registryType": "ecr", "registryUrl": "123456789012.dkr.ecr.eu-west-1.amazonaws.com", "awsAuthType": "user-auth",
                "awsAccessKeyId": "AKIAIOSFODNN7EXAMPLE", "awsSecretAccessKey": AWS_SECRET,
                "ecrToken": { "username": "AWS", "password": ECR_TOKEN, "expiresAt": 1, "proxyEndpoint": "https://999999999999.dkr.ecr.us-east-1.amazonaws.com" } }),
        json!({ "username": "AWS", "password": ECR_TOKEN, "expiresAt": 5, "proxyEndpoint": 7, "token": ECR_TOKEN }),
    ] {
        let list = json!([bad]);
        if let Err(e) = docker_config_json_from_json(&list, false, NOW) {
            s.secret_error("docker_config_json_from_json odd entry", &e);
        }
        if let Err(e) = ecr_token_from_json(&regcred::json::Value::from(&bad)) {
            s.secret_error("ecr_token_from_json", &e);
        }
        s.result(
            "sources_from_json odd entry",
            &sources_from_json(&regcred::json::Value::from(&list), NOW),
        );
    }
    s.debug("EcrToken", &ecr_token());
    s.debug("DockerEntry", &entry(ENTRY_PASSWORD));
    // Devtron payloads as a backend sends them.
    for payload in devtron_payloads() {
        s.report(
            "from_devtron_payload",
            &from_devtron_payload(&regcred::json::Value::from(&payload)),
        );
    }
    s.assert_clean(5_000);
}

fn devtron_payloads() -> Vec<Value> {
    let quoted_key = format!("'{}'", gcp_key());
    let base = json!({ "id": "reg", "pluginId": "cd.go.artifact.docker.registry", "registryType": "docker-hub",
                       "registryUrl": "docker.io", "username": "alice", "password": DEVTRON_PASSWORD, "isDefault": false,
                       "connection": "secure", "cert": "" });
    let mut out = vec![base.clone()];
    let edits: Vec<(&str, Value)> = vec![
        ("registryType", json!("ecr")),
        ("registryType", json!("bogus")),
        ("password", json!("")),
        ("password", json!(5)),
        ("username", json!("a:colon")),
        (
            "registryUrl",
            json!(format!("https://u:{DEVTRON_PASSWORD}@x.example.com")),
        ),
        ("connection", json!("bogus")),
        ("cert", json!(pem("PRIVATE KEY", DEVTRON_PASSWORD))),
        (
            "ipsConfig",
            json!({ "credentialType": "bogus", "credentialValue": "Bad Name", "appliedClusterIdsCsv": "x,,y" }),
        ),
        ("passwd", json!(DEVTRON_SECRET)),
        ("awsSecretAccessKey", json!(DEVTRON_SECRET)),
    ];
    for (k, v) in edits {
        let mut p = base.clone();
        p[k] = v;
        out.push(p);
    }
    for (t, url) in [
        ("gcr", "gcr.io"),
        ("artifact-registry", "europe-west1-docker.pkg.dev"),
    ] {
        for pw in [
            quoted_key.clone(),
            gcp_key(),
            format!("'{DEVTRON_PASSWORD}'"),
        ] {
            let mut p = base.clone();
            p["registryType"] = json!(t);
            p["registryUrl"] = json!(url);
            p["username"] = json!("_json_key");
            p["password"] = json!(pw);
            out.push(p);
        }
    }
    for (id, secret) in [
        ("AKIAIOSFODNN7EXAMPLE", DEVTRON_SECRET),
        ("", DEVTRON_SECRET),
        ("AKIAIOSFODNN7EXAMPLE", "short"),
    ] {
        let mut p = base.clone();
        p["registryType"] = json!("ecr");
        p["registryUrl"] = json!("123456789012.dkr.ecr.eu-west-1.amazonaws.com");
        p["awsAccessKeyId"] = json!(id);
        p["awsSecretAccessKey"] = json!(secret);
        p["awsRegion"] = json!("eu-west-1");
        p["username"] = Value::Null;
        p["password"] = Value::Null;
        out.push(p);
    }
    out.push(json!([base]));
    out
}

// ---- verification ----------------------------------------------------------------------------

/// A scripted registry and token service; every response carries the response markers where a
/// hostile or chatty server would put them.
fn answer(scenario: usize, req: &Request) -> Result<Response, Transport> {
    let echo = format!("Bearer {AUTH_RESPONSE}");
    let bearer = "Bearer realm=\"https://auth.example.com/token\",service=\"registry.example.com\",scope=\"repository:team/app:pull\"";
    let url = req.url.as_str();
    let authorized = req.header("authorization").is_some();
    if url.starts_with("https://api.ecr.") {
        let token =
            base64::engine::general_purpose::STANDARD.encode(format!("AWS:{ECR_API_TOKEN}"));
        return Ok(match scenario % 5 {
            // A redirect to another origin (the session token and signature must not follow)
            // and one on the API's own origin.
            3 => Response::new(307, &[("location", &format!("https://other.example.net/ecr?t={TOKEN_RESPONSE}"))]),
            4 => Response::new(308, &[("location", &format!("/?again={AUTH_RESPONSE}"))]),
            0 => Response::new(200, &[("content-type", "application/x-amz-json-1.1")]).with_body(
                json!({ "authorizationData": [{ "authorizationToken": token, "expiresAt": 1.9e9,
                        "proxyEndpoint": "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com" }] }).to_string()),
            1 => Response::new(400, &[("x-amzn-ErrorType", "UnrecognizedClientException")]).with_body(
                json!({ "__type": format!("UnrecognizedClientException:{AUTH_RESPONSE}"), "message": format!("token {AUTH_RESPONSE} {AWS_SECRET} invalid") }).to_string()),
            _ => Response::new(200, &[]).with_body(json!({ "authorizationData": [{ "authorizationToken": format!("{ECR_API_TOKEN}{token}") }] }).to_string()),
        });
    }
    if url.starts_with("https://auth.example.com/") {
        return Ok(match scenario % 4 {
            0 => Response::new(200, &[("authorization", &echo)]).with_body(
                json!({ "token": TOKEN_RESPONSE, "access_token": TOKEN_RESPONSE, "expires_in": 300, "issued_at": "2026-11-27T00:00:00Z" }).to_string()),
            1 => Response::new(401, &[("www-authenticate", &format!("Bearer error=\"invalid_token\",error_description=\"{AUTH_RESPONSE}\""))])
                .with_body(json!({ "errors": [{ "code": "UNAUTHORIZED", "message": format!("bad {TOKEN_RESPONSE}"), "detail": AUTH_RESPONSE }] }).to_string()),
            2 => Response::new(302, &[("location", &format!("https://other.example.net/token?access_token={TOKEN_RESPONSE}#{AUTH_RESPONSE}"))]),
            _ => Response::new(200, &[]).with_body(format!("{{\"token\": \"{TOKEN_RESPONSE}\", \"expires_in\": \"{AUTH_RESPONSE}\"")),
        });
    }
    if url.starts_with("https://other.example.net/") {
        let token =
            base64::engine::general_purpose::STANDARD.encode(format!("AWS:{ECR_API_TOKEN}"));
        return Ok(Response::new(200, &[]).with_body(
            json!({ "token": TOKEN_RESPONSE, "authorizationData": [{ "authorizationToken": token,
                    "expiresAt": 1.9e9, "proxyEndpoint": AUTH_RESPONSE }] })
            .to_string(),
        ));
    }
    // The authorized ping redirected to another port of the registry's host (answered there).
    if authorized && scenario % 7 == 6 && !url.starts_with("https://registry.example.com:8443/") {
        return Ok(Response::new(
            307,
            &[(
                "location",
                &format!("https://registry.example.com:8443/v2/?t={TOKEN_RESPONSE}"),
            )],
        ));
    }
    Ok(match (scenario % 5, authorized) {
        (0, false) => Response::new(401, &[("www-authenticate", bearer)]),
        (1, false) => Response::new(401, &[("www-authenticate", &format!("Basic realm=\"registry\", {bearer}"))]),
        (2, false) => Response::new(307, &[("location", &format!("https://u:{AUTH_RESPONSE}@registry.example.com/v2/?t={TOKEN_RESPONSE}"))]),
        (3, false) => return Err(Transport::Tls),
        (4, false) => Response::new(200, &[("docker-distribution-api-version", "registry/2.0")]).with_body("{}"),
        (s, true) if s % 2 == 0 => Response::new(200, &[("docker-distribution-api-version", "registry/2.0"), ("authorization", &echo)])
            .with_body(json!({ "echo": req.header("authorization") }).to_string()),
        _ => Response::new(401, &[("www-authenticate", &format!("Bearer realm=\"https://auth.example.com/token\",error=\"invalid_token\",token=\"{AUTH_RESPONSE}\""))])
            .with_body(json!({ "errors": [{ "message": format!("{TOKEN_RESPONSE} {AUTH_RESPONSE}") }] }).to_string()),
    })
}

/// Drives a machine, recording the `Debug` of the machine, every step, request and response.
fn drive<E: Exchange + Debug>(s: &mut Sweep, what: &str, mut m: E, scenario: usize) -> E::Output
where
    E::Output: Debug,
{
    for hop in 0..40 {
        s.debug(&format!("{what} machine #{hop}"), &m);
        let step = m.next();
        s.debug(&format!("{what} step #{hop}"), &step);
        match step {
            Step::Send(req) => {
                s.debug(&format!("{what} request #{hop}"), &req);
                match answer(scenario + hop, &req) {
                    Ok(resp) => {
                        s.debug(&format!("{what} response #{hop}"), &resp);
                        m.receive(resp);
                    }
                    Err(t) => m.fail(t),
                }
            }
            Step::Done(out) => {
                s.debug(&format!("{what} output"), &out);
                return out;
            }
        }
    }
    panic!("{what}: the machine did not finish");
}

#[test]
fn verification_debug_strings_and_outcomes_carry_no_secret() {
    let mut s = Sweep::default();
    let mut configs = valid_configs();
    for c in &mut configs {
        if c["registryType"] == "other" || c["registryType"] == "acr" || c["registryType"] == "quay"
        {
            c["registryUrl"] = json!("registry.example.com");
        }
    }
    let mut runs = 0;
    for (i, c) in configs.iter().enumerate() {
        let cfg = config(c);
        match Target::from_config(&cfg) {
            Ok(t) => s.debug(&format!("Target #{i}"), &t),
            Err(e) => s.text(
                format!("TargetError #{i}"),
                format!("{} {} {e:?}", e.code, e.message),
            ),
        }
        for scenario in 0..20 {
            for private in [false, true] {
                let o = LoginOptions {
                    now: NOW,
                    allow_private_networks: private,
                };
                match Login::from_config(&cfg, o) {
                    Ok(m) => {
                        let out = drive(&mut s, &format!("Login #{i}/{scenario}"), m, scenario);
                        runs += 1;
                        s.text(
                            format!("Outcome #{i}/{scenario} message"),
                            out.message.clone(),
                        );
                        s.text(
                            format!("Outcome #{i}/{scenario} code"),
                            out.code.clone().unwrap_or_default(),
                        );
                        s.text(
                            format!("Outcome #{i}/{scenario} json"),
                            serde_json::to_string(&out).unwrap(),
                        );
                        for step in &out.steps {
                            s.text(
                                format!("Outcome #{i}/{scenario} step"),
                                format!("{} {} {:?}", step.method, step.url, step.error),
                            );
                        }
                    }
                    Err(e) => s.text(
                        format!("TargetError #{i}"),
                        format!("{} {} {e:?}", e.code, e.message),
                    ),
                }
            }
        }
    }
    assert!(runs > 100, "only {runs} verification runs");

    // The ECR token exchange and the SigV4 signer on their own.
    let endpoint =
        EcrEndpoint::from_registry_host("123456789012.dkr.ecr.eu-west-1.amazonaws.com").unwrap();
    for session in [None, Some(AWS_SESSION.to_owned())] {
        let creds = AwsCredentials {
            access_key_id: "ASIAIOSFODNN7EXAMPLE".into(),
            secret_access_key: AWS_SECRET.into(),
            session_token: session.map(Into::into),
        };
        s.debug("AwsCredentials", &creds);
        for scenario in 0..5 {
            match drive(
                &mut s,
                "TokenExchange",
                TokenExchange::new(&endpoint, &creds, NOW),
                scenario,
            ) {
                // The token is the exchange's output; its Debug (searched above) redacts it.
                Ok(token) => s.debug("EcrAuthorization", &token),
                Err(e) => s.text("EcrError", format!("{} {} {e:?}", e.code, e.message)),
            }
        }
        let headers = vec![
            (
                "Host".to_owned(),
                "api.ecr.eu-west-1.amazonaws.com".to_owned(),
            ),
            ("X-Amz-Security-Token".to_owned(), AWS_SESSION.to_owned()),
        ];
        let req = SignableRequest {
            method: "POST",
            path_and_query: "/",
            headers: &headers,
            body: PASSWORD.as_bytes(),
        };
        s.debug("SignableRequest", &req);
        let sig = sign(&req, &creds, &SigningParams::new("eu-west-1", "ecr", NOW));
        s.debug("Signature", &sig);
    }
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("alice:{PASSWORD}"));
    s.debug("Request", &Request {
        method: "POST",
        url: format!("https://alice:{PASSWORD}@registry.example.com/token?password={PASSWORD}#{PASSWORD}"),
        headers: vec![
            Header::secret("Authorization", format!("Basic {basic}")),
            Header::secret("X-Registry-Token", PASSWORD),
        ],
        body: Some(format!("grant_type=password&password={PASSWORD}")),
        secret_body: true,
        tls: Default::default(),
    });
    s.assert_clean(5_000);
}

// ---- images: resolveCredentials and verifyAccess -----------------------------------------------

#[test]
fn image_credentials_and_access_checks_carry_no_secret() {
    let mut s = Sweep::default();
    let auth = base64::engine::general_purpose::STANDARD.encode(format!("robot:{ENTRY_PASSWORD}"));
    let doc = json!({ "auths": {
        "registry.example.com": { "username": "u", "password": ENTRY_PASSWORD, "auth": auth },
        "https://index.docker.io/v1/": { "auth": auth },
        "ghcr.io": { "auth": format!("{ENTRY_PASSWORD}-no-colon") },
    } });
    let secret = json!({ "kind": "Secret", "data": { ".dockerconfigjson":
        base64::engine::general_purpose::STANDARD.encode(doc.to_string()) } });
    let mut sources: Vec<Value> = valid_configs();
    sources.extend(invalid_configs());
    sources.extend([doc.clone(), Value::String(doc.to_string()), secret]);
    for image in [
        "nginx",
        "registry.example.com/team/app:1",
        "ghcr.io/x/y",
        "Bad Image",
    ] {
        let r = regcred::resolve_credentials(
            image,
            &regcred::json::Value::from(&Value::Array(sources.clone())),
            NOW,
        );
        s.report(&format!("resolve_credentials {image}"), &r);
        s.text(
            format!("resolve_credentials {image} json"),
            serde_json::to_string(&r).unwrap(),
        );
    }

    let mut configs = valid_configs();
    for c in &mut configs {
        c["registryUrl"] = json!("registry.example.com");
        c["registryType"] = json!("other");
    }
    let mut runs = 0;
    for (i, c) in configs.iter().enumerate() {
        let cfg = config(c);
        for scenario in 0..20 {
            let actions = [
                vec![],
                vec!["push".to_owned()],
                vec!["pull".to_owned(), "push".to_owned()],
            ];
            let request = regcred::verify::access::AccessRequest {
                repository: "team/app:1".into(),
                actions: actions[scenario % 3].clone(),
                probe_write: scenario % 2 == 0,
            };
            let o = LoginOptions {
                now: NOW,
                allow_private_networks: false,
            };
            match regcred::verify::access::verify_access(&cfg, o, &request) {
                Ok(m) => {
                    let out = drive(&mut s, &format!("Access #{i}/{scenario}"), m, scenario);
                    runs += 1;
                    s.text(
                        format!("Access outcome #{i}/{scenario}"),
                        serde_json::to_string(&out).unwrap(),
                    );
                }
                Err(e) => s.text(
                    format!("AccessError #{i}"),
                    format!("{} {} {e:?}", e.code, e.message),
                ),
            }
        }
    }
    assert!(runs > 50, "only {runs} access runs");
    s.assert_clean(1000);
}
