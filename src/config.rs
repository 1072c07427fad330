//! The registry configuration a form produces: the Rust twin of `schemas/registry.schema.json`.
//!
//! The JSON shape is flat and camelCase (`registryType`, `registryUrl`, `awsAccessKeyId`, ...),
//! discriminated by `registryType`. Deserializing only checks the shape; use
//! [`crate::validate::validate_registry`] for the rules a person's input must follow.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::catalog::{Connection, RegistryType};
pub use crate::remote_connection::{ConnectionMethod, RemoteConnection};
use crate::secret_string::SecretString;
pub use crate::usage::{Access, Usage};

/// How an ECR registry is accessed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AwsAuthType {
    /// The worker nodes' own IAM role: no keys are stored, no secret is generated.
    IamRole,
    /// An access key id and secret, exchanged for a 12-hour registry token.
    UserAuth,
}

/// Where the credentials injected into clusters come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CredentialSource {
    /// A secret built from this registry's own credentials.
    #[default]
    RegistryCredentials,
    /// A secret that already exists in the cluster, referenced by name (several names may be
    /// given, separated by commas, as the platform's "Manage" panel takes them).
    ImagePullSecret,
    /// A secret built from other credentials than the registry's own ([`CustomCredential`]),
    /// the platform's `CUSTOM_CREDENTIAL`.
    CustomCredential,
}

/// The credentials of a [`CredentialSource::CustomCredential`] secret: each non-empty field
/// replaces the registry's own (the platform's `DockerIpsCustomCredential`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CustomCredential {
    /// The registry server the secret names (the registry URL when empty).
    #[serde(default)]
    pub server: String,
    /// An e-mail address for the secret entry (optional).
    #[serde(default)]
    pub email: String,
    /// The username.
    #[serde(default)]
    pub username: String,
    /// The password. Secret.
    #[serde(default)]
    pub password: SecretString,
}

/// The cluster-injection policy of the "Manage" panel.
///
/// `"*"` in either list means all clusters; when both lists are set, `autoInject` wins (as on
/// the platform).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Injection {
    /// Clusters (ids or names) that never get credentials; `"*"` = all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub do_not_inject: Vec<String>,
    /// Clusters (ids or names) that get credentials automatically; `"*"` = all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub auto_inject: Vec<String>,
    /// Where the injected secret comes from.
    #[serde(default)]
    pub credential_source: CredentialSource,
    /// The existing secret's name, for [`CredentialSource::ImagePullSecret`] (several names
    /// separated by commas).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_name: Option<String>,
    /// [`CredentialSource::CustomCredential`]: the registry server the secret names (the
    /// registry URL when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_server: Option<String>,
    /// [`CredentialSource::CustomCredential`]: an e-mail address for the secret entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_email: Option<String>,
    /// [`CredentialSource::CustomCredential`]: the username.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_username: Option<String>,
    /// [`CredentialSource::CustomCredential`]: the password. Secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_password: Option<SecretString>,
}

impl Injection {
    /// The custom credential, when the source is [`CredentialSource::CustomCredential`].
    pub fn custom_credential(&self) -> Option<CustomCredential> {
        (self.credential_source == CredentialSource::CustomCredential).then(|| CustomCredential {
            server: self.custom_server.clone().unwrap_or_default(),
            email: self.custom_email.clone().unwrap_or_default(),
            username: self.custom_username.clone().unwrap_or_default(),
            password: self.custom_password.clone().unwrap_or_default(),
        })
    }

    /// Sets the custom credential fields from `c` (empty fields left out).
    pub fn set_custom_credential(&mut self, c: CustomCredential) {
        let some = |v: String| (!v.is_empty()).then_some(v);
        self.custom_server = some(c.server);
        self.custom_email = some(c.email);
        self.custom_username = some(c.username);
        self.custom_password = (!c.password.is_empty()).then_some(c.password);
    }
}

