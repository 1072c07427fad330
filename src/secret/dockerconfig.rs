//! `.dockerconfigjson`: the document inside a `kubernetes.io/dockerconfigjson` Secret, written
//! exactly as `kubectl create secret docker-registry` writes it.
//!
//! kubectl marshals `{"auths":{server:{"username","password","email","auth"}}}` with Go's
//! `encoding/json`: compact, fields in that order, each omitted when empty (`omitempty`), servers
//! sorted by their bytes (Go sorts map keys), `auth` = standard base64 (with padding) of
//! `username:password`. With `go_escaping` the bytes equal kubectl's for every input; without it
//! `<`, `>`, `&`, U+2028 and U+2029 are written literally and the document is equal as JSON.

use crate::json::Map;
use crate::ErrorCode;
use std::fmt;

use crate::json::ToJson;

use super::error::SecretError;
use crate::report::Issue;
use crate::secret_string::SecretString;
use crate::validate::credentials::{check_password, check_username};
use crate::validate::url_parts::MAX_URL_LEN;

/// The longest `email` of an entry.
pub const MAX_EMAIL_LEN: usize = 256;
use super::go_json;

/// One registry's credentials: what `--docker-server/--docker-username/--docker-password/
/// --docker-email` carry. `Debug` leaves out the userinfo of a URL-shaped server.
#[derive(Clone, PartialEq, Eq)]
pub struct DockerEntry {
    /// The key under `auths`: `https://index.docker.io/v1/` for Docker Hub, otherwise the bare
    /// `host[:port][/path]`.
    pub server: String,
    /// The username (`_json_key` for GCP, `AWS` for an ECR token).
    pub username: String,
    /// The password, token or key. Secret.
    pub password: SecretString,
    /// The optional email (omitted from the document when `None` or empty, as kubectl does).
    pub email: Option<String>,
}

impl fmt::Debug for DockerEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DockerEntry")
            .field("server", &crate::redact::userinfo(&self.server))
            .field("username", &self.username)
            .field("password", &self.password)
            .field("email", &self.email)
            .finish()
    }
}

impl DockerEntry {
    /// The `auth` field: standard base64 of `username:password`. Secret.
    pub fn auth(&self) -> SecretString {
        let pair = format!("{}:{}", self.username, self.password.expose());
        crate::base64_codec::encode(pair).into()
    }

    /// Checks one entry; paths are relative to the entry (`/server`, `/password`, ...).
    fn check(&self) -> Vec<SecretError> {
        let mut errors = Vec::new();
        if self.server.trim().is_empty() || crate::substring::has_control(&self.server) {
            errors.push(SecretError::Server {
                path: "/server".into(),
            });
        }
        if self.username.is_empty() {
            errors.push(SecretError::Username {
                path: "/username".into(),
            });
        } else if crate::substring::contains_byte(&self.username, b':') {
            errors.push(SecretError::UsernameColon {
                path: "/username".into(),
            });
        } else if let Err(issue) = check_username(&self.username, false) {
            // The same rules as a configuration's username: length and control characters.
            errors.push(SecretError::Invalid(issue).under("/username"));
        }
        if self.password.is_empty() {
            errors.push(SecretError::Password {
                path: "/password".into(),
            });
        } else if let Err(issue) = check_password(self.password.expose()) {
            errors.push(SecretError::Invalid(issue).under("/password"));
        }
        if self.server.len() > MAX_URL_LEN {
            errors.push(SecretError::Invalid(Issue::new(
                "/server",
                ErrorCode::UrlTooLong,
                format!("the server is longer than {MAX_URL_LEN} bytes"),
            )));
        }
        if self
            .email
            .as_ref()
            .is_some_and(|e| e.len() > MAX_EMAIL_LEN || crate::substring::has_control(e))
        {
            errors.push(SecretError::Invalid(Issue::new(
                "/email",
                ErrorCode::EmailInvalid,
                format!("the email is longer than {MAX_EMAIL_LEN} bytes or contains a control character"),
            )));
        }
        errors
    }
}

/// kubectl's `DockerConfigEntry`, field order and `omitempty` included.
struct WireEntry<'a> {
    username: &'a str,
    password: &'a str,
    email: &'a str,
    auth: String,
}

