//! The JSON inputs of the generators, as the JS API takes them, decoded with JSON-pointer paths.
//!
//! A registry in a list is either a docker entry `{ server, username, password, email? }` or a
//! registry configuration (an object with `registryType`), optionally carrying an `ecrToken`
//! `{ username, password, expiresAt, proxyEndpoint }` (`expiresAt` ISO-8601 or epoch ms).
//! Decoding never echoes a value: serde's error texts are dropped.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::catalog::RegistryType;
use crate::config::RegistryConfig;
use crate::time::Timestamp;

use super::config_file::{docker_config_file_indexed, DockerConfigFileOptions, ECR_LOGIN_HELPER};
use super::dockerconfig::{docker_config_json, DockerEntry};
use super::ecr_host;
use super::ecr_token::EcrToken;
use super::error::{pointer_segment, SecretError};
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

fn shape(path: impl Into<String>, expected: &'static str) -> SecretError {
    SecretError::Shape {
        path: path.into(),
        expected,
    }
}

fn object<'a>(
    v: &'a Value,
    path: &str,
    what: &'static str,
) -> Result<&'a Map<String, Value>, SecretError> {
    v.as_object().ok_or_else(|| shape(path, what))
}

/// A string field; missing or `null` is `None`, another type is an error.
fn opt_string(o: &Map<String, Value>, key: &str) -> Result<Option<String>, SecretError> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(shape(format!("/{key}"), "a string is expected here")),
    }
}

fn opt_bool(o: &Map<String, Value>, key: &str) -> Result<bool, SecretError> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(_) => Err(shape(format!("/{key}"), "true or false is expected here")),
    }
}

fn only_keys(o: &Map<String, Value>, allowed: &[&str]) -> Result<(), SecretError> {
    let unknown: Vec<_> = o
        .keys()
        .filter(|k| !allowed.contains(&k.as_str()))
        .map(|k| shape(format!("/{}", pointer_segment(k)), "unknown field"))
        .collect();
    SecretError::collect(unknown).map_or(Ok(()), Err)
}

/// Decodes an ECR token object.
///
/// # Errors
/// `secret.shape` when a field is missing or of the wrong type, or `expiresAt` is neither an
/// ISO-8601 string nor epoch milliseconds.
pub fn ecr_token_from_json(v: &Value) -> Result<EcrToken, SecretError> {
    let o = object(
        v,
        "",
        "an ECR token object { username, password, expiresAt, proxyEndpoint } is expected",
    )?;
    only_keys(o, &["username", "password", "expiresAt", "proxyEndpoint"])?;
    let need = |k: &'static str| {
        opt_string(o, k)?.ok_or_else(|| shape(format!("/{k}"), "a string is required here"))
    };
    let expires_at = match o.get("expiresAt") {
        Some(Value::String(s)) => Timestamp::parse_iso8601(s),
        Some(Value::Number(n)) => n.as_i64().map(Timestamp::from_millis),
        _ => None,
    }
    .ok_or_else(|| {
        shape(
            "/expiresAt",
            "an ISO-8601 time or epoch milliseconds is required here",
        )
    })?;
    Ok(EcrToken {
        username: need("username")?,
        password: need("password")?.into(),
        expires_at,
        proxy_endpoint: need("proxyEndpoint")?,
    })
}

