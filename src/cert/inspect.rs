//! The inspection report: what was pasted into a CA-certificate field, certificate by
//! certificate, with errors and warnings.

use crate::ErrorCode;
use std::fmt::Write;

use serde::Serialize;

use super::der::{DerError, Reader};
use super::pem::{self, BlockKind};
use super::x509::{read_certificate, Certificate};
use crate::report::{Issue, Report};
use crate::time::Timestamp;

/// Inputs larger than this (256 KiB) are refused with `cert.too-large` before any parsing.
/// The whole Mozilla root bundle as Debian ships it is about 215 KiB.
pub const MAX_INPUT_BYTES: usize = 256 * 1024;

/// What the inspection needs besides the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InspectOptions {
    /// The current time, an input so verdicts are deterministic (never read from a clock).
    pub now: Timestamp,
    /// The registry host the certificates should cover (`registry.example.com`; a scheme,
    /// port or path is ignored). Checked against leaf (non-CA) certificates only.
    pub host: Option<String>,
    /// `true` for a field that must hold CA certificates (the registry's `cert`): a
    /// certificate without basicConstraints `cA` is then an error (`cert.not-ca`) instead of a
    /// warning (`cert.leaf`).
    pub require_ca: bool,
}

/// The certificates found, in input order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateBundle {
    /// One entry per certificate that could be read.
    pub certificates: Vec<CertificateInfo>,
}

/// What a person wants to know about one certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateInfo {
    /// Subject in RFC 4514 order as `openssl x509 -nameopt RFC2253,-esc_msb` prints it
    /// (`CN=Example Root,O=Example,C=US`).
    pub subject: String,
    /// Issuer, in the same form.
    pub issuer: String,
    /// The serial number as `openssl x509 -serial` prints it: uppercase hex, two digits per
    /// octet, no separators, the DER sign octet dropped, `-` before a negative one.
    pub serial_number: String,
    /// Start of validity, ISO-8601 UTC (`2024-01-01T00:00:00Z`).
    pub not_before: String,
    /// End of validity, ISO-8601 UTC.
    pub not_after: String,
    /// SHA-256 of the DER, uppercase hex pairs joined by `:` as `openssl x509 -fingerprint
    /// -sha256` prints it.
    pub sha256_fingerprint: String,
    /// basicConstraints `cA` (false when the extension is absent).
    pub is_ca: bool,
    /// basicConstraints `pathLenConstraint`, when present.
    pub path_length: Option<u32>,
    /// Issuer equals subject (and the key identifiers agree when both are present). The
    /// signature itself is not verified.
    pub self_signed: bool,
    /// subjectAltName entries: `DNS:…`, `IP:…`, `email:…`, `URI:…`.
    pub subject_alt_names: Vec<String>,
    /// `RSA`, `EC`, `Ed25519`, `Ed448`, `DSA`, `RSASSA-PSS`, or the dotted OID.
    pub key_algorithm: String,
    /// The named curve of an EC key (`P-256`, `P-384`, `P-521`, `secp256k1`).
    pub key_curve: Option<String>,
    /// Key size in bits, when known.
    pub key_size: Option<u32>,
    /// X.509 version: 1, 2 or 3.
    pub version: u32,
}

