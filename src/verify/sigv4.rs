//! AWS Signature Version 4 (header signing), as specified in the AWS General Reference and
//! exercised by the official `aws-signing-test-suite` (see `tests/fixtures/sigv4/`).
//!
//! Pure functions of their inputs: the signing time is an input ([`SigningParams::time`]),
//! never read from a clock. The secret key and session token never appear in a `Debug` string.

use std::fmt;

use crate::sha256::{hmac_sha256, sha256};

use super::http::Header;
use crate::secret_string::SecretStr;
use crate::time::Timestamp;
use crate::SecretString;

/// AWS credentials. `Debug` shows the access key id only (the secrets are [`SecretString`]s).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwsCredentials {
    /// The access key id (`AKIA...` or, for temporary credentials, `ASIA...`).
    pub access_key_id: String,
    /// The secret access key.
    pub secret_access_key: SecretString,
    /// The session token of temporary credentials.
    pub session_token: Option<SecretString>,
}

/// What is signed as the payload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Payload {
    /// The SHA-256 of the body (the default).
    Hash,
    /// A literal value such as `UNSIGNED-PAYLOAD`.
    Literal(String),
}

/// The parameters of one signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SigningParams {
    /// The region, `us-east-1`.
    pub region: String,
    /// The service signing name, `ecr`.
    pub service: String,
    /// The signing time (the `X-Amz-Date`).
    pub time: Timestamp,
    /// Remove `.`/`..` segments and empty segments from the path (every service but S3).
    pub normalize_path: bool,
    /// What is signed as the payload.
    pub payload: Payload,
    /// Add (and sign) an `x-amz-content-sha256` header carrying the payload value.
    pub content_sha256_header: bool,
}

impl SigningParams {
    /// Defaults for a JSON-RPC service such as ECR: normalized path, hashed body, no extra header.
    pub fn new(region: &str, service: &str, time: Timestamp) -> SigningParams {
        SigningParams {
            region: region.to_owned(),
            service: service.to_owned(),
            time,
            normalize_path: true,
            payload: Payload::Hash,
            content_sha256_header: false,
        }
    }
}

/// A request to sign. `headers` must include `Host`. `Debug` shows header names and the body
/// length only (an `X-Amz-Security-Token` header is a secret).
#[derive(Clone, PartialEq, Eq)]
pub struct SignableRequest<'a> {
    /// The method, `POST`.
    pub method: &'a str,
    /// The path and query as sent (`/`, `/?Param1=value1`).
    pub path_and_query: &'a str,
    /// The headers to sign, `Host` included.
    pub headers: &'a [(String, String)],
    /// The body.
    pub body: &'a [u8],
}

/// The result of signing. The canonical request and `added_headers` carry the session token
/// when there is one, so `Debug` shows the canonical request with that value replaced and the
/// added headers by name only.
#[derive(Clone, PartialEq, Eq)]
pub struct Signature {
    /// The canonical request text.
    pub canonical_request: String,
    /// The string to sign.
    pub string_to_sign: String,
    /// The hex signature.
    pub signature: String,
    /// The `SignedHeaders` list (`host;x-amz-date`).
    pub signed_headers: String,
    /// The headers to add to the request: `X-Amz-Date`, `X-Amz-Security-Token` when there is a
    /// session token, `x-amz-content-sha256` when asked for, and `Authorization`.
    /// `Authorization` and `X-Amz-Security-Token` are marked secret.
    pub added_headers: Vec<Header>,
}

impl fmt::Debug for SignableRequest<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(k, _)| k.as_str()).collect();
        f.debug_struct("SignableRequest")
            .field("method", &self.method)
            .field("path_and_query", &self.path_and_query)
            .field("headers", &names)
            .field("body", &self.body.len())
            .finish()
    }
}

impl fmt::Debug for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let canonical: Vec<String> = crate::substring::split_byte(&self.canonical_request, b'\n')
            .map(|line| match line.strip_prefix("x-amz-security-token:") {
                Some(token) => format!("x-amz-security-token:{}", SecretStr::new(token)),
                None => line.to_owned(),
            })
            .collect();
        let names: Vec<&str> = self.added_headers.iter().map(|h| h.name.as_str()).collect();
        f.debug_struct("Signature")
            .field("canonical_request", &canonical.join("\n"))
            .field("string_to_sign", &self.string_to_sign)
            .field("signature", &self.signature)
            .field("signed_headers", &self.signed_headers)
            .field("added_headers", &names)
            .finish()
    }
}

fn hmac(key: &[u8], data: &[u8]) -> Vec<u8> {
    hmac_sha256(key, data).to_vec()
}

/// Lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        for nibble in [b >> 4, b & 15] {
            s.push(char::from(
                DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0'),
            ));
        }
    }
    s
}

/// Hex SHA-256.
pub fn sha256_hex(data: &[u8]) -> String {
    hex(&sha256(data))
}

/// The SigV4 signing key for a day, region and service.
pub fn signing_key(secret: &str, day: &str, region: &str, service: &str) -> Vec<u8> {
    let k_date = hmac(format!("AWS4{secret}").as_bytes(), day.as_bytes());
    let k_region = hmac(&k_date, region.as_bytes());
    let k_service = hmac(&k_region, service.as_bytes());
    hmac(&k_service, b"aws4_request")
}

