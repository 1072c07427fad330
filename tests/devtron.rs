//! Devtron's registry payload: the shape for every registry type, and lossless round trips.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use regcred::{from_devtron_payload, to_devtron_payload, RegistryConfig};
use serde_json::{json, Value};

const GCP_KEY: &str = r#"{"type":"service_account","project_id":"p","private_key_id":"abc","private_key":"-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n","client_email":"sa@p.iam.gserviceaccount.com"}"#;

fn config(v: Value) -> RegistryConfig {
    serde_json::from_value(v).unwrap()
}

/// `specific` plus what every payload carries: container use, not public, the no-injection
/// `ipsConfig` unless given (GCR: not an OCI registry).
fn payload(specific: Value) -> Value {
    let mut p = json!({"pluginId": "cd.go.artifact.docker.registry", "isDefault": false,
        "isOCICompliantRegistry": true, "ociRegistryConfig": {"CONTAINER": "PULL/PUSH"},
        "isPublic": false, "repositoryList": null,
        "ipsConfig": {"id": 0, "credentialType": "SAME_AS_REGISTRY", "credentialValue": "",
            "appliedClusterIdsCsv": "", "ignoredClusterIdsCsv": "-1"}});
    for (k, v) in specific.as_object().unwrap() {
        p[k] = v.clone();
    }
    if p["registryType"] == "gcr" {
        p["isOCICompliantRegistry"] = json!(false);
        p["ociRegistryConfig"] = Value::Null;
    }
    if p["registryType"] == "other" {
        p["registryCredentialsType"] = json!("username_password");
    }
    p
}

