//! One walker function per configuration field, shared by [`super::validate_registry`] and
//! [`super::validate_field`]. Each takes the field's JSON value (`None` when absent), records
//! issues at the field's JSON pointer and returns the normalized value.

use crate::json::Value;
use crate::ErrorCode;

use super::connection::parse_connection;
use super::credentials::{
    check_access_key_id, check_password, check_secret_access_key, check_session_token,
    check_username,
};
use super::gcp_key::parse_service_account_key;
use super::json_walk::Walker;
use super::names::check_registry_name;
use super::registry_url::check_registry_url;
use crate::catalog::{Connection, RegistryType};
use crate::config::AwsAuthType;
use crate::JSON_KEY_USERNAME;

/// A string field: `config.required` when absent and `required`, `config.type` when not a
/// string. `null` counts as absent only for the "required" message; it is a type error
/// otherwise (the schema says so).
fn string<'v>(
    w: &mut Walker,
    path: &str,
    v: Option<&'v Value>,
    required: bool,
    what: &str,
) -> Option<&'v str> {
    match v {
        None if required => {
            w.required(path, what);
            None
        }
        None => None,
        Some(v) => w.string(path, Some(v)),
    }
}

/// `name`: required; the rules of [`check_registry_name`].
pub fn name(w: &mut Walker, v: Option<&Value>) -> Option<String> {
    let s = string(w, "/name", v, true, "the registry name")?;
    match check_registry_name(s) {
        Ok(()) => Some(s.to_string()),
        Err(e) => {
            w.push_error(e.under("/name"));
            None
        }
    }
}

/// `registryType`: required; `config.enum` when it is not one of the model's type ids.
pub fn registry_type(w: &mut Walker, v: Option<&Value>) -> Option<RegistryType> {
    let s = string(w, "/registryType", v, true, "the registry type")?;
    let t = RegistryType::from_id(s);
    if t.is_none() {
        w.error(
            "/registryType",
            ErrorCode::ConfigEnum,
            format!("must be one of {}", crate::model::type_ids_text()),
        );
    }
    t
}

/// `connection`: `secure` when absent; `config.enum` when unknown.
pub fn connection(w: &mut Walker, v: Option<&Value>) -> Option<Connection> {
    let Some(s) = string(w, "/connection", v, false, "") else {
        return v.is_none().then_some(Connection::Secure);
    };
    match parse_connection(s) {
        Ok(c) => Some(c),
        Err(e) => {
            w.error("/connection", ErrorCode::ConfigEnum, e.message);
            None
        }
    }
}

/// `isDefault`: `false` when absent.
pub fn is_default(w: &mut Walker, v: Option<&Value>) -> Option<bool> {
    match v {
        None => Some(false),
        Some(_) => w.boolean("/isDefault", v),
    }
}

/// `registryUrl`: the type's default when absent (required for types without one).
pub fn registry_url(
    w: &mut Walker,
    t: RegistryType,
    v: Option<&Value>,
    connection: Connection,
) -> Option<String> {
    let default = t.default_url();
    let s = string(w, "/registryUrl", v, default.is_none(), "the registry URL");
    match (s, v) {
        (Some(s), _) => w.absorb(check_registry_url(t, s, connection).under("/registryUrl")),
        (None, None) => default.map(str::to_string),
        (None, Some(_)) => None,
    }
}

/// `username`: required for the types with a username; `_json_key` for the GCP types (filled
/// in when absent). Warning `username.whitespace` for leading or trailing whitespace.
pub fn username(w: &mut Walker, t: RegistryType, v: Option<&Value>) -> Option<String> {
    let json_key = t.uses_json_key();
    let s = string(w, "/username", v, !json_key, "the username");
    let s = match (s, v) {
        (Some(s), _) => s,
        (None, None) if json_key => return Some(JSON_KEY_USERNAME.to_string()),
        (None, _) => return None,
    };
    if let Err(e) = check_username(s, json_key) {
        w.push_error(e.under("/username"));
        return None;
    }
    if crate::substring::trim(s) != s {
        w.warning(
            "/username",
            ErrorCode::UsernameWhitespace,
            "the username starts or ends with whitespace; registries rarely accept that",
        );
    }
    Some(s.to_string())
}

/// `password`: required. For the GCP types it is a service-account key and the compact form
/// is returned (errors `gcp-key.*` at `/password`).
pub fn password(w: &mut Walker, t: RegistryType, v: Option<&Value>) -> Option<String> {
    let what = if t.uses_json_key() {
        "the service-account key (JSON)"
    } else {
        "the password or token"
    };
    let s = string(w, "/password", v, true, what)?;
    if t.uses_json_key() {
        return w
            .absorb(parse_service_account_key(s).under("/password"))
            .map(|k| k.compact.into_exposed());
    }
    match check_password(s) {
        Ok(()) => Some(s.to_string()),
        Err(e) => {
            w.push_error(e.under("/password"));
            None
        }
    }
}

/// `awsAuthType`: required for ECR; `config.enum` when unknown.
pub fn aws_auth_type(w: &mut Walker, v: Option<&Value>) -> Option<AwsAuthType> {
    match string(w, "/awsAuthType", v, true, "the authentication type")? {
        "iam-role" => Some(AwsAuthType::IamRole),
        "user-auth" => Some(AwsAuthType::UserAuth),
        _ => {
            w.error(
                "/awsAuthType",
                ErrorCode::ConfigEnum,
                "must be \"iam-role\" or \"user-auth\"",
            );
            None
        }
    }
}

/// `awsAccessKeyId`: required with `user-auth`.
pub fn access_key_id(w: &mut Walker, v: Option<&Value>) -> Option<String> {
    let s = string(w, "/awsAccessKeyId", v, true, "the access key id")?;
    match check_access_key_id(s) {
        Ok(()) => Some(s.to_string()),
        Err(e) => {
            w.push_error(e.under("/awsAccessKeyId"));
            None
        }
    }
}

/// `awsSecretAccessKey`: required with `user-auth`.
pub fn secret_access_key(w: &mut Walker, v: Option<&Value>) -> Option<String> {
    let s = string(w, "/awsSecretAccessKey", v, true, "the secret access key")?;
    match check_secret_access_key(s) {
        Ok(warning) => {
            if let Some(i) = warning {
                w.push_warning(i.under("/awsSecretAccessKey"));
            }
            Some(s.to_string())
        }
        Err(e) => {
            w.push_error(e.under("/awsSecretAccessKey"));
            None
        }
    }
}

/// `awsSessionToken`: optional.
pub fn session_token(w: &mut Walker, v: Option<&Value>) -> Option<String> {
    let s = string(w, "/awsSessionToken", v, false, "")?;
    match check_session_token(s) {
        Ok(()) => Some(s.to_string()),
        Err(e) => {
            w.push_error(e.under("/awsSessionToken"));
            None
        }
    }
}
