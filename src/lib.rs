//! regcred: container registry configuration for any host.
//!
//! Form schemas for every registry type, validation of what people type, Kubernetes image-pull
//! secrets and docker config files byte-compatible with `kubectl create secret docker-registry`,
//! and credential checks driven through a host-supplied `fetch`.
//!
//! The core is pure Rust and knows nothing of JavaScript; the WebAssembly binding is its own
//! crate (`wasm/`), see ARCHITECTURE.md.
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::string_slice
    )
)]

mod base64_codec;
pub mod catalog;
pub mod config;
pub mod error_code;
pub mod json;
pub mod json_read;
#[cfg(feature = "json-schema")]
pub mod json_schema;
pub mod model;
mod redact;
mod remote_connection;
pub mod report;
pub mod schema;
pub mod secret_string;
mod sha256;
pub mod substring;
pub mod time;
mod url;
mod usage;

#[cfg(not(target_arch = "wasm32"))]
pub use catalog::{registry_types, RegistryTypeInfo};
pub use catalog::{Connection, RegistryType};
pub use config::{
    Access, AwsAuthType, ConnectionMethod, CredentialSource, CustomCredential, Injection,
    RegistryConfig, RemoteConnection, Usage,
};
pub use error_code::ErrorCode;
pub use model::fields::{DOCKER_HUB_SERVER, JSON_KEY_USERNAME};
pub use report::{Issue, Report};
pub use secret_string::SecretString;

pub mod verify;

pub mod secret;
pub use secret::{
    docker_config_file, docker_config_json, docker_entry, pull_secret, DockerConfigFileOptions,
    DockerEntry, EcrToken, ManifestFormat, PullSecret, PullSecretOptions, SecretError,
};

pub mod inject;
pub use inject::{
    injection_plan, injection_plan_with, platform_secret_name, Cluster, ClusterPlan, PlanReason,
    SecretNaming,
};
pub mod helm_values;
pub use helm_values::helm_values_patch;

pub mod devtron;
pub use devtron::{from_devtron_payload, to_devtron_payload, to_devtron_payload_report};
pub mod validate;
pub use validate::{
    install_host_parser, parse_ecr_url, parse_service_account_key, validate_field,
    validate_field_in, validate_registry, EcrRegistry, ServiceAccountKey,
};
pub mod images;
pub use images::{parse_image_reference, resolve_credentials, ImageReference, KeyringMatch};
pub mod cert;
pub use cert::{inspect_certificates, CertificateBundle, CertificateInfo, InspectOptions};