/// Inspects pasted certificates: PEM text with one or many `CERTIFICATE` blocks, or raw DER
/// (a SEQUENCE with a long-form length, `30 81`..`30 84`, as every certificate has; one or
/// several certificates back to back). Text starting with `0` is read as text.
///
/// Errors (`valid: false`): `cert.too-large`, `cert.not-found`, `cert.private-key`,
/// `cert.wrong-label`, `cert.pem-unterminated`, `cert.base64`, `cert.der-truncated`,
/// `cert.der-malformed`, `cert.trailing-bytes`, `cert.expired`, `cert.not-ca`,
/// `cert.key-usage`. Warnings: `cert.expires-soon`, `cert.not-yet-valid`,
/// `cert.intermediate-without-root`, `cert.duplicate`, `cert.host-mismatch`, `cert.v1`,
/// `cert.leaf`. Input problems are at `/blocks/<n>` (the n-th PEM block, or the n-th DER
/// element); certificate problems at `/certificates/<n>`, an index into `value.certificates`.
/// `value` is present whenever at least one certificate could be read. No message quotes the
/// input.
pub fn inspect_certificates(input: &[u8], options: &InspectOptions) -> Report<CertificateBundle> {
    if input.len() > MAX_INPUT_BYTES {
        return Report::fail(Issue::new(
            "",
            ErrorCode::CertTooLarge,
            format!(
                "The input is larger than {} KiB; a CA bundle is much smaller than that.",
                MAX_INPUT_BYTES / 1024
            ),
        ));
    }
    let mut errors = Vec::new();
    let mut certs = Vec::new();
    // DER starts with a SEQUENCE (0x30, which is also ASCII `0`) whose length, for anything
    // as large as a certificate (over 127 bytes), is in the long form (0x81..): text starting
    // with `0` is read as text.
    let looks_like_der = matches!(input, [0x30, len, ..] if *len > 0x80);
    if looks_like_der && !pem::has_begin_marker(input) {
        read_der_sequence(input, &mut certs, &mut errors);
    } else {
        let mut saw_certificate_block = false;
        for (i, block) in pem::scan(input).iter().enumerate() {
            let path = format!("/blocks/{i}");
            match block {
                BlockKind::Certificate(der) => {
                    saw_certificate_block = true;
                    let mut r = Reader::new(der);
                    match read_certificate(&mut r) {
                        Ok(c) if r.is_empty() => certs.push(summarize(&c)),
                        Ok(_) => errors.push(trailing(&path)),
                        Err(e) => errors.push(der_issue(&path, e)),
                    }
                }
                BlockKind::PrivateKey => errors.push(Issue::new(
                    path,
                    ErrorCode::CertPrivateKey,
                    "A private key was pasted. Remove it: this field takes only certificates, \
                     and a private key must never be shared.",
                )),
                BlockKind::OtherLabel(label) => errors.push(Issue::new(
                    path,
                    ErrorCode::CertWrongLabel,
                    match label {
                        Some(l) => format!("This PEM block is a {l}, not a CERTIFICATE."),
                        None => "This PEM block is not a CERTIFICATE.".to_string(),
                    },
                )),
                BlockKind::BadBase64 => {
                    saw_certificate_block = true;
                    errors.push(Issue::new(
                        path,
                        ErrorCode::CertBase64,
                        "The body of this CERTIFICATE block is not valid base64.",
                    ));
                }
                BlockKind::Unterminated => {
                    saw_certificate_block = true;
                    errors.push(Issue::new(
                        path,
                        ErrorCode::CertPemUnterminated,
                        "This CERTIFICATE block has no matching -----END CERTIFICATE----- line.",
                    ));
                }
            }
        }
        if !saw_certificate_block {
            errors.push(Issue::new(
                "",
                ErrorCode::CertNotFound,
                if pem::has_begin_marker(input) {
                    "No CERTIFICATE block was found."
                } else {
                    "No certificate found: paste the PEM text including its \
                     -----BEGIN CERTIFICATE----- and -----END CERTIFICATE----- lines."
                },
            ));
        }
    }
    let mut warnings = Vec::new();
    super::checks::check(&certs, options, &mut errors, &mut warnings);
    let value = (!certs.is_empty()).then(|| CertificateBundle {
        certificates: certs.into_iter().map(|s| s.info).collect(),
    });
    Report::new(errors, warnings, value)
}

/// Certificates back to back in raw DER; anything after them that is not a SEQUENCE is
/// trailing garbage.
fn read_der_sequence(input: &[u8], certs: &mut Vec<Summary>, errors: &mut Vec<Issue>) {
    let mut r = Reader::new(input);
    let mut i = 0;
    while !r.is_empty() {
        let path = format!("/blocks/{i}");
        if i > 0 && r.peek_tag() != Some(0x30) {
            errors.push(trailing(&path));
            return;
        }
        match read_certificate(&mut r) {
            Ok(c) => certs.push(summarize(&c)),
            Err(e) => {
                errors.push(der_issue(&path, e));
                return;
            }
        }
        i += 1;
    }
}

fn trailing(path: &str) -> Issue {
    Issue::new(
        path,
        ErrorCode::CertTrailingBytes,
        "There are extra bytes after the certificate.",
    )
}

