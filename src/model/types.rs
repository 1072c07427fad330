//! The registry types and the fields of each one's form, in form order. Connection options
//! (and the CA certificate) belong only to registries that can be self-hosted.

use super::fields::{
    password, username, ACR_URL, ARTIFACT_REGISTRY_URL, ASSUME_ROLE_ARN, AWS_ACCESS_KEY_ID,
    AWS_AUTH_TYPE, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, CERT, CONNECTION, DOCKER_HUB_SERVER,
    DOCKER_HUB_URL, ECR_URL, GCR_URL, IS_DEFAULT, JSON_KEY, JSON_KEY_USER, NAME, OTHER_URL, PUBLIC,
    QUAY_URL,
};
use super::TypeSpec;
use crate::catalog::RegistryType;

const ECR: TypeSpec = TypeSpec {
    id: RegistryType::Ecr,
    label: "ECR",
    credentials_help:
        "An EC2/worker-node IAM role, or an access key exchanged for a 12-hour token.",
    docker_config_server: None,
    fields: &[
        NAME,
        ECR_URL,
        AWS_AUTH_TYPE,
        AWS_ACCESS_KEY_ID,
        AWS_SECRET_ACCESS_KEY,
        AWS_SESSION_TOKEN,
        ASSUME_ROLE_ARN,
        IS_DEFAULT,
        PUBLIC,
    ],
};

const DOCKER_HUB: TypeSpec = TypeSpec {
    id: RegistryType::DockerHub,
    label: "Docker",
    credentials_help: "Docker ID and a personal access token (recommended) or password.",
    docker_config_server: Some(DOCKER_HUB_SERVER),
    fields: &[
        NAME,
        DOCKER_HUB_URL,
        username(
            "your Docker ID",
            "Your Docker ID (not your e-mail address).",
        ),
        password(
            "Password/Token",
            "A personal access token with read access is recommended over your password.",
        ),
        IS_DEFAULT,
        PUBLIC,
    ],
};

const ACR: TypeSpec = TypeSpec {
    id: RegistryType::Acr,
    label: "Azure",
    credentials_help: "A service principal's app ID and secret, or the registry's admin user.",
    docker_config_server: None,
    fields: &[
        NAME,
        ACR_URL,
        username(
            "service principal app ID or registry name",
            "A service principal's application (client) ID, or the registry name for the admin \
             user.",
        ),
        password(
            "Password",
            "The service principal's client secret or the admin password.",
        ),
        IS_DEFAULT,
        PUBLIC,
    ],
};

const ARTIFACT_REGISTRY: TypeSpec = TypeSpec {
    id: RegistryType::ArtifactRegistry,
    label: "Artifact Registry (GCP)",
    credentials_help: "A service-account JSON key; the username is always _json_key.",
    docker_config_server: None,
    fields: &[
        NAME,
        ARTIFACT_REGISTRY_URL,
        JSON_KEY_USER,
        JSON_KEY,
        IS_DEFAULT,
        PUBLIC,
    ],
};

const GCR: TypeSpec = TypeSpec {
    id: RegistryType::Gcr,
    label: "GCR",
    credentials_help: "A service-account JSON key; the username is always _json_key.",
    docker_config_server: None,
    fields: &[NAME, GCR_URL, JSON_KEY_USER, JSON_KEY, IS_DEFAULT, PUBLIC],
};

const QUAY: TypeSpec = TypeSpec {
    id: RegistryType::Quay,
    label: "Quay",
    credentials_help: "A robot account (org+name) and its token, or a user and password.",
    docker_config_server: None,
    fields: &[
        NAME,
        QUAY_URL,
        username(
            "org+robot",
            "A robot account such as myorg+puller is recommended.",
        ),
        password(
            "Password/Token",
            "The robot account's token or the user's password.",
        ),
        IS_DEFAULT,
        PUBLIC,
    ],
};

const OTHER: TypeSpec = TypeSpec {
    id: RegistryType::Other,
    label: "Other",
    credentials_help:
        "Any registry speaking the Docker Registry HTTP API v2, with a username and password or \
         token.",
    docker_config_server: None,
    fields: &[
        NAME,
        OTHER_URL,
        username(
            "username",
            "The user or robot account the cluster pulls as.",
        ),
        password(
            "Password/Token",
            "A read-only token is recommended over a password.",
        ),
        IS_DEFAULT,
        PUBLIC,
        CONNECTION,
        CERT,
    ],
};

/// The declaration of type `t`.
pub fn spec(t: RegistryType) -> &'static TypeSpec {
    match t {
        RegistryType::Ecr => &ECR,
        RegistryType::DockerHub => &DOCKER_HUB,
        RegistryType::Acr => &ACR,
        RegistryType::ArtifactRegistry => &ARTIFACT_REGISTRY,
        RegistryType::Gcr => &GCR,
        RegistryType::Quay => &QUAY,
        RegistryType::Other => &OTHER,
    }
}
