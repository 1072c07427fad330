//! The cluster-injection policy ("Manage" panel).
//!
//! `"*"` in a list means all clusters; when both `doNotInject` and `autoInject` list clusters,
//! the platform lets the applied list win (a warning says so); `credentialSource:
//! image-pull-secret` needs the DNS-1123 names of existing secrets (comma-separated, as the
//! platform's "Manage" panel takes them); `custom-credential` needs `customUsername` and `customPassword`.

use crate::json::Value;
use crate::ErrorCode;

use super::json_walk::Walker;
use super::names::check_dns_subdomain;
use super::registry::{warn_keep_stored, Mode};
use crate::config::{CredentialSource, Injection};
use crate::report::Issue;
use crate::secret_string::SecretString;

/// Most clusters in one list.
pub const MAX_CLUSTERS: usize = 1000;
/// Longest cluster id or name.
pub const MAX_CLUSTER_LEN: usize = 253;

/// Checks one cluster list (at `path`, such as `/injection/autoInject`) and returns it
/// normalized (`["*"]` when it names all clusters).
///
/// Errors: `config.type` (not an array of strings), `injection.too-many` (more than 1000),
/// `injection.cluster-empty` (a blank entry), `injection.cluster-too-long` (more than 253
/// characters), `injection.duplicate` (the same cluster twice). Warning:
/// `injection.all-with-others` (`"*"` next to other clusters: `"*"` wins).
pub fn check_cluster_list(w: &mut Walker, path: &str, value: &Value) -> Vec<String> {
    let Value::Array(items) = value else {
        w.error(
            path,
            ErrorCode::ConfigType,
            "must be a list of cluster ids or names",
        );
        return Vec::new();
    };
    if items.len() > MAX_CLUSTERS {
        w.error(
            path,
            ErrorCode::InjectionTooMany,
            format!("at most {MAX_CLUSTERS} clusters can be listed"),
        );
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let p = format!("{path}/{i}");
        let Value::String(s) = item else {
            w.error(
                &p,
                ErrorCode::ConfigType,
                "a cluster must be given by its id or name (a string)",
            );
            continue;
        };
        if s.is_empty() || s.trim().is_empty() {
            w.error(
                &p,
                ErrorCode::InjectionClusterEmpty,
                "a cluster entry is empty",
            );
            continue;
        }
        if s.chars().count() > MAX_CLUSTER_LEN {
            w.error(
                &p,
                ErrorCode::InjectionClusterTooLong,
                format!("a cluster id or name is at most {MAX_CLUSTER_LEN} characters"),
            );
            continue;
        }
        if out.iter().any(|o| o == s) {
            w.error(
                &p,
                ErrorCode::InjectionDuplicate,
                "this cluster is already in the list",
            );
            continue;
        }
        out.push(s.clone());
    }
    if out.len() > 1 && out.iter().any(|c| c == "*") {
        w.warning(
            path,
            ErrorCode::InjectionAllWithOthers,
            "\"*\" already means all clusters; the other entries are redundant",
        );
        return vec!["*".to_string()];
    }
    out
}

/// Parses a credential source id. Error: `config.enum`.
pub fn parse_credential_source(id: &str) -> Result<CredentialSource, Issue> {
    match id {
        "registry-credentials" => Ok(CredentialSource::RegistryCredentials),
        "image-pull-secret" => Ok(CredentialSource::ImagePullSecret),
        "custom-credential" => Ok(CredentialSource::CustomCredential),
        _ => Err(Issue::new(
            "",
            ErrorCode::ConfigEnum,
            "must be \"registry-credentials\", \"image-pull-secret\" or \"custom-credential\"",
        )),
    }
}

