//! `ipsConfig`, the platform's image-pull-secret policy (`DockerRegistryIpsConfigBean`), to and
//! from an [`Injection`].
//!
//! | ours | `ipsConfig` |
//! |---|---|
//! | `credentialSource` | `credentialType`: `SAME_AS_REGISTRY`, `NAME`, `CUSTOM_CREDENTIAL` |
//! | `secretName` (comma-separated names) | `credentialValue` for `NAME` |
//! | `customServer`, `customEmail`, `customUsername`, `customPassword` | `credentialValue` for `CUSTOM_CREDENTIAL`: `{"server","email","username","password"}` as the dashboard's `JSON.stringify` writes it |
//! | `autoInject` / `doNotInject` | `appliedClusterIdsCsv` / `ignoredClusterIdsCsv`, `"*"` ↔ `-1` |
//! | no policy | `{ id: 0, credentialType: SAME_AS_REGISTRY, credentialValue: "", appliedClusterIdsCsv: "", ignoredClusterIdsCsv: "-1" }`, what the dashboard sends for a new registry |
//!
//! Both lists may be set, as the platform's API accepts them: its
//! `CheckIfImagePullSecretAccessProvided` (`pkg/dockerRegistry/DockerRegistryIpsUtil.go`) lets
//! the applied list win, and so does [`crate::injection_plan`].

use crate::json::{Map, Value};
use crate::ErrorCode;

use super::{put, DEVTRON_ALL_CLUSTERS};
use crate::config::{CredentialSource, CustomCredential, Injection};
use crate::report::Issue;

fn csv(ids: &[String]) -> String {
    ids.iter()
        .map(|id| match id.as_str() {
            "*" => DEVTRON_ALL_CLUSTERS,
            other => other,
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn ids(csv: &str) -> Vec<String> {
    crate::substring::split_byte(csv, b',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| match s {
            DEVTRON_ALL_CLUSTERS => "*".to_owned(),
            other => other.to_owned(),
        })
        .collect()
}

/// The custom credential as the dashboard serializes it (`JSON.stringify` of
/// `{ server, email, username, password }`, in that order).
fn custom_json(c: &CustomCredential) -> String {
    let s = crate::json::to_string::<str>;
    format!(
        "{{\"server\":{},\"email\":{},\"username\":{},\"password\":{}}}",
        s(&c.server),
        s(&c.email),
        s(&c.username),
        s(c.password.expose())
    )
}

/// Reads [`custom_json`]'s text: an object with no other keys than `server`, `email`,
/// `username` and `password`, each a string when present (absent: empty); `None` otherwise.
fn custom_credential(text: &str) -> Option<CustomCredential> {
    const KEYS: [&str; 4] = ["server", "email", "username", "password"];
    let doc = crate::json::parse(text).ok()?;
    let map = doc.as_object()?;
    if map.keys().any(|k| !KEYS.contains(&k.as_str())) {
        return None;
    }
    let field = |key: &str| match map.get(key) {
        None => Some(String::new()),
        Some(v) => v.as_str().map(str::to_owned),
    };
    Some(CustomCredential {
        server: field("server")?,
        email: field("email")?,
        username: field("username")?,
        password: field("password")?.into(),
    })
}

/// The `ipsConfig` of an injection policy; the no-injection policy for `None`.
pub fn to_ips_config(injection: Option<&Injection>) -> Value {
    let Some(inj) = injection else {
        return ips_config(
            "SAME_AS_REGISTRY",
            String::new(),
            String::new(),
            DEVTRON_ALL_CLUSTERS.into(),
        );
    };
    let (kind, value) = match inj.credential_source {
        CredentialSource::RegistryCredentials => ("SAME_AS_REGISTRY", String::new()),
        CredentialSource::ImagePullSecret => ("NAME", inj.secret_name.clone().unwrap_or_default()),
        CredentialSource::CustomCredential => (
            "CUSTOM_CREDENTIAL",
            custom_json(&inj.custom_credential().unwrap_or_default()),
        ),
    };
    ips_config(kind, value, csv(&inj.auto_inject), csv(&inj.do_not_inject))
}

/// The `ipsConfig` object (`id` 0: the platform assigns it), built member by member (`json!`
/// would link serde_json's `to_value` and its error paths for five strings).
fn ips_config(kind: &str, value: String, applied: String, ignored: String) -> Value {
    let mut m = Map::new();
    put(&mut m, "id", Value::from(0));
    put(&mut m, "credentialType", Value::from(kind));
    put(&mut m, "credentialValue", Value::from(value));
    put(&mut m, "appliedClusterIdsCsv", Value::from(applied));
    put(&mut m, "ignoredClusterIdsCsv", Value::from(ignored));
    Value::Object(m)
}

fn string<'a>(o: &'a Map<String, Value>, key: &str, errors: &mut Vec<Issue>) -> &'a str {
    match o.get(key) {
        None | Some(Value::Null) => "",
        Some(Value::String(s)) => s,
        Some(_) => {
            errors.push(Issue::new(
                format!("/ipsConfig/{key}"),
                ErrorCode::DevtronFieldType,
                "this field must be a string",
            ));
            ""
        }
    }
}

