//! The registry catalog: the registry types, their labels, default URLs and the fields a form
//! needs for each, as the model ([`crate::model`]) declares them. Ids (`ecr`, `docker-hub`,
//! ...) are part of the API.

use serde::{Deserialize, Serialize};

/// Declares [`RegistryType`] from one list of `Variant = "id"`: the enum, its serde ids,
/// [`RegistryType::ALL`] (form order) and [`RegistryType::id`].
macro_rules! registry_types {
    ($($(#[$doc:meta])* $variant:ident = $id:literal,)*) => {
        /// The kind of container registry. Serialized as its id (`ecr`, `docker-hub`, ...).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum RegistryType {
            $($(#[$doc])* #[serde(rename = $id)] $variant,)*
        }

        impl RegistryType {
            /// All types, in the order a form lists them.
            pub const ALL: [RegistryType; [$($id),*].len()] = [$(RegistryType::$variant),*];

            /// The stable id, as used in JSON.
            pub fn id(self) -> &'static str {
                match self {
                    $(RegistryType::$variant => $id,)*
                }
            }
        }
    };
}

// Adding a type: one line here and its declaration in `crate::model::types`.
registry_types! {
    /// Amazon Elastic Container Registry.
    Ecr = "ecr",
    /// Docker Hub.
    DockerHub = "docker-hub",
    /// Azure Container Registry.
    Acr = "acr",
    /// Google Artifact Registry (Docker format).
    ArtifactRegistry = "artifact-registry",
    /// Google Container Registry.
    Gcr = "gcr",
    /// Quay (quay.io or self-hosted).
    Quay = "quay",
    /// GitLab's container registry: GitLab.com or a self-managed instance.
    Gitlab = "gitlab",
    /// GitHub's container registry, ghcr.io.
    Ghcr = "ghcr",
    /// A self-hosted Harbor.
    Harbor = "harbor",
    /// Any other registry speaking the Docker Registry HTTP API v2.
    Other = "other",
}

impl RegistryType {
    /// Looks a type up by its id; `None` when the id is unknown.
    pub fn from_id(id: &str) -> Option<RegistryType> {
        RegistryType::ALL.into_iter().find(|t| t.id() == id)
    }

    /// The registry URL this type uses when none is given (`docker.io`, `gcr.io`, `quay.io`);
    /// `None` when the user must enter one.
    pub fn default_url(self) -> Option<&'static str> {
        match crate::model::type_spec(self).field("registryUrl")?.default {
            Some(crate::model::Literal::Text(url)) => Some(url),
            _ => None,
        }
    }

    /// Whether the credentials are a GCP service-account key with the fixed username `_json_key`.
    pub fn uses_json_key(self) -> bool {
        crate::model::type_spec(self)
            .field("username")
            .is_some_and(|f| f.fixed == Some(crate::model::fields::JSON_KEY_USERNAME))
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

// The form information (labels, help, fields) is native only (see its module docs).
#[cfg(not(target_arch = "wasm32"))]
mod info;
#[cfg(not(target_arch = "wasm32"))]
pub use info::{registry_types, Field, FieldKind, FieldOption, RegistryTypeInfo};

impl crate::json::ToJson for RegistryType {
    fn write_json(&self, out: &mut String) {
        crate::json::write_str(out, self.id());
    }
}

impl crate::json::ToJson for Connection {
    fn write_json(&self, out: &mut String) {
        crate::json::write_str(out, self.id());
    }
}