/// Walks the `injection` object at `/injection`.
///
/// Errors: `config.type`, `config.unknown-field`, the list errors of [`check_cluster_list`],
/// `config.enum` (unknown credential source), `injection.secret-name-required`
/// (`image-pull-secret` without `secretName`), `injection.secret-name-empty` (a blank name in
/// the comma-separated list), the `dns-subdomain.*` errors of [`check_dns_subdomain`] for each
/// name, `injection.custom-credential-required` (`custom-credential` without a username and
/// password (`customUsername`, `customPassword`)). Warnings: `injection.both-lists` (both lists have clusters:
/// `autoInject` wins, as on the platform), `injection.secret-name-unused` (`secretName` with
/// another source; it is dropped), `injection.custom-credential-unused`.
///
/// In [`Mode::Update`] a blank or absent `customPassword` keeps the stored one (warning
/// `config.keep-stored`).
pub fn check_injection(w: &mut Walker, value: &Value, mode: Mode) -> Option<Injection> {
    let obj = w.object("/injection", value)?;
    w.unknown_fields(
        "/injection",
        obj,
        &[
            "doNotInject",
            "autoInject",
            "credentialSource",
            "secretName",
            "customServer",
            "customEmail",
            "customUsername",
            "customPassword",
        ],
    );
    let do_not = obj
        .get("doNotInject")
        .map(|v| check_cluster_list(w, "/injection/doNotInject", v))
        .unwrap_or_default();
    let auto = obj
        .get("autoInject")
        .map(|v| check_cluster_list(w, "/injection/autoInject", v))
        .unwrap_or_default();
    if !do_not.is_empty() && !auto.is_empty() {
        w.warning(
            "/injection",
            ErrorCode::InjectionBothLists,
            "both cluster lists are set: the clusters listed for automatic injection win, as on the platform",
        );
    }
    let source = match w.string("/injection/credentialSource", obj.get("credentialSource")) {
        Some(s) => match parse_credential_source(s) {
            Ok(c) => c,
            Err(e) => {
                w.push_error(e.under("/injection/credentialSource"));
                CredentialSource::default()
            }
        },
        None => CredentialSource::default(),
    };
    let secret = w
        .string("/injection/secretName", obj.get("secretName"))
        .map(str::to_string);
    if let Some(s) = &secret {
        for name in crate::substring::split_byte(s, b',').map(str::trim) {
            if name.is_empty() {
                w.error(
                    "/injection/secretName",
                    ErrorCode::InjectionSecretNameEmpty,
                    "a secret name in the comma-separated list is empty",
                );
            } else if let Err(e) = check_dns_subdomain(name) {
                w.push_error(e.under("/injection/secretName"));
            }
        }
    }
    let secret = secret.map(|s| {
        crate::substring::split_byte(&s, b',')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(",")
    });
    let secret_name = match (source, secret) {
        (CredentialSource::ImagePullSecret, None) => {
            w.error(
                "/injection/secretName",
                ErrorCode::InjectionSecretNameRequired,
                "enter the name of the existing image pull secret",
            );
            None
        }
        (CredentialSource::ImagePullSecret, Some(s)) => Some(s),
        (_, Some(_)) => {
            w.warning(
                "/injection/secretName",
                ErrorCode::InjectionSecretNameUnused,
                "the secret name is only used with \"image-pull-secret\"; it is ignored",
            );
            None
        }
        (_, None) => None,
    };
    let mut injection = Injection {
        do_not_inject: do_not,
        auto_inject: auto,
        credential_source: source,
        secret_name,
        ..Injection::default()
    };
    custom_credential(w, obj, source, mode, &mut injection);
    Some(injection)
}

const CUSTOM_KEYS: [&str; 4] = [
    "customServer",
    "customEmail",
    "customUsername",
    "customPassword",
];

/// `customServer`, `customEmail`, `customUsername`, `customPassword` (the platform's
/// `CUSTOM_CREDENTIAL`): with `custom-credential`, username and password are required
/// (`injection.custom-credential-required`) and the username has no `:` (`username.colon`);
/// with another source they are ignored (`injection.custom-credential-unused`). In update mode
/// a blank or absent password keeps the stored one (`config.keep-stored`).
fn custom_credential(
    w: &mut Walker,
    obj: &crate::json::Map<String, Value>,
    source: CredentialSource,
    mode: Mode,
    injection: &mut Injection,
) {
    let mut values = Vec::new();
    for key in CUSTOM_KEYS {
        let v = w
            .string(&format!("/injection/{key}"), obj.get(key))
            .filter(|s| !s.is_empty())
            .map(str::to_owned);
        values.push(v);
    }
    let [server, email, username, password] =
        <[Option<String>; 4]>::try_from(values).unwrap_or_default();
    if source != CredentialSource::CustomCredential {
        if [&server, &email, &username, &password]
            .iter()
            .any(|v| v.is_some())
        {
            w.warning(
                "/injection",
                ErrorCode::InjectionCustomCredentialUnused,
                "the custom credential is only used with \"custom-credential\"; it is ignored",
            );
        }
        return;
    }
    let keep = mode == Mode::Update && password.is_none();
    let password = password.map(Some).or(keep.then_some(None));
    let Some((username, password)) = username.filter(|u| !u.trim().is_empty()).zip(password) else {
        w.error(
            "/injection/customUsername",
            ErrorCode::InjectionCustomCredentialRequired,
            "enter the username and password of the custom credential",
        );
        return;
    };
    if keep {
        warn_keep_stored(w, "/injection/customPassword");
    }
    if crate::substring::contains_byte(&username, b':') {
        w.error(
            "/injection/customUsername",
            ErrorCode::UsernameColon,
            "a username with \":\" cannot work: the \"auth\" value is \"username:password\"",
        );
        return;
    }
    injection.custom_server = server;
    injection.custom_email = email;
    injection.custom_username = Some(username);
    injection.custom_password = password.map(SecretString::from);
}
