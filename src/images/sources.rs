//! `resolveCredentials(image, sources)`: the credentials the kubelet would try for an image,
//! from registry configurations and `.dockerconfigjson` documents, through one [`Keyring`]
//! (the kubelet adds every pull secret of a pod to one keyring, so matches from all sources are
//! combined and ordered together).
//!
//! A source is one of:
//! - a registry configuration (an object with `registryType`), validated and normalized first;
//!   its server key is the one its pull secret would carry (`https://index.docker.io/v1/` for
//!   Docker Hub), its username `_json_key` for GCP types and `AWS` for ECR access keys; an ECR
//!   configuration using the nodes' IAM role and a public registry add nothing (a warning says so);
//! - a `.dockerconfigjson` document (`{ "auths": { server: { username?, password?, auth? } } }`),
//!   as an object or as JSON text, or a `kubernetes.io/dockerconfigjson` Secret manifest holding
//!   one in `data` (base64) or `stringData`.
//!
//! A source may also come pre-read ([`Source::Auths`]: a document's entries, read by a host
//! without JSON text), so that a hundred documents cost microseconds; every kind of source goes
//! through the same reader. Within a document, entries are added in key order (the kubelet reads
//! a Go map, whose order is random). An `auth` value is decoded as the kubelet does (base64 of `username:password`; its
//! username wins over `username`); one that does not decode makes the kubelet reject the whole
//! secret, so it is an error here. Results carry server, username and source index, never a
//! password.

use crate::base64_codec::{self, Alphabet, Padding};
use crate::json::{Map, Value};
use crate::secret_string::SecretStr;
use crate::ErrorCode;

use super::keyring::{name_host, KeyringMatch, Lookup};
use super::reference::{parse_normalized_layout, ReferenceError, ReferenceLayout};
use crate::catalog::RegistryType;
use crate::config::AwsAuthType;
use crate::json_read::pointer_token;
use crate::report::{Issue, Report};
use crate::time::Timestamp;
use crate::JSON_KEY_USERNAME;
use std::borrow::Cow;

/// The username ECR registries use with a `GetAuthorizationToken` password.
const ECR_USERNAME: &str = "AWS";

fn shape(path: String) -> Issue {
    Issue::new(
        path,
        ErrorCode::ImagesSourceShape,
        "a registry configuration, a .dockerconfigjson document (object or JSON text) or a dockerconfigjson Secret is expected",
    )
}

/// One source of [`resolve_sources`].
#[derive(Clone, Debug)]
pub enum Source<'a> {
    /// A registry configuration, a `.dockerconfigjson` document or Secret as an object, or a
    /// document as JSON text (a JSON string).
    Json(&'a Value),
    /// A `.dockerconfigjson` document as JSON text.
    Text(&'a str),
    /// The `auths` entries of a `.dockerconfigjson` document object, in the order the keyring
    /// adds them: key order (bytewise, as a JSON object's keys are read).
    Auths(&'a [AuthEntry<'a>]),
}

/// One entry of a document's `auths`.
#[derive(Clone, Copy, Debug)]
pub struct AuthEntry<'a> {
    /// The server key.
    pub server: &'a str,
    /// The entry's `username` and `auth` texts (`""` when absent or not text); `None` when the
    /// entry is not an object.
    pub fields: Option<AuthFields<'a>>,
}

/// What the kubelet reads of an entry (never the password).
#[derive(Clone, Copy, Debug, Default)]
pub struct AuthFields<'a> {
    /// `username` (`""` when absent).
    pub username: &'a str,
    /// `auth`, base64 of `username:password` (`""` when absent).
    pub auth: SecretStr<'a>,
}

/// The entries of a JSON `auths` object (already in key order).
fn auth_entries(auths: &Map<String, Value>) -> Vec<AuthEntry<'_>> {
    auths
        .iter()
        .map(|(server, entry)| AuthEntry {
            server,
            fields: entry.as_object().map(|e| {
                let text = |k: &str| e.get(k).and_then(Value::as_str).unwrap_or_default();
                AuthFields {
                    username: text("username"),
                    auth: SecretStr::new(text("auth")),
                }
            }),
        })
        .collect()
}

/// Where in a source an `auths` object sits.
const AUTHS: &str = "/auths";
const SECRET_AUTHS: &str = "/data/.dockerconfigjson/auths";

