//! regcred's image-pull secrets against `kubectl create secret docker-registry --dry-run=client`,
//! run here for every credential set: byte-equal with `go_escaping`, equal as JSON without it,
//! `--append-hash` names equal, several registries in one document through `--from-file`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;
use std::process::Command;

use base64::Engine as _;
use regcred::{
    docker_entry, pull_secret, DockerEntry, EcrToken, PullSecretOptions, RegistryConfig,
};
use serde_json::{json, Value};

const KUBECTL: &str = "/usr/bin/kubectl";

fn gcp_key(n: usize) -> String {
    // A realistic compact service-account key: long, with `\n` escapes inside the PEM.
    let body: String = (0..n).map(|i| char::from(b'A' + (i % 26) as u8)).collect();
    let pem = format!(
        "-----BEGIN PRIVATE KEY-----\\n{}\\n-----END PRIVATE KEY-----\\n",
        body.as_bytes()
            .chunks(64)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join("\\n")
    );
    format!(
        r#"{{"type":"service_account","project_id":"proj-1","private_key_id":"0123456789abcdef","private_key":"{pem}","client_email":"puller@proj-1.iam.gserviceaccount.com","client_id":"1","auth_uri":"https://accounts.google.com/o/oauth2/auth","token_uri":"https://oauth2.googleapis.com/token"}}"#
    )
}

/// The registry configurations of every type, with the server kubectl should be given.
fn typed_configs() -> Vec<RegistryConfig> {
    let key = gcp_key(1600);
    [
        json!({"name": "hub", "registryType": "docker-hub", "registryUrl": "docker.io", "username": "alice", "password": "dckr_pat_<&>"}),
        json!({"name": "azure", "registryType": "acr", "registryUrl": "myreg.azurecr.io", "username": "myreg", "password": "p:a:s:s"}),
        json!({"name": "gar", "registryType": "artifact-registry", "registryUrl": "europe-west3-docker.pkg.dev", "username": "_json_key", "password": key}),
        json!({"name": "gcr", "registryType": "gcr", "registryUrl": "https://eu.gcr.io/", "username": "_json_key", "password": format!("'{}'", gcp_key(2400))}),
        json!({"name": "quay", "registryType": "quay", "registryUrl": "quay.io", "username": "org+robot", "password": "ROBOTTOKEN\u{2028}"}),
        json!({"name": "harbor", "registryType": "other", "registryUrl": "harbor.example.com:8443/library", "username": "josé", "password": "pässwörd ✓"}),
    ]
    .into_iter()
    .map(|v| serde_json::from_value(v).unwrap())
    .collect()
}

fn credential_sets() -> Vec<DockerEntry> {
    let servers = [
        "https://index.docker.io/v1/",
        "123456789012.dkr.ecr.eu-west-1.amazonaws.com",
        "myreg.azurecr.io",
        "europe-west3-docker.pkg.dev",
        "gcr.io",
        "quay.io",
        "registry.example.com:5000/team",
        "127.0.0.1:5000",
    ];
    let users = [
        "alice",
        "org+robot",
        "AWS",
        "_json_key",
        "ñandú",
        "用户",
        "a.b-c_d",
    ];
    let passwords: Vec<String> = vec![
        "plain".into(),
        "p:w:with:colons".into(),
        "<script>&amp;</script>".into(),
        "a\u{2028}b\u{2029}c".into(),
        "quote\"back\\slash".into(),
        "tab\tnew\nline".into(),
        "emoji 🐳 and spaces  ".into(),
        // Control characters kubectl passes through; NUL and DEL are refused here, in entries
        // as in configurations (`password.control`).
        "ctrl\u{1}\u{8}\u{c}\u{1b}".into(),
        "dckr_pat_AbCdEf0123456789".into(),
        "é€ñ日本語".into(),
        gcp_key(1700),
    ];
    let emails = [None, Some("dev@example.com"), Some("a+b<x>@example.com")];
    let mut out = Vec::new();
    for (i, password) in passwords.iter().enumerate() {
        for j in 0..5 {
            let k = i * 5 + j;
            out.push(DockerEntry {
                server: servers[k % servers.len()].into(),
                username: users[(k * 3) % users.len()].into(),
                password: password.clone().into(),
                email: emails[k % emails.len()].map(Into::into),
            });
        }
    }
    out
}

