//! Devtron's container-registry payload (`DockerArtifactStoreBean` of devtron-labs/devtron, as
//! the dashboard's registry form sends it), to and from a [`RegistryConfig`].
//!
//! | ours | Devtron |
//! |---|---|
//! | `name` | `id` |
//! | — | `pluginId: "cd.go.artifact.docker.registry"` |
//! | `registryType` | `registryType` (the same seven ids) |
//! | `registryUrl` | `registryUrl` without scheme (the type's default when unset) |
//! | `isDefault` | `isDefault` |
//! | ECR `awsAuthType` + keys | `awsAccessKeyId`, `awsSecretAccessKey` (both empty = IAM role), `awsRegion` (from the host) |
//! | `username`, `password` | `username`, `password`; GCP keys single-quoted (`'{...}'`) as Devtron stores them |
//! | `connection`, `cert` | `connection`, `cert` (`""` when none) |
//! | `injection` | `ipsConfig { id: 0, credentialType: SAME_AS_REGISTRY \| NAME, credentialValue: secretName, appliedClusterIdsCsv: autoInject, ignoredClusterIdsCsv: doNotInject }`, `"*"` ↔ `-1`; absent when no policy |
//!
//! A normalized configuration (registry URL and GCP username set, as validation produces)
//! survives `to` then `from` unchanged. Not representable in Devtron's payload: `awsSessionToken`
//! (dropped) and cluster ids containing `,`.

use serde_json::{json, Map, Value};

use crate::catalog::{Connection, RegistryType};
use crate::config::{AwsAuthType, CredentialSource, Injection, RegistryConfig};
use crate::report::{Issue, Report};
use crate::secret::ecr_host;
use crate::secret::from_config::strip_single_quotes;
use crate::JSON_KEY_USERNAME;

/// Devtron's `pluginId` for container registries.
pub const DEVTRON_PLUGIN_ID: &str = "cd.go.artifact.docker.registry";
/// Devtron's "all clusters" id in `ipsConfig` CSVs.
pub const DEVTRON_ALL_CLUSTERS: &str = "-1";

/// Fields Devtron sends back that have no counterpart here; accepted silently.
const DEVTRON_ONLY: &[&str] = &[
    "pluginId",
    "awsRegion",
    "isOCICompliantRegistry",
    "ociRegistryConfig",
    "isPublic",
    "repositoryList",
    "active",
    "disabledFields",
    "remoteConnectionConfig",
];

fn without_scheme(url: &str) -> &str {
    let u = url.trim();
    u.strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"))
        .unwrap_or(u)
}

