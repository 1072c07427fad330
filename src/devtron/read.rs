//! Reading the platform's registry payload (a request the dashboard sends or what its GET
//! returns) back into a [`RegistryConfig`].

use crate::json::Value;
use crate::secret_string::SecretString;
use crate::ErrorCode;

use super::ips::from_ips_config;
use super::kept::kept_secrets;
use super::{without_scheme, DEVTRON_PLUGIN_ID};
use crate::catalog::{Connection, RegistryType};
use crate::config::{
    Access, AwsAuthType, ConnectionMethod, RegistryConfig, RemoteConnection, Usage,
};
use crate::json_read::{Fields, Mismatch};
use crate::report::{Issue, Report};
use crate::secret::ecr_host;
use crate::secret::from_config::strip_single_quotes;

/// The keys of the platform's payload (`DockerArtifactStoreBean` and the enterprise fields the
/// dashboard sends).
const KNOWN: [&str; 22] = [
    "id",
    "pluginId",
    "registryUrl",
    "registryType",
    "isOCICompliantRegistry",
    "ociRegistryConfig",
    "isPublic",
    "repositoryList",
    "awsAccessKeyId",
    "awsSecretAccessKey",
    "awsRegion",
    "assumeRoleArn",
    "username",
    "password",
    "isDefault",
    "connection",
    "cert",
    "active",
    "disabledFields",
    "ipsConfig",
    "remoteConnectionConfig",
    "registryCredentialsType",
];

/// The `devtron.dropped-field` warning for a field a configuration cannot carry.
pub(crate) fn dropped(path: &str) -> Issue {
    Issue::new(
        path,
        ErrorCode::DevtronDroppedField,
        "this field has no place in a registry configuration and was left out",
    )
}

/// Reads the payload's fields with the one JSON reader, collecting issues: a field of the wrong
/// JSON type is `devtron.field-type`.
struct Reader<'a> {
    fields: Fields<'a>,
    errors: Vec<Issue>,
    warnings: Vec<Issue>,
}

impl Reader<'_> {
    fn type_error(&mut self, m: Mismatch) {
        self.errors.push(Issue::new(
            m.path,
            ErrorCode::DevtronFieldType,
            format!("this field must be {}", m.expected.words()),
        ));
    }

    fn string(&mut self, key: &str) -> Option<String> {
        match self.fields.text(key) {
            Ok(text) => text.map(str::to_owned),
            Err(m) => {
                self.type_error(m);
                None
            }
        }
    }

    fn non_empty(&mut self, key: &str) -> Option<String> {
        self.string(key).filter(|s| !s.is_empty())
    }

    fn boolean(&mut self, key: &str) -> bool {
        match self.fields.flag(key) {
            Ok(flag) => flag.unwrap_or(false),
            Err(m) => {
                self.type_error(m);
                false
            }
        }
    }

    fn error(&mut self, path: &str, code: ErrorCode, message: impl Into<String>) {
        self.errors.push(Issue::new(path, code, message));
    }
}

fn usage(r: &mut Reader<'_>, oci: bool, public: bool) -> Option<Usage> {
    let repositories: Vec<String> = match r.fields.texts("repositoryList") {
        Ok(texts) => texts
            .unwrap_or_default()
            .into_iter()
            .map(str::to_owned)
            .collect(),
        Err(m) => {
            r.type_error(m);
            Vec::new()
        }
    };
    let config = match r.fields.object("ociRegistryConfig") {
        Ok(config) => config,
        Err(m) => {
            r.type_error(m);
            return None;
        }
    };
    let mut usage = match (oci, config) {
        (false, None) => Usage::containers(),
        (true, None) => {
            r.error(
                "/ociRegistryConfig",
                ErrorCode::DevtronOciConfig,
                "an OCI registry needs ociRegistryConfig",
            );
            return None;
        }
        (false, Some(_)) => {
            r.error(
                "/ociRegistryConfig",
                ErrorCode::DevtronOciConfig,
                "ociRegistryConfig is only for OCI registries (isOCICompliantRegistry)",
            );
            return None;
        }
        (true, Some(m)) => {
            let mut u = Usage::default();
            for (key, v) in m.map() {
                let access = v.as_str().and_then(Access::from_devtron);
                let slot = match key.as_str() {
                    "CONTAINER" => &mut u.containers,
                    "CHART" => &mut u.charts,
                    _ => {
                        r.error(
                            &m.path_of(key),
                            ErrorCode::DevtronOciConfig,
                            "ociRegistryConfig has CONTAINER and CHART only",
                        );
                        continue;
                    }
                };
                match access {
                    Some(a) => *slot = Some(a),
                    None => r.error(
                        &m.path_of(key),
                        ErrorCode::DevtronOciAccess,
                        "an OCI use is PULL, PUSH or PULL/PUSH",
                    ),
                }
            }
            u
        }
    };
    let pulls = usage.charts.is_some_and(|c| c.pulls()) || public;
    if pulls {
        usage.chart_repositories = repositories;
    } else if !repositories.is_empty() {
        r.warnings.push(dropped("/repositoryList"));
    }
    (usage != Usage::containers()).then_some(usage)
}