impl ToJson for WireEntry<'_> {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .when(!self.username.is_empty(), "username", self.username)
            .when(!self.password.is_empty(), "password", self.password)
            .when(!self.email.is_empty(), "email", self.email)
            .field("auth", &self.auth)
            .end();
    }
}

struct WireConfig<'a> {
    auths: Map<String, WireEntry<'a>>,
}

impl ToJson for WireConfig<'_> {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out).field("auths", &self.auths).end();
    }
}

/// Checks a list of entries: at least one, each complete, no server twice. Paths are
/// `/<index>/<field>`.
pub(crate) fn check_entries(entries: &[DockerEntry]) -> Result<(), SecretError> {
    check_indexed(entries.iter().enumerate())
}

/// [`check_entries`] over entries that keep the caller's indices (for filtered lists).
pub(crate) fn check_indexed<'a>(
    entries: impl IntoIterator<Item = (usize, &'a DockerEntry)>,
) -> Result<(), SecretError> {
    let mut errors = Vec::new();
    // A list, not a set: requests hold at most `MAX_REGISTRIES` entries, and a BTreeSet of
    // `&str` would be one more B-tree instance in the module.
    let mut seen: Vec<&str> = Vec::new();
    let mut any = false;
    for (i, e) in entries {
        any = true;
        errors.extend(e.check().into_iter().map(|x| x.under(&format!("/{i}"))));
        if seen.contains(&e.server.as_str()) {
            errors.push(SecretError::DuplicateServer {
                path: format!("/{i}/server"),
            });
        } else {
            seen.push(e.server.as_str());
        }
    }
    if !any {
        return Err(SecretError::NoRegistries {
            path: String::new(),
        });
    }
    SecretError::collect(errors).map_or(Ok(()), Err)
}

/// The `.dockerconfigjson` document for one or several registries, compact, as kubectl writes
/// it; `go_escaping` makes the bytes identical to kubectl's (see the module docs).
///
/// # Errors
/// - `secret.no-registries` when `entries` is empty;
/// - `secret.server` when a server is empty or contains control characters;
/// - `secret.username` / `secret.username-colon` when a username is empty or contains `:`;
/// - `secret.password` when a password is empty;
/// - `secret.duplicate-server` when two entries share a server.
///
/// All problems are reported at once ([`SecretError::Several`]), with paths `/<index>/<field>`.
pub fn docker_config_json(
    entries: &[DockerEntry],
    go_escaping: bool,
) -> Result<String, SecretError> {
    check_entries(entries)?;
    let mut auths = Map::new();
    for e in entries {
        let wire = WireEntry {
            username: &e.username,
            password: e.password.expose(),
            email: e.email.as_deref().unwrap_or(""),
            auth: e.auth().into_exposed(),
        };
        auths.insert(e.server.clone(), wire);
    }
    Ok(go_json::compact(&WireConfig { auths }, go_escaping))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(server: &str, user: &str, pass: &str, email: Option<&str>) -> DockerEntry {
        DockerEntry {
            server: server.into(),
            username: user.into(),
            password: pass.into(),
            email: email.map(Into::into),
        }
    }

    #[test]
    fn kubectl_layout_and_sorted_servers() {
        let doc = docker_config_json(
            &[
                entry("b.io", "u", "p:w", None),
                entry("a.io", "u<", "p", Some("e@x")),
            ],
            true,
        )
        .unwrap();
        assert_eq!(
            doc,
            r#"{"auths":{"a.io":{"username":"u\u003c","password":"p","email":"e@x","auth":"dTw6cA=="},"b.io":{"username":"u","password":"p:w","auth":"dTpwOnc="}}}"#
        );
    }

    #[test]
    fn errors_have_paths_and_no_secrets() {
        let err = docker_config_json(
            &[entry("", "a:b", "", None), entry("x", "u", "hunter2", None)],
            false,
        )
        .unwrap_err();
        let codes: Vec<_> = err.issues().into_iter().map(|i| (i.path, i.code)).collect();
        assert_eq!(
            codes,
            [
                ("/0/server".to_string(), "secret.server".to_string()),
                ("/0/username".into(), "secret.username-colon".into()),
                ("/0/password".into(), "secret.password".into()),
            ]
        );
        assert!(!format!("{err:?}{err}").contains("hunter2"));
        assert!(!format!("{:?}", entry("x", "u", "hunter2", None)).contains("hunter2"));
    }
}