/// Adds the entries of each source to one lookup; problems are pushed with paths under
/// `/sources/<index>` (built only when there is a problem).
struct Reader<'l, 'i> {
    lookup: &'l mut Lookup<'i>,
    errors: Vec<Issue>,
    warnings: Vec<Issue>,
    now: Timestamp,
}

fn at(index: usize) -> String {
    format!("/sources/{index}")
}

impl Reader<'_, '_> {
    fn source(&mut self, index: usize, source: Source<'_>) {
        match source {
            Source::Json(Value::String(text)) => self.text(index, text),
            Source::Text(text) => self.text(index, text),
            Source::Json(v @ Value::Object(o)) if o.contains_key("registryType") => {
                self.config(index, v)
            }
            Source::Json(v @ Value::Object(_)) => self.document(index, v),
            Source::Json(_) => self.errors.push(shape(at(index))),
            Source::Auths(entries) => self.entries(index, AUTHS, entries),
        }
    }

    fn text(&mut self, index: usize, text: &str) {
        match crate::json::parse(text) {
            Ok(doc @ Value::Object(_)) => self.document(index, &doc),
            _ => self.errors.push(Issue::new(
                at(index),
                ErrorCode::ImagesSourceJson,
                "the text is not a JSON object (a .dockerconfigjson document is expected)",
            )),
        }
    }

    fn config(&mut self, index: usize, v: &Value) {
        let at = at(index);
        let config = match crate::validate::validated_config(v, self.now) {
            Ok(c) => c,
            Err(issues) => {
                self.errors.extend(issues.into_iter().map(|i| i.under(&at)));
                return;
            }
        };
        if config.registry_type == RegistryType::Ecr
            && config.aws_auth_type == Some(AwsAuthType::IamRole)
        {
            return self.warnings.push(Issue::new(
                at,
                ErrorCode::ImagesSourceIamRole,
                "this registry is pulled with the worker nodes' IAM role (the kubelet's credential provider), not with a secret",
            ));
        }
        let username = if config.registry_type == RegistryType::Ecr {
            Some(ECR_USERNAME)
        } else if config.registry_type.uses_json_key() {
            Some(JSON_KEY_USERNAME)
        } else {
            config.username.as_deref().filter(|u| !u.is_empty())
        };
        let server = crate::secret::from_config::server_for(&config).ok();
        match (server, username) {
            (Some(server), Some(username)) => self.add(index, || at, &server, username),
            _ => self.warnings.push(Issue::new(
                at,
                ErrorCode::ImagesSourceNoCredentials,
                "this registry has no credentials: images from it are pulled anonymously",
            )),
        }
    }

    fn document(&mut self, index: usize, v: &Value) {
        if v.get("kind").and_then(Value::as_str) == Some("Secret") {
            return self.secret(index, v);
        }
        let Some(auths) = v.get("auths").and_then(Value::as_object) else {
            return self.errors.push(shape(at(index)));
        };
        self.entries(index, AUTHS, &auth_entries(auths));
    }

    fn secret(&mut self, index: usize, v: &Value) {
        const KEY: &str = ".dockerconfigjson";
        let encoded = v.pointer("/data/.dockerconfigjson").and_then(Value::as_str);
        let text = match encoded {
            Some(b64) => base64_codec::decode(b64.trim(), Alphabet::Standard, Padding::Required)
                .and_then(|b| String::from_utf8(b).ok()),
            None => v
                .pointer("/stringData/.dockerconfigjson")
                .and_then(Value::as_str)
                .map(str::to_owned),
        };
        match text.and_then(|t| crate::json::parse(&t).ok()) {
            Some(doc) => match doc.get("auths").and_then(Value::as_object) {
                Some(auths) => self.entries(index, SECRET_AUTHS, &auth_entries(auths)),
                None => self.errors.push(shape(format!("{}/data/{KEY}", at(index)))),
            },
            None => self.errors.push(Issue::new(
                format!("{}/data/{KEY}", at(index)),
                ErrorCode::ImagesSourceJson,
                "the Secret holds no readable .dockerconfigjson (base64 of a JSON document)",
            )),
        }
    }

