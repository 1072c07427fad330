//! [`validate_field`]: one field at a time, for validation on each keystroke.

use crate::json::{Map, Value};
use crate::ErrorCode;

use super::connection::check_connection_cert;
use super::field_rules as fields;
use super::injection::{check_cluster_list, check_injection, parse_credential_source};
use super::json_walk::Walker;
use super::names::check_dns_subdomain;
use crate::catalog::{Connection, RegistryType};
use crate::report::Report;
use crate::time::Timestamp;

/// Misuse of [`validate_field`]: a registry type or field name that does not exist. This is a
/// programming error of the caller, not bad user input, so it is not a [`Report`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ArgumentError {
    /// `argument.registry-type` or `argument.field`.
    pub code: ErrorCode,
    /// What is wrong (never echoes the argument).
    pub message: &'static str,
}

/// Validates one field of a configuration of type `registry_type` (`field` as in
/// [`crate::model::field_names`]), with no other fields known. Same as [`validate_field_in`] with an empty
/// context.
pub fn validate_field(
    registry_type: &str,
    field: &str,
    value: &Value,
    now: Timestamp,
) -> Result<Report<Value>, ArgumentError> {
    validate_field_in(registry_type, field, value, &Value::Null, now)
}

/// Validates one field; `context` is the rest of the form (an object, or `null`), used for
/// the rules that involve two fields: `connection` for `registryUrl` (`http://`) and `cert`.
///
/// A top-level field the form of `registry_type` does not have, or hides under the conditions
/// `context` states (`cert` with `connection: secure`), is not checked: the report is valid,
/// with the warning `config.ignored` when the value is not empty.
///
/// Issues carry the field's JSON pointer (`/registryUrl`, `/injection/secretName`) and the
/// same codes as [`super::validate_registry`]. `null` means the field is empty: a
/// `config.required` error for required fields. Without a `connection` in `context`,
/// `registryUrl` is checked as for `secure` and `cert` as for `secure-with-cert` (the only
/// mode that shows it). `value` of the report is the field's normalized value (`null` when
/// the field stays unset, as a defaulted URL does not).
///
/// # Errors
///
/// [`ArgumentError`] with code `argument.registry-type` for an unknown registry type id and
/// `argument.field` for an unknown field name.
pub fn validate_field_in(
    registry_type: &str,
    field: &str,
    value: &Value,
    context: &Value,
    now: Timestamp,
) -> Result<Report<Value>, ArgumentError> {
    let t = RegistryType::from_id(registry_type).ok_or(ArgumentError {
        code: ErrorCode::ArgumentRegistryType,
        message: "unknown registry type id",
    })?;
    if !crate::model::field_names().iter().any(|n| n == field) {
        return Err(ArgumentError {
            code: ErrorCode::ArgumentField,
            message: "unknown field name",
        });
    }
    let empty = Map::new();
    let ctx = context.as_object().unwrap_or(&empty);
    let v = (!value.is_null()).then_some(value);
    let mut w = Walker::default();
    let out = match crate::substring::split_once_byte(field, b'.') {
        Some(("injection", key)) => injection_field(&mut w, key, v),
        Some((group, key)) => super::platform_fields::check_platform_field(&mut w, group, key, v),
        None if !in_form(t, field, ctx) => {
            if v.is_some_and(|v| !super::registry::is_empty(v)) {
                let label = crate::model::type_spec(t).label;
                w.warning(
                    &format!("/{field}"),
                    ErrorCode::ConfigIgnored,
                    format!("not part of the {label} form with these settings; left out"),
                );
            }
            None
        }
        None => top_level_field(&mut w, t, field, v, ctx, now),
    };
    Ok(w.finish(out))
}

/// Whether the form of `t` has the top-level field `key`, and its conditions hold for the
/// controlling fields `ctx` names (an absent one does not hide the field).
fn in_form(t: RegistryType, key: &str, ctx: &Map<String, Value>) -> bool {
    if !crate::model::is_config_key(key) || matches!(key, "registryType" | "injection") {
        return true;
    }
    let Some(f) = crate::model::type_spec(t).field(key) else {
        return false;
    };
    f.when
        .iter()
        .all(|c| ctx.get(c.field).map_or(true, |v| *v == c.is.to_json()))
}