fn remote_connection(r: &mut Reader<'_>) -> Option<RemoteConnection> {
    let obj = match r.fields.object("remoteConnectionConfig") {
        Ok(found) => found?.map(),
        Err(m) => {
            r.type_error(m);
            return None;
        }
    };
    let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
    let method = text(obj.get("connectionMethod"));
    let Some(method) = method.as_deref().and_then(ConnectionMethod::from_devtron) else {
        r.error(
            "/remoteConnectionConfig/connectionMethod",
            ErrorCode::DevtronConnectionMethod,
            "connectionMethod must be DIRECT, PROXY or SSH",
        );
        return None;
    };
    if obj
        .get("remoteConnectionConfigId")
        .is_some_and(|v| !v.is_null() && v.as_i64() != Some(0))
    {
        r.warnings
            .push(dropped("/remoteConnectionConfig/remoteConnectionConfigId"));
    }
    let proxy = obj.get("proxyConfig");
    let ssh = obj.get("sshConfig");
    let ssh_field = |k: &str| text(ssh.and_then(|s| s.get(k))).filter(|v| !v.is_empty());
    Some(RemoteConnection {
        method,
        proxy_url: text(proxy.and_then(|p| p.get("proxyUrl"))).filter(|v| !v.is_empty()),
        ssh_server_address: ssh_field("sshServerAddress"),
        ssh_username: ssh_field("sshUsername"),
        ssh_password: ssh_field("sshPassword").map(SecretString::from),
        ssh_auth_key: ssh_field("sshAuthKey").map(SecretString::from),
    })
}

