//! The platform's container-registry payload (devtron-labs/devtron `DockerArtifactStoreBean`, as
//! the dashboard's `getRegistryPayload` sends it), to and from a [`RegistryConfig`].
//!
//! | ours | Devtron |
//! |---|---|
//! | `name` | `id` |
//! | — | `pluginId: "cd.go.artifact.docker.registry"` |
//! | `registryType` | `registryType` |
//! | `registryUrl` | `registryUrl` without `https://`, `http://`, `oci://`, `docker://` (the type's default when unset) |
//! | `isDefault` | `isDefault` (never for a public or chart-pull-only registry) |
//! | `usage` | `isOCICompliantRegistry` (all but GCR), `ociRegistryConfig` (`CONTAINER` / `CHART`: `PULL`, `PUSH`, `PULL/PUSH`; `null` for GCR), `repositoryList` (`null` unless charts are pulled) |
//! | `public` | `isPublic`; for `other` with container use `registryCredentialsType: "anonymous"` |
//! | ECR `awsAuthType` + keys | `awsAccessKeyId`, `awsSecretAccessKey` (both empty = IAM role), `awsRegion` (from the host), `assumeRoleArn` |
//! | `username`, `password` | `username`, `password`; GCP keys single-quoted (`'{...}'`) as the platform stores them |
//! | a secret left out (update mode) | `""`: the platform's update keeps the stored value (an SSH tunnel with neither secret: both `""`; a custom credential's password: `"password":""`) |
//! | `connection`, `cert` | `connection`, `cert` (`other`, and any type whose connection is not `secure`) |
//! | `injection` | `ipsConfig` (see [`ips`]); always sent, the no-injection policy when there is none |
//! | `remoteConnection` | `remoteConnectionConfig { connectionMethod, proxyConfig, sshConfig }` |
//!
//! Reading a payload back ([`from_devtron_payload`]) warns with `devtron.dropped-field` for each
//! field that has no place in a configuration (`active`, `disabledFields`, `ipsConfig.id`,
//! `ipsConfig.active`, `remoteConnectionConfigId`, an `awsRegion` that is not the host's, a
//! `repositoryList` when charts are not pulled, another `pluginId`) and with
//! `devtron.unknown-field` for keys the platform does not have.

use crate::json::{Map, Value};
use crate::secret_string::SecretString;
use crate::ErrorCode;

use crate::catalog::{Connection, RegistryType};
use crate::config::{AwsAuthType, ConnectionMethod, RegistryConfig, RemoteConnection, Usage};
use crate::secret::ecr_host;
use crate::secret::from_config::strip_single_quotes;
use crate::JSON_KEY_USERNAME;

pub mod ips;
mod kept;
mod read;

pub use read::from_devtron_payload;

/// The platform's `pluginId` for container registries.
pub const DEVTRON_PLUGIN_ID: &str = "cd.go.artifact.docker.registry";
/// The platform's "all clusters" id in `ipsConfig` CSVs.
pub const DEVTRON_ALL_CLUSTERS: &str = "-1";

/// The URL prefixes the dashboard strips (`Docker.tsx` `getRegistryPayload`).
const SCHEMES: [&str; 4] = ["https://", "http://", "oci://", "docker://"];

/// Sets `key` in a payload object: one call, not the key's `String` built inline at each of
/// the payload's members.
#[inline(never)]
pub(crate) fn put(object: &mut Map<String, Value>, key: &str, value: Value) {
    object.insert(key.to_owned(), value);
}

/// `url` without a leading scheme the dashboard strips, trimmed.
pub fn without_scheme(url: &str) -> &str {
    let u = url.trim();
    SCHEMES.iter().find_map(|s| u.strip_prefix(s)).unwrap_or(u)
}

/// `remoteConnectionConfig`; an SSH tunnel without either secret (both kept, update mode)
/// sends both as `""`, as the platform's GET answers them.
fn remote_connection(rc: &RemoteConnection) -> Value {
    let kept = (rc.method == ConnectionMethod::Ssh
        && rc.ssh_password.is_none()
        && rc.ssh_auth_key.is_none())
    .then_some("");
    let mut out = Map::new();
    put(
        &mut out,
        "connectionMethod",
        Value::from(rc.method.devtron()),
    );
    if let Some(url) = &rc.proxy_url {
        let mut proxy = Map::new();
        put(&mut proxy, "proxyUrl", Value::from(url.as_str()));
        put(&mut out, "proxyConfig", Value::Object(proxy));
    }
    let mut ssh = Map::new();
    for (key, v) in [
        ("sshServerAddress", rc.ssh_server_address.as_deref()),
        ("sshUsername", rc.ssh_username.as_deref()),
        (
            "sshPassword",
            rc.ssh_password.as_ref().map(SecretString::expose).or(kept),
        ),
        (
            "sshAuthKey",
            rc.ssh_auth_key.as_ref().map(SecretString::expose).or(kept),
        ),
    ] {
        if let Some(v) = v {
            ssh.insert(key.into(), Value::from(v));
        }
    }
    if !ssh.is_empty() {
        put(&mut out, "sshConfig", Value::Object(ssh));
    }
    Value::Object(out)
}

/// The type the platform's dashboard opens for ours: itself, or `other` for the types the
/// platform does not know (`ghcr`, `harbor`).
pub fn devtron_type(t: RegistryType) -> &'static str {
    match t {
        RegistryType::Ghcr | RegistryType::Harbor => RegistryType::Other.id(),
        _ => t.id(),
    }
}