/// A top-level field of a type's form; its normalized value.
fn top_level_field(
    w: &mut Walker,
    t: RegistryType,
    field: &str,
    v: Option<&Value>,
    ctx: &Map<String, Value>,
    now: Timestamp,
) -> Option<Value> {
    let ctx_connection = ctx
        .get("connection")
        .and_then(Value::as_str)
        .and_then(|c| super::connection::parse_connection(c).ok());
    let s = |x: Option<String>| x.map(Value::String);
    match field {
        "name" => s(fields::name(w, v)),
        "registryType" => fields::registry_type(w, v).map(|t| Value::from(t.id())),
        "registryUrl" => s(fields::registry_url(
            w,
            t,
            v,
            ctx_connection.unwrap_or_default(),
        )),
        "isDefault" => fields::is_default(w, v).map(Value::Bool),
        "connection" => fields::connection(w, v).map(|c| Value::from(c.id())),
        "cert" => {
            let text = w.string("/cert", v);
            if v.is_some() && text.is_none() {
                return None;
            }
            let c = ctx_connection.unwrap_or(Connection::SecureWithCert);
            let (errors, warnings, kept) = check_connection_cert(c, text, now, None);
            w.errors.extend(errors);
            w.warnings.extend(warnings);
            Some(s(kept).unwrap_or(Value::Null))
        }
        "awsAuthType" => fields::aws_auth_type(w, v).and_then(|a| crate::json::to_value(&a)),
        "awsAccessKeyId" => s(fields::access_key_id(w, v)),
        "awsSecretAccessKey" => s(fields::secret_access_key(w, v)),
        "awsSessionToken" => s(fields::session_token(w, v)),
        "username" => s(fields::username(w, t, v)),
        "password" => s(fields::password(w, t, v)),
        "injection" => v
            .and_then(|v| check_injection(w, v, super::Mode::Create))
            .and_then(|i| crate::json::to_value(&i)),
        "public" | "assumeRoleArn" => super::platform_fields::check_platform_field(w, "", field, v),
        _ => None,
    }
}

/// `injection.customUsername`: a string without `:` (`username.colon`).
fn s_username(w: &mut Walker, path: &str, v: Option<&Value>) -> Option<Value> {
    let u = w.string(path, v)?;
    if crate::substring::contains_byte(u, b':') {
        w.error(
            path,
            ErrorCode::UsernameColon,
            "a username with \":\" cannot work: the \"auth\" value is \"username:password\"",
        );
        return None;
    }
    Some(Value::from(u))
}

/// A field of the injection policy (`doNotInject`, `autoInject`, `credentialSource`,
/// `secretName`); its normalized value.
fn injection_field(w: &mut Walker, key: &str, v: Option<&Value>) -> Option<Value> {
    let path = format!("/injection/{key}");
    match key {
        "doNotInject" | "autoInject" => {
            let list = v
                .map(|v| check_cluster_list(w, &path, v))
                .unwrap_or_default();
            Some(Value::from(list))
        }
        "credentialSource" => match w.string(&path, v) {
            Some(id) => match parse_credential_source(id) {
                Ok(_) => Some(Value::from(id)),
                Err(e) => {
                    w.push_error(e.under(&path));
                    None
                }
            },
            None => Some(Value::from("registry-credentials")),
        },
        "customServer" | "customEmail" | "customPassword" => w.string(&path, v).map(Value::from),
        "customUsername" => s_username(w, &path, v),
        _ => match w.string(&path, v) {
            Some(names) if crate::substring::contains_byte(names, b',') => {
                let mut probe = Map::new();
                probe.insert("credentialSource".into(), Value::from("image-pull-secret"));
                probe.insert("secretName".into(), Value::from(names));
                let probe = Value::Object(probe);
                check_injection(w, &probe, super::Mode::Create)
                    .and_then(|i| i.secret_name)
                    .map(Value::from)
            }
            Some(name) => match check_dns_subdomain(name) {
                Ok(()) => Some(Value::from(name)),
                Err(e) => {
                    w.push_error(e.under(&path));
                    None
                }
            },
            None if v.is_none() => {
                w.required(&path, "the image pull secret name");
                None
            }
            None => None,
        },
    }
}
