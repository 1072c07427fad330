//! [`validate_registry`]: the whole configuration, walked field by field.

use crate::json::{Map, Value};
use crate::secret_string::SecretString;
use crate::ErrorCode;

use super::connection::check_connection_cert;
use super::field_rules as fields;
use super::injection::check_injection;
use super::json_walk::Walker;
use super::platform_fields::check_platform_fields;
use crate::catalog::{Connection, RegistryType};
use crate::config::{AwsAuthType, RegistryConfig};
use crate::report::Report;
use crate::time::Timestamp;

/// Validates a whole registry configuration (the JSON a form produces) and returns it
/// normalized.
///
/// The value is walked field by field, so every problem has a JSON-pointer path and a stable
/// code; all problems are reported at once. Shape errors: `config.type` (wrong JSON type, or
/// the configuration is not an object), `config.required` (a required field is missing),
/// `config.unknown-field` (a key no registry type has), `config.enum` (a value outside a fixed
/// list). Field rules: see [`crate::validate`] and the README's list of codes.
///
/// Only the fields the type's form shows count ([`crate::model::shown`]): a value of a field
/// the form hides (`username` on ECR, access keys with `iam-role`, a certificate without
/// `secure-with-cert`, connection options of a cloud registry) is left out of `value`, with
/// the warning `config.ignored` when it is not empty. A form whose type was switched keeps such
/// values; they are not errors.
///
/// `value` is present only when the configuration is valid. It is normalized: the registry
/// URL trimmed, without scheme or trailing `/`, Docker Hub aliases as `docker.io`, ECR as the
/// bare host, IDN hosts as punycode, and filled with the type's default when absent
/// (`docker.io`, `quay.io`, `gcr.io`); GCP types get username `_json_key` and the compact
/// service-account key as password; `connection` defaults to `secure`; an empty `cert` outside
/// `secure-with-cert` is dropped; an injection `secretName` unused by `registry-credentials`
/// is dropped.
///
/// `now` is the current time, used for certificate expiry.
pub fn validate_registry(config: &Value, now: Timestamp) -> Report<RegistryConfig> {
    validate_registry_in(config, now, Mode::Create)
}

/// What a configuration is validated for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// A new registry: every credential is required.
    #[default]
    Create,
    /// An edit of a stored registry: a blank or absent secret (`password`,
    /// `awsSecretAccessKey`, the SSH tunnel's `sshPassword` / `sshAuthKey`, the custom
    /// credential's `customPassword`) means "keep the stored one", as the platform's update API
    /// treats it (warning `config.keep-stored`; the value leaves it out).
    Update,
}

/// [`validate_registry`] for a [`Mode`]. A public registry (`public: true`) takes no
/// credentials in either mode: credential fields are ignored (`config.ignored`).
pub fn validate_registry_in(config: &Value, now: Timestamp, mode: Mode) -> Report<RegistryConfig> {
    let mut w = Walker::default();
    let Some(obj) = w.object("", config) else {
        return w.finish(None);
    };
    w.unknown_fields_where("", obj, crate::model::is_config_key);
    let rtype = fields::registry_type(&mut w, obj.get("registryType"));
    let shown = match rtype {
        Some(t) => shown_fields(&mut w, t, obj),
        None => obj.clone(),
    };
    let given = obj;
    let obj = &shown;
    let name = fields::name(&mut w, obj.get("name"));
    let is_default = fields::is_default(&mut w, obj.get("isDefault"));
    let connection = fields::connection(&mut w, obj.get("connection"));
    let cert_text = w.string("/cert", obj.get("cert"));
    let injection = match obj.get("injection") {
        Some(v) => check_injection(&mut w, v, mode).map(Some),
        None => Some(None),
    };
    let Some(t) = rtype else {
        return w.finish(None);
    };
    let url = fields::registry_url(
        &mut w,
        t,
        obj.get("registryUrl"),
        connection.unwrap_or_default(),
    );
    let gitlab_com =
        t == RegistryType::Gitlab && url.as_deref().is_some_and(super::gitlab_com::is_gitlab_com);
    if gitlab_com {
        super::gitlab_com::check_gitlab_com(&mut w, given);
    }
    // GitLab.com takes no certificate (refused above): nothing to inspect.
    let cert_is_text = !gitlab_com && (obj.get("cert").is_none() || cert_text.is_some());
    let mut cert = None;
    // Without `secure-with-cert` and a certificate the rule has nothing to say (most
    // configurations): its code stays off a first call (ARCHITECTURE.md, "Cold start").
    let cert_matters =
        |c: Connection| c == Connection::SecureWithCert || cert_text.is_some_and(|t| !t.is_empty());
    if let (Some(c), true) = (connection.filter(|&c| cert_matters(c)), cert_is_text) {
        // The certificate inspector takes the host out of the normalized URL itself.
        let (errors, warnings, kept) = check_connection_cert(c, cert_text, now, url.as_deref());
        w.errors.extend(errors);
        w.warnings.extend(warnings);
        cert = kept;
    }
    let creds = match obj.get("public") {
        // The form hides every credential of a public registry (`config.ignored` above).
        // Not a boolean: `config.type` above; the credentials are not judged either.
        Some(Value::Bool(true)) => Some(Credentials::default()),
        Some(v) if !v.is_boolean() && !v.is_null() => Some(Credentials::default()),
        _ => credentials(&mut w, t, obj, mode),
    };
    // Only an ECR role ARN needs the region: other types skip the ECR parser (it is also
    // code a first call would have to compile, see ARCHITECTURE.md, "Cold start").
    let region = (t == RegistryType::Ecr)
        .then_some(url.as_deref())
        .flatten()
        .and_then(crate::secret::ecr_host::ecr_region);
    let platform = check_platform_fields(
        &mut w,
        t,
        obj,
        region.as_deref(),
        is_default.unwrap_or(false),
        mode,
    );
    let (
        Some(name),
        Some(url),
        Some(is_default),
        Some(connection),
        Some(injection),
        Some(creds),
        Some(platform),
    ) = (
        name, url, is_default, connection, injection, creds, platform,
    )
    else {
        return w.finish(None);
    };
    w.finish(Some(RegistryConfig {
        name,
        registry_type: t,
        registry_url: Some(url),
        is_default,
        connection,
        cert,
        aws_auth_type: creds.aws_auth_type,
        aws_access_key_id: creds.aws_access_key_id,
        aws_secret_access_key: creds.aws_secret_access_key.map(SecretString::from),
        aws_session_token: creds.aws_session_token.map(SecretString::from),
        username: creds.username,
        password: creds.password.map(SecretString::from),
        injection,
        public: platform.public,
        usage: platform.usage,
        assume_role_arn: platform.assume_role_arn,
        remote_connection: platform.remote_connection,
    }))
}