fn kubectl(args: &[String]) -> String {
    let dir = std::env::temp_dir().join(format!("regcred-kubeconfig-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let kubeconfig = dir.join("config");
    std::fs::write(&kubeconfig, "apiVersion: v1\nkind: Config\n").unwrap();
    let out = Command::new(KUBECTL)
        .args(args)
        .env("KUBECONFIG", &kubeconfig)
        .output()
        .unwrap_or_else(|e| panic!("{KUBECTL} must be installed (make setup-test): {e}"));
    assert!(
        out.status.success(),
        "kubectl failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn kubectl_secret(e: &DockerEntry, name: &str, ns: Option<&str>, append_hash: bool) -> String {
    let mut args: Vec<String> = vec![
        "create".into(),
        "secret".into(),
        "docker-registry".into(),
        name.into(),
        format!("--docker-server={}", e.server),
        format!("--docker-username={}", e.username),
        format!("--docker-password={}", e.password.expose()),
        "--dry-run=client".into(),
        "-o".into(),
        "json".into(),
    ];
    if let Some(email) = &e.email {
        args.push(format!("--docker-email={email}"));
    }
    if let Some(ns) = ns {
        args.push(format!("--namespace={ns}"));
    }
    if append_hash {
        args.push("--append-hash".into());
    }
    kubectl(&args)
}

fn decoded_config(manifest: &str) -> Value {
    let v: Value = serde_json::from_str(manifest).unwrap();
    let b64 = v["data"][".dockerconfigjson"].as_str().unwrap();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(b64)
        .unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

fn without_data(manifest: &str) -> Value {
    let mut v: Value = serde_json::from_str(manifest).unwrap();
    v["data"] = Value::Null;
    v
}

fn compare(e: &DockerEntry, i: usize) {
    let name = format!("pull-{i}");
    let ns = (i % 2 == 0).then(|| format!("team-{i}"));
    let append_hash = i % 4 == 1;
    let theirs = kubectl_secret(e, &name, ns.as_deref(), append_hash);
    let options = |go_escaping| PullSecretOptions {
        name: name.clone(),
        namespace: ns.clone(),
        append_hash,
        go_escaping,
        ..Default::default()
    };
    let exact = pull_secret(std::slice::from_ref(e), &options(true)).unwrap();
    assert_eq!(exact.to_json(), theirs, "set {i} ({e:?}): bytes differ");
    let loose = pull_secret(std::slice::from_ref(e), &options(false)).unwrap();
    assert_eq!(
        decoded_config(&loose.to_json()),
        decoded_config(&theirs),
        "set {i}"
    );
    if !append_hash {
        assert_eq!(
            without_data(&loose.to_json()),
            without_data(&theirs),
            "set {i}"
        );
    }
}

#[test]
fn at_least_fifty_credential_sets_match_kubectl() {
    let sets = credential_sets();
    assert!(sets.len() >= 50, "{} sets", sets.len());
    for (i, e) in sets.iter().enumerate() {
        compare(e, i);
    }
    eprintln!("{} credential sets compared with kubectl", sets.len());
}

#[test]
fn every_registry_type_matches_kubectl_through_its_configuration() {
    let configs = typed_configs();
    for (i, config) in configs.iter().enumerate() {
        let e = docker_entry(config, None).unwrap();
        if config.registry_type.uses_json_key() {
            assert_eq!(e.username, "_json_key");
            assert!(
                e.password.expose().starts_with('{') && e.password.expose().ends_with('}'),
                "{}",
                config.name
            );
        }
        compare(&e, 100 + i);
    }
    // ECR with access keys: the entry comes from the registry token; without one it is an error.
    let ecr: RegistryConfig = serde_json::from_value(json!({"name": "ecr", "registryType": "ecr",
        "registryUrl": "123456789012.dkr.ecr.eu-west-1.amazonaws.com", "awsAuthType": "user-auth",
        "awsAccessKeyId": "AKIAIOSFODNN7EXAMPLE", "awsSecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}))
    .unwrap();
    assert_eq!(
        docker_entry(&ecr, None).unwrap_err().code(),
        "secret.ecr-token-required"
    );
    let token = EcrToken {
        username: "AWS".into(),
        password: "eyJwYXlsb2FkIjoi".repeat(120).into(),
        expires_at: regcred::time::Timestamp(1_900_000_000),
        proxy_endpoint: "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com".into(),
    };
    let e = docker_entry(&ecr, Some(&token)).unwrap();
    assert_eq!(e.server, "123456789012.dkr.ecr.eu-west-1.amazonaws.com");
    compare(&e, 200);
    let hub = docker_entry(&configs[0], None).unwrap();
    assert_eq!(hub.server, "https://index.docker.io/v1/");
    // kubectl's default server is Docker Hub's: without --docker-server the bytes are the same.
    let theirs = kubectl(&[
        "create".into(),
        "secret".into(),
        "docker-registry".into(),
        "hub".into(),
        format!("--docker-username={}", hub.username),
        format!("--docker-password={}", hub.password.expose()),
        "--dry-run=client".into(),
        "-o".into(),
        "json".into(),
    ]);
    let ours = pull_secret(
        &[hub],
        &PullSecretOptions {
            name: "hub".into(),
            go_escaping: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(ours.to_json(), theirs);
}

#[test]
fn several_registries_in_one_secret_through_from_file() {
    let sets = credential_sets();
    let entries: Vec<DockerEntry> = sets
        .iter()
        .enumerate()
        .map(|(i, e)| DockerEntry {
            server: format!("r{i}.{}", e.server.trim_start_matches("https://")),
            ..e.clone()
        })
        .collect();
    let secret = pull_secret(
        &entries,
        &PullSecretOptions {
            name: "multi".into(),
            append_hash: true,
            go_escaping: true,
            ..Default::default()
        },
    )
    .unwrap();
    let decoded = decoded_config(&secret.to_json());
    let auths = decoded["auths"].as_object().unwrap();
    assert_eq!(auths.len(), entries.len());
    let keys: Vec<_> = auths.keys().cloned().collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "servers sorted like Go's map keys");
    for e in &entries {
        let a = &auths[&e.server];
        assert_eq!(a["password"], e.password.expose());
        let auth = base64::engine::general_purpose::STANDARD
            .decode(a["auth"].as_str().unwrap())
            .unwrap();
        assert_eq!(
            auth,
            format!("{}:{}", e.username, e.password.expose()).into_bytes()
        );
    }
    // kubectl packs the very document with --from-file and computes the same hashed name.
    let dir = std::env::temp_dir().join(format!("regcred-multi-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file: PathBuf = dir.join("config.json");
    std::fs::write(&file, secret.docker_config_json.expose()).unwrap();
    let theirs = kubectl(&[
        "create".into(),
        "secret".into(),
        "docker-registry".into(),
        "multi".into(),
        format!("--from-file=.dockerconfigjson={}", file.display()),
        "--append-hash".into(),
        "--dry-run=client".into(),
        "-o".into(),
        "json".into(),
    ]);
    assert_eq!(secret.to_json(), theirs);
    std::fs::remove_dir_all(&dir).unwrap();
}
