//! Generation: `.dockerconfigjson` documents and image-pull Secret manifests identical to
//! `kubectl create secret docker-registry`, docker `config.json` files, and the per-type rules
//! that turn a registry configuration into credentials.
//!
//! Every generator returns `Result<_, SecretError>`; [`SecretError::code`] is a stable
//! `secret.*` code and no message contains a secret.

pub mod config_file;
pub mod dockerconfig;
pub mod ecr_host;
pub mod ecr_token;
pub mod error;
pub mod from_config;
pub(crate) mod go_json;
pub mod k8s_names;
pub mod manifest;
pub mod request;
pub mod yaml;

pub use config_file::{docker_config_file, DockerConfigFileOptions, ECR_LOGIN_HELPER};
pub use dockerconfig::{docker_config_json, DockerEntry};
pub use ecr_token::EcrToken;
pub use error::SecretError;
pub use from_config::{docker_entry, server_for};
pub use manifest::{
    pull_secret, secret_hash, ManifestFormat, PullSecret, PullSecretOptions,
    DOCKER_CONFIG_JSON_KEY, DOCKER_CONFIG_JSON_TYPE,
};
pub use request::{
    docker_config_file_of, docker_config_json_of, PullSecretRequest, RegistrySource,
};