/// A whole registry configuration.
///
/// `Debug` shows no secret, so a configuration can be logged: the secrets are
/// [`SecretString`]s, a URL's userinfo is left out and the certificate is shown by its length
/// (a private key is sometimes pasted there by mistake).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RegistryConfig {
    /// The registry's name in the platform (lowercase, 3 to 30 characters).
    pub name: String,
    /// Which kind of registry this is.
    pub registry_type: RegistryType,
    /// host[:port][/path]; optional where the type has a default (Docker Hub, GCR, Quay).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registry_url: Option<String>,
    /// Whether this is the platform's default registry.
    #[serde(default)]
    pub is_default: bool,
    /// TLS handling.
    #[serde(default)]
    pub connection: Connection,
    /// PEM CA certificate(s), for [`Connection::SecureWithCert`] only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cert: Option<String>,
    /// ECR only: IAM role or access keys.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aws_auth_type: Option<AwsAuthType>,
    /// ECR user-auth: the access key id (AKIA... or ASIA...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aws_access_key_id: Option<String>,
    /// ECR user-auth: the secret access key. Secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aws_secret_access_key: Option<SecretString>,
    /// ECR user-auth with temporary credentials: the session token. Secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aws_session_token: Option<SecretString>,
    /// The username (`_json_key` for GCP types).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// The password, token or (GCP) service-account key JSON. Secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<SecretString>,
    /// Cluster injection policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub injection: Option<Injection>,
    /// A public registry: no credentials, nothing to inject, anonymous verification.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub public: bool,
    /// Container images and/or OCI Helm charts; absent: container images, pull and push.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<Usage>,
    /// ECR: an IAM role assumed (STS `AssumeRole`) before the registry token is requested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assume_role_arn: Option<String>,
    /// How the platform reaches the registry (direct, proxy, SSH tunnel).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote_connection: Option<RemoteConnection>,
}

impl fmt::Debug for RegistryConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RegistryConfig")
            .field("name", &self.name)
            .field("registry_type", &self.registry_type)
            .field(
                "registry_url",
                &crate::redact::opt_userinfo(&self.registry_url),
            )
            .field("is_default", &self.is_default)
            .field("connection", &self.connection)
            .field("cert", &self.cert.as_ref().map(|c| c.len()))
            .field("aws_auth_type", &self.aws_auth_type)
            .field("aws_access_key_id", &self.aws_access_key_id)
            .field("aws_secret_access_key", &self.aws_secret_access_key)
            .field("aws_session_token", &self.aws_session_token)
            .field("username", &self.username)
            .field("password", &self.password)
            .field("injection", &self.injection)
            .field("public", &self.public)
            .field("usage", &self.usage)
            .field("assume_role_arn", &self.assume_role_arn)
            .field("remote_connection", &self.remote_connection)
            .finish()
    }
}

crate::json::ids_as_json!(AwsAuthType {
    IamRole => "iam-role",
    UserAuth => "user-auth",
});

crate::json::ids_as_json!(CredentialSource {
    RegistryCredentials => "registry-credentials",
    ImagePullSecret => "image-pull-secret",
    CustomCredential => "custom-credential",
});

impl crate::json::ToJson for CustomCredential {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .field("server", &self.server)
            .field("email", &self.email)
            .field("username", &self.username)
            .field("password", &self.password)
            .end();
    }
}

impl crate::json::ToJson for Injection {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .when(
                !self.do_not_inject.is_empty(),
                "doNotInject",
                &self.do_not_inject,
            )
            .when(
                !self.auto_inject.is_empty(),
                "autoInject",
                &self.auto_inject,
            )
            .field("credentialSource", &self.credential_source)
            .some("secretName", &self.secret_name)
            .some("customServer", &self.custom_server)
            .some("customEmail", &self.custom_email)
            .some("customUsername", &self.custom_username)
            .some("customPassword", &self.custom_password)
            .end();
    }
}

impl crate::json::ToJson for RegistryConfig {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .field("name", &self.name)
            .field("registryType", &self.registry_type)
            .some("registryUrl", &self.registry_url)
            .field("isDefault", &self.is_default)
            .field("connection", &self.connection)
            .some("cert", &self.cert)
            .some("awsAuthType", &self.aws_auth_type)
            .some("awsAccessKeyId", &self.aws_access_key_id)
            .some("awsSecretAccessKey", &self.aws_secret_access_key)
            .some("awsSessionToken", &self.aws_session_token)
            .some("username", &self.username)
            .some("password", &self.password)
            .some("injection", &self.injection)
            .when(self.public, "public", &self.public)
            .some("usage", &self.usage)
            .some("assumeRoleArn", &self.assume_role_arn)
            .some("remoteConnection", &self.remote_connection)
            .end();
    }
}
