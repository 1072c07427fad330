//! The injection plan: policy lists, "all clusters", secret names and reasons.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use regcred::inject::{clusters_from_json, registry_secret_name};
use regcred::{injection_plan, Cluster, RegistryConfig};
use serde_json::json;

fn clusters() -> Vec<Cluster> {
    clusters_from_json(&json!([1, {"id": "2", "name": "prod"}, {"id": 3}])).unwrap()
}

fn plan(config: serde_json::Value) -> Vec<(bool, Option<String>, &'static str)> {
    let config: RegistryConfig = serde_json::from_value(config).unwrap();
    injection_plan(&config, &clusters())
        .into_iter()
        .map(|p| (p.inject, p.secret_name, p.reason.code))
        .collect()
}

fn hub(injection: serde_json::Value) -> serde_json::Value {
    json!({"name": "my-hub", "registryType": "docker-hub", "username": "u", "password": "p", "injection": injection})
}

#[test]
fn auto_inject_lists_by_id_or_name_and_all() {
    let name = Some("my-hub-regcred".to_string());
    assert_eq!(
        plan(hub(json!({"autoInject": ["1", "prod"]}))),
        [
            (true, name.clone(), "auto-inject.listed"),
            (true, name.clone(), "auto-inject.listed"),
            (false, None, "not-listed")
        ]
    );
    assert!(plan(hub(json!({"autoInject": ["*"]})))
        .iter()
        .all(|p| p.0 && p.2 == "auto-inject.all"));
}

#[test]
fn do_not_inject_and_no_policy() {
    let name = Some("my-hub-regcred".to_string());
    assert_eq!(
        plan(hub(json!({"doNotInject": ["3"]}))),
        [
            (true, name.clone(), "not-excluded"),
            (true, name, "not-excluded"),
            (false, None, "do-not-inject.listed")
        ]
    );
    assert!(plan(hub(json!({"doNotInject": ["*"]})))
        .iter()
        .all(|p| !p.0 && p.2 == "do-not-inject.all"));
    let mut none = hub(json!({}));
    none.as_object_mut().unwrap().remove("injection");
    assert!(plan(none).iter().all(|p| !p.0 && p.2 == "no-policy"));
}

#[test]
fn image_pull_secret_and_ecr_iam_role() {
    let p = plan(hub(
        json!({"autoInject": ["*"], "credentialSource": "image-pull-secret", "secretName": "existing"}),
    ));
    assert!(p.iter().all(|x| x.0 && x.1.as_deref() == Some("existing")));
    let p = plan(hub(
        json!({"autoInject": ["*"], "credentialSource": "image-pull-secret"}),
    ));
    assert!(p.iter().all(|x| !x.0 && x.2 == "secret-name-missing"));
    let role = json!({"name": "ecr-role", "registryType": "ecr", "registryUrl": "123456789012.dkr.ecr.eu-west-1.amazonaws.com",
        "awsAuthType": "iam-role", "injection": {"autoInject": ["*"]}});
    assert!(plan(role)
        .iter()
        .all(|x| !x.0 && x.1.is_none() && x.2 == "ecr-iam-role"));
}

#[test]
fn plan_serializes_camel_case_and_names_are_dns1123() {
    let config: RegistryConfig = serde_json::from_value(hub(json!({"autoInject": ["2"]}))).unwrap();
    let v = serde_json::to_value(injection_plan(&config, &clusters())).unwrap();
    assert_eq!(
        v[1],
        json!({"clusterId": "2", "clusterName": "prod", "inject": true, "secretName": "my-hub-regcred",
            "source": "registry-credentials", "reason": {"code": "auto-inject.listed", "message": v[1]["reason"]["message"]}})
    );
    assert_eq!(registry_secret_name("My_Registry!"), "my-registry-regcred");
    assert!(registry_secret_name(&"a".repeat(400)).len() <= 253);
    assert!(clusters_from_json(&json!([{"id": true}])).is_err());
}
