//! The connection mode and the CA certificate that goes with it.
//!
//! Rule: `secure-with-cert` requires a certificate; the other modes forbid one, except that an
//! empty `cert` (what a form sends for an untouched textarea) is tolerated and dropped.

use crate::catalog::Connection;
use crate::report::Issue;
use crate::time::Timestamp;

/// Longest certificate text, in bytes (the schema's `maxLength`).
pub const MAX_CERT_LEN: usize = 256 * 1024;

const BEGIN_CERT: &str = "-----BEGIN CERTIFICATE-----";

/// Parses a connection mode id. Error: `connection.unknown` (not one of `secure`,
/// `secure-with-cert`, `insecure`).
pub fn parse_connection(id: &str) -> Result<Connection, Issue> {
    match id {
        "secure" => Ok(Connection::Secure),
        "secure-with-cert" => Ok(Connection::SecureWithCert),
        "insecure" => Ok(Connection::Insecure),
        _ => Err(Issue::new(
            "",
            "connection.unknown",
            "the connection must be `secure`, `secure-with-cert` or `insecure`",
        )),
    }
}

/// Applies the connection/certificate rule; returns `(errors, warnings, cert to keep)`.
///
/// Errors at `/cert`: `cert.required` (`secure-with-cert` without a certificate),
/// `cert.not-allowed` (a non-empty certificate with another mode), and whatever
/// [`check_cert`] reports.
pub fn check_connection_cert(
    connection: Connection,
    cert: Option<&str>,
    now: Timestamp,
    host: Option<&str>,
) -> (Vec<Issue>, Vec<Issue>, Option<String>) {
    match (connection, cert) {
        (Connection::SecureWithCert, None | Some("")) => (
            vec![Issue::new(
                "/cert",
                "cert.required",
                "paste the CA certificate (PEM) for a secure connection with a private CA",
            )],
            Vec::new(),
            None,
        ),
        (Connection::SecureWithCert, Some(text)) => {
            let (errors, warnings) = check_cert("/cert", text, now, host);
            (errors, warnings, Some(text.to_string()))
        }
        (_, None | Some("")) => (Vec::new(), Vec::new(), None),
        (_, Some(_)) => (
            vec![Issue::new(
                "/cert",
                "cert.not-allowed",
                "a CA certificate is only used with the `secure-with-cert` connection",
            )],
            Vec::new(),
            None,
        ),
    }
}

/// Checks the contents of a CA certificate field; returns `(errors, warnings)` at `path`.
///
/// For now this only checks that the text contains a `-----BEGIN CERTIFICATE-----` block
/// (`cert.not-found` otherwise) and is at most 256 KiB (`cert.too-long`); the certificate
/// inspector (`crate::cert`) takes over here when it is merged, using `now` for expiry and
/// `host` for name coverage.
pub fn check_cert(
    path: &str,
    text: &str,
    now: Timestamp,
    host: Option<&str>,
) -> (Vec<Issue>, Vec<Issue>) {
    let _ = (now, host);
    if text.len() > MAX_CERT_LEN {
        return (
            vec![Issue::new(
                path,
                "cert.too-long",
                format!(
                    "the certificate text is longer than {} KiB",
                    MAX_CERT_LEN / 1024
                ),
            )],
            Vec::new(),
        );
    }
    if !text.contains(BEGIN_CERT) {
        return (
            vec![Issue::new(
                path,
                "cert.not-found",
                "no `-----BEGIN CERTIFICATE-----` block found: paste the CA certificate in PEM form",
            )],
            Vec::new(),
        );
    }
    (Vec::new(), Vec::new())
}