/// [`to_devtron_payload`] as a report: the payload as `value`, and the warnings
/// `devtron.type-as-other` when the type goes out as `other` (reading it back gives `other`) and
/// `devtron.dropped-field` at `/awsSessionToken` when an ECR session token is left out (the
/// payload has no field for it).
pub fn to_devtron_payload_report(config: &RegistryConfig) -> crate::Report<Value> {
    let mut warnings = Vec::new();
    if devtron_type(config.registry_type) != config.registry_type.id() {
        warnings.push(crate::Issue::new(
            "/registryType",
            ErrorCode::DevtronTypeAsOther,
            "the platform has no such registry type; it is sent as \"other\"",
        ));
    }
    let keys = config.aws_auth_type == Some(AwsAuthType::UserAuth) && !config.public;
    if keys && config.aws_session_token.is_some() {
        warnings.push(crate::Issue::new(
            "/awsSessionToken",
            ErrorCode::DevtronDroppedField,
            "the platform's payload has no field for a session token; it is left out",
        ));
    }
    crate::Report::new(Vec::new(), warnings, Some(to_devtron_payload(config)))
}

/// The platform's payload of a configuration (see the module table). It always passes the
/// platform's request validation (`ipsConfig` and `isOCICompliantRegistry` are always sent) when
/// the configuration passed [`crate::validate_registry`].
pub fn to_devtron_payload(config: &RegistryConfig) -> Value {
    let t = config.registry_type;
    let usage = Usage::of(config.usage.as_ref());
    let gcr = t == RegistryType::Gcr;
    let public = config.public;
    let mut p = Map::new();
    put(&mut p, "id", Value::from(config.name.as_str()));
    put(&mut p, "pluginId", Value::from(DEVTRON_PLUGIN_ID));
    put(&mut p, "registryType", Value::from(devtron_type(t)));
    put(
        &mut p,
        "isDefault",
        Value::Bool(config.is_default && !public && !usage.chart_pull_only()),
    );
    put(&mut p, "isOCICompliantRegistry", Value::Bool(!gcr));
    let oci = (!gcr).then(|| {
        let mut m = Map::new();
        if let Some(a) = usage.containers {
            put(&mut m, "CONTAINER", Value::from(a.devtron()));
        }
        if let Some(a) = usage.charts {
            put(&mut m, "CHART", Value::from(a.devtron()));
        }
        Value::Object(m)
    });
    put(&mut p, "ociRegistryConfig", oci.unwrap_or(Value::Null));
    let anonymous_other = devtron_type(t) == RegistryType::Other.id() && usage.has_containers();
    put(
        &mut p,
        "isPublic",
        Value::Bool(public && !gcr && !anonymous_other),
    );
    let pulls_charts = usage.charts.is_some_and(|c| c.pulls());
    put(
        &mut p,
        "repositoryList",
        match !gcr && (pulls_charts || (public && !anonymous_other)) {
            true => Value::from(usage.chart_repositories.clone()),
            false => Value::Null,
        },
    );
    let url = config
        .registry_url
        .as_deref()
        .map(without_scheme)
        .or_else(|| t.default_url())
        .unwrap_or_default();
    put(&mut p, "registryUrl", Value::from(url));
    let secret = |v: Option<&str>| Value::from(v.unwrap_or_default());
    match t {
        RegistryType::Ecr if !public => {
            let role = config.aws_auth_type == Some(AwsAuthType::IamRole);
            let (id, key) = match role {
                true => (None, None),
                false => (
                    config.aws_access_key_id.as_deref(),
                    config
                        .aws_secret_access_key
                        .as_ref()
                        .map(SecretString::expose),
                ),
            };
            put(&mut p, "awsAccessKeyId", secret(id));
            put(&mut p, "awsSecretAccessKey", secret(key));
            put(
                &mut p,
                "awsRegion",
                Value::from(ecr_host::ecr_region(url).unwrap_or_default()),
            );
            put(
                &mut p,
                "assumeRoleArn",
                secret(config.assume_role_arn.as_deref()),
            );
        }
        RegistryType::Ecr => {}
        _ if public => {}
        _ if t.uses_json_key() => {
            let user = config.username.as_deref().unwrap_or(JSON_KEY_USERNAME);
            put(&mut p, "username", Value::from(user));
            let key = config
                .password
                .as_ref()
                .map(|k| format!("'{}'", strip_single_quotes(k.expose())))
                .unwrap_or_default();
            put(&mut p, "password", Value::from(key));
        }
        _ => {
            put(&mut p, "username", secret(config.username.as_deref()));
            put(
                &mut p,
                "password",
                secret(config.password.as_ref().map(SecretString::expose)),
            );
        }
    }
    let as_other = devtron_type(t) == RegistryType::Other.id();
    if as_other || config.connection != Connection::Secure {
        put(&mut p, "connection", Value::from(config.connection.id()));
        put(&mut p, "cert", secret(config.cert.as_deref()));
    }
    let injection = config.injection.as_ref().filter(|_| usage.has_containers());
    put(&mut p, "ipsConfig", ips::to_ips_config(injection));
    if let Some(rc) = &config.remote_connection {
        put(&mut p, "remoteConnectionConfig", remote_connection(rc));
    }
    if as_other {
        let kind = if public {
            "anonymous"
        } else {
            "username_password"
        };
        put(&mut p, "registryCredentialsType", Value::from(kind));
    }
    Value::Object(p)
}
