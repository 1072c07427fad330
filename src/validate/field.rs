//! [`validate_field`]: one field at a time, for validation on each keystroke.

use serde_json::{Map, Value};

use super::connection::check_connection_cert;
use super::fields;
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
    pub code: &'static str,
    /// What is wrong (never echoes the argument).
    pub message: &'static str,
}

/// The field names [`validate_field`] knows: the configuration keys, with `injection.`
/// prefixing the injection policy's keys.
pub const FIELD_NAMES: [&str; 17] = [
    "name",
    "registryType",
    "registryUrl",
    "isDefault",
    "connection",
    "cert",
    "awsAuthType",
    "awsAccessKeyId",
    "awsSecretAccessKey",
    "awsSessionToken",
    "username",
    "password",
    "injection",
    "injection.doNotInject",
    "injection.autoInject",
    "injection.credentialSource",
    "injection.secretName",
];

/// Validates one field of a configuration of type `registry_type` (`field` as in
/// [`FIELD_NAMES`]), with no other fields known. Same as [`validate_field_in`] with an empty
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
        code: "argument.registry-type",
        message: "unknown registry type id",
    })?;
    if !FIELD_NAMES.contains(&field) {
        return Err(ArgumentError {
            code: "argument.field",
            message: "unknown field name",
        });
    }
    let ctx = match context {
        Value::Object(m) => m.clone(),
        _ => Map::new(),
    };
    let v = (!value.is_null()).then_some(value);
    let ctx_connection = ctx
        .get("connection")
        .and_then(Value::as_str)
        .and_then(|c| super::connection::parse_connection(c).ok());
    let mut w = Walker::default();
    let s = |x: Option<String>| x.map(Value::String);
    let out: Option<Value> = match field {
        "name" => s(fields::name(&mut w, v)),
        "registryType" => fields::registry_type(&mut w, v).map(|t| Value::from(t.id())),
        "registryUrl" => s(fields::registry_url(
            &mut w,
            t,
            v,
            ctx_connection.unwrap_or_default(),
        )),
        "isDefault" => fields::is_default(&mut w, v).map(Value::Bool),
        "connection" => fields::connection(&mut w, v).map(|c| Value::from(c.id())),
        "cert" => {
            let text = w.string("/cert", v);
            if v.is_some() && text.is_none() {
                None
            } else {
                let c = ctx_connection.unwrap_or(Connection::SecureWithCert);
                let (errors, warnings, kept) = check_connection_cert(c, text, now, None);
                w.errors.extend(errors);
                w.warnings.extend(warnings);
                Some(s(kept).unwrap_or(Value::Null))
            }
        }
        "awsAuthType" | "awsAccessKeyId" | "awsSecretAccessKey" | "awsSessionToken"
            if t != RegistryType::Ecr =>
        {
            fields::not_allowed(&mut w, field, v, "AWS fields belong to ECR registries only");
            None
        }
        "username" | "password" if t == RegistryType::Ecr => {
            fields::not_allowed(
                &mut w,
                field,
                v,
                "ECR uses IAM or access keys, not a username and password",
            );
            None
        }
        "awsAuthType" => fields::aws_auth_type(&mut w, v).map(|a| match a {
            crate::config::AwsAuthType::IamRole => Value::from("iam-role"),
            crate::config::AwsAuthType::UserAuth => Value::from("user-auth"),
        }),
        "awsAccessKeyId" => s(fields::access_key_id(&mut w, v)),
        "awsSecretAccessKey" => s(fields::secret_access_key(&mut w, v)),
        "awsSessionToken" => s(fields::session_token(&mut w, v)),
        "username" => s(fields::username(&mut w, t, v)),
        "password" => s(fields::password(&mut w, t, v)),
        "injection" => v
            .and_then(|v| check_injection(&mut w, v))
            .and_then(|i| serde_json::to_value(i).ok()),
        "injection.doNotInject" | "injection.autoInject" => {
            let path = if field == "injection.doNotInject" {
                "/injection/doNotInject"
            } else {
                "/injection/autoInject"
            };
            let list = v
                .map(|v| check_cluster_list(&mut w, path, v))
                .unwrap_or_default();
            Some(Value::from(list))
        }
        "injection.credentialSource" => match w.string("/injection/credentialSource", v) {
            Some(id) => match parse_credential_source(id) {
                Ok(_) => Some(Value::from(id)),
                Err(e) => {
                    w.push_error(e.under("/injection/credentialSource"));
                    None
                }
            },
            None => Some(Value::from("registry-credentials")),
        },
        _ => {
            // injection.secretName
            match w.string("/injection/secretName", v) {
                Some(name) => match check_dns_subdomain(name) {
                    Ok(()) => Some(Value::from(name)),
                    Err(e) => {
                        w.push_error(e.under("/injection/secretName"));
                        None
                    }
                },
                None if v.is_none() => {
                    w.required("/injection/secretName", "the image pull secret name");
                    None
                }
                None => None,
            }
        }
    };
    Ok(w.finish(out))
}

#[cfg(test)]
mod field_names_tests {
    use super::FIELD_NAMES;
    use crate::validate::CONFIG_FIELDS;

    #[test]
    fn field_names_are_the_config_keys_then_the_injection_keys() {
        assert_eq!(&FIELD_NAMES[..CONFIG_FIELDS.len()], &CONFIG_FIELDS[..]);
        assert!(FIELD_NAMES[CONFIG_FIELDS.len()..]
            .iter()
            .all(|f| f.starts_with("injection.")));
    }
}
