//! Repository access checks (`verifyAccess`): may these credentials pull (or push) this
//! repository? The login machine ([`Login`]) runs with the token scope
//! `repository:<name>:<actions>`, then asks the registry for the manifest (and, only when the
//! caller opts in, opens and cancels a blob upload). See ARCHITECTURE.md, "Verification".
//!
//! What decides each verdict:
//! - pull: the registry's answer to `GET /v2/<name>/manifests/<tag|digest>` with the manifest
//!   media types a container runtime accepts: 2xx `granted`; 401/403 `denied` after a successful
//!   login (`unauthorized` without credentials); 404 `not-found` (`MANIFEST_UNKNOWN`,
//!   `NAME_UNKNOWN`);
//! - push: the `access` claim of the registry's Bearer token when the token is a JWT (the
//!   payload is decoded **without verifying its signature**: it only reports what the token
//!   service says it granted, it proves nothing), or the answer to
//!   `POST /v2/<name>/blobs/uploads/` (202 `granted`, the upload then cancelled with `DELETE`)
//!   when `probe_write` is set; otherwise `unverified`.

use crate::base64_codec::{decode, Alphabet, Padding};
use crate::json::Value;
use crate::ErrorCode;

use super::login::{Login, LoginOptions};
use super::target::{Target, TargetError};
use crate::catalog::RegistryType;
use crate::config::RegistryConfig;
use crate::images::reference::{
    has_ascii_uppercase, parse, parse_normalized, DEFAULT_DOMAIN, DEFAULT_TAG,
};

/// The manifest media types a container runtime accepts (OCI index and manifest, Docker
/// manifest list and v2 manifest), as one `Accept` value.
pub const MANIFEST_ACCEPT: &str = "application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.v2+json";

/// What to check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessRequest {
    /// A repository name on the configuration's registry (`team/app`) or an image reference
    /// (`registry.example.com/team/app:1.2`).
    pub repository: String,
    /// `pull` and/or `push`; empty means `["pull"]`.
    pub actions: Vec<String>,
    /// Open and cancel a blob upload to prove push access when the token does not say.
    pub probe_write: bool,
}

/// A checked request: the repository path, the manifest reference and the actions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessPlan {
    /// The repository path on the registry (`library/nginx`).
    pub path: String,
    /// The tag or digest whose manifest is asked for (`latest` when none was given).
    pub reference: String,
    /// Pull access is checked.
    pub pull: bool,
    /// Push access is checked.
    pub push: bool,
    /// Push may be proven by opening and cancelling an upload.
    pub probe_write: bool,
}

impl AccessPlan {
    /// The token scope: `repository:<path>:pull`, or `repository:<path>:pull,push` whenever
    /// push is checked (as docker asks when it pushes: Distribution wants both for an upload).
    pub fn scope(&self) -> String {
        let actions = if self.push { "pull,push" } else { "pull" };
        format!("repository:{}:{actions}", self.path)
    }
}

/// Why an access check cannot start. Codes: `access.repository` (not a repository name or
/// image reference, with the reference parser's reason in the message), `access.other-registry`
/// (a reference to another registry than the configuration's), `access.actions` (an action
/// other than `pull` or `push`), and the [`TargetError`] codes of the configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessError {
    /// The stable code.
    pub code: ErrorCode,
    /// What is wrong, in words (never the input).
    pub message: String,
}

impl From<TargetError> for AccessError {
    fn from(e: TargetError) -> AccessError {
        AccessError {
            code: e.code,
            message: e.message,
        }
    }
}

/// Whether the first component of `text` names a registry (`splitDockerDomain`'s rule).
fn names_a_registry(text: &str) -> bool {
    crate::substring::split_once_byte(text, b'/').is_some_and(|(first, _)| {
        first == "localhost"
            || first.bytes().any(|b| b == b'.' || b == b':')
            || has_ascii_uppercase(first)
    })
}

/// `host[:port]` of the configuration's registry, lowercase.
fn registry_authority(target: &Target) -> String {
    crate::url::Url::parse(&target.ping_url)
        .ok()
        .map(|u| match u.port() {
            Some(p) => format!("{}:{p}", target.host),
            None => target.host.clone(),
        })
        .unwrap_or_else(|| target.host.clone())
}

