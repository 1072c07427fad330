//! From a registry configuration to the [`DockerEntry`] a secret holds, by per-type rules.
//!
//! | type | server key | username / password |
//! |---|---|---|
//! | `docker-hub` | `https://index.docker.io/v1/` (kubectl's default) | as configured |
//! | `ecr` user-auth | the registry host | `AWS` / the [`EcrToken`] (required) |
//! | `ecr` iam-role | — | no secret: the nodes' IAM role pulls |
//! | `artifact-registry`, `gcr` | the registry host[:port][/path] | `_json_key` / the compact key (surrounding single quotes, Devtron's storage form, removed) |
//! | `acr`, `quay`, `other` | the registry host[:port][/path] | as configured |
//!
//! The configuration is expected to be validated and normalized already (`validate_registry`);
//! this module only checks what it needs to build an entry.

use crate::catalog::RegistryType;
use crate::config::{AwsAuthType, RegistryConfig};
use crate::secret_string::SecretString;
use crate::{DOCKER_HUB_SERVER, JSON_KEY_USERNAME};

use super::dockerconfig::DockerEntry;
use super::ecr_host;
use super::ecr_token::EcrToken;
use super::error::SecretError;

/// The server key for a configuration: `https://index.docker.io/v1/` for Docker Hub, otherwise
/// `host[:port][/path]` of the registry URL (scheme and trailing `/` removed).
///
/// # Errors
/// `secret.registry-url` (path `/registryUrl`) when there is no URL and the type has no default.
pub fn server_for(config: &RegistryConfig) -> Result<String, SecretError> {
    if config.registry_type == RegistryType::DockerHub {
        return Ok(DOCKER_HUB_SERVER.into());
    }
    let url = config
        .registry_url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .or_else(|| config.registry_type.default_url())
        .ok_or_else(|| SecretError::RegistryUrl {
            path: "/registryUrl".into(),
        })?;
    let bare = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let bare = crate::substring::trim_end_byte(bare, b'/');
    if bare.is_empty() {
        return Err(SecretError::RegistryUrl {
            path: "/registryUrl".into(),
        });
    }
    Ok(bare.to_owned())
}

/// Removes one pair of surrounding single quotes (the shell-quoted form of a GCP key).
pub fn strip_single_quotes(key: &str) -> &str {
    let t = key.trim();
    t.strip_prefix("'")
        .and_then(|t| t.strip_suffix("'"))
        .unwrap_or(t)
}

fn required(v: Option<&str>, err: SecretError) -> Result<&str, SecretError> {
    v.filter(|s| !s.is_empty()).ok_or(err)
}

/// The docker credentials of one registry configuration (see the module table).
///
/// # Errors
/// Paths are relative to the configuration:
/// - `secret.public-registry` (path `/public`) for a public registry (no credentials);
/// - `secret.ecr-iam-role` when the configuration is ECR with the nodes' IAM role (no secret);
/// - `secret.ecr-token-required` when it is ECR with access keys and no `ecr_token` is given;
/// - `secret.ecr-token-registry` (path `/ecrToken/proxyEndpoint`) when the token's endpoint is
///   another host than the registry's;
/// - `secret.registry-url` when there is no registry URL and no default;
/// - `secret.username` / `secret.password` when credentials are missing;
/// - `secret.username-colon` when the username contains `:`.
///
/// The token's `expires_at` is not checked here (the core has no clock); callers that hold
/// `now` decide whether a token is still worth writing into a secret.
pub fn docker_entry(
    config: &RegistryConfig,
    ecr_token: Option<&EcrToken>,
) -> Result<DockerEntry, SecretError> {
    if config.public {
        return Err(SecretError::PublicRegistry {
            path: "/public".into(),
        });
    }
    let server = server_for(config)?;
    let (username, password) = match config.registry_type {
        RegistryType::Ecr => {
            if config.aws_auth_type == Some(AwsAuthType::IamRole) {
                return Err(SecretError::EcrIamRole {
                    path: "/awsAuthType".into(),
                });
            }
            let token = ecr_token.ok_or(SecretError::EcrTokenRequired {
                path: String::new(),
            })?;
            if ecr_host::host_of(&token.proxy_endpoint) != ecr_host::host_of(&server) {
                return Err(SecretError::EcrTokenRegistry {
                    path: "/ecrToken/proxyEndpoint".into(),
                });
            }
            (token.username.clone(), token.password.clone())
        }
        t if t.uses_json_key() => {
            let key = required(
                config.password.as_ref().map(SecretString::expose),
                SecretError::Password {
                    path: "/password".into(),
                },
            )?;
            (
                JSON_KEY_USERNAME.to_owned(),
                strip_single_quotes(key).into(),
            )
        }
        _ => {
            let user = required(
                config.username.as_deref(),
                SecretError::Username {
                    path: "/username".into(),
                },
            );
            let pass = required(
                config.password.as_ref().map(SecretString::expose),
                SecretError::Password {
                    path: "/password".into(),
                },
            );
            match (user, pass) {
                (Ok(u), Ok(p)) => (u.to_owned(), p.into()),
                (u, p) => {
                    let errors = [u.err(), p.err()].into_iter().flatten().collect();
                    return Err(
                        SecretError::collect(errors).unwrap_or(SecretError::Username {
                            path: "/username".into(),
                        }),
                    );
                }
            }
        }
    };
    if crate::substring::contains_byte(&username, b':') {
        return Err(SecretError::UsernameColon {
            path: "/username".into(),
        });
    }
    if password.is_empty() {
        return Err(SecretError::Password {
            path: "/password".into(),
        });
    }
    Ok(DockerEntry {
        server,
        username,
        password,
        email: None,
    })
}
