//! The checks on certificates that could be read: validity against `now`, CA-ness, keyUsage,
//! version, duplicates, chain completeness and host coverage.

use super::host;
use super::inspect::{InspectOptions, Summary};
use super::x509::KEY_CERT_SIGN;
use crate::report::Issue;
use crate::ErrorCode;

/// A certificate expiring within this many seconds (30 days) gets `cert.expires-soon`.
pub const EXPIRES_SOON_SECONDS: i64 = 30 * 86_400;

/// Appends the errors and warnings about `certs` (in input order) to the lists.
pub(super) fn check(
    certs: &[Summary],
    options: &InspectOptions,
    errors: &mut Vec<Issue>,
    warnings: &mut Vec<Issue>,
) {
    let now = options.now;
    let host = options
        .host
        .as_deref()
        .map(host::host_of)
        .filter(|h| !h.is_empty());
    for (i, s) in certs.iter().enumerate() {
        let path = format!("/certificates/{i}");
        let c = &s.info;
        let n = i + 1;
        if now > s.not_after {
            errors.push(Issue::new(
                &path,
                ErrorCode::CertExpired,
                format!("Certificate {n} expired on {}.", c.not_after),
            ));
        } else if s.not_after.0 - now.0 <= EXPIRES_SOON_SECONDS {
            warnings.push(Issue::new(
                &path,
                ErrorCode::CertExpiresSoon,
                format!(
                    "Certificate {n} expires within 30 days, on {}.",
                    c.not_after
                ),
            ));
        }
        if now < s.not_before {
            warnings.push(Issue::new(
                &path,
                ErrorCode::CertNotYetValid,
                format!("Certificate {n} is not valid before {}.", c.not_before),
            ));
        }
        // A v1 self-signed certificate has no extensions at all; OpenSSL and Go accept it as a
        // trust anchor, so it gets the `cert.v1` warning rather than `cert.not-ca`.
        let v1_root = c.version == 1 && c.self_signed;
        if !c.is_ca && !v1_root {
            if options.require_ca {
                errors.push(Issue::new(
                    &path,
                    ErrorCode::CertNotCa,
                    format!(
                        "Certificate {n} is not a CA certificate (basicConstraints CA is \
                         missing or false); paste the CA that issued the registry's certificate."
                    ),
                ));
            } else {
                warnings.push(Issue::new(
                    &path,
                    ErrorCode::CertLeaf,
                    format!("Certificate {n} is a leaf (server) certificate, not a CA."),
                ));
            }
        }
        if c.is_ca && s.key_usage.is_some_and(|ku| ku & KEY_CERT_SIGN == 0) {
            errors.push(Issue::new(
                &path,
                ErrorCode::CertKeyUsage,
                format!(
                    "Certificate {n} has a keyUsage without keyCertSign, so it cannot sign \
                     certificates."
                ),
            ));
        }
        if c.version == 1 {
            warnings.push(Issue::new(
                &path,
                ErrorCode::CertV1,
                format!(
                    "Certificate {n} is an X.509 version 1 certificate, without extensions; \
                     some clients reject it."
                ),
            ));
        }
        // A linear scan: bundles hold a few hundred certificates at most, and a hash set costs
        // more wasm bytes than it saves time.
        let earlier = certs.get(..i).unwrap_or_default();
        if earlier
            .iter()
            .any(|e| e.info.sha256_fingerprint == c.sha256_fingerprint)
        {
            warnings.push(Issue::new(
                &path,
                ErrorCode::CertDuplicate,
                format!("Certificate {n} appears more than once."),
            ));
        }
        if c.is_ca
            && !c.self_signed
            && !certs
                .iter()
                .any(|other| other.info.subject == c.issuer && other.info.is_ca)
        {
            warnings.push(Issue::new(
                &path,
                ErrorCode::CertIntermediateWithoutRoot,
                format!(
                    "Certificate {n} is an intermediate CA whose issuer is not in the bundle; \
                     add the root CA too."
                ),
            ));
        }
        if let Some(h) = &host {
            if !c.is_ca && !host::covers(&s.sans, h) {
                warnings.push(Issue::new(
                    &path,
                    ErrorCode::CertHostMismatch,
                    format!(
                        "Certificate {n} does not name the registry host in its subject \
                         alternative names."
                    ),
                ));
            }
        }
    }
}