    /// Adds a document's entries in their order; `auths` is where they sit in the source.
    fn entries(&mut self, index: usize, auths: &str, entries: &[AuthEntry<'_>]) {
        let mut decoded = Vec::new();
        for &AuthEntry { server, fields } in entries {
            let path = || format!("{}{auths}/{}", at(index), pointer_token(server));
            let Some(fields) = fields else {
                self.errors.push(Issue::new(
                    path(),
                    ErrorCode::ImagesSourceEntry,
                    "an entry must be an object { username?, password?, auth? }",
                ));
                continue;
            };
            let username = if fields.auth.is_empty() {
                fields.username
            } else {
                match auth_username(fields.auth.expose(), &mut decoded) {
                    Some(u) => u,
                    None => {
                        self.errors.push(Issue::new(
                            format!("{}/auth", path()),
                            ErrorCode::ImagesSourceAuth,
                            "auth must be base64 of username:password; the kubelet rejects this secret",
                        ));
                        continue;
                    }
                }
            };
            self.add(index, path, server, username);
        }
    }

    fn add(&mut self, index: usize, at: impl FnOnce() -> String, server: &str, username: &str) {
        if !self.lookup.offer(server, username, index) {
            self.warnings.push(Issue::new(
                at(),
                ErrorCode::ImagesSourceServer,
                "the kubelet ignores this entry: its server does not parse as a URL",
            ));
        }
    }
}

/// The username in an `auth` value (`decodeDockerConfigFieldAuth`), decoded into `buffer`;
/// `None` when it does not decode.
fn auth_username<'b>(auth: &str, buffer: &'b mut Vec<u8>) -> Option<&'b str> {
    buffer.clear();
    base64_codec::decode_into(auth, Alphabet::Standard, Padding::Required, buffer)?;
    let text = std::str::from_utf8(buffer).ok()?;
    // A byte search: the `str` pattern machinery costs more per entry in the WebAssembly build.
    text.get(..text.bytes().position(|c| c == b':')?)
}

/// The credentials the kubelet would try for `image`, in its order. Errors: the image's
/// reference errors at `/image` (then there is no value); `/sources` when it is not a list;
/// per source, `images.source.*` and the configuration validator's codes under
/// `/sources/<index>` (the value then holds the matches of the other sources).
pub fn resolve_credentials(
    image: &str,
    sources: &Value,
    now: Timestamp,
) -> Report<Vec<KeyringMatch>> {
    let Some(items) = sources.as_array() else {
        if let Err(e) = parse_normalized_layout(image) {
            return image_error(e);
        }
        return Report::new(
            vec![Issue::new(
                "/sources",
                ErrorCode::ImagesSources,
                "sources must be a list",
            )],
            Vec::new(),
            None,
        );
    };
    let image = LookupImage::parse(image);
    resolve_sources(&image, items.iter().map(Source::Json).collect(), now)
}

/// The image of a lookup: its reference, parsed once.
pub struct LookupImage(Result<ReferenceLayout, ReferenceError>);

impl LookupImage {
    /// Parses `image` (normalized, as `resolveCredentials` reads it).
    pub fn parse(image: &str) -> LookupImage {
        LookupImage(parse_normalized_layout(image))
    }

    /// The image's host as the keyring compares keys with it ([`name_host`] of its name);
    /// `None` when the image does not parse.
    pub fn host(&self) -> Option<Cow<'_, str>> {
        let reference = self.0.as_ref().ok()?;
        name_host(reference.get(reference.name))
    }
}

/// [`resolve_credentials`] over sources already told apart.
pub fn resolve_sources(
    image: &LookupImage,
    sources: Vec<Source<'_>>,
    now: Timestamp,
) -> Report<Vec<KeyringMatch>> {
    let reference = match &image.0 {
        Ok(r) => r,
        Err(e) => return image_error(*e),
    };
    let mut lookup = Lookup::new(reference.get(reference.name));
    let mut reader = Reader {
        lookup: &mut lookup,
        errors: Vec::new(),
        warnings: Vec::new(),
        now,
    };
    for (i, source) in sources.into_iter().enumerate() {
        reader.source(i, source);
    }
    let (errors, warnings) = (reader.errors, reader.warnings);
    Report::new(errors, warnings, Some(lookup.finish()))
}

fn image_error(e: ReferenceError) -> Report<Vec<KeyringMatch>> {
    Report::new(
        vec![Issue::new("/image", e.code(), e.message())],
        Vec::new(),
        None,
    )
}
