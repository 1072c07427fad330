//! Docker's `config.json` (`~/.docker/config.json`, skopeo/podman `--authfile`), byte for byte as
//! the docker CLI writes it: `json.MarshalIndent(configFile, "", "\t")` with Go's escapes and no
//! final newline; each `auths` entry carries only `auth` (and `email` when set), the way
//! `docker login` stores credentials; `credHelpers` follows `auths` (docker's `ConfigFile` field
//! order).

use crate::json::ToJson;

use super::dockerconfig::{check_indexed, DockerEntry};
use super::ecr_host;
use super::error::SecretError;
use super::go_json;
use crate::json::Map;

/// The credential helper for ECR (`docker-credential-ecr-login`, amazon-ecr-credential-helper).
pub const ECR_LOGIN_HELPER: &str = "ecr-login";

/// How to write a docker `config.json`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DockerConfigFileOptions {
    /// Put ECR registries under `credHelpers` as `ecr-login` instead of `auths` (their
    /// passwords, 12-hour tokens, are then not needed and not written).
    pub cred_helpers: bool,
    /// More `credHelpers` entries: registry host → helper name (`gcloud`, `acr-env`, ...).
    pub helpers: Map<String, String>,
}

struct WireAuth<'a> {
    auth: String,
    email: &'a str,
}

impl ToJson for WireAuth<'_> {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .field("auth", &self.auth)
            .when(!self.email.is_empty(), "email", self.email)
            .end();
    }
}

struct WireFile<'a> {
    auths: Map<String, WireAuth<'a>>,
    cred_helpers: Map<String, String>,
}

impl ToJson for WireFile<'_> {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .field("auths", &self.auths)
            .when(
                !self.cred_helpers.is_empty(),
                "credHelpers",
                &self.cred_helpers,
            )
            .end();
    }
}

/// The docker `config.json` text for `entries`.
///
/// With `cred_helpers`, entries whose server is an ECR host go under `credHelpers` (key: the
/// host) and are not checked for a password.
///
/// # Errors
/// `secret.no-registries` when nothing would be written; otherwise the errors of
/// [`super::docker_config_json`] for the entries written under `auths` (paths
/// `/<index>/<field>`).
pub fn docker_config_file(
    entries: &[DockerEntry],
    options: &DockerConfigFileOptions,
) -> Result<String, SecretError> {
    docker_config_file_indexed(entries.iter().enumerate(), options)
}

/// [`docker_config_file`] over entries that keep the caller's indices (error paths use them).
pub(crate) fn docker_config_file_indexed<'a>(
    entries: impl IntoIterator<Item = (usize, &'a DockerEntry)>,
    options: &DockerConfigFileOptions,
) -> Result<String, SecretError> {
    let mut cred_helpers = options.helpers.clone();
    let mut auth_entries = Vec::new();
    for (i, e) in entries {
        if options.cred_helpers && ecr_host::is_ecr(&e.server) {
            cred_helpers.insert(ecr_host::host_of(&e.server), ECR_LOGIN_HELPER.into());
        } else {
            auth_entries.push((i, e));
        }
    }
    if auth_entries.is_empty() && cred_helpers.is_empty() {
        return Err(SecretError::NoRegistries {
            path: String::new(),
        });
    }
    if !auth_entries.is_empty() {
        check_indexed(auth_entries.iter().copied())?;
    }
    let mut auths = Map::new();
    for (_, e) in &auth_entries {
        let wire = WireAuth {
            auth: e.auth().into_exposed(),
            email: e.email.as_deref().unwrap_or(""),
        };
        auths.insert(e.server.clone(), wire);
    }
    Ok(go_json::indented(
        &WireFile {
            auths,
            cred_helpers,
        },
        b"\t",
        true,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(server: &str) -> DockerEntry {
        DockerEntry {
            server: server.into(),
            username: "u".into(),
            password: "p".into(),
            email: None,
        }
    }

    #[test]
    fn docker_layout() {
        let text = docker_config_file(
            &[
                entry("123456789012.dkr.ecr.eu-west-1.amazonaws.com"),
                entry("127.0.0.1:5000"),
            ],
            &DockerConfigFileOptions {
                cred_helpers: true,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(
            text,
            "{\n\t\"auths\": {\n\t\t\"127.0.0.1:5000\": {\n\t\t\t\"auth\": \"dTpw\"\n\t\t}\n\t},\n\t\"credHelpers\": {\n\t\t\"123456789012.dkr.ecr.eu-west-1.amazonaws.com\": \"ecr-login\"\n\t}\n}"
        );
    }

    #[test]
    fn error_paths_keep_caller_indices() {
        let mut bad = entry("x.io");
        bad.password = crate::SecretString::default();
        let err = docker_config_file(
            &[entry("123456789012.dkr.ecr.eu-west-1.amazonaws.com"), bad],
            &DockerConfigFileOptions {
                cred_helpers: true,
                ..Default::default()
            },
        )
        .unwrap_err();
        assert_eq!(err.path(), "/1/password");
    }
}
