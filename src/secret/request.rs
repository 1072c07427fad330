//! The generators' typed inputs: a registry given either as docker credentials or as a
//! registry configuration, a `pullSecret` request, and the functions that build
//! `.dockerconfigjson`, docker `config.json` and the Secret from them. The binding decodes the
//! JS arguments into these (see ARCHITECTURE.md, "The flow of a call"); the core never reads an
//! options object.

use crate::json::Map;

use crate::json::Value;

use crate::catalog::RegistryType;
use crate::config::RegistryConfig;
use crate::time::Timestamp;

use super::config_file::{docker_config_file_indexed, DockerConfigFileOptions, ECR_LOGIN_HELPER};
use super::dockerconfig::{docker_config_json, DockerEntry};
use super::ecr_host;
use super::ecr_token::EcrToken;
use super::error::SecretError;
use super::from_config::{docker_entry, server_for};
use super::manifest::{pull_secret, ManifestFormat, PullSecretOptions};

/// One registry given to a generator.
#[derive(Clone, Debug, PartialEq)]
pub enum RegistrySource {
    /// Credentials given directly.
    Entry(DockerEntry),
    /// A registry configuration, turned into credentials by [`docker_entry`].
    Config {
        /// The configuration.
        config: Box<RegistryConfig>,
        /// The ECR token, for ECR with access keys.
        ecr_token: Option<EcrToken>,
    },
}

impl RegistrySource {
    /// The docker entry of this registry ([`docker_entry`] for configurations).
    ///
    /// # Errors
    /// Those of [`docker_entry`].
    pub fn entry(&self) -> Result<DockerEntry, SecretError> {
        match self {
            RegistrySource::Entry(e) => Ok(e.clone()),
            RegistrySource::Config { config, ecr_token } => {
                docker_entry(config, ecr_token.as_ref())
            }
        }
    }
}

/// The entries of all sources, every problem reported with its `/<index>` path.
///
/// # Errors
/// Those of [`RegistrySource::entry`], collected.
pub fn entries_of(sources: &[RegistrySource]) -> Result<Vec<DockerEntry>, SecretError> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, s) in sources.iter().enumerate() {
        match s.entry() {
            Ok(e) => out.push(e),
            Err(e) => errors.push(e.under(&format!("/{i}"))),
        }
    }
    SecretError::collect(errors).map_or(Ok(out), Err)
}

/// The `.dockerconfigjson` text of `sources` (`dockerConfigJson`); `go_escaping` for kubectl's
/// exact bytes.
///
/// # Errors
/// Those of [`entries_of`] and [`docker_config_json`].
pub fn docker_config_json_of(
    sources: &[RegistrySource],
    go_escaping: bool,
) -> Result<String, SecretError> {
    docker_config_json(&entries_of(sources)?, go_escaping)
}

/// The docker `config.json` of `sources` (`dockerConfigFile`). With `cred_helpers`, ECR
/// configurations (either auth type, no token needed) and ECR entries go under `credHelpers`.
///
/// # Errors
/// Those of [`entries_of`] and [`super::docker_config_file`], every source's problem under its
/// `/<index>`.
pub fn docker_config_file_of(
    sources: &[RegistrySource],
    cred_helpers: bool,
) -> Result<String, SecretError> {
    let mut options = DockerConfigFileOptions {
        cred_helpers,
        helpers: Map::new(),
    };
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    for (i, s) in sources.iter().enumerate() {
        if let (true, RegistrySource::Config { config, .. }) = (cred_helpers, s) {
            if config.registry_type == RegistryType::Ecr {
                match server_for(config) {
                    Ok(server) => {
                        options
                            .helpers
                            .insert(ecr_host::host_of(&server), ECR_LOGIN_HELPER.into());
                    }
                    Err(e) => errors.push(e.under(&format!("/{i}"))),
                }
                continue;
            }
        }
        match s.entry() {
            Ok(e) => entries.push((i, e)),
            Err(e) => errors.push(e.under(&format!("/{i}"))),
        }
    }
    if let Some(e) = SecretError::collect(errors) {
        return Err(e);
    }
    docker_config_file_indexed(entries.iter().map(|(i, e)| (*i, e)), &options)
}

/// A `pullSecret` request: the registries and the options.
#[derive(Clone, Debug, PartialEq)]
pub struct PullSecretRequest {
    /// The registries to put in the secret.
    pub registries: Vec<RegistrySource>,
    /// Name, namespace, metadata, hash and escaping.
    pub options: PullSecretOptions,
    /// JSON or YAML.
    pub format: ManifestFormat,
}

/// Most registries in one secret or config file.
pub const MAX_REGISTRIES: usize = 100;
/// Most labels, and most annotations, on one manifest.
pub const MAX_METADATA_ENTRIES: usize = 256;

impl PullSecretRequest {
    /// The manifest text.
    ///
    /// # Errors
    /// Those of [`entries_of`] (under `/registries`) and [`pull_secret`].
    pub fn render(&self) -> Result<String, SecretError> {
        let entries = entries_of(&self.registries).map_err(|e| e.under("/registries"))?;
        pull_secret(&entries, &self.options).map(|s| s.render(self.format))
    }
}

/// Decodes and validates a registry configuration given as JSON, returning the normalized
/// configuration ([`crate::validate::validate_registry`]: GCP keys compacted, URLs without
/// scheme, Docker Hub aliases mapped).
///
/// # Errors
/// Every validation error of the configuration, with the validator's codes and paths.
pub fn config_from_json(v: &Value, now: Timestamp) -> Result<RegistryConfig, SecretError> {
    config_from_json_in(v, now, crate::validate::Mode::Create)
}

/// [`config_from_json`] validated for a [`crate::validate::Mode`].
///
/// # Errors
/// As [`config_from_json`].
pub fn config_from_json_in(
    v: &Value,
    now: Timestamp,
    mode: crate::validate::Mode,
) -> Result<RegistryConfig, SecretError> {
    crate::validate::validated_config_in(v, now, mode).map_err(|issues| {
        SecretError::collect(issues.into_iter().map(SecretError::Invalid).collect()).unwrap_or(
            SecretError::Shape {
                path: String::new(),
                expected: "a valid registry configuration is expected",
            },
        )
    })
}