/// The fields of `obj` that the form of `t` shows; a warning `config.ignored` for each other
/// non-empty known field (`config.type` when it does not even have the field's JSON type, as
/// the schema says).
fn shown_fields(w: &mut Walker, t: RegistryType, obj: &Map<String, Value>) -> Map<String, Value> {
    let mut out = Map::new();
    for (key, value) in obj {
        let path = || crate::json_read::child_path("", key);
        if crate::model::shown(t, key, obj) {
            out.insert(key.clone(), value.clone());
        } else if !crate::model::has_json_type(key, value) {
            w.error(
                &path(),
                ErrorCode::ConfigType,
                "has the wrong type for this field",
            );
        } else if crate::model::is_config_key(key) && !is_empty(value) {
            w.warning(
                &path(),
                ErrorCode::ConfigIgnored,
                format!(
                    "not part of the {} form with these settings; left out",
                    crate::model::type_spec(t).label
                ),
            );
        }
    }
    out
}

/// `null`, `""`, `false`, `[]` or `{}`: what a form sends for a field nobody filled in.
pub(crate) fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::Number(_) => false,
    }
}

#[derive(Default)]
struct Credentials {
    aws_auth_type: Option<AwsAuthType>,
    aws_access_key_id: Option<String>,
    aws_secret_access_key: Option<String>,
    aws_session_token: Option<String>,
    username: Option<String>,
    password: Option<String>,
}

/// In update mode, whether the secret `key` is blank or absent: then a `config.keep-stored`
/// warning is recorded and the stored value is kept.
fn keep_stored(w: &mut Walker, obj: &Map<String, Value>, key: &str, mode: Mode) -> bool {
    let blank = match obj.get(key) {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.is_empty(),
        Some(_) => false,
    };
    let keep = mode == Mode::Update && blank;
    if keep {
        warn_keep_stored(w, &format!("/{key}"));
    }
    keep
}

/// The `config.keep-stored` warning of a secret at `path` left blank in update mode.
pub(super) fn warn_keep_stored(w: &mut Walker, path: &str) {
    w.warning(
        path,
        ErrorCode::ConfigKeepStored,
        "left blank: the stored secret is kept",
    );
}

/// The credential fields of type `t`; `None` when one of them is wrong.
fn credentials(
    w: &mut Walker,
    t: RegistryType,
    obj: &Map<String, Value>,
    mode: Mode,
) -> Option<Credentials> {
    let errors_before = w.errors.len();
    let mut c = Credentials::default();
    if t == RegistryType::Ecr {
        c.aws_auth_type = fields::aws_auth_type(w, obj.get("awsAuthType"));
        if c.aws_auth_type == Some(AwsAuthType::UserAuth) {
            c.aws_access_key_id = fields::access_key_id(w, obj.get("awsAccessKeyId"));
            if !keep_stored(w, obj, "awsSecretAccessKey", mode) {
                c.aws_secret_access_key =
                    fields::secret_access_key(w, obj.get("awsSecretAccessKey"));
            }
            c.aws_session_token = fields::session_token(w, obj.get("awsSessionToken"));
            if let Some(id) = &c.aws_access_key_id {
                let has_token = c.aws_session_token.is_some();
                if let Some(i) = super::credentials::session_token_warning(id, has_token) {
                    w.push_warning(i.under("/awsSessionToken"));
                }
            }
        }
    } else {
        c.username = fields::username(w, t, obj.get("username"));
        if !keep_stored(w, obj, "password", mode) {
            c.password = fields::password(w, t, obj.get("password"));
        }
    }
    (w.errors.len() == errors_before).then_some(c)
}