/// Percent-encodes everything but the unreserved characters (`A-Z a-z 0-9 - . _ ~`), and `/`
/// too when `keep_slash`.
pub(crate) fn uri_encode(input: &[u8], keep_slash: bool) -> String {
    let mut out = String::with_capacity(input.len());
    for &b in input {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || (keep_slash && b == b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn percent_decode(input: &str) -> Vec<u8> {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hexval = |j: usize| bytes.get(j).and_then(|c| char::from(*c).to_digit(16));
        match (b, hexval(i + 1), hexval(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

fn canonical_uri(path: &str, normalize: bool) -> String {
    let path = if path.is_empty() { "/" } else { path };
    if !normalize {
        return uri_encode(path.as_bytes(), true);
    }
    let mut segments: Vec<&str> = Vec::new();
    for seg in crate::substring::split_byte(path, b'/') {
        match seg {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    let trailing = path.ends_with("/") && !segments.is_empty();
    let mut out = String::from("/");
    out.push_str(&segments.join("/"));
    if trailing {
        out.push('/');
    }
    uri_encode(out.as_bytes(), true)
}

fn canonical_query(query: &str) -> String {
    // Kept sorted as they are inserted (a handful of pairs): a slice sort would compile a whole
    // stable sort into the module for this one list.
    let mut pairs: Vec<(String, String)> = Vec::new();
    for p in crate::substring::split_byte(query, b'&').filter(|p| !p.is_empty()) {
        let (k, v) = crate::substring::split_once_byte(p, b'=').unwrap_or((p, ""));
        let pair = (
            uri_encode(&percent_decode(k), false),
            uri_encode(&percent_decode(v), false),
        );
        let at = pairs.partition_point(|q| *q <= pair);
        pairs.insert(at, pair);
    }
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

fn canonical_value(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for word in v.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Headers never signed (they change in transit or are added by the transport).
const UNSIGNED: [&str; 4] = ["authorization", "user-agent", "expect", "x-amzn-trace-id"];

/// Signs `req` with `creds`. The canonical request, string to sign and signature are returned
/// with the headers to add to the request.
pub fn sign(
    req: &SignableRequest<'_>,
    creds: &AwsCredentials,
    params: &SigningParams,
) -> Signature {
    let (path, query) = crate::substring::split_once_byte(req.path_and_query, b'?')
        .unwrap_or((req.path_and_query, ""));
    let uri = canonical_uri(path, params.normalize_path);
    sign_canonical(req, &uri, &canonical_query(query), creds, params)
}

/// [`sign`] with the canonical URI and query string given (`/` and `""` for a request to `/`,
/// as every request the verification sends is): the module then holds no path normalization
/// or query sorting.
pub(crate) fn sign_canonical(
    req: &SignableRequest<'_>,
    canonical_uri: &str,
    canonical_query: &str,
    creds: &AwsCredentials,
    params: &SigningParams,
) -> Signature {
    let amz_date = params.time.to_amz_date();
    let day = params.time.to_amz_day();
    let payload = match &params.payload {
        Payload::Hash => sha256_hex(req.body),
        Payload::Literal(v) => v.clone(),
    };
    let mut added = vec![Header::plain("X-Amz-Date", amz_date.clone())];
    if let Some(token) = &creds.session_token {
        added.push(Header::secret(
            "X-Amz-Security-Token",
            token.expose().to_owned(),
        ));
    }
    if params.content_sha256_header {
        added.push(Header::plain("x-amz-content-sha256", payload.clone()));
    }

    let mut grouped: Vec<(String, Vec<String>)> = Vec::new();
    let all = req
        .headers
        .iter()
        .map(|(n, v)| (n, v))
        .chain(added.iter().map(|h| (&h.name, &h.value)));
    for (name, value) in all {
        let lname = name.to_ascii_lowercase();
        if UNSIGNED.contains(&lname.as_str()) {
            continue;
        }
        let v = canonical_value(value);
        // Kept sorted by name as they are added (no slice sort compiled in; see above).
        match grouped.binary_search_by(|(n, _)| n.as_str().cmp(lname.as_str())) {
            Ok(at) => {
                if let Some((_, values)) = grouped.get_mut(at) {
                    values.push(v);
                }
            }
            Err(at) => grouped.insert(at, (lname, vec![v])),
        }
    }
    // Built by appending (the canonical request is `method \n uri \n query \n headers \n
    // signed headers \n payload`), not with `format!` and `join`.
    let mut canonical_request = String::with_capacity(512);
    let mut signed_headers = String::new();
    for part in [req.method, canonical_uri, canonical_query] {
        canonical_request.push_str(part);
        canonical_request.push('\n');
    }
    for (name, values) in &grouped {
        canonical_request.push_str(name);
        canonical_request.push(':');
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                canonical_request.push(',');
            }
            canonical_request.push_str(v);
        }
        canonical_request.push('\n');
        if !signed_headers.is_empty() {
            signed_headers.push(';');
        }
        signed_headers.push_str(name);
    }
    for part in ["\n", &signed_headers, "\n", &payload] {
        canonical_request.push_str(part);
    }
    let scope = format!("{day}/{}/{}/aws4_request", params.region, params.service);
    let string_to_sign = format!(
        "AWS4-HMAC-SHA256\n{amz_date}\n{scope}\n{}",
        sha256_hex(canonical_request.as_bytes())
    );
    let key = signing_key(
        creds.secret_access_key.expose(),
        &day,
        &params.region,
        &params.service,
    );
    let signature = hex(&hmac(&key, string_to_sign.as_bytes()));
    added.push(Header::secret(
        "Authorization",
        format!(
            "AWS4-HMAC-SHA256 Credential={}/{scope}, SignedHeaders={signed_headers}, Signature={signature}",
            creds.access_key_id
        ),
    ));
    Signature {
        canonical_request,
        string_to_sign,
        signature,
        signed_headers,
        added_headers: added,
    }
}
