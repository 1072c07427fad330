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
//! Within a document, entries are added in key order (the kubelet reads a Go map, whose order is
//! random). An `auth` value is decoded as the kubelet does (base64 of `username:password`; its
//! username wins over `username`); one that does not decode makes the kubelet reject the whole
//! secret, so it is an error here. Results carry server, username and source index, never a
//! password.

use crate::base64_codec::{self, Alphabet, Padding};
use crate::ErrorCode;
use serde_json::{Map, Value};

use super::keyring::{Keyring, KeyringMatch};
use super::reference::{parse_normalized, ReferenceError};
use crate::catalog::RegistryType;
use crate::config::AwsAuthType;
use crate::json_read::pointer_token;
use crate::report::{Issue, Report};
use crate::time::Timestamp;
use crate::JSON_KEY_USERNAME;

/// The username ECR registries use with a `GetAuthorizationToken` password.
const ECR_USERNAME: &str = "AWS";

fn shape(path: String) -> Issue {
    Issue::new(
        path,
        ErrorCode::ImagesSourceShape,
        "a registry configuration, a .dockerconfigjson document (object or JSON text) or a dockerconfigjson Secret is expected",
    )
}

/// Adds the entries of one source; problems are pushed with paths under `/sources/<index>`.
struct Reader<'a> {
    keyring: &'a mut Keyring,
    errors: Vec<Issue>,
    warnings: Vec<Issue>,
    now: Timestamp,
}

impl Reader<'_> {
    fn source(&mut self, index: usize, v: &Value) {
        let at = format!("/sources/{index}");
        match v {
            Value::String(text) => match serde_json::from_str::<Value>(text) {
                Ok(doc @ Value::Object(_)) => self.document(index, &at, &doc),
                _ => self.errors.push(Issue::new(
                    at,
                    ErrorCode::ImagesSourceJson,
                    "the text is not a JSON object (a .dockerconfigjson document is expected)",
                )),
            },
            Value::Object(o) if o.contains_key("registryType") => self.config(index, &at, v),
            Value::Object(_) => self.document(index, &at, v),
            _ => self.errors.push(shape(at)),
        }
    }

    fn config(&mut self, index: usize, at: &str, v: &Value) {
        let config = match crate::validate::validated_config(v, self.now) {
            Ok(c) => c,
            Err(issues) => {
                self.errors.extend(issues.into_iter().map(|i| i.under(at)));
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
            Some(ECR_USERNAME.to_owned())
        } else if config.registry_type.uses_json_key() {
            Some(JSON_KEY_USERNAME.to_owned())
        } else {
            config.username.clone().filter(|u| !u.is_empty())
        };
        let server = crate::secret::from_config::server_for(&config).ok();
        match (server, username) {
            (Some(server), Some(username)) => self.add(index, || at.to_owned(), &server, &username),
            _ => self.warnings.push(Issue::new(
                at,
                ErrorCode::ImagesSourceNoCredentials,
                "this registry has no credentials: images from it are pulled anonymously",
            )),
        }
    }

    fn document(&mut self, index: usize, at: &str, v: &Value) {
        if v.get("kind").and_then(Value::as_str) == Some("Secret") {
            return self.secret(index, at, v);
        }
        let Some(auths) = v.get("auths").and_then(Value::as_object) else {
            return self.errors.push(shape(at.to_owned()));
        };
        self.auths(index, &format!("{at}/auths"), auths);
    }

    fn secret(&mut self, index: usize, at: &str, v: &Value) {
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
        match text.and_then(|t| serde_json::from_str::<Value>(&t).ok()) {
            Some(doc) => match doc.get("auths").and_then(Value::as_object) {
                Some(auths) => self.auths(index, &format!("{at}/data/{KEY}/auths"), auths),
                None => self.errors.push(shape(format!("{at}/data/{KEY}"))),
            },
            None => self.errors.push(Issue::new(
                format!("{at}/data/{KEY}"),
                ErrorCode::ImagesSourceJson,
                "the Secret holds no readable .dockerconfigjson (base64 of a JSON document)",
            )),
        }
    }

    fn auths(&mut self, index: usize, at: &str, auths: &Map<String, Value>) {
        for (server, entry) in auths {
            // Built only when a problem is reported (most entries have none).
            let path = || format!("{at}/{}", pointer_token(server));
            let Some(entry) = entry.as_object() else {
                self.errors.push(Issue::new(
                    path(),
                    ErrorCode::ImagesSourceEntry,
                    "an entry must be an object { username?, password?, auth? }",
                ));
                continue;
            };
            let auth = entry
                .get("auth")
                .and_then(Value::as_str)
                .filter(|a| !a.is_empty());
            let username = match auth {
                Some(a) => match auth_username(a) {
                    Some(u) => u,
                    None => {
                        self.errors.push(Issue::new(
                            format!("{}/auth", path()),
                            ErrorCode::ImagesSourceAuth,
                            "auth must be base64 of username:password; the kubelet rejects this secret",
                        ));
                        continue;
                    }
                },
                None => entry
                    .get("username")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned(),
            };
            self.add(index, path, server, &username);
        }
    }

    fn add(&mut self, index: usize, at: impl FnOnce() -> String, server: &str, username: &str) {
        if !self.keyring.add(server, username, index) {
            self.warnings.push(Issue::new(
                at(),
                ErrorCode::ImagesSourceServer,
                "the kubelet ignores this entry: its server does not parse as a URL",
            ));
        }
    }
}

/// The username in an `auth` value (`decodeDockerConfigFieldAuth`), `None` when it does not
/// decode.
fn auth_username(auth: &str) -> Option<String> {
    let bytes = base64_codec::decode(auth, Alphabet::Standard, Padding::Required)?;
    let text = String::from_utf8(bytes).ok()?;
    text.split_once(':').map(|(u, _)| u.to_owned())
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
    let reference = match parse_normalized(image) {
        Ok(r) => r,
        Err(e) => return image_error(e),
    };
    let Some(items) = sources.as_array() else {
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
    let mut keyring = Keyring::new();
    let mut reader = Reader {
        keyring: &mut keyring,
        errors: Vec::new(),
        warnings: Vec::new(),
        now,
    };
    for (i, item) in items.iter().enumerate() {
        reader.source(i, item);
    }
    let (errors, warnings) = (reader.errors, reader.warnings);
    Report::new(errors, warnings, Some(keyring.lookup(&reference.name)))
}

fn image_error(e: ReferenceError) -> Report<Vec<KeyringMatch>> {
    Report::new(
        vec![Issue::new("/image", e.code(), e.message())],
        Vec::new(),
        None,
    )
}