/// Checks `request` against the configuration's registry.
///
/// # Errors
/// See [`AccessError`].
pub fn plan(
    target: &Target,
    registry_type: RegistryType,
    request: &AccessRequest,
) -> Result<AccessPlan, AccessError> {
    let (mut pull, mut push) = (request.actions.is_empty(), false);
    for a in &request.actions {
        match a.as_str() {
            "pull" => pull = true,
            "push" => push = true,
            _ => {
                return Err(AccessError {
                    code: ErrorCode::AccessActions,
                    message: "actions may be \"pull\" and \"push\"".to_owned(),
                })
            }
        }
    }
    let text = request.repository.trim();
    let bad = |e: crate::images::ReferenceError| AccessError {
        code: ErrorCode::AccessRepository,
        message: format!("not a repository name or image reference: {}", e.message()),
    };
    let hub = registry_type == RegistryType::DockerHub;
    let reference = if names_a_registry(text) {
        let r = parse_normalized(text).map_err(bad)?;
        let same = if hub {
            r.domain == DEFAULT_DOMAIN
        } else {
            r.domain.eq_ignore_ascii_case(&registry_authority(target))
        };
        if !same {
            return Err(AccessError {
                code: ErrorCode::AccessOtherRegistry,
                message: "the image reference names another registry than this configuration's"
                    .to_owned(),
            });
        }
        r
    } else if hub {
        parse_normalized(text).map_err(bad)?
    } else {
        // A bare name on a self-hosted registry: no `library/` prefix, nothing normalized.
        let mut r = parse(text).map_err(bad)?;
        r.path = r.name.clone();
        r
    };
    Ok(AccessPlan {
        reference: reference
            .digest
            .clone()
            .or(reference.tag.clone())
            .unwrap_or_else(|| DEFAULT_TAG.to_owned()),
        path: reference.path,
        pull,
        push,
        probe_write: request.probe_write,
    })
}

/// The actions a Bearer token's JWT `access` claim grants on `repository` (`None` when the
/// token is not a JWT or has no such claim). The signature is **not** verified: this reads what
/// the token service wrote, for reporting only.
pub fn token_actions(token: &str, repository: &str) -> Option<Vec<String>> {
    let mut parts = crate::substring::split_byte(token, b'.');
    let (_, payload, _) = (parts.next()?, parts.next()?, parts.next()?);
    let bytes = decode(
        crate::substring::trim_end_byte(payload, b'='),
        Alphabet::UrlSafe,
        Padding::Forbidden,
    )?;
    let claims: Value = crate::json::parse(std::str::from_utf8(&bytes).ok()?).ok()?;
    let access = claims.get("access")?.as_array()?;
    let mut actions = Vec::new();
    for entry in access {
        let is_repo = entry.get("type").and_then(Value::as_str) == Some("repository");
        if is_repo && entry.get("name").and_then(Value::as_str) == Some(repository) {
            let granted = entry.get("actions").and_then(Value::as_array);
            actions.extend(
                granted
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .map(str::to_owned),
            );
        }
    }
    Some(actions)
}

/// A login machine that goes on to check `request` (drive it like [`Login`]).
///
/// # Errors
/// See [`AccessError`].
pub fn verify_access(
    config: &RegistryConfig,
    options: LoginOptions,
    request: &AccessRequest,
) -> Result<Login, AccessError> {
    let target = Target::from_config(config)?;
    let plan = plan(&target, config.registry_type, request)?;
    Ok(Login::with_access(target, options, plan))
}

/// The configuration of an access check, validated: as `verifyCredentials` takes it, except
/// that a configuration with neither username nor password is accepted as anonymous (a public
/// registry): it is validated with placeholder credentials, which are then removed again.
///
/// # Errors
/// The validator's issues.
pub fn access_config(
    json: &Value,
    now: crate::time::Timestamp,
) -> Result<RegistryConfig, Vec<crate::report::Issue>> {
    let blank = |k: &str| json.get(k).map_or(true, |v| v.is_null() || v == "");
    let anonymous = json.is_object()
        && blank("username")
        && blank("password")
        && json.get("registryType").and_then(Value::as_str) != Some("ecr");
    if !anonymous {
        return crate::validate::validated_config(json, now);
    }
    let mut with_placeholders = json.clone();
    if let Some(o) = with_placeholders.as_object_mut() {
        o.insert("username".into(), Value::from("anonymous"));
        o.insert("password".into(), Value::from("anonymous"));
    }
    let mut config = crate::validate::validated_config(&with_placeholders, now)?;
    config.username = None;
    config.password = None;
    Ok(config)
}