fn der_issue(path: &str, e: DerError) -> Issue {
    match e {
        DerError::Truncated => Issue::new(
            path,
            ErrorCode::CertDerTruncated,
            "The certificate is cut short: part of it is missing.",
        ),
        DerError::Malformed(what) => Issue::new(
            path,
            ErrorCode::CertDerMalformed,
            format!("This is not a valid X.509 certificate ({what})."),
        ),
    }
}

/// A certificate's reported fields plus what the cross-certificate checks need.
pub(super) struct Summary {
    pub(super) info: CertificateInfo,
    pub(super) not_before: Timestamp,
    pub(super) not_after: Timestamp,
    pub(super) key_usage: Option<u16>,
    pub(super) sans: Vec<super::x509::GeneralName>,
}

fn summarize(c: &Certificate<'_>) -> Summary {
    let (is_ca, path_length) = c.basic_constraints.unwrap_or((false, None));
    let keys_agree = match (c.subject_key_id, c.authority_key_id) {
        (Some(s), Some(a)) => s == a,
        _ => true,
    };
    let self_signed = (c.subject == c.issuer || c.subject_name == c.issuer_name) && keys_agree;
    let mut fingerprint = String::with_capacity(95);
    for (i, b) in crate::sha256::sha256(c.der).iter().enumerate() {
        let sep = if i == 0 { "" } else { ":" };
        let _ = write!(fingerprint, "{sep}{b:02X}");
    }
    Summary {
        info: CertificateInfo {
            subject: c.subject_name.clone(),
            issuer: c.issuer_name.clone(),
            serial_number: serial_hex(c.serial),
            not_before: c.not_before.to_string(),
            not_after: c.not_after.to_string(),
            sha256_fingerprint: fingerprint,
            is_ca,
            path_length,
            self_signed,
            subject_alt_names: c.subject_alt_names.iter().map(|n| n.to_string()).collect(),
            key_algorithm: c.key.algorithm.clone(),
            key_curve: c.key.curve.clone(),
            key_size: c.key.bits,
            version: c.version,
        },
        not_before: c.not_before,
        not_after: c.not_after,
        key_usage: c.key_usage,
        sans: c.subject_alt_names.clone(),
    }
}

/// openssl's `-serial` form of an INTEGER's content octets.
fn serial_hex(content: &[u8]) -> String {
    let negative = content.first().is_some_and(|b| b & 0x80 != 0);
    let magnitude: Vec<u8> = if negative {
        // Two's complement: invert and add one, from the least significant octet.
        let mut m: Vec<u8> = content.iter().map(|b| !b).collect();
        for b in m.iter_mut().rev() {
            let (v, carry) = b.overflowing_add(1);
            *b = v;
            if !carry {
                break;
            }
        }
        m
    } else {
        content.to_vec()
    };
    let start = magnitude.iter().position(|&b| b != 0);
    let digits = start.and_then(|s| magnitude.get(s..)).unwrap_or(&[0]);
    let mut out = String::with_capacity(digits.len() * 2 + 1);
    if negative {
        out.push('-');
    }
    for b in digits {
        let _ = write!(out, "{b:02X}");
    }
    out
}

impl crate::json::ToJson for CertificateBundle {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .field("certificates", &self.certificates)
            .end();
    }
}

impl crate::json::ToJson for CertificateInfo {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .field("subject", &self.subject)
            .field("issuer", &self.issuer)
            .field("serialNumber", &self.serial_number)
            .field("notBefore", &self.not_before)
            .field("notAfter", &self.not_after)
            .field("sha256Fingerprint", &self.sha256_fingerprint)
            .field("isCa", &self.is_ca)
            .field("pathLength", &self.path_length)
            .field("selfSigned", &self.self_signed)
            .field("subjectAltNames", &self.subject_alt_names)
            .field("keyAlgorithm", &self.key_algorithm)
            .field("keyCurve", &self.key_curve)
            .field("keySize", &self.key_size)
            .field("version", &self.version)
            .end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials_print_like_openssl() {
        assert_eq!(serial_hex(&[0x00, 0x8f, 0x01]), "8F01");
        assert_eq!(serial_hex(&[0x01]), "01");
        assert_eq!(serial_hex(&[0x00]), "00");
        assert_eq!(serial_hex(&[0xff]), "-01");
        assert_eq!(serial_hex(&[0xff, 0x00]), "-0100");
    }
}
