//! The generators' JSON arguments decoded into the core's typed requests: registry lists for
//! `dockerConfigJson` / `dockerConfigFile` and the `pullSecret` options object.
//!
//! A registry in a list is either a docker entry `{ server, username, password, email? }` or a
//! registry configuration (an object with `registryType`, validated by the core), optionally
//! carrying an `ecrToken` `{ username, password, expiresAt, proxyEndpoint }` (`expiresAt`
//! ISO-8601 or epoch ms). A wrong type, an unknown field or an unknown `format` is `secret.shape`
//! at its JSON pointer; nothing echoes a value.
//!
//! This file names no JavaScript type: the native fuzz target and tests include it as it is
//! (`#[path]`), so what they check is this decoder.

use regcred::json::{Map, Value};

use regcred::json_read::{self, Expected, Fields, Mismatch};
use regcred::secret::manifest::{ManifestFormat, PullSecretOptions};
use regcred::secret::request::{
    config_from_json, PullSecretRequest, RegistrySource, MAX_METADATA_ENTRIES, MAX_REGISTRIES,
};
use regcred::secret::{DockerEntry, EcrToken, SecretError};
use regcred::time::Timestamp;

fn shape(path: impl Into<String>, expected: &'static str) -> SecretError {
    SecretError::Shape {
        path: path.into(),
        expected,
    }
}

/// A wrong JSON type as `secret.shape`, in the words the generators always used.
fn wrong(m: Mismatch) -> SecretError {
    let expected = match m.expected {
        Expected::Flag => "true or false is expected here",
        Expected::TextMap => "an object of strings is expected here",
        _ => "a string is expected here",
    };
    shape(m.path, expected)
}

fn object<'a>(v: &'a Value, expected: &'static str) -> Result<Fields<'a>, SecretError> {
    json_read::object(v, "").map_err(|m| shape(m.path, expected))
}

fn text(o: &Fields<'_>, key: &str) -> Result<Option<String>, SecretError> {
    o.text(key).map(|t| t.map(str::to_owned)).map_err(wrong)
}

fn flag(o: &Fields<'_>, key: &str) -> Result<bool, SecretError> {
    o.flag(key).map(Option::unwrap_or_default).map_err(wrong)
}

fn only_keys(o: &Fields<'_>, allowed: &[&str]) -> Result<(), SecretError> {
    let unknown = o.unknown(allowed).into_iter();
    SecretError::collect(unknown.map(|p| shape(p, "unknown field")).collect()).map_or(Ok(()), Err)
}

/// Decodes an ECR token object.
///
/// # Errors
/// `secret.shape` when a field is missing or of the wrong type, or `expiresAt` is neither an
/// ISO-8601 string nor epoch milliseconds.
pub fn ecr_token(v: &Value) -> Result<EcrToken, SecretError> {
    let o = object(
        v,
        "an ECR token object { username, password, expiresAt, proxyEndpoint } is expected",
    )?;
    only_keys(&o, &["username", "password", "expiresAt", "proxyEndpoint"])?;
    let need = |k: &'static str| {
        text(&o, k)?.ok_or_else(|| shape(format!("/{k}"), "a string is required here"))
    };
    let expires_at = match o.get("expiresAt") {
        Some(Value::String(s)) => Timestamp::parse_iso8601(s),
        Some(Value::Number(n)) => n.as_i64().map(Timestamp::from_millis),
        _ => None,
    }
    .ok_or_else(|| {
        shape(
            "/expiresAt",
            "an ISO-8601 time or epoch milliseconds is required here",
        )
    })?;
    Ok(EcrToken {
        username: need("username")?,
        password: need("password")?.into(),
        expires_at,
        proxy_endpoint: need("proxyEndpoint")?,
    })
}

