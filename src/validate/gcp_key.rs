//! GCP service-account keys (the JSON file `gcloud iam service-accounts keys create` writes):
//! [`parse_service_account_key`] and [`ServiceAccountKey`].
//!
//! The key is the password of the `artifact-registry` and `gcr` types (username `_json_key`).
//! Registries compare it byte for byte after JSON parsing, so regcred stores its compact form:
//! whitespace between JSON tokens removed once a real JSON parser has accepted the text (never
//! inside strings); member order, number spellings and escapes (the private key's `\n`) kept
//! as written. Shell-based builders need it wrapped in single quotes:
//! [`ServiceAccountKey::quoted`].
//!
//! No message ever contains any part of the key.

use crate::base64_codec::{decode, Alphabet, Padding};
use crate::json::Value;
use crate::ErrorCode;
use serde::Serialize;

use crate::json_read::Fields;
use crate::report::{Issue, Report};
use crate::secret_string::SecretString;

/// The largest key text accepted, in bytes (real keys are about 2.3 KiB).
pub const MAX_KEY_LEN: usize = 64 * 1024;

const BEGIN: &str = "-----BEGIN PRIVATE KEY-----";
const END: &str = "-----END PRIVATE KEY-----";

/// A checked service-account key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceAccountKey {
    /// The key JSON with all whitespace between tokens removed. Secret.
    pub compact: SecretString,
    /// `compact` in POSIX-shell single quotes (`'` inside escaped as `'\''`). Secret.
    pub quoted: SecretString,
    /// The service account's e-mail (`client_email`).
    pub client_email: String,
    /// The project (`project_id`), when the key names one.
    pub project_id: Option<String>,
    /// The key's id (`private_key_id`). Secret (it names the private key).
    pub private_key_id: SecretString,
}

fn err(code: ErrorCode, message: impl Into<String>) -> Issue {
    Issue::new("", code, message)
}

/// Wraps text in POSIX-shell single quotes.
pub fn shell_quote(text: &str) -> String {
    format!("'{}'", crate::substring::replace(text, "'", "'\\''"))
}

/// Parses and checks a service-account key.
///
/// Tolerated: a byte-order mark, whitespace around the JSON, and the single quotes (with
/// `'\''` escapes) a previous tool may have wrapped it in. Errors (path `""`):
///
/// - `gcp-key.empty`: nothing but whitespace;
/// - `gcp-key.too-long`: more than [`MAX_KEY_LEN`] bytes;
/// - `gcp-key.base64`: the base64 encoding of a key was given instead of the key JSON;
/// - `gcp-key.newlines`: the JSON has raw line breaks inside a string, as happens when the
///   private key's `\n` escapes were turned into real line breaks;
/// - `gcp-key.not-json`: the text is not JSON (the message gives line and column only);
/// - `gcp-key.not-object`: the JSON is not an object;
/// - `gcp-key.type-external-account`, `gcp-key.type-authorized-user`: another kind of Google
///   credential (these can point token exchange at arbitrary URLs, so they are refused);
/// - `gcp-key.type`: `type` is missing or is not `service_account`;
/// - `gcp-key.field-missing`: `client_email`, `private_key` or `private_key_id` is missing or
///   empty (the message names the field);
/// - `gcp-key.field-type`: one of these fields (or `project_id`) is not a string;
/// - `gcp-key.client-email`: `client_email` is not an e-mail address;
/// - `gcp-key.escaped-newlines`: the private key holds literal `\n` text instead of line
///   breaks (escaped twice);
/// - `gcp-key.private-key-whitespace`: spaces or tabs inside the PEM body;
/// - `gcp-key.private-key`: not a `-----BEGIN PRIVATE KEY-----` PEM block with a base64 body.
pub fn parse_service_account_key(text: &str) -> Report<ServiceAccountKey> {
    match parse(text) {
        Ok(k) => Report::ok(k),
        Err(e) => Report::fail(e),
    }
}

fn unwrap_text(text: &str) -> String {
    // Every leading BOM, as `trim_start_matches('\u{feff}')` (no char searcher in the module).
    let mut t = text;
    while let Some(rest) = t.strip_prefix("\u{feff}") {
        t = rest;
    }
    let t = t.trim();
    let inner = t
        .strip_prefix("'")
        .and_then(|s| s.strip_suffix("'"))
        .filter(|_| t.len() >= 2);
    match inner {
        Some(s) => crate::substring::replace(s, "'\\''", "'")
            .trim()
            .to_string(),
        None => t.to_string(),
    }
}

fn parse(text: &str) -> Result<ServiceAccountKey, Issue> {
    if text.len() > MAX_KEY_LEN {
        return Err(err(
            ErrorCode::GcpKeyTooLong,
            format!("the key is longer than {} KiB", MAX_KEY_LEN / 1024),
        ));
    }
    let t = unwrap_text(text);
    if t.is_empty() {
        return Err(err(
            ErrorCode::GcpKeyEmpty,
            "paste the service-account key JSON",
        ));
    }
    if !t.starts_with("{") && looks_like_base64_json(&t) {
        return Err(err(
            ErrorCode::GcpKeyBase64,
            "this is the base64 encoding of a key: paste the decoded JSON instead",
        ));
    }
    let value: Value = crate::json::parse(&t).map_err(|e| {
        if e.kind == crate::json::ErrorKind::ControlCharacter {
            err(
                ErrorCode::GcpKeyNewlines,
                "the JSON contains line breaks inside a string: the private key's \"\\n\" escapes were probably turned into real line breaks",
            )
        } else {
            let (line, column) = e.line_column(&t);
            err(
                ErrorCode::GcpKeyNotJson,
                format!("the key is not valid JSON (line {line}, column {column})"),
            )
        }
    })?;
    let Value::Object(obj) = &value else {
        return Err(err(
            ErrorCode::GcpKeyNotObject,
            "the key must be a JSON object, as downloaded from Google Cloud",
        ));
    };
    let key = Fields::new(obj, "");
    check_type(&key)?;
    let client_email = required_string(&key, "client_email")?;
    let private_key = required_string(&key, "private_key")?;
    let private_key_id = required_string(&key, "private_key_id")?;
    let project_id = key.text("project_id").map_err(|_| {
        err(
            ErrorCode::GcpKeyFieldType,
            "\"project_id\" must be a string",
        )
    })?;
    check_email(&client_email)?;
    check_private_key(&private_key)?;
    // Re-serializing the parsed value would sort the members; the key is kept as written.
    let compact = super::json_compact::compact(&t);
    Ok(ServiceAccountKey {
        quoted: shell_quote(&compact).into(),
        compact: compact.into(),
        client_email,
        project_id: project_id.map(str::to_owned),
        private_key_id: private_key_id.into(),
    })
}

