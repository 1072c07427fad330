//! The injection plan: policy lists, "all clusters", secret names and reasons.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use regcred::inject::registry_secret_name;

/// The binding's decoder of the `clusters` argument, exactly as the package runs it.
#[path = "../wasm/src/clusters.rs"]
mod clusters;
use clusters::clusters as clusters_from_json;
use regcred::{injection_plan, Cluster, RegistryConfig};
use serde_json::json;

fn clusters() -> Vec<Cluster> {
    clusters_from_json(&regcred::json::Value::from(
        &json!([1, {"id": "2", "name": "prod"}, {"id": 3}]),
    ))
    .unwrap()
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
        json!({"clusterId": "2", "clusterName": "prod", "inject": true, "secretName": "my-hub-regcred", "secretNames": ["my-hub-regcred"],
            "source": "registry-credentials", "reason": {"code": "auto-inject.listed", "message": v[1]["reason"]["message"]}})
    );
    assert_eq!(registry_secret_name("My_Registry!"), "my-registry-regcred");
    assert!(registry_secret_name(&"a".repeat(400)).len() <= 253);
    assert!(clusters_from_json(&regcred::json::Value::from(&json!([{"id": true}]))).is_err());
}

/// devtron-labs/devtron `pkg/dockerRegistry/DockerRegistryIpsUtil_test.go` (commit c6520431)
/// `TestIpsNameForNonNameType*`: hyphen, space, dot and case.
#[test]
fn platform_secret_names_as_build_ips_name() {
    for id in [
        "devtron-quay",
        "devtron quay",
        "devtron.quay",
        "Devtron quay",
    ] {
        assert_eq!(
            regcred::platform_secret_name(id),
            "devtronquay-dtron-ips",
            "{id}"
        );
    }
    let config: RegistryConfig = serde_json::from_value(hub(json!({"autoInject": ["*"]}))).unwrap();
    let p = regcred::injection_plan_with(&config, &clusters(), regcred::SecretNaming::Platform);
    assert_eq!(p[0].secret_name.as_deref(), Some("myhub-dtron-ips"));
}

#[test]
fn virtual_clusters_public_registries_and_chart_only_registries_get_nothing() {
    let config: RegistryConfig = serde_json::from_value(hub(json!({"autoInject": ["*"]}))).unwrap();
    let cs = clusters_from_json(&regcred::json::Value::from(
        &json!([{"id": 1, "isVirtual": true}, {"id": 2, "isVirtual": false}]),
    ))
    .unwrap();
    let p = injection_plan(&config, &cs);
    assert_eq!((p[0].inject, p[0].reason.code), (false, "virtual-cluster"));
    assert_eq!((p[1].inject, p[1].reason.code), (true, "auto-inject.all"));
    let mut public = config.clone();
    public.public = true;
    let p = injection_plan(&public, &cs);
    assert!(p
        .iter()
        .all(|x| !x.inject && x.reason.code == "public-registry"));
    let mut charts = config.clone();
    charts.usage = Some(regcred::Usage {
        containers: None,
        charts: Some(regcred::Access::PullPush),
        chart_repositories: vec!["charts/app".into()],
    });
    let p = injection_plan(&charts, &cs);
    assert!(p
        .iter()
        .all(|x| !x.inject && x.reason.code == "no-container-use"));
    assert!(clusters_from_json(&regcred::json::Value::from(
        &json!([{"id": 1, "isVirtual": "yes"}])
    ))
    .is_err());
}

#[test]
fn several_secret_names_custom_credentials_and_both_lists() {
    let p = plan(hub(
        json!({"autoInject": ["1"], "credentialSource": "image-pull-secret",
        "secretName": "pull-a, pull-b"}),
    ));
    assert_eq!(p[0], (true, Some("pull-a".into()), "auto-inject.listed"));
    let config: RegistryConfig = serde_json::from_value(hub(json!({"autoInject": ["1"],
        "credentialSource": "image-pull-secret", "secretName": "pull-a,pull-b"})))
    .unwrap();
    assert_eq!(
        injection_plan(&config, &clusters())[0].secret_names,
        ["pull-a", "pull-b"]
    );
    let p = plan(hub(
        json!({"autoInject": ["*"], "credentialSource": "custom-credential",
        "customUsername": "u2", "customPassword": "p2"}),
    ));
    assert_eq!(
        p[0],
        (true, Some("my-hub-regcred".into()), "auto-inject.all")
    );
    // Both lists: the applied list wins (CheckIfImagePullSecretAccessProvided).
    let p = plan(hub(json!({"autoInject": ["1"], "doNotInject": ["1", "2"]})));
    assert_eq!(
        p.iter().map(|x| x.0).collect::<Vec<_>>(),
        [true, false, false]
    );
}

/// `SetIpsNameInValues`: the name appended to `imagePullSecrets`, created when absent, never
/// twice; other values kept; nothing added where the plan injects nothing.
#[test]
fn helm_values_patch_as_set_ips_name_in_values() {
    use regcred::helm_values_patch;
    use regcred::SecretNaming::Platform;
    let config: RegistryConfig = serde_json::from_value(hub(json!({"autoInject": ["1"]}))).unwrap();
    let c = &clusters()[0];
    assert_eq!(
        helm_values_patch(&config, c, None, Platform).unwrap(),
        json!({"imagePullSecrets": ["myhub-dtron-ips"]})
    );
    let values = json!({"replicaCount": 2, "imagePullSecrets": ["other", "myhub-dtron-ips"]});
    assert_eq!(
        helm_values_patch(
            &config,
            c,
            Some(&regcred::json::Value::from(&values)),
            Platform
        )
        .unwrap(),
        values
    );
    let values = json!({"replicaCount": 2, "imagePullSecrets": ["other"]});
    assert_eq!(
        helm_values_patch(
            &config,
            c,
            Some(&regcred::json::Value::from(&values)),
            Platform
        )
        .unwrap(),
        json!({"replicaCount": 2, "imagePullSecrets": ["other", "myhub-dtron-ips"]})
    );
    let not_listed = &clusters()[1];
    assert_eq!(
        helm_values_patch(
            &config,
            not_listed,
            Some(&regcred::json::Value::from(&values)),
            Platform
        )
        .unwrap(),
        values
    );
    let bad = json!({"imagePullSecrets": "x"});
    assert_eq!(
        helm_values_patch(
            &config,
            c,
            Some(&regcred::json::Value::from(&bad)),
            Platform
        )
        .unwrap_err()
        .code(),
        "secret.shape"
    );
    assert!(helm_values_patch(
        &config,
        c,
        Some(&regcred::json::Value::from(&json!([1]))),
        Platform
    )
    .is_err());
}

#[test]
fn a_public_registry_has_no_secret() {
    let mut config: RegistryConfig =
        serde_json::from_value(hub(json!({"autoInject": ["*"]}))).unwrap();
    config.public = true;
    config.username = None;
    config.password = None;
    let e = regcred::docker_entry(&config, None).unwrap_err();
    assert_eq!(e.code(), "secret.public-registry");
    assert!(format!("{e}").starts_with("/public"));
}
