//! The catalog lists the registry types with consistent fields.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use regcred::catalog::FieldKind;
use regcred::{registry_types, RegistryType};

#[test]
fn seven_types_in_form_order_with_fixed_ids() {
    let ids: Vec<_> = registry_types().iter().map(|t| t.id.id()).collect();
    assert_eq!(
        ids,
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
    for t in RegistryType::ALL {
        assert_eq!(RegistryType::from_id(t.id()), Some(t));
    }
    assert_eq!(RegistryType::from_id("harbor"), None);
}

#[test]
fn labels_and_default_urls() {
    let types = registry_types();
    let by = |id: &str| types.iter().find(|t| t.id.id() == id).unwrap();
    assert_eq!(by("docker-hub").label, "Docker");
    assert_eq!(by("docker-hub").default_url, Some("docker.io"));
    assert!(!by("docker-hub").url_editable);
    assert_eq!(
        by("docker-hub").docker_config_server,
        Some("https://index.docker.io/v1/")
    );
    assert_eq!(by("quay").default_url, Some("quay.io"));
    assert_eq!(by("gcr").default_url, Some("gcr.io"));
    assert_eq!(by("ecr").default_url, None);
    assert_eq!(by("artifact-registry").label, "Artifact Registry (GCP)");
}

#[test]
fn every_type_has_common_fields_and_secret_fields_are_password_like() {
    for t in registry_types() {
        let keys: Vec<&str> = t.fields.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys.first(), Some(&"name"), "{:?}", t.id);
        for common in ["registryUrl", "isDefault", "injection.credentialSource"] {
            assert!(keys.contains(&common), "{:?} lacks {common}", t.id);
        }
        // Connection options only where the registry can be self-hosted.
        let self_hosted = t.id == RegistryType::Other;
        assert_eq!(keys.contains(&"connection"), self_hosted, "{:?}", t.id);
        assert_eq!(keys.contains(&"cert"), self_hosted, "{:?}", t.id);
        for f in &t.fields {
            if matches!(
                f.key.as_str(),
                "password" | "awsSecretAccessKey" | "awsSessionToken"
            ) {
                assert!(
                    matches!(f.kind, FieldKind::Password | FieldKind::SecretTextarea),
                    "{:?}.{} must be rendered as a secret",
                    t.id,
                    f.key
                );
            }
        }
    }
}

#[test]
fn gcp_types_fix_the_json_key_username() {
    for t in registry_types()
        .into_iter()
        .filter(|t| t.id.uses_json_key())
    {
        let user = t.fields.iter().find(|f| f.key == "username").unwrap();
        assert_eq!(user.fixed_value, Some("_json_key"));
    }
}

#[test]
fn ecr_has_both_auth_types_and_conditional_keys() {
    let ecr = registry_types()
        .into_iter()
        .find(|t| t.id == RegistryType::Ecr)
        .unwrap();
    let auth = ecr.fields.iter().find(|f| f.key == "awsAuthType").unwrap();
    let values: Vec<_> = auth.options.iter().map(|o| o.value).collect();
    assert_eq!(values, ["iam-role", "user-auth"]);
    let key = ecr
        .fields
        .iter()
        .find(|f| f.key == "awsAccessKeyId")
        .unwrap();
    assert_eq!(
        key.required_when.as_deref(),
        Some("awsAuthType=user-auth and public=false")
    );
    assert_eq!(
        key.shown_when.as_deref(),
        Some("awsAuthType=user-auth and public=false")
    );
    assert!(!ecr.fields.iter().any(|f| f.key == "username"));
}
