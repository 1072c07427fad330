//! What a registry configuration means for verification: the URL of the first request, the
//! credentials, and how TLS is handled.

use crate::ErrorCode;
use std::fmt;

use super::ecr::EcrEndpoint;
use super::http::TlsHint;
use super::sigv4::AwsCredentials;
use crate::catalog::{Connection, RegistryType};
use crate::config::{AwsAuthType, RegistryConfig};
use crate::SecretString;
use crate::JSON_KEY_USERNAME;

/// A username and password for Basic auth and token requests (the password a
/// [`SecretString`], so `Debug` redacts it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credentials {
    /// The username.
    pub username: String,
    /// The password or token.
    pub password: SecretString,
}

/// How the registry is authenticated against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Auth {
    /// Username and password (or none: anonymous).
    Password(Option<Credentials>),
    /// ECR access keys, exchanged for a registry password first.
    EcrKeys(EcrEndpoint, AwsCredentials),
    /// ECR with the nodes' IAM role: nothing to check from here.
    EcrIamRole,
}

/// The registry to verify. `Debug` hides userinfo in `ping_url` and redacts the credentials.
#[derive(Clone, PartialEq, Eq)]
pub struct Target {
    /// The URL of the first request (`https://host[:port]/v2/`), not yet policy-checked.
    pub ping_url: String,
    /// The registry's own host, lowercase, no port.
    pub host: String,
    /// Credentials.
    pub auth: Auth,
    /// The connection mode.
    pub connection: Connection,
    /// What the host should know about TLS.
    pub tls: TlsHint,
    /// ECR: the IAM role assumed (STS `AssumeRole`) with the keys before the token request.
    pub assume_role_arn: Option<String>,
}

impl fmt::Debug for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Target")
            .field("ping_url", &crate::redact::userinfo(&self.ping_url))
            .field("host", &self.host)
            .field("auth", &self.auth)
            .field("connection", &self.connection)
            .field("tls", &self.tls)
            .field("assume_role_arn", &self.assume_role_arn)
            .finish()
    }
}

/// Why a configuration cannot be verified at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetError {
    /// `verify.registry-url` or `verify.ecr-keys`.
    pub code: ErrorCode,
    /// What is missing, in words.
    pub message: String,
}

/// Docker Hub's names; its API lives on `registry-1.docker.io`.
const DOCKER_HUB_ALIASES: [&str; 5] = [
    "docker.io",
    "index.docker.io",
    "registry-1.docker.io",
    "registry.hub.docker.com",
    "hub.docker.com",
];

fn non_empty(v: Option<&str>) -> Option<String> {
    v.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

impl Target {
    /// Reads a configuration. The registry URL may be `host[:port][/path]` (https is assumed)
    /// or a full URL; its path is ignored (the API is at `/v2/` on the host). Anything odd in it
    /// (another scheme, userinfo, a private address) is left for the network policy to refuse.
    pub fn from_config(config: &RegistryConfig) -> Result<Target, TargetError> {
        let url = non_empty(config.registry_url.as_deref())
            .or_else(|| config.registry_type.default_url().map(str::to_owned))
            .ok_or_else(|| TargetError {
                code: ErrorCode::VerifyRegistryUrl,
                message: "the registry URL is missing".to_owned(),
            })?;
        let full = if crate::substring::contains(&url, "://") {
            url.clone()
        } else {
            format!("https://{url}")
        };
        let bad_url = || TargetError {
            code: ErrorCode::VerifyRegistryUrl,
            message: "the registry URL does not parse".to_owned(),
        };
        let mut parsed = crate::url::Url::parse(&full).map_err(|_| bad_url())?;
        let host = super::policy::host_key(&parsed);
        if config.registry_type == RegistryType::DockerHub
            && DOCKER_HUB_ALIASES.contains(&host.as_str())
        {
            parsed.set_host(crate::url::Host::Domain("registry-1.docker.io".to_owned()));
        }
        parsed.set_query(None);
        parsed.clear_fragment();
        if !parsed.cannot_be_a_base() {
            parsed.set_path("/v2/");
        }
        let host = super::policy::host_key(&parsed);

        // A public registry (public ECR included) has no credentials: the anonymous flow.
        let auth = if config.registry_type == RegistryType::Ecr && !config.public {
            match config.aws_auth_type {
                Some(AwsAuthType::IamRole) => Auth::EcrIamRole,
                _ => {
                    let endpoint =
                        EcrEndpoint::from_registry_host(&host).ok_or_else(|| TargetError {
                            code: ErrorCode::VerifyRegistryUrl,
                            message: "the registry URL is not an ECR registry host".to_owned(),
                        })?;
                    let keys = non_empty(config.aws_access_key_id.as_deref()).zip(non_empty(
                        config
                            .aws_secret_access_key
                            .as_ref()
                            .map(SecretString::expose),
                    ));
                    let (id, secret) = keys.ok_or_else(|| TargetError {
                        code: ErrorCode::VerifyEcrKeys,
                        message: "the access key id and secret access key are required".to_owned(),
                    })?;
                    Auth::EcrKeys(
                        endpoint,
                        AwsCredentials {
                            access_key_id: id,
                            secret_access_key: secret.into(),
                            session_token: non_empty(
                                config.aws_session_token.as_ref().map(SecretString::expose),
                            )
                            .map(Into::into),
                        },
                    )
                }
            }
        } else {
            let username = non_empty(config.username.as_deref()).or_else(|| {
                config
                    .registry_type
                    .uses_json_key()
                    .then(|| JSON_KEY_USERNAME.to_owned())
            });
            let password = config.password.clone().filter(|p| !p.is_empty());
            Auth::Password(
                username
                    .zip(password)
                    .map(|(username, password)| Credentials { username, password }),
            )
        };
        let tls = TlsHint {
            insecure: config.connection == Connection::Insecure,
            ca_certificate: match config.connection {
                Connection::SecureWithCert => non_empty(config.cert.as_deref()),
                _ => None,
            },
        };
        // Userinfo as typed is kept for the policy to refuse, even where parsing would drop it.
        let ping_url = if super::policy::raw_userinfo(&full) {
            full
        } else {
            parsed.to_string()
        };
        Ok(Target {
            ping_url,
            host,
            auth,
            connection: config.connection,
            tls,
            assume_role_arn: match config.registry_type {
                RegistryType::Ecr => non_empty(config.assume_role_arn.as_deref()),
                _ => None,
            },
        })
    }
}
