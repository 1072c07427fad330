//! Parser size probe (see measure.sh): with no feature, only SHA-256 and formatting; with
//! `hand`, `xc` (x509-cert + der) or `xp` (x509-parser), one parser extracting the same fields: extract serial, validity, CA flag, key algorithm, SANs and fingerprint.
use sha2::Digest;
// The hand-written reader, compiled from regcred's own sources.
#[cfg(feature = "hand")]
#[allow(dead_code, missing_docs)]
#[path = "../../../src/time.rs"]
pub mod time;
#[cfg(feature = "hand")]
#[allow(dead_code, missing_docs)]
#[path = "../../../src/cert"]
mod cert {
    pub mod der;
    pub mod names;
    pub mod x509;
}

/// Summary string of one DER certificate, or None.
pub fn summary(der_bytes: &[u8]) -> Option<String> {
    let fp = sha2::Sha256::digest(der_bytes);
    let s = imp(der_bytes)?;
    Some(format!("{s} {:x?}", fp.as_slice()))
}

#[cfg(feature = "xc")]
fn imp(d: &[u8]) -> Option<String> {
    use der::oid::AssociatedOid;
    use der::Decode;
    use x509_cert::ext::pkix::{BasicConstraints, KeyUsage, SubjectAltName};
    let c = x509_cert::Certificate::from_der(d).ok()?;
    let tbs = &c.tbs_certificate;
    let mut ca = false;
    let mut sans = 0usize;
    let mut ku = 0u16;
    for e in tbs.extensions.iter().flatten() {
        if e.extn_id == BasicConstraints::OID {
            ca = BasicConstraints::from_der(e.extn_value.as_bytes()).ok()?.ca;
        } else if e.extn_id == SubjectAltName::OID {
            sans = SubjectAltName::from_der(e.extn_value.as_bytes())
                .ok()?
                .0
                .len();
        } else if e.extn_id == KeyUsage::OID {
            ku = KeyUsage::from_der(e.extn_value.as_bytes()).ok()?.0.bits();
        }
    }
    Some(format!(
        "{:x?} {} {} {} {} {} {} {}",
        tbs.serial_number.as_bytes(),
        tbs.validity.not_before.to_unix_duration().as_secs(),
        tbs.validity.not_after.to_unix_duration().as_secs(),
        ca,
        sans,
        ku,
        tbs.subject_public_key_info.algorithm.oid,
        tbs.subject.to_string()
    ))
}

#[cfg(feature = "xp")]
fn imp(d: &[u8]) -> Option<String> {
    let (_, c) = x509_parser::parse_x509_certificate(d).ok()?;
    let ca = c
        .basic_constraints()
        .ok()
        .flatten()
        .map(|b| b.value.ca)
        .unwrap_or(false);
    let sans = c
        .subject_alternative_name()
        .ok()
        .flatten()
        .map(|s| s.value.general_names.len())
        .unwrap_or(0);
    let ku = c
        .key_usage()
        .ok()
        .flatten()
        .map(|k| k.value.flags)
        .unwrap_or(0);
    Some(format!(
        "{:x?} {} {} {} {} {} {} {}",
        c.raw_serial(),
        c.validity().not_before.timestamp(),
        c.validity().not_after.timestamp(),
        ca,
        sans,
        ku,
        c.public_key().algorithm.algorithm,
        c.subject()
    ))
}

#[cfg(feature = "hand")]
fn imp(d: &[u8]) -> Option<String> {
    let mut r = cert::der::Reader::new(d);
    let c = cert::x509::read_certificate(&mut r).ok()?;
    let (ca, _) = c.basic_constraints.unwrap_or((false, None));
    Some(format!(
        "{:x?} {} {} {} {} {:?} {} {} {}",
        c.serial,
        c.not_before.0,
        c.not_after.0,
        ca,
        c.subject_alt_names.len(),
        c.key_usage,
        c.key.algorithm,
        c.subject_name,
        c.issuer_name
    ))
}

#[cfg(not(any(feature = "xc", feature = "xp", feature = "hand")))]
fn imp(d: &[u8]) -> Option<String> {
    Some(format!("{}", d.len()))
}

/// Wasm export.
#[no_mangle]
pub extern "C" fn probe(ptr: *const u8, len: usize) -> usize {
    let d = unsafe { core::slice::from_raw_parts(ptr, len) };
    summary(d).map(|s| s.len()).unwrap_or(0)
}
/// Alloc for the host.
#[no_mangle]
pub extern "C" fn alloc(n: usize) -> *mut u8 {
    let mut v = Vec::<u8>::with_capacity(n);
    let p = v.as_mut_ptr();
    core::mem::forget(v);
    p
}