fn looks_like_base64_json(t: &str) -> bool {
    let compact: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.len() < 4
        || !compact
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'-' | b'_'))
    {
        return false;
    }
    let trimmed = crate::substring::trim_end_byte(&compact, b'=');
    [Alphabet::Standard, Alphabet::UrlSafe]
        .into_iter()
        .any(|a| {
            decode(trimmed, a, Padding::Forbidden)
                .and_then(|bytes| bytes.iter().copied().find(|b| !b.is_ascii_whitespace()))
                == Some(b'{')
        })
}

fn check_type(key: &Fields<'_>) -> Result<(), Issue> {
    // A `type` that is not a string reads as missing: the message shows the expected member.
    match key.text("type").ok().flatten() {
        Some("service_account") => Ok(()),
        Some("external_account") => Err(err(
            ErrorCode::GcpKeyTypeExternalAccount,
            "this is a workload identity federation configuration (\"external_account\"), not a service-account key; it is refused because it makes token requests to URLs it names",
        )),
        Some("authorized_user") => Err(err(
            ErrorCode::GcpKeyTypeAuthorizedUser,
            "this is a user's application-default credential (\"authorized_user\"), not a service-account key",
        )),
        Some(_) => Err(err(
            ErrorCode::GcpKeyType,
            "\"type\" must be \"service_account\": create a JSON key for a service account",
        )),
        None => Err(err(
            ErrorCode::GcpKeyType,
            "\"type\" is missing: a service-account key says \"\"type\": \"service_account\"\"",
        )),
    }
}

fn required_string(key: &Fields<'_>, field: &str) -> Result<String, Issue> {
    match key.text(field) {
        Ok(Some(s)) if !s.trim().is_empty() => Ok(s.to_owned()),
        Ok(_) => Err(err(
            ErrorCode::GcpKeyFieldMissing,
            format!("\"{field}\" is missing from the key"),
        )),
        Err(_) => Err(err(
            ErrorCode::GcpKeyFieldType,
            format!("\"{field}\" must be a string"),
        )),
    }
}

fn check_email(email: &str) -> Result<(), Issue> {
    let ok = match crate::substring::split_once_byte(email, b'@') {
        Some((local, domain)) => {
            !local.is_empty()
                && crate::substring::contains_byte(domain, b'.')
                && !crate::substring::contains_byte(domain, b'@')
                && !crate::substring::has_space_or_control(email)
        }
        None => false,
    };
    if ok {
        Ok(())
    } else {
        Err(err(
            ErrorCode::GcpKeyClientEmail,
            "\"client_email\" is not an e-mail address",
        ))
    }
}

fn check_private_key(pem: &str) -> Result<(), Issue> {
    let bad = || {
        err(
            ErrorCode::GcpKeyPrivateKey,
            "\"private_key\" must be a PEM block from \"-----BEGIN PRIVATE KEY-----\" to \"-----END PRIVATE KEY-----\"",
        )
    };
    let pem = pem.trim();
    if !crate::substring::contains_byte(pem, b'\n') && crate::substring::contains(pem, "\\n") {
        return Err(err(
            ErrorCode::GcpKeyEscapedNewlines,
            "the private key contains the text \"\\n\" instead of line breaks: it was escaped twice",
        ));
    }
    let body = pem
        .strip_prefix(BEGIN)
        .and_then(|s| s.strip_suffix(END))
        .ok_or_else(bad)?;
    if crate::substring::contains(body, "\\n") {
        return Err(err(
            ErrorCode::GcpKeyEscapedNewlines,
            "the private key contains the text \"\\n\" instead of line breaks: it was escaped twice",
        ));
    }
    let mut b64 = String::with_capacity(body.len());
    for line in body.lines() {
        let line = line.strip_suffix("\r").unwrap_or(line);
        if line.bytes().any(|b| b == b' ' || b == b'\t') {
            return Err(err(
                ErrorCode::GcpKeyPrivateKeyWhitespace,
                "the private key contains spaces or tabs inside its base64 body",
            ));
        }
        b64.push_str(line);
    }
    if b64.is_empty() || decode(&b64, Alphabet::Standard, Padding::Required).is_none() {
        return Err(bad());
    }
    Ok(())
}

impl crate::json::ToJson for ServiceAccountKey {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .field("compact", &self.compact)
            .field("quoted", &self.quoted)
            .field("clientEmail", &self.client_email)
            .field("projectId", &self.project_id)
            .field("privateKeyId", &self.private_key_id)
            .end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(shell_quote("a'b"), "'a'\\''b'");
        assert_eq!(unwrap_text("\u{feff} 'a'\\''b' "), "a'b");
    }
}