fn csv(ids: &[String]) -> String {
    ids.iter()
        .map(|id| {
            if id == "*" {
                DEVTRON_ALL_CLUSTERS
            } else {
                id.as_str()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// The Devtron payload of a configuration (see the module table).
pub fn to_devtron_payload(config: &RegistryConfig) -> Value {
    let mut p = Map::new();
    p.insert("id".into(), json!(config.name));
    p.insert("pluginId".into(), json!(DEVTRON_PLUGIN_ID));
    p.insert("registryType".into(), json!(config.registry_type.id()));
    p.insert("isDefault".into(), json!(config.is_default));
    let url = config
        .registry_url
        .as_deref()
        .map(without_scheme)
        .or_else(|| config.registry_type.default_url())
        .unwrap_or_default();
    p.insert("registryUrl".into(), json!(url));
    if config.registry_type == RegistryType::Ecr {
        let role = config.aws_auth_type == Some(AwsAuthType::IamRole);
        let key = |v: &Option<String>| {
            if role {
                String::new()
            } else {
                v.clone().unwrap_or_default()
            }
        };
        p.insert(
            "awsAccessKeyId".into(),
            json!(key(&config.aws_access_key_id)),
        );
        p.insert(
            "awsSecretAccessKey".into(),
            json!(key(&config.aws_secret_access_key)),
        );
        p.insert(
            "awsRegion".into(),
            json!(ecr_host::ecr_region(url).unwrap_or_default()),
        );
    }
    if config.registry_type.uses_json_key() {
        let user = config.username.as_deref().unwrap_or(JSON_KEY_USERNAME);
        p.insert("username".into(), json!(user));
        if let Some(key) = &config.password {
            p.insert(
                "password".into(),
                json!(format!("'{}'", strip_single_quotes(key))),
            );
        }
    } else {
        if let Some(u) = &config.username {
            p.insert("username".into(), json!(u));
        }
        if let Some(pw) = &config.password {
            p.insert("password".into(), json!(pw));
        }
    }
    p.insert("connection".into(), json!(config.connection.id()));
    p.insert(
        "cert".into(),
        json!(config.cert.clone().unwrap_or_default()),
    );
    if let Some(inj) = &config.injection {
        let kind = match inj.credential_source {
            CredentialSource::RegistryCredentials => "SAME_AS_REGISTRY",
            CredentialSource::ImagePullSecret => "NAME",
        };
        let value = inj.secret_name.clone().unwrap_or_default();
        p.insert(
            "ipsConfig".into(),
            json!({
                "id": 0,
                "credentialType": kind,
                "credentialValue": value,
                "appliedClusterIdsCsv": csv(&inj.auto_inject),
                "ignoredClusterIdsCsv": csv(&inj.do_not_inject),
            }),
        );
    }
    Value::Object(p)
}

/// Reads fields of one object, collecting issues.
struct Reader<'a> {
    obj: &'a Map<String, Value>,
    prefix: &'static str,
    errors: Vec<Issue>,
}

impl Reader<'_> {
    fn string(&mut self, key: &str) -> Option<String> {
        match self.obj.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => {
                self.errors.push(Issue::new(
                    format!("{}/{key}", self.prefix),
                    "devtron.field-type",
                    "this field must be a string",
                ));
                None
            }
        }
    }

    fn non_empty(&mut self, key: &str) -> Option<String> {
        self.string(key).filter(|s| !s.is_empty())
    }

    fn boolean(&mut self, key: &str) -> bool {
        match self.obj.get(key) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                self.errors.push(Issue::new(
                    format!("{}/{key}", self.prefix),
                    "devtron.field-type",
                    "this field must be true or false",
                ));
                false
            }
        }
    }
}

fn ids(csv: Option<String>) -> Vec<String> {
    csv.unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            if s == DEVTRON_ALL_CLUSTERS {
                "*".to_owned()
            } else {
                s.to_owned()
            }
        })
        .collect()
}

fn injection_from(ips: &Value, errors: &mut Vec<Issue>) -> Option<Injection> {
    let obj = match ips {
        Value::Null => return None,
        Value::Object(o) => o,
        _ => {
            errors.push(Issue::new(
                "/ipsConfig",
                "devtron.field-type",
                "ipsConfig must be an object",
            ));
            return None;
        }
    };
    let mut r = Reader {
        obj,
        prefix: "/ipsConfig",
        errors: Vec::new(),
    };
    let credential_source = match r.string("credentialType").as_deref() {
        None | Some("") | Some("SAME_AS_REGISTRY") => CredentialSource::RegistryCredentials,
        Some("NAME") => CredentialSource::ImagePullSecret,
        Some(_) => {
            r.errors.push(Issue::new(
                "/ipsConfig/credentialType",
                "devtron.ips-credential-type",
                "only SAME_AS_REGISTRY and NAME are supported (custom credentials are not)",
            ));
            CredentialSource::RegistryCredentials
        }
    };
    let injection = Injection {
        auto_inject: ids(r.string("appliedClusterIdsCsv")),
        do_not_inject: ids(r.string("ignoredClusterIdsCsv")),
        credential_source,
        secret_name: r.non_empty("credentialValue"),
    };
    errors.append(&mut r.errors);
    Some(injection)
}

