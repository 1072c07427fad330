//! The connection mode and the CA certificate that goes with it.
//!
//! Rule: `secure-with-cert` requires a certificate; the other modes forbid one, except that an
//! empty `cert` (what a form sends for an untouched textarea) is tolerated and dropped.

use crate::catalog::Connection;
use crate::report::Issue;
use crate::time::Timestamp;
use crate::ErrorCode;

/// Parses a connection mode id. Error: `connection.unknown` (not one of `secure`,
/// `secure-with-cert`, `insecure`).
pub fn parse_connection(id: &str) -> Result<Connection, Issue> {
    match id {
        "secure" => Ok(Connection::Secure),
        "secure-with-cert" => Ok(Connection::SecureWithCert),
        "insecure" => Ok(Connection::Insecure),
        _ => Err(Issue::new(
            "",
            ErrorCode::ConnectionUnknown,
            "the connection must be \"secure\", \"secure-with-cert\" or \"insecure\"",
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
                ErrorCode::CertRequired,
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
                ErrorCode::CertNotAllowed,
                "a CA certificate is only used with the \"secure-with-cert\" connection",
            )],
            Vec::new(),
            None,
        ),
    }
}

/// Checks the contents of a CA certificate field with the certificate inspector
/// ([`crate::cert::inspect_certificates`], CA certificates required); returns `(errors,
/// warnings)` with the inspector's codes (`cert.expired`, `cert.not-ca`, `cert.private-key`,
/// ...) moved under `path`. `now` decides expiry; `host` is checked against leaf certificates.
pub fn check_cert(
    path: &str,
    text: &str,
    now: Timestamp,
    host: Option<&str>,
) -> (Vec<Issue>, Vec<Issue>) {
    let options = crate::cert::InspectOptions {
        now,
        host: host.map(str::to_owned),
        require_ca: true,
    };
    let report = crate::cert::inspect_certificates(text.as_bytes(), &options).under(path);
    (report.errors, report.warnings)
}