/// Reads a platform payload back into a configuration.
///
/// The report is invalid (no value) when: the payload is not an object (`devtron.shape`); `id`
/// is missing (`devtron.id`); `registryType` is unknown (`devtron.registry-type`); a field has
/// the wrong JSON type (`devtron.field-type`); `connection` is unknown (`devtron.connection`);
/// `ociRegistryConfig` does not fit `isOCICompliantRegistry` or has other keys
/// (`devtron.oci-config`) or values (`devtron.oci-access`); `registryCredentialsType` is unknown
/// (`devtron.credentials-type`); `remoteConnectionConfig.connectionMethod` is unknown
/// (`devtron.connection-method`); or `ipsConfig` is wrong (see [`from_ips_config`]).
///
/// Empty or absent secrets (`password`, `awsSecretAccessKey`, the SSH tunnel's `sshPassword`
/// and `sshAuthKey`, the `CUSTOM_CREDENTIAL` password: the platform's GET returns them empty)
/// are left out of the configuration, each with the warning `config.keep-stored`: validate it
/// with `mode: "update"` to keep the stored ones. Other warnings: `devtron.dropped-field` and
/// `devtron.unknown-field` (see the module docs), `injection.both-lists`. The value is shaped
/// like a configuration, not validated.
pub fn from_devtron_payload(payload: &Value) -> Report<RegistryConfig> {
    let Some(obj) = payload.as_object() else {
        return Report::fail(Issue::new(
            "",
            ErrorCode::DevtronShape,
            "the payload must be an object",
        ));
    };
    let mut r = Reader {
        fields: Fields::new(obj, ""),
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    let name = r.non_empty("id");
    if name.is_none() && !r.errors.iter().any(|i| i.path == "/id") {
        r.error(
            "/id",
            ErrorCode::DevtronId,
            "the registry id (its name) is required",
        );
    }
    let registry_type = r
        .string("registryType")
        .and_then(|t| RegistryType::from_id(&t));
    if registry_type.is_none() {
        r.error(
            "/registryType",
            ErrorCode::DevtronRegistryType,
            format!(
                "registryType must be one of {}",
                crate::model::type_ids_text()
            ),
        );
    }
    let connection = match r.string("connection").as_deref() {
        None | Some("") | Some("secure") => Connection::Secure,
        Some("secure-with-cert") => Connection::SecureWithCert,
        Some("insecure") => Connection::Insecure,
        Some(_) => {
            r.error(
                "/connection",
                ErrorCode::DevtronConnection,
                "connection must be secure, secure-with-cert or insecure",
            );
            Connection::Secure
        }
    };
    let anonymous = match r.string("registryCredentialsType").as_deref() {
        None | Some("") | Some("username_password") => false,
        Some("anonymous") => true,
        Some(_) => {
            r.error(
                "/registryCredentialsType",
                ErrorCode::DevtronCredentialsType,
                "registryCredentialsType must be username_password or anonymous",
            );
            false
        }
    };
    let public = r.boolean("isPublic") || anonymous;
    let oci = r.boolean("isOCICompliantRegistry");
    let usage = usage(&mut r, oci, public);
    let is_default = r.boolean("isDefault");
    for key in ["active", "disabledFields"] {
        if r.fields.get(key).is_some() {
            r.warnings.push(dropped(&format!("/{key}")));
        }
    }
    if r.string("pluginId").is_some_and(|p| p != DEVTRON_PLUGIN_ID) {
        r.warnings.push(dropped("/pluginId"));
    }
    let registry_url = r
        .non_empty("registryUrl")
        .map(|u| without_scheme(&u).to_owned());
    let cert = r.non_empty("cert");
    let access_key = r.non_empty("awsAccessKeyId");
    let secret_key = r.non_empty("awsSecretAccessKey");
    let region = r.non_empty("awsRegion");
    let assume_role_arn = r.non_empty("assumeRoleArn");
    let username = r.non_empty("username");
    let password = r.non_empty("password");
    let remote_connection = remote_connection(&mut r);
    let mut errors = std::mem::take(&mut r.errors);
    let mut warnings = std::mem::take(&mut r.warnings);
    let injection = from_ips_config(obj.get("ipsConfig"), &mut errors, &mut warnings);
    for path in r.fields.unknown(&KNOWN) {
        warnings.push(Issue::new(
            path,
            ErrorCode::DevtronUnknownField,
            "this field is not part of the platform's registry payload and was ignored",
        ));
    }
    let (Some(name), Some(registry_type), true) = (name, registry_type, errors.is_empty()) else {
        return Report::new(errors, warnings, None);
    };
    let ecr = registry_type == RegistryType::Ecr;
    let host_region = registry_url.as_deref().and_then(ecr_host::ecr_region);
    if ecr && region.is_some() && region != host_region {
        warnings.push(dropped("/awsRegion"));
    }
    let (aws_auth_type, aws_access_key_id, aws_secret_access_key) = match ecr && !public {
        true if access_key.is_none() && secret_key.is_none() => {
            (Some(AwsAuthType::IamRole), None, None)
        }
        true => (Some(AwsAuthType::UserAuth), access_key, secret_key),
        false => (None, None, None),
    };
    let password = match registry_type.uses_json_key() {
        true => password
            .map(|p| strip_single_quotes(&p).to_owned())
            .filter(|p| !p.is_empty()),
        false => password,
    };
    let config = RegistryConfig {
        name,
        registry_type,
        registry_url,
        is_default,
        connection,
        cert,
        aws_auth_type,
        aws_access_key_id,
        aws_secret_access_key: aws_secret_access_key.map(SecretString::from),
        aws_session_token: None,
        username: if ecr { None } else { username },
        password: if ecr {
            None
        } else {
            password.map(SecretString::from)
        },
        injection,
        public,
        usage,
        assume_role_arn: if ecr { assume_role_arn } else { None },
        remote_connection,
    };
    warnings.extend(kept_secrets(obj, &config));
    Report::new(Vec::new(), warnings, Some(config))
}