/// Decodes one registry (entry or configuration); paths are relative to it.
///
/// # Errors
/// `secret.shape` for a value that is not an object, a field of the wrong type or an unknown
/// field of an entry; the validator's codes for a configuration that is not valid.
pub fn source(v: &Value, now: Timestamp) -> Result<RegistrySource, SecretError> {
    let o = object(v, "a registry entry { server, username, password, email? } or a registry configuration is expected")?;
    if o.map().contains_key("registryType") {
        let mut rest = o.map().clone();
        let ecr_token = match rest.remove("ecrToken") {
            None | Some(Value::Null) => None,
            Some(t) => Some(ecr_token(&t).map_err(|e| e.under("/ecrToken"))?),
        };
        let config = config_from_json(&Value::Object(rest), now)?;
        return Ok(RegistrySource::Config {
            config: Box::new(config),
            ecr_token,
        });
    }
    only_keys(&o, &["server", "username", "password", "email"])?;
    Ok(RegistrySource::Entry(DockerEntry {
        server: text(&o, "server")?.unwrap_or_default(),
        username: text(&o, "username")?.unwrap_or_default(),
        password: text(&o, "password")?.unwrap_or_default().into(),
        email: text(&o, "email")?.filter(|e| !e.is_empty()),
    }))
}

/// Decodes a list of registries; paths are `/<index>/...`.
///
/// # Errors
/// `secret.shape` when `v` is not an array or an item does not decode (all items are reported);
/// `secret.too-many` past [`MAX_REGISTRIES`].
pub fn sources(v: &Value, now: Timestamp) -> Result<Vec<RegistrySource>, SecretError> {
    let items = v
        .as_array()
        .ok_or_else(|| shape("", "an array of registries is expected"))?;
    if items.len() > MAX_REGISTRIES {
        return Err(SecretError::TooMany {
            path: String::new(),
            max: MAX_REGISTRIES,
        });
    }
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match source(item, now) {
            Ok(s) => out.push(s),
            Err(e) => errors.push(e.under(&format!("/{i}"))),
        }
    }
    SecretError::collect(errors).map_or(Ok(out), Err)
}

/// Labels or annotations: an object of strings, at most [`MAX_METADATA_ENTRIES`] entries.
fn string_map(o: &Fields<'_>, key: &str) -> Result<Map<String, String>, SecretError> {
    let mut strings = Map::new();
    let found = o.object(key).map_err(|m| {
        wrong(Mismatch {
            expected: Expected::TextMap,
            ..m
        })
    })?;
    let Some(m) = found else {
        return Ok(strings);
    };
    if m.map().len() > MAX_METADATA_ENTRIES {
        return Err(SecretError::TooMany {
            path: m.path().to_owned(),
            max: MAX_METADATA_ENTRIES,
        });
    }
    for k in m.map().keys() {
        let s = m
            .text(k)
            .ok()
            .flatten()
            .ok_or_else(|| shape(m.path_of(k), "a string is expected here"))?;
        strings.insert(k.clone(), s.to_owned());
    }
    Ok(strings)
}

/// Decodes the `pullSecret` options `{ name, namespace?, registries, format?, appendHash?,
/// labels?, annotations?, goEscaping?, now? }` (`format` `"json"` by default).
///
/// # Errors
/// `secret.shape` for wrong types, unknown fields or an unknown format;
/// `secret.no-registries` without `registries`; those of [`sources`] under `/registries`.
pub fn pull_secret_request(
    options: &Map<String, Value>,
    now: Timestamp,
) -> Result<PullSecretRequest, SecretError> {
    let o = Fields::new(options, "");
    only_keys(
        &o,
        &[
            "name",
            "namespace",
            "registries",
            "format",
            "appendHash",
            "labels",
            "annotations",
            "goEscaping",
            "now",
        ],
    )?;
    let format = match text(&o, "format")?.as_deref() {
        None | Some("json") => ManifestFormat::Json,
        Some("yaml") => ManifestFormat::Yaml,
        Some(_) => return Err(shape("/format", "\"json\" or \"yaml\" is expected here")),
    };
    let registries = match o.map().get("registries") {
        Some(r) => sources(r, now).map_err(|e| e.under("/registries"))?,
        None => {
            return Err(SecretError::NoRegistries {
                path: "/registries".into(),
            })
        }
    };
    Ok(PullSecretRequest {
        registries,
        options: PullSecretOptions {
            name: text(&o, "name")?.unwrap_or_default(),
            namespace: text(&o, "namespace")?,
            labels: string_map(&o, "labels")?,
            annotations: string_map(&o, "annotations")?,
            append_hash: flag(&o, "appendHash")?,
            go_escaping: flag(&o, "goEscaping")?,
        },
        format,
    })
}
