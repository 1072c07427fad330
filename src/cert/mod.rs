//! CA certificate inspection: what a person pasted into the "secure with CA certificate" field,
//! certificate by certificate, checked the way a container runtime will use it.
//!
//! [`inspect_certificates`] takes PEM text (one or many `CERTIFICATE` blocks, with a BOM, CRLF
//! line ends, text around the blocks, base64 lines of any length) or raw DER and answers with a
//! [`Report`](crate::Report) of [`CertificateBundle`]. The current time is an input
//! ([`InspectOptions::now`]), so expiry verdicts are deterministic.
//!
//! The reader is hand-written ([`der`] is a bounded, non-recursive DER cursor; `x509` reads only
//! the fields reported). It was chosen over the `x509-cert` and `x509-parser` crates by
//! measurement: see the README's "CA certificates" section.
//!
//! ```
//! use regcred::cert::{inspect_certificates, InspectOptions};
//! use regcred::time::Timestamp;
//!
//! let options = InspectOptions { now: Timestamp(1_700_000_000), host: None, require_ca: true };
//! let report = inspect_certificates(b"not a certificate", &options);
//! assert_eq!(report.error_codes(), ["cert.not-found"]);
//! ```

mod checks;
mod der;
mod host;
mod inspect;
mod names;
mod pem;
mod x509;

pub use checks::EXPIRES_SOON_SECONDS;
pub use inspect::{
    inspect_certificates, CertificateBundle, CertificateInfo, InspectOptions, MAX_INPUT_BYTES,
};