/// Reads a Devtron payload back into a configuration.
///
/// The report is invalid (no value) when: the payload is not an object (`devtron.shape`); `id`
/// is missing (`devtron.id`); `registryType` is not one of the seven ids
/// (`devtron.registry-type`); a field has the wrong JSON type (`devtron.field-type`);
/// `connection` is unknown (`devtron.connection`); `ipsConfig.credentialType` is
/// `CUSTOM_CREDENTIAL` or unknown (`devtron.ips-credential-type`). Unknown fields are warnings
/// (`devtron.unknown-field`). The value is shaped like a configuration, not validated: run
/// `validate_registry` on it for the rules a person's input must follow.
pub fn from_devtron_payload(payload: &Value) -> Report<RegistryConfig> {
    let Some(obj) = payload.as_object() else {
        return Report::fail(Issue::new(
            "",
            "devtron.shape",
            "the payload must be an object",
        ));
    };
    let mut r = Reader {
        obj,
        prefix: "",
        errors: Vec::new(),
    };
    let name = r.non_empty("id");
    if name.is_none() && !r.errors.iter().any(|i| i.path == "/id") {
        r.errors.push(Issue::new(
            "/id",
            "devtron.id",
            "the registry id (its name) is required",
        ));
    }
    let registry_type = r
        .string("registryType")
        .and_then(|t| RegistryType::from_id(&t));
    if registry_type.is_none() {
        r.errors.push(Issue::new(
            "/registryType",
            "devtron.registry-type",
            format!(
                "registryType must be one of {}",
                crate::model::type_ids_text()
            ),
        ));
    }
    let connection = match r.string("connection").as_deref() {
        None | Some("") | Some("secure") => Connection::Secure,
        Some("secure-with-cert") => Connection::SecureWithCert,
        Some("insecure") => Connection::Insecure,
        Some(_) => {
            r.errors.push(Issue::new(
                "/connection",
                "devtron.connection",
                "connection must be secure, secure-with-cert or insecure",
            ));
            Connection::Secure
        }
    };
    let is_default = r.boolean("isDefault");
    let registry_url = r
        .non_empty("registryUrl")
        .map(|u| without_scheme(&u).to_owned());
    let cert = r.non_empty("cert");
    let access_key = r.non_empty("awsAccessKeyId");
    let secret_key = r.non_empty("awsSecretAccessKey");
    let username = r.string("username");
    let password = r.string("password");
    let injection = injection_from(obj.get("ipsConfig").unwrap_or(&Value::Null), &mut r.errors);
    let mut warnings = Vec::new();
    for key in obj.keys() {
        let known = [
            "id",
            "registryType",
            "connection",
            "isDefault",
            "registryUrl",
            "cert",
            "awsAccessKeyId",
            "awsSecretAccessKey",
            "username",
            "password",
            "ipsConfig",
        ];
        if !known.contains(&key.as_str()) && !DEVTRON_ONLY.contains(&key.as_str()) {
            warnings.push(Issue::new(
                format!("/{}", crate::secret::error::pointer_segment(key)),
                "devtron.unknown-field",
                "this field is not part of Devtron's registry payload and was ignored",
            ));
        }
    }
    let (Some(name), Some(registry_type), true) = (name, registry_type, r.errors.is_empty()) else {
        return Report::new(r.errors, warnings, None);
    };
    let ecr = registry_type == RegistryType::Ecr;
    let (aws_auth_type, aws_access_key_id, aws_secret_access_key) = match ecr {
        true if access_key.is_none() && secret_key.is_none() => {
            (Some(AwsAuthType::IamRole), None, None)
        }
        true => (Some(AwsAuthType::UserAuth), access_key, secret_key),
        false => (None, None, None),
    };
    let password = match registry_type.uses_json_key() {
        true => password.map(|p| strip_single_quotes(&p).to_owned()),
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
        aws_secret_access_key,
        aws_session_token: None,
        username: if ecr {
            None
        } else {
            username.filter(|u| !u.is_empty())
        },
        password: if ecr {
            None
        } else {
            password.filter(|p| !p.is_empty())
        },
        injection,
    };
    Report::new(Vec::new(), warnings, Some(config))
}