/// Reads `ipsConfig` (`null` or absent: no policy).
///
/// Errors: `devtron.field-type` (not an object, a field of the wrong type),
/// `devtron.ips-credential-type` (an unknown `credentialType`), `devtron.custom-credential` (a
/// `CUSTOM_CREDENTIAL` value that is not the credential JSON). Warnings: `devtron.dropped-field`
/// for `id` (other than 0) and `active`; `injection.both-lists` when both cluster lists are set.
/// The no-injection policy reads as `None`.
pub fn from_ips_config(
    ips: Option<&Value>,
    errors: &mut Vec<Issue>,
    warnings: &mut Vec<Issue>,
) -> Option<Injection> {
    let obj = match ips {
        None | Some(Value::Null) => return None,
        Some(Value::Object(o)) => o,
        Some(_) => {
            errors.push(Issue::new(
                "/ipsConfig",
                ErrorCode::DevtronFieldType,
                "ipsConfig must be an object",
            ));
            return None;
        }
    };
    for key in ["id", "active"] {
        let carried = matches!(obj.get(key), None | Some(Value::Null))
            || (key == "id" && obj.get(key).and_then(Value::as_i64) == Some(0));
        if !carried {
            warnings.push(super::read::dropped(&format!("/ipsConfig/{key}")));
        }
    }
    let kind = string(obj, "credentialType", errors);
    let value = string(obj, "credentialValue", errors);
    let applied = ids(string(obj, "appliedClusterIdsCsv", errors));
    let ignored = ids(string(obj, "ignoredClusterIdsCsv", errors));
    let (source, secret_name, custom) = match kind {
        "" | "SAME_AS_REGISTRY" => (CredentialSource::RegistryCredentials, None, None),
        "NAME" => (
            CredentialSource::ImagePullSecret,
            Some(value.to_owned()).filter(|v| !v.is_empty()),
            None,
        ),
        "CUSTOM_CREDENTIAL" => match custom_credential(value) {
            Some(c) => (CredentialSource::CustomCredential, None, Some(c)),
            None => {
                errors.push(Issue::new(
                    "/ipsConfig/credentialValue",
                    ErrorCode::DevtronCustomCredential,
                    "a CUSTOM_CREDENTIAL value is a JSON object with server, email, username and password",
                ));
                (CredentialSource::CustomCredential, None, None)
            }
        },
        _ => {
            errors.push(Issue::new(
                "/ipsConfig/credentialType",
                ErrorCode::DevtronIpsCredentialType,
                "credentialType must be SAME_AS_REGISTRY, NAME or CUSTOM_CREDENTIAL",
            ));
            (CredentialSource::RegistryCredentials, None, None)
        }
    };
    if source == CredentialSource::RegistryCredentials && applied.is_empty() && ignored == ["*"] {
        return None;
    }
    if !applied.is_empty() && !ignored.is_empty() {
        warnings.push(Issue::new(
            "/ipsConfig/ignoredClusterIdsCsv",
            ErrorCode::InjectionBothLists,
            "both cluster lists are set: the applied list wins, as on the platform",
        ));
    }
    let mut injection = Injection {
        do_not_inject: ignored,
        auto_inject: applied,
        credential_source: source,
        secret_name,
        ..Injection::default()
    };
    if let Some(c) = custom {
        injection.set_custom_credential(c);
    }
    Some(injection)
}
