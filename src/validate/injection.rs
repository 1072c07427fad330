//! The cluster-injection policy ("Manage" panel).
//!
//! `doNotInject` and `autoInject` are mutually exclusive; `"*"` in a list means all clusters;
//! `credentialSource: image-pull-secret` needs the DNS-1123 name of an existing secret.

use serde_json::Value;

use super::json_walk::Walker;
use super::names::check_dns_subdomain;
use crate::config::{CredentialSource, Injection};
use crate::report::Issue;

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
            "config.type",
            "must be a list of cluster ids or names",
        );
        return Vec::new();
    };
    if items.len() > MAX_CLUSTERS {
        w.error(
            path,
            "injection.too-many",
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
                "config.type",
                "a cluster must be given by its id or name (a string)",
            );
            continue;
        };
        if s.is_empty() || s.trim().is_empty() {
            w.error(&p, "injection.cluster-empty", "a cluster entry is empty");
            continue;
        }
        if s.chars().count() > MAX_CLUSTER_LEN {
            w.error(
                &p,
                "injection.cluster-too-long",
                format!("a cluster id or name is at most {MAX_CLUSTER_LEN} characters"),
            );
            continue;
        }
        if out.iter().any(|o| o == s) {
            w.error(
                &p,
                "injection.duplicate",
                "this cluster is already in the list",
            );
            continue;
        }
        out.push(s.clone());
    }
    if out.len() > 1 && out.iter().any(|c| c == "*") {
        w.warning(
            path,
            "injection.all-with-others",
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
        _ => Err(Issue::new(
            "",
            "config.enum",
            "must be \"registry-credentials\" or \"image-pull-secret\"",
        )),
    }
}

/// Walks the `injection` object at `/injection`.
///
/// Errors: `config.type`, `config.unknown-field`, the list errors of [`check_cluster_list`],
/// `injection.exclusive` (both lists have clusters), `config.enum` (unknown credential
/// source), `injection.secret-name-required` (`image-pull-secret` without `secretName`), and
/// the `dns-subdomain.*` errors of [`check_dns_subdomain`] for `secretName`. Warning:
/// `injection.secret-name-unused` (`secretName` with `registry-credentials`; it is dropped).
pub fn check_injection(w: &mut Walker, value: &Value) -> Option<Injection> {
    let obj = w.object("/injection", value)?;
    w.unknown_fields(
        "/injection",
        obj,
        &[
            "doNotInject",
            "autoInject",
            "credentialSource",
            "secretName",
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
        w.error(
            "/injection",
            "injection.exclusive",
            "choose either the clusters that never get credentials or those that get them automatically, not both",
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
        if let Err(e) = check_dns_subdomain(s) {
            w.push_error(e.under("/injection/secretName"));
        }
    }
    let secret_name = match (source, secret) {
        (CredentialSource::ImagePullSecret, None) => {
            w.error(
                "/injection/secretName",
                "injection.secret-name-required",
                "enter the name of the existing image pull secret",
            );
            None
        }
        (CredentialSource::ImagePullSecret, Some(s)) => Some(s),
        (CredentialSource::RegistryCredentials, Some(_)) => {
            w.warning(
                "/injection/secretName",
                "injection.secret-name-unused",
                "the secret name is only used with \"image-pull-secret\"; it is ignored",
            );
            None
        }
        (CredentialSource::RegistryCredentials, None) => None,
    };
    Some(Injection {
        do_not_inject: do_not,
        auto_inject: auto,
        credential_source: source,
        secret_name,
    })
}
