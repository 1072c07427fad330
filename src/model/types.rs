//! The registry types and the fields of each one's form, in form order. Connection options
//! (and the CA certificate) belong only to registries that can be self-hosted.

use super::fields::{
    password, username, ACR_URL, ARTIFACT_REGISTRY_URL, ASSUME_ROLE_ARN, AWS_ACCESS_KEY_ID,
    AWS_AUTH_TYPE, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, CERT, CERT_WHEN_SECURE_WITH_CERT,
    CONNECTION, DOCKER_HUB_SERVER, DOCKER_HUB_URL, ECR_URL, GCR_URL, GHCR_URL, GITLAB_COM,
    GITLAB_URL, HARBOR_URL, IS_DEFAULT, JSON_KEY, JSON_KEY_USER, NAME, OTHER_URL, PUBLIC, QUAY_URL,
};
use super::{form_text, GroupUse, Literal, TypeSpec, When};
use crate::catalog::RegistryType;

const ECR: TypeSpec = TypeSpec {
    id: RegistryType::Ecr,
    label: "ECR",
    credentials_help: form_text(
        "An EC2/worker-node IAM role, or an access key exchanged for a 12-hour token.",
    ),
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
    groups: &[],
};

const DOCKER_HUB: TypeSpec = TypeSpec {
    id: RegistryType::DockerHub,
    label: "Docker",
    credentials_help: form_text("Docker ID and a personal access token (recommended) or password."),
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
    groups: &[],
};

const ACR: TypeSpec = TypeSpec {
    id: RegistryType::Acr,
    label: "Azure",
    credentials_help: form_text(
        "A service principal's app ID and secret, or the registry's admin user.",
    ),
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
    groups: &[],
};

const ARTIFACT_REGISTRY: TypeSpec = TypeSpec {
    id: RegistryType::ArtifactRegistry,
    label: "Artifact Registry (GCP)",
    credentials_help: form_text("A service-account JSON key; the username is always _json_key."),
    docker_config_server: None,
    fields: &[
        NAME,
        ARTIFACT_REGISTRY_URL,
        JSON_KEY_USER,
        JSON_KEY,
        IS_DEFAULT,
        PUBLIC,
    ],
    groups: &[],
};

const GCR: TypeSpec = TypeSpec {
    id: RegistryType::Gcr,
    label: "GCR",
    credentials_help: form_text("A service-account JSON key; the username is always _json_key."),
    docker_config_server: None,
    fields: &[NAME, GCR_URL, JSON_KEY_USER, JSON_KEY, IS_DEFAULT, PUBLIC],
    // GCR is no OCI chart store (validation: `usage.gcr-charts`): no Helm-chart choice.
    groups: &[GroupUse {
        key: "usage",
        when: &[],
        omit: &["charts", "chartRepositories"],
    }],
};

const QUAY: TypeSpec = TypeSpec {
    id: RegistryType::Quay,
    label: "Quay",
    credentials_help: form_text(
        "A robot account (org+name) and its token, or a user and password.",
    ),
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
    groups: &[],
};

const GITLAB: TypeSpec = TypeSpec {
    id: RegistryType::Gitlab,
    label: "GitLab",
    credentials_help: form_text(
        "A username and a personal, project, group or deploy access token.",
    ),
    docker_config_server: None,
    fields: &[
        NAME,
        GITLAB_URL,
        username(
            "username or gitlab+deploy-token-N",
            "Your GitLab username, or the username of a deploy token.",
        ),
        password(
            "Access token",
            "A personal, project or group access token, or a deploy token, with read_registry.",
        ),
        IS_DEFAULT,
        PUBLIC,
        CONNECTION.when(SELF_MANAGED_GITLAB),
        CERT.when(SELF_MANAGED_GITLAB_CERT),
    ],
    groups: &[GroupUse {
        key: "remoteConnection",
        when: SELF_MANAGED_GITLAB,
        omit: &[],
    }],
};

/// GitLab.com is reached over TLS with a public certificate, directly: connection options
/// (insecure, a CA certificate, a proxy or SSH tunnel) are for a self-managed GitLab only
/// (validation: `gitlab.com-connection`).
const SELF_MANAGED_GITLAB: &[When] = &[NOT_GITLAB_COM];
const NOT_GITLAB_COM: When = When {
    field: "registryUrl",
    is: Literal::Text(GITLAB_COM),
    negated: true,
};
const SELF_MANAGED_GITLAB_CERT: &[When] = &[CERT_WHEN_SECURE_WITH_CERT, NOT_GITLAB_COM];

const GHCR: TypeSpec = TypeSpec {
    id: RegistryType::Ghcr,
    label: "GitHub",
    credentials_help: form_text(
        "A GitHub username and a personal access token (classic) with read:packages.",
    ),
    docker_config_server: None,
    fields: &[
        NAME,
        GHCR_URL,
        username("GitHub username", "The GitHub user the token belongs to."),
        password(
            "Personal access token",
            "A personal access token (classic) with the read:packages scope.",
        ),
        IS_DEFAULT,
        PUBLIC,
    ],
    groups: &[],
};

const HARBOR: TypeSpec = TypeSpec {
    id: RegistryType::Harbor,
    label: "Harbor",
    credentials_help: form_text(
        "A robot account (robot$name or robot$project+name) and its secret, or a user.",
    ),
    docker_config_server: None,
    fields: &[
        NAME,
        HARBOR_URL,
        username(
            "robot$project+name",
            "A robot account such as robot$project+puller, or a Harbor user.",
        ),
        password(
            "Password/Secret",
            "The robot account's secret or the user's password.",
        ),
        IS_DEFAULT,
        PUBLIC,
        CONNECTION,
        CERT,
    ],
    groups: &[],
};

const OTHER: TypeSpec = TypeSpec {
    id: RegistryType::Other,
    label: "Other",
    credentials_help: form_text(
        "Any registry speaking the Docker Registry HTTP API v2, with a username and password or \
         token.",
    ),
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
    groups: &[],
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
        RegistryType::Gitlab => &GITLAB,
        RegistryType::Ghcr => &GHCR,
        RegistryType::Harbor => &HARBOR,
        RegistryType::Other => &OTHER,
    }
}