impl RegistrySource {
    /// Decodes one registry (entry or configuration); paths are relative to it.
    ///
    /// # Errors
    /// `secret.shape` for a value that is not an object, a field of the wrong type or an unknown
    /// field of an entry; the validator's codes for a configuration that is not valid.
    pub fn from_json(v: &Value, now: Timestamp) -> Result<RegistrySource, SecretError> {
        let o = object(v, "", "a registry entry { server, username, password, email? } or a registry configuration is expected")?;
        if o.contains_key("registryType") {
            let mut rest = o.clone();
            let ecr_token = match rest.remove("ecrToken") {
                None | Some(Value::Null) => None,
                Some(t) => Some(ecr_token_from_json(&t).map_err(|e| e.under("/ecrToken"))?),
            };
            let config = config_from_json(&Value::Object(rest), now)?;
            return Ok(RegistrySource::Config {
                config: Box::new(config),
                ecr_token,
            });
        }
        only_keys(o, &["server", "username", "password", "email"])?;
        Ok(RegistrySource::Entry(DockerEntry {
            server: opt_string(o, "server")?.unwrap_or_default(),
            username: opt_string(o, "username")?.unwrap_or_default(),
            password: opt_string(o, "password")?.unwrap_or_default().into(),
            email: opt_string(o, "email")?.filter(|e| !e.is_empty()),
        }))
    }

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

/// Decodes a list of registries; paths are `/<index>/...`.
///
/// # Errors
/// `secret.shape` when `v` is not an array or an item does not decode (all items are reported).
pub fn sources_from_json(v: &Value, now: Timestamp) -> Result<Vec<RegistrySource>, SecretError> {
    let items = v
        .as_array()
        .ok_or_else(|| shape("", "an array of registries is expected"))?;
    if items.len() > MAX_REGISTRIES {
        return Err(SecretError::TooMany {
            path: String::new(),
            max: MAX_REGISTRIES,
        });
    }
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match RegistrySource::from_json(item, now) {
            Ok(s) => out.push(s),
            Err(e) => errors.push(e.under(&format!("/{i}"))),
        }
    }
    SecretError::collect(errors).map_or(Ok(out), Err)
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

/// `dockerConfigJson(entries, { goEscaping })` on JSON input.
///
/// # Errors
/// Those of [`sources_from_json`], [`entries_of`] and [`docker_config_json`].
pub fn docker_config_json_from_json(
    registries: &Value,
    go_escaping: bool,
    now: Timestamp,
) -> Result<String, SecretError> {
    let entries = entries_of(&sources_from_json(registries, now)?)?;
    docker_config_json(&entries, go_escaping)
}

/// `dockerConfigFile(entries, { credHelpers })` on JSON input. With `cred_helpers`, ECR
/// configurations (either auth type, no token needed) and ECR entries go under `credHelpers`.
///
/// # Errors
/// Those of [`sources_from_json`], [`entries_of`] and [`super::docker_config_file`].
pub fn docker_config_file_from_json(
    registries: &Value,
    cred_helpers: bool,
    now: Timestamp,
) -> Result<String, SecretError> {
    let sources = sources_from_json(registries, now)?;
    let mut options = DockerConfigFileOptions {
        cred_helpers,
        helpers: BTreeMap::new(),
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

/// `pullSecret({...})` decoded: the registries and the options.
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

fn string_map(o: &Map<String, Value>, key: &str) -> Result<BTreeMap<String, String>, SecretError> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(BTreeMap::new()),
        Some(Value::Object(m)) if m.len() > MAX_METADATA_ENTRIES => Err(SecretError::TooMany {
            path: format!("/{key}"),
            max: MAX_METADATA_ENTRIES,
        }),
        Some(Value::Object(m)) => {
            // Inserted one by one: collecting into a BTreeMap compiles a whole stable sort.
            let mut strings = BTreeMap::new();
            for (k, v) in m {
                let Value::String(s) = v else {
                    return Err(shape(
                        format!("/{key}/{}", pointer_segment(k)),
                        "a string is expected here",
                    ));
                };
                strings.insert(k.clone(), s.clone());
            }
            Ok(strings)
        }
        Some(_) => Err(shape(
            format!("/{key}"),
            "an object of strings is expected here",
        )),
    }
}

impl PullSecretRequest {
    /// Decodes `{ name, namespace?, registries, format?, appendHash?, labels?, annotations?,
    /// goEscaping? }` (`format` `"json"` by default).
    ///
    /// # Errors
    /// `secret.shape` for wrong types, unknown fields or an unknown format; those of
    /// [`sources_from_json`] under `/registries`.
    pub fn from_json(v: &Value, now: Timestamp) -> Result<PullSecretRequest, SecretError> {
        let o = object(
            v,
            "",
            "an options object { name, registries, ... } is expected",
        )?;
        only_keys(
            o,
            &[
                "name",
                "namespace",
                "registries",
                "format",
                "appendHash",
                "labels",
                "annotations",
                "goEscaping",
                "now",
            ],
        )?;
        let format = match opt_string(o, "format")?.as_deref() {
            None | Some("json") => ManifestFormat::Json,
            Some("yaml") => ManifestFormat::Yaml,
            Some(_) => return Err(shape("/format", "\"json\" or \"yaml\" is expected here")),
        };
        let registries = match o.get("registries") {
            Some(r) => sources_from_json(r, now).map_err(|e| e.under("/registries"))?,
            None => {
                return Err(SecretError::NoRegistries {
                    path: "/registries".into(),
                })
            }
        };
        Ok(PullSecretRequest {
            registries,
            options: PullSecretOptions {
                name: opt_string(o, "name")?.unwrap_or_default(),
                namespace: opt_string(o, "namespace")?,
                labels: string_map(o, "labels")?,
                annotations: string_map(o, "annotations")?,
                append_hash: opt_bool(o, "appendHash")?,
                go_escaping: opt_bool(o, "goEscaping")?,
            },
            format,
        })
    }

    /// The manifest text.
    ///
    /// # Errors
    /// Those of [`entries_of`] (under `/registries`) and [`pull_secret`].
    pub fn render(&self) -> Result<String, SecretError> {
        let entries = entries_of(&self.registries).map_err(|e| e.under("/registries"))?;
        pull_secret(&entries, &self.options).map(|s| s.render(self.format))
    }
}

/// `pullSecret({...})` on JSON input: decode, build, render.
///
/// # Errors
/// Those of [`PullSecretRequest::from_json`] and [`PullSecretRequest::render`].
pub fn pull_secret_from_json(v: &Value, now: Timestamp) -> Result<String, SecretError> {
    PullSecretRequest::from_json(v, now)?.render()
}

/// Reads a boolean option (`{ goEscaping: true }`); missing options or keys are `false`.
///
/// # Errors
/// `secret.shape` when `options` is not an object or the key is not a boolean.
pub fn option_flag(options: Option<&Value>, key: &str) -> Result<bool, SecretError> {
    match options {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Object(o)) => opt_bool(o, key),
        Some(_) => Err(shape("", "an options object is expected")),
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
        SecretError::collect(issues.into_iter().map(SecretError::Invalid).collect())
            .unwrap_or(shape("", "a valid registry configuration is expected"))
    })
}
