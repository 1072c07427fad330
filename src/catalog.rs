//! The registry catalog: the seven registry types, their labels, default URLs and the fields a
//! form needs for each. Ids (`ecr`, `docker-hub`, ...) are part of the API.

use serde::{Deserialize, Serialize};

/// The kind of container registry. Serialized as its id (`ecr`, `docker-hub`, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RegistryType {
    /// Amazon Elastic Container Registry.
    Ecr,
    /// Docker Hub.
    DockerHub,
    /// Azure Container Registry.
    Acr,
    /// Google Artifact Registry (Docker format).
    ArtifactRegistry,
    /// Google Container Registry.
    Gcr,
    /// Quay (quay.io or self-hosted).
    Quay,
    /// Any other registry speaking the Docker Registry HTTP API v2.
    Other,
}

impl RegistryType {
    /// All types, in the order a form lists them.
    pub const ALL: [RegistryType; 7] = [
        RegistryType::Ecr,
        RegistryType::DockerHub,
        RegistryType::Acr,
        RegistryType::ArtifactRegistry,
        RegistryType::Gcr,
        RegistryType::Quay,
        RegistryType::Other,
    ];

    /// The stable id, as used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            RegistryType::Ecr => "ecr",
            RegistryType::DockerHub => "docker-hub",
            RegistryType::Acr => "acr",
            RegistryType::ArtifactRegistry => "artifact-registry",
            RegistryType::Gcr => "gcr",
            RegistryType::Quay => "quay",
            RegistryType::Other => "other",
        }
    }

    /// Looks a type up by its id; `None` when the id is unknown.
    pub fn from_id(id: &str) -> Option<RegistryType> {
        RegistryType::ALL.into_iter().find(|t| t.id() == id)
    }

    /// The registry URL this type uses when none is given (`docker.io`, `gcr.io`, `quay.io`);
    /// `None` when the user must enter one.
    pub fn default_url(self) -> Option<&'static str> {
        match self {
            RegistryType::DockerHub => Some("docker.io"),
            RegistryType::Gcr => Some("gcr.io"),
            RegistryType::Quay => Some("quay.io"),
            _ => None,
        }
    }

    /// Whether the credentials are a GCP service-account key with the fixed username `_json_key`.
    pub fn uses_json_key(self) -> bool {
        matches!(self, RegistryType::ArtifactRegistry | RegistryType::Gcr)
    }
}

/// How the registry's TLS is handled (the "advanced connection" option).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Connection {
    /// Allow only secure connections (the default).
    #[default]
    Secure,
    /// Secure, trusting a private CA certificate given in `cert`.
    SecureWithCert,
    /// Allow insecure connections: TLS errors tolerated, plain http allowed.
    Insecure,
}

impl Connection {
    /// The stable id, as used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Connection::Secure => "secure",
            Connection::SecureWithCert => "secure-with-cert",
            Connection::Insecure => "insecure",
        }
    }
}

/// How the form should render a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldKind {
    /// A one-line text input.
    Text,
    /// A secret: rendered as a password input, never echoed.
    Password,
    /// A multi-line secret (GCP service-account key JSON).
    SecretTextarea,
    /// A multi-line text (PEM certificate).
    Textarea,
    /// A choice among fixed options.
    Select,
    /// A checkbox.
    Checkbox,
}

/// One option of a [`FieldKind::Select`] field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldOption {
    /// The value stored in the configuration.
    pub value: &'static str,
    /// The label shown to people.
    pub label: &'static str,
}

/// One input of a registry type's form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Field {
    /// The configuration key (`registryUrl`, `username`, ...).
    pub key: &'static str,
    /// The label shown next to the input.
    pub label: &'static str,
    /// How to render it.
    pub kind: FieldKind,
    /// Whether a value is required (fields under a condition say so in `requiredWhen`).
    pub required: bool,
    /// A condition (`"awsAuthType=user-auth"`, `"connection=secure-with-cert"`) under which the
    /// field is shown and required; `None` when always shown.
    pub required_when: Option<&'static str>,
    /// A fixed value the user cannot change (`_json_key`).
    pub fixed_value: Option<&'static str>,
    /// The default value a new form starts with.
    pub default_value: Option<&'static str>,
    /// Placeholder text for an empty input.
    pub placeholder: Option<&'static str>,
    /// Help text shown under the input.
    pub help: Option<&'static str>,
    /// Choices of a select field.
    pub options: Vec<FieldOption>,
}

/// Everything a form needs to know about one registry type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RegistryTypeInfo {
    /// The stable id (`ecr`, ...).
    pub id: RegistryType,
    /// The label shown to people.
    pub label: &'static str,
    /// The registry URL a new form starts with (`None` when the user must type one).
    pub default_url: Option<&'static str>,
    /// Whether the user may change the registry URL.
    pub url_editable: bool,
    /// The key under which credentials go in `.dockerconfigjson` when it differs from the URL.
    pub docker_config_server: Option<&'static str>,
    /// A one-line description of the credentials this type takes.
    pub credentials_help: &'static str,
    /// Every form field of this type in form order: name, the type's own fields, the default
    /// flag, connection and certificate, then the injection policy (`injection.*` keys).
    pub fields: Vec<Field>,
}

/// The whole catalog: the seven registry types in form order.
pub fn registry_types() -> Vec<RegistryTypeInfo> {
    RegistryType::ALL
        .into_iter()
        .map(super::catalog_fields::type_info)
        .collect()
}

/// The fields every registry type has (name, default flag, connection, certificate), in order.
pub fn common_fields() -> Vec<Field> {
    super::catalog_fields::common()
}