/// One normalized configuration per type (and both ECR auth types), with its expected payload.
fn cases() -> Vec<(RegistryConfig, Value)> {
    vec![
        (
            config(json!({"name": "ecr-keys", "registryType": "ecr",
                "registryUrl": "123456789012.dkr.ecr.eu-west-1.amazonaws.com", "awsAuthType": "user-auth",
                "awsAccessKeyId": "AKIAIOSFODNN7EXAMPLE", "awsSecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "isDefault": true,
                "injection": {"autoInject": ["*"], "credentialSource": "registry-credentials"}})),
            payload(
                json!({"id": "ecr-keys", "pluginId": "cd.go.artifact.docker.registry", "registryType": "ecr",
                "isDefault": true, "registryUrl": "123456789012.dkr.ecr.eu-west-1.amazonaws.com",
                "awsAccessKeyId": "AKIAIOSFODNN7EXAMPLE", "awsSecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "awsRegion": "eu-west-1", "assumeRoleArn": "",
                "ipsConfig": {"id": 0, "credentialType": "SAME_AS_REGISTRY", "credentialValue": "",
                    "appliedClusterIdsCsv": "-1", "ignoredClusterIdsCsv": ""}}),
            ),
        ),
        (
            config(json!({"name": "ecr-role", "registryType": "ecr",
                "registryUrl": "123456789012.dkr.ecr.us-gov-west-1.amazonaws.com", "awsAuthType": "iam-role"})),
            payload(
                json!({"id": "ecr-role", "pluginId": "cd.go.artifact.docker.registry", "registryType": "ecr",
                "isDefault": false, "registryUrl": "123456789012.dkr.ecr.us-gov-west-1.amazonaws.com",
                "awsAccessKeyId": "", "awsSecretAccessKey": "", "awsRegion": "us-gov-west-1", "assumeRoleArn": ""}),
            ),
        ),
        (
            config(
                json!({"name": "dockerhub", "registryType": "docker-hub", "registryUrl": "docker.io",
                "username": "alice", "password": "dckr_pat_x",
                "injection": {"doNotInject": ["3", "7"], "credentialSource": "image-pull-secret", "secretName": "hub-pull"}}),
            ),
            payload(
                json!({"id": "dockerhub", "pluginId": "cd.go.artifact.docker.registry", "registryType": "docker-hub",
                "isDefault": false, "registryUrl": "docker.io", "username": "alice", "password": "dckr_pat_x",
                "ipsConfig": {"id": 0, "credentialType": "NAME", "credentialValue": "hub-pull",
                    "appliedClusterIdsCsv": "", "ignoredClusterIdsCsv": "3,7"}}),
            ),
        ),
        (
            config(
                json!({"name": "azure", "registryType": "acr", "registryUrl": "myreg.azurecr.io",
                "username": "00000000-0000-0000-0000-000000000000", "password": "s3cret"}),
            ),
            payload(
                json!({"id": "azure", "pluginId": "cd.go.artifact.docker.registry", "registryType": "acr",
                "isDefault": false, "registryUrl": "myreg.azurecr.io",
                "username": "00000000-0000-0000-0000-000000000000", "password": "s3cret"}),
            ),
        ),
        (
            config(json!({"name": "gar", "registryType": "artifact-registry",
                "registryUrl": "europe-west3-docker.pkg.dev", "username": "_json_key", "password": GCP_KEY,
                "injection": {"doNotInject": ["3"]}})),
            payload(
                json!({"id": "gar", "pluginId": "cd.go.artifact.docker.registry", "registryType": "artifact-registry",
                "isDefault": false, "registryUrl": "europe-west3-docker.pkg.dev",
                "username": "_json_key", "password": format!("'{GCP_KEY}'"),
                "ipsConfig": {"id": 0, "credentialType": "SAME_AS_REGISTRY", "credentialValue": "",
                    "appliedClusterIdsCsv": "", "ignoredClusterIdsCsv": "3"}}),
            ),
        ),
        (
            config(
                json!({"name": "gcr", "registryType": "gcr", "registryUrl": "eu.gcr.io",
                "username": "_json_key", "password": GCP_KEY}),
            ),
            payload(
                json!({"id": "gcr", "pluginId": "cd.go.artifact.docker.registry", "registryType": "gcr",
                "isDefault": false, "registryUrl": "eu.gcr.io",
                "username": "_json_key", "password": format!("'{GCP_KEY}'")}),
            ),
        ),
        (
            config(
                json!({"name": "quay", "registryType": "quay", "registryUrl": "quay.io",
                "username": "org+robot", "password": "TOKEN"}),
            ),
            payload(
                json!({"id": "quay", "pluginId": "cd.go.artifact.docker.registry", "registryType": "quay",
                "isDefault": false, "registryUrl": "quay.io", "username": "org+robot", "password": "TOKEN"}),
            ),
        ),
        (
            config(
                json!({"name": "harbor", "registryType": "other", "registryUrl": "harbor.example.com:8443/proj",
                "username": "u", "password": "p", "connection": "secure-with-cert",
                "cert": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"}),
            ),
            payload(
                json!({"id": "harbor", "pluginId": "cd.go.artifact.docker.registry", "registryType": "other",
                "isDefault": false, "registryUrl": "harbor.example.com:8443/proj", "username": "u", "password": "p",
                "connection": "secure-with-cert", "cert": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"}),
            ),
        ),
        (
            config(
                json!({"name": "lab", "registryType": "other", "registryUrl": "10.0.0.5:5000",
                "username": "u", "password": "p", "connection": "insecure"}),
            ),
            payload(
                json!({"id": "lab", "pluginId": "cd.go.artifact.docker.registry", "registryType": "other",
                "isDefault": false, "registryUrl": "10.0.0.5:5000", "username": "u", "password": "p",
                "connection": "insecure", "cert": ""}),
            ),
        ),
    ]
}

#[test]
fn payload_shape_for_every_type() {
    let cases = cases();
    let mut types: Vec<_> = cases.iter().map(|(c, _)| c.registry_type.id()).collect();
    types.dedup();
    assert_eq!(
        types,
        [
            "ecr",
            "docker-hub",
            "acr",
            "artifact-registry",
            "gcr",
            "quay",
            "other"
        ]
    );
    for (config, expected) in cases {
        let payload = to_devtron_payload(&config);
        println!(
            "{}: {}",
            config.registry_type.id(),
            serde_json::to_string(&payload).unwrap()
        );
        assert_eq!(payload, expected, "{}", config.name);
    }
}

#[test]
fn round_trip_is_lossless_for_every_type() {
    for (config, _) in cases() {
        let report = from_devtron_payload(&to_devtron_payload(&config));
        assert!(report.valid, "{}: {:?}", config.name, report.errors);
        assert!(
            report.warnings.is_empty(),
            "{}: {:?}",
            config.name,
            report.warnings
        );
        assert_eq!(report.value.as_ref(), Some(&config), "{}", config.name);
    }
}

#[test]
fn devtron_response_fields_are_accepted_and_gcp_quotes_removed() {
    let payload = json!({"id": "gar", "pluginId": "cd.go.artifact.docker.registry", "registryType": "gcr",
        "registryUrl": "https://gcr.io", "username": "_json_key", "password": "'{\"a\":1}'",
        "isDefault": false, "active": true, "isOCICompliantRegistry": false, "isPublic": false,
        "disabledFields": [], "awsRegion": "", "surprise": 1});
    let report = from_devtron_payload(&regcred::json::Value::from(&payload));
    assert!(report.valid, "{:?}", report.errors);
    assert_eq!(
        report.warning_codes(),
        [
            "devtron.dropped-field",
            "devtron.dropped-field",
            "devtron.unknown-field"
        ]
    );
    assert_eq!(report.warnings[0].path, "/active");
    assert_eq!(report.warnings[1].path, "/disabledFields");
    let config = report.value.unwrap();
    assert_eq!(config.registry_url.as_deref(), Some("gcr.io"));
    assert_eq!(
        config.password.as_ref().map(regcred::SecretString::expose),
        Some("{\"a\":1}")
    );
}

#[test]
fn invalid_payloads_are_reports_without_secrets() {
    let bad = json!({"registryType": "nexus", "password": "hunter2-marker", "connection": "tls",
        "isDefault": "yes", "ipsConfig": {"credentialType": "TOKEN"}});
    let report = from_devtron_payload(&regcred::json::Value::from(&bad));
    assert!(!report.valid);
    assert_eq!(report.value, None);
    let mut codes = report.error_codes();
    codes.sort_unstable();
    assert_eq!(
        codes,
        [
            "devtron.connection",
            "devtron.field-type",
            "devtron.id",
            "devtron.ips-credential-type",
            "devtron.registry-type"
        ]
    );
    assert!(!serde_json::to_string(&report).unwrap().contains("hunter2"));
    assert_eq!(
        from_devtron_payload(&regcred::json::Value::from(&json!([1]))).error_codes(),
        ["devtron.shape"]
    );
    let custom = json!({"id": "q", "registryType": "quay", "registryUrl": "quay.io",
        "ipsConfig": {"credentialType": "CUSTOM_CREDENTIAL", "credentialValue": "{\"password\": \"hunter2-marker\""}});
    let report = from_devtron_payload(&regcred::json::Value::from(&custom));
    assert_eq!(report.error_codes(), ["devtron.custom-credential"]);
    assert!(!serde_json::to_string(&report).unwrap().contains("hunter2"));
}

#[test]
fn types_the_platform_does_not_know_go_out_as_other_with_a_warning() {
    for (t, url) in [("ghcr", "ghcr.io"), ("harbor", "harbor.example.com")] {
        let c = config(
            json!({"name": "x-reg", "registryType": t, "registryUrl": url,
            "username": "robot$p+ci", "password": "s"}),
        );
        let r = regcred::to_devtron_payload_report(&c);
        assert_eq!(r.warning_codes(), ["devtron.type-as-other"], "{t}");
        let p = r.value.unwrap();
        assert_eq!(p["registryType"], "other", "{t}");
        assert_eq!(p["registryCredentialsType"], "username_password", "{t}");
        let back = from_devtron_payload(&p).value.unwrap();
        assert_eq!(back.registry_type.id(), "other");
        assert_eq!(back.username.as_deref(), Some("robot$p+ci"));
    }
    let gitlab = config(json!({"name": "gl", "registryType": "gitlab",
        "registryUrl": "registry.gitlab.com", "username": "u", "password": "p"}));
    let r = regcred::to_devtron_payload_report(&gitlab);
    assert!(r.warnings.is_empty());
    assert_eq!(r.value.unwrap()["registryType"], "gitlab");
}

#[test]
fn every_unreadable_payload_gives_its_code() {
    let path = format!(
        "{}/tests/fixtures/devtron-invalid.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let pairs = |issues: &[regcred::Issue]| -> Vec<(String, String)> {
        issues
            .iter()
            .map(|i| (i.path.clone(), i.code.clone()))
            .collect()
    };
    let expected = |v: &Value| -> Vec<(String, String)> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|p| (p[0].as_str().unwrap().into(), p[1].as_str().unwrap().into()))
            .collect()
    };
    let mut failures = Vec::new();
    for case in doc["cases"].as_array().unwrap() {
        let payload = match case.get("payload") {
            Some(p) => p.clone(),
            None => {
                let mut p = doc["base"].clone();
                for (k, v) in case["patch"].as_object().unwrap() {
                    match v {
                        Value::Null => {
                            p.as_object_mut().unwrap().remove(k);
                        }
                        _ => p[k] = v.clone(),
                    }
                }
                p
            }
        };
        let r = from_devtron_payload(&regcred::json::Value::from(&payload));
        let name = case["name"].as_str().unwrap();
        if pairs(&r.errors) != expected(&case["errors"])
            || pairs(&r.warnings) != expected(&case["warnings"])
            || r.valid != case["errors"].as_array().unwrap().is_empty()
        {
            failures.push(format!("{name}: {:?} {:?}", r.errors, r.warnings));
        }
        assert!(!serde_json::to_string(&r).unwrap().contains("hunter2"));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_session_token_left_out_of_the_payload_is_a_warning() {
    let c = config(json!({"name": "ecr-sts", "registryType": "ecr",
        "registryUrl": "123456789012.dkr.ecr.eu-west-1.amazonaws.com", "awsAuthType": "user-auth",
        "awsAccessKeyId": "ASIAIOSFODNN7EXAMPLE", "awsSecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "awsSessionToken": "FwoGZXIvYXdzEXAMPLETOKEN"}));
    let r = regcred::to_devtron_payload_report(&c);
    assert_eq!(r.warning_codes(), ["devtron.dropped-field"]);
    assert_eq!(r.warnings[0].path, "/awsSessionToken");
    let text = serde_json::to_string(&r).unwrap();
    assert!(!text.contains("FwoGZXIv"));
}
