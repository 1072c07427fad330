//! The requests the core asks the host to send and the responses it consumes, plus the
//! redaction of URLs for the request trail.

use std::fmt;

use crate::json::Value;
use crate::secret_string::SecretStr;
use crate::url::Url;
use serde::Serialize;

/// Response bodies are read up to this many bytes; the driver slices every chunk in the host's
/// own terms before copying it, so no more than this ever reaches the library's memory.
pub const MAX_BODY: usize = 64 * 1024;
/// Response headers read: at most this many; values longer than [`MAX_HEADER_VALUE`] bytes are
/// left out before they are copied.
pub const MAX_HEADERS: usize = 100;
/// The longest response header value read (see [`MAX_HEADERS`]).
pub const MAX_HEADER_VALUE: usize = 8 * 1024;
/// The deadline of a whole verification call when the caller names none, in milliseconds.
pub const DEFAULT_TIMEOUT_MS: u32 = 15_000;
/// The deadlines a caller may name (`timeoutMs`), in milliseconds: 1 ms to 10 minutes.
pub const TIMEOUT_MS_RANGE: std::ops::RangeInclusive<u32> = 1..=600_000;

/// What the host should know about TLS for a request (from the registry's `connection`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TlsHint {
    /// Connection `insecure`: certificate errors may be tolerated.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub insecure: bool,
    /// Connection `secure-with-cert`: the PEM CA certificate(s) to trust for this request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ca_certificate: Option<String>,
}

/// One request header. Whether it carries a secret is a property of the header itself, set by
/// whoever adds it ([`Header::secret`]): a secret header is bound to the origin it was made for
/// and dropped when a redirect leaves that origin (see ARCHITECTURE.md, "Network policy").
#[derive(Clone, PartialEq, Eq)]
pub struct Header {
    /// The header name.
    pub name: String,
    /// The value (a credential when [`Header::secret`] is set).
    pub value: String,
    /// The value is a credential (`Authorization`, `X-Amz-Security-Token`, ...).
    pub secret: bool,
}

impl Header {
    /// A header that carries no secret.
    pub fn plain(name: &str, value: impl Into<String>) -> Header {
        Header {
            name: name.to_owned(),
            value: value.into(),
            secret: false,
        }
    }

    /// A header whose value is a credential, bound to the request's origin.
    pub fn secret(name: &str, value: impl Into<String>) -> Header {
        Header {
            name: name.to_owned(),
            value: value.into(),
            secret: true,
        }
    }
}

impl fmt::Debug for Header {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.secret {
            write!(f, "{}: {}", self.name, SecretStr::new(&self.value))
        } else {
            write!(f, "{}: {}", self.name, self.value)
        }
    }
}

/// One HTTP request for the host's `fetch`. `Debug` redacts secret header values and the body.
#[derive(Clone, PartialEq, Eq)]
pub struct Request {
    /// `GET` or `POST`.
    pub method: &'static str,
    /// The absolute URL, already checked by the network policy.
    pub url: String,
    /// The headers; those marked [`Header::secret`] carry credentials.
    pub headers: Vec<Header>,
    /// The request body.
    pub body: Option<String>,
    /// The body carries credentials (a password form): it is never sent to another origin.
    pub secret_body: bool,
    /// TLS handling the host should apply.
    pub tls: TlsHint,
}

impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("url", &redact_url_text(&self.url))
            .field("headers", &self.headers)
            .field("body", &self.body.as_ref().map(|b| b.len()))
            .field("tls", &self.tls)
            .finish()
    }
}

impl Request {
    /// The value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| h.value.as_str())
    }

    /// Whether the request carries a credential (a secret header or a secret body).
    pub fn carries_secret(&self) -> bool {
        self.secret_body || self.headers.iter().any(|h| h.secret)
    }
}

/// A response as the host saw it (`redirect: 'manual'`, body capped at [`MAX_BODY`]).
/// `Debug` shows the status, the header names and the body length: a token response's body and
/// headers such as `Location` (tokens in the query) may carry secrets.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Response {
    /// The HTTP status; 0 for an opaque redirect a browser hides.
    pub status: u16,
    /// Header names and values (repeated headers joined by `, ` as `fetch` does).
    pub headers: Vec<(String, String)>,
    /// The first [`MAX_BODY`] bytes of the body.
    pub body: Vec<u8>,
}

impl fmt::Debug for Response {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(k, _)| k.as_str()).collect();
        f.debug_struct("Response")
            .field("status", &self.status)
            .field("headers", &names)
            .field("body", &self.body.len())
            .finish()
    }
}

impl Response {
    /// A response with a status and headers and no body.
    pub fn new(status: u16, headers: &[(&str, &str)]) -> Response {
        Response {
            status,
            headers: headers
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            body: Vec::new(),
        }
    }

    /// The same response with `body`.
    pub fn with_body(mut self, body: impl Into<Vec<u8>>) -> Response {
        self.body = body.into();
        self
    }

    /// The value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body, truncated to [`MAX_BODY`] bytes.
    pub fn capped_body(&self) -> &[u8] {
        self.body.get(..MAX_BODY).unwrap_or(&self.body)
    }

    /// The capped body as JSON; `None` when it is not UTF-8 JSON.
    pub fn json_body(&self) -> Option<Value> {
        let text = std::str::from_utf8(self.capped_body()).ok()?;
        crate::json::parse(text).ok()
    }
}

/// How a request failed in the host, before any response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transport {
    /// DNS failure, connection refused or reset, CORS refusal, any other network error.
    Unreachable,
    /// The TLS handshake failed (untrusted, expired or mismatched certificate).
    Tls,
    /// No response within the timeout (or the request was aborted).
    Timeout,
}

/// A URL fit for the request trail: no userinfo, no fragment, every query value replaced by
/// `REDACTED`.
pub fn redact_url(url: &Url) -> String {
    url.redacted()
}

/// [`redact_url`] for text that may not parse (then only `(unparsable URL)` is shown).
pub fn redact_url_text(url: &str) -> String {
    Url::parse(url)
        .map(|u| redact_url(&u))
        .unwrap_or_else(|_| "(unparsable URL)".to_owned())
}
