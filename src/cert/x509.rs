//! An X.509 certificate (RFC 5280) read with the bounded [`der`](super::der) reader: the fields
//! inspection reports, nothing more. Signatures are not verified.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::der::{oid_to_string, small_uint, tag, DerError, Reader, Tlv};
use crate::time::{Civil, Timestamp};

const EXT_SUBJECT_KEY_ID: &[u8] = &[0x55, 0x1d, 0x0e];
const EXT_KEY_USAGE: &[u8] = &[0x55, 0x1d, 0x0f];
const EXT_SUBJECT_ALT_NAME: &[u8] = &[0x55, 0x1d, 0x11];
const EXT_BASIC_CONSTRAINTS: &[u8] = &[0x55, 0x1d, 0x13];
const EXT_AUTHORITY_KEY_ID: &[u8] = &[0x55, 0x1d, 0x23];

/// The `keyCertSign` bit of keyUsage (bit 5, counted from the most significant bit).
pub const KEY_CERT_SIGN: u16 = 1 << 5;

/// A parsed certificate borrowing from its DER bytes.
#[derive(Clone, Debug)]
pub struct Certificate<'a> {
    /// The whole certificate, as hashed for its fingerprint.
    pub der: &'a [u8],
    /// 1, 2 or 3.
    pub version: u32,
    /// The serial number's INTEGER content octets (two's complement, big-endian).
    pub serial: &'a [u8],
    /// The issuer Name, as encoded (the whole SEQUENCE).
    pub issuer: &'a [u8],
    /// The subject Name, as encoded (the whole SEQUENCE).
    pub subject: &'a [u8],
    /// The issuer as text ([`format_name`](super::names::format_name)).
    pub issuer_name: String,
    /// The subject as text ([`format_name`](super::names::format_name)).
    pub subject_name: String,
    /// Start of the validity period.
    pub not_before: Timestamp,
    /// End of the validity period.
    pub not_after: Timestamp,
    /// The subject public key's algorithm and size.
    pub key: PublicKey,
    /// basicConstraints: `(cA, pathLenConstraint)`, when the extension is present.
    pub basic_constraints: Option<(bool, Option<u32>)>,
    /// keyUsage bits (bit 0 = digitalSignature is the top bit of the first octet, stored as
    /// `1 << 0`), when the extension is present.
    pub key_usage: Option<u16>,
    /// subjectAltName entries in order.
    pub subject_alt_names: Vec<GeneralName>,
    /// subjectKeyIdentifier.
    pub subject_key_id: Option<&'a [u8]>,
    /// authorityKeyIdentifier's keyIdentifier.
    pub authority_key_id: Option<&'a [u8]>,
}

/// A subject public key's algorithm, named the way people know it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicKey {
    /// `RSA`, `RSASSA-PSS`, `EC`, `Ed25519`, `Ed448`, `DSA`, or the dotted OID when unknown.
    pub algorithm: String,
    /// For EC keys: `P-256`, `P-384`, `P-521`, `secp256k1`, or the curve's dotted OID.
    pub curve: Option<String>,
    /// Key size in bits (RSA modulus, DSA prime, EC field size; 256 for Ed25519, 456 for Ed448).
    pub bits: Option<u32>,
}

/// One subjectAltName entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GeneralName {
    /// dNSName
    Dns(String),
    /// iPAddress
    Ip(IpAddr),
    /// rfc822Name
    Email(String),
    /// uniformResourceIdentifier
    Uri(String),
    /// Any other form, described (`DirName:…`, `othername:<unsupported>`, …).
    Other(String),
}

impl std::fmt::Display for GeneralName {
    /// openssl's prefixes: `DNS:`, `IP:` (openssl says `IP Address:`), `email:`, `URI:`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GeneralName::Dns(n) => write!(f, "DNS:{n}"),
            GeneralName::Ip(ip) => write!(f, "IP:{}", crate::url::ip_text::ip_text(*ip)),
            GeneralName::Email(e) => write!(f, "email:{e}"),
            GeneralName::Uri(u) => write!(f, "URI:{u}"),
            GeneralName::Other(o) => f.write_str(o),
        }
    }
}

/// Reads one certificate from the front of `reader`, leaving what follows it.
///
/// # Errors
/// [`DerError::Truncated`] when the bytes end inside the certificate, [`DerError::Malformed`]
/// when they are not a certificate.
pub fn read_certificate<'a>(reader: &mut Reader<'a>) -> Result<Certificate<'a>, DerError> {
    let cert = reader.expect(tag::SEQUENCE, "a certificate is a SEQUENCE")?;
    let mut outer = cert.reader();
    let tbs = outer.expect(tag::SEQUENCE, "tbsCertificate")?;
    outer.expect(tag::SEQUENCE, "signatureAlgorithm")?;
    outer.expect(tag::BIT_STRING, "signatureValue")?;
    outer.finish("unexpected data after the signature")?;

    let mut r = tbs.reader();
    let version = match r.optional(tag::context_constructed(0))? {
        None => 1,
        Some(v) => {
            let int = v.reader().expect(tag::INTEGER, "version")?;
            match small_uint(int.content) {
                Some(n @ 0..=2) => n + 1,
                _ => return Err(DerError::Malformed("unknown certificate version")),
            }
        }
    };
    let serial = r.expect(tag::INTEGER, "serialNumber")?.content;
    if serial.is_empty() {
        return Err(DerError::Malformed("empty serialNumber"));
    }
    r.expect(tag::SEQUENCE, "signature algorithm")?;
    let issuer = r.expect(tag::SEQUENCE, "issuer")?.raw;
    let mut validity = r.expect(tag::SEQUENCE, "validity")?.reader();
    let not_before = read_time(&mut validity)?;
    let not_after = read_time(&mut validity)?;
    validity.finish("validity")?;
    let subject = r.expect(tag::SEQUENCE, "subject")?.raw;
    let key = read_public_key(r.expect(tag::SEQUENCE, "subjectPublicKeyInfo")?)?;
    r.optional(tag::context(1))?;
    r.optional(tag::context_constructed(1))?;
    r.optional(tag::context(2))?;
    r.optional(tag::context_constructed(2))?;

    let mut c = Certificate {
        der: cert.raw,
        version,
        serial,
        issuer,
        subject,
        issuer_name: super::names::format_name(issuer)?,
        subject_name: super::names::format_name(subject)?,
        not_before,
        not_after,
        key,
        basic_constraints: None,
        key_usage: None,
        subject_alt_names: Vec::new(),
        subject_key_id: None,
        authority_key_id: None,
    };
    if let Some(exts) = r.optional(tag::context_constructed(3))? {
        let mut list = exts.reader().expect(tag::SEQUENCE, "extensions")?.reader();
        while !list.is_empty() {
            read_extension(&mut c, list.expect(tag::SEQUENCE, "extension")?)?;
        }
    }
    r.finish("unexpected data in tbsCertificate")?;
    Ok(c)
}

fn read_extension<'a>(c: &mut Certificate<'a>, ext: Tlv<'a>) -> Result<(), DerError> {
    let mut r = ext.reader();
    let id = r.expect(tag::OID, "extension id")?.content;
    r.optional(tag::BOOLEAN)?;
    let value = r.expect(tag::OCTET_STRING, "extension value")?.content;
    r.finish("extension")?;
    let mut v = Reader::new(value);
    match id {
        EXT_BASIC_CONSTRAINTS => {
            let mut bc = v.expect(tag::SEQUENCE, "basicConstraints")?.reader();
            let ca = match bc.optional(tag::BOOLEAN)? {
                Some(b) => b.content.first().is_some_and(|&x| x != 0),
                None => false,
            };
            let path_len = match bc.optional(tag::INTEGER)? {
                Some(i) => Some(
                    small_uint(i.content)
                        .ok_or(DerError::Malformed("basicConstraints pathLenConstraint"))?,
                ),
                None => None,
            };
            c.basic_constraints = Some((ca, path_len));
        }
        EXT_KEY_USAGE => {
            let bits = v.expect(tag::BIT_STRING, "keyUsage")?.content;
            let (_unused, octets) = bits.split_first().ok_or(DerError::Malformed("keyUsage"))?;
            let first = u16::from(octets.first().copied().unwrap_or(0)).reverse_bits() >> 8;
            let second = u16::from(octets.get(1).copied().unwrap_or(0)).reverse_bits();
            c.key_usage = Some(first | second);
        }
        EXT_SUBJECT_ALT_NAME => {
            let mut names = v.expect(tag::SEQUENCE, "subjectAltName")?.reader();
            while !names.is_empty() {
                c.subject_alt_names.push(read_general_name(names.read()?));
            }
        }
        EXT_SUBJECT_KEY_ID => {
            c.subject_key_id = Some(v.expect(tag::OCTET_STRING, "subjectKeyIdentifier")?.content);
        }
        EXT_AUTHORITY_KEY_ID => {
            let mut aki = v.expect(tag::SEQUENCE, "authorityKeyIdentifier")?.reader();
            c.authority_key_id = aki.optional(tag::context(0))?.map(|t| t.content);
        }
        _ => {}
    }
    Ok(())
}

fn read_general_name(t: Tlv<'_>) -> GeneralName {
    let text = || String::from_utf8_lossy(t.content).into_owned();
    match t.tag {
        0x81 => GeneralName::Email(text()),
        0x82 => GeneralName::Dns(text()),
        0x86 => GeneralName::Uri(text()),
        0x87 => match t.content.len() {
            4 => {
                let mut a = [0u8; 4];
                a.copy_from_slice(t.content);
                GeneralName::Ip(IpAddr::V4(Ipv4Addr::from(a)))
            }
            16 => {
                let mut a = [0u8; 16];
                a.copy_from_slice(t.content);
                GeneralName::Ip(IpAddr::V6(Ipv6Addr::from(a)))
            }
            _ => GeneralName::Other("IP:<invalid>".into()),
        },
        0xa4 => GeneralName::Other(format!(
            "DirName:{}",
            t.reader()
                .read()
                .ok()
                .and_then(|n| super::names::format_name(n.raw).ok())
                .unwrap_or_default()
        )),
        0x88 => GeneralName::Other(format!(
            "Registered ID:{}",
            oid_to_string(t.content).unwrap_or_default()
        )),
        _ => GeneralName::Other("othername:<unsupported>".into()),
    }
}

fn read_time(r: &mut Reader<'_>) -> Result<Timestamp, DerError> {
    let t = r.read()?;
    let digits = |s: &[u8]| -> Option<u32> {
        s.iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let (year, rest) = match (t.tag, t.content.len()) {
        (tag::UTC_TIME, 13) => {
            let (yy, rest) = t.content.split_at(2);
            let yy = i64::from(digits(yy).ok_or(DerError::Malformed("UTCTime"))?);
            (if yy >= 50 { 1900 + yy } else { 2000 + yy }, rest)
        }
        (tag::GENERALIZED_TIME, 15) => {
            let (yyyy, rest) = t.content.split_at(4);
            (
                i64::from(digits(yyyy).ok_or(DerError::Malformed("GeneralizedTime"))?),
                rest,
            )
        }
        _ => return Err(DerError::Malformed("validity time")),
    };
    let field = |i: usize| rest.get(i..i + 2).and_then(digits);
    let civil = (|| {
        (rest.last() == Some(&b'Z')).then_some(())?;
        Some(Civil {
            year,
            month: field(0)?,
            day: field(2)?,
            hour: field(4)?,
            minute: field(6)?,
            second: field(8)?,
        })
    })();
    civil
        .and_then(Timestamp::from_civil)
        .ok_or(DerError::Malformed("validity time"))
}

fn read_public_key(spki: Tlv<'_>) -> Result<PublicKey, DerError> {
    let mut r = spki.reader();
    let mut alg = r.expect(tag::SEQUENCE, "public key algorithm")?.reader();
    let oid = oid_to_string(alg.expect(tag::OID, "public key algorithm")?.content)
        .ok_or(DerError::Malformed("public key algorithm"))?;
    let params = alg.remaining();
    let key_bits = r.expect(tag::BIT_STRING, "subjectPublicKey")?.content;
    let key = key_bits.get(1..).unwrap_or_default();
    let integer_bits = |int: &[u8]| -> Option<u32> {
        let start = int.iter().position(|&b| b != 0)?;
        let first = int.get(start)?;
        let len = u32::try_from(int.len() - start).ok()?;
        Some(len * 8 - first.leading_zeros())
    };
    let first_integer = |bytes: &[u8]| -> Option<u32> {
        let mut seq = Reader::new(bytes)
            .expect(tag::SEQUENCE, "key")
            .ok()?
            .reader();
        integer_bits(seq.expect(tag::INTEGER, "key").ok()?.content)
    };
    let named = |algorithm: &str, bits| PublicKey {
        algorithm: algorithm.into(),
        curve: None,
        bits,
    };
    Ok(match oid.as_str() {
        "1.2.840.113549.1.1.1" => named("RSA", first_integer(key)),
        "1.2.840.113549.1.1.10" => named("RSASSA-PSS", first_integer(key)),
        "1.2.840.10040.4.1" => named("DSA", first_integer(params)),
        "1.3.101.112" => named("Ed25519", Some(256)),
        "1.3.101.113" => named("Ed448", Some(456)),
        "1.2.840.10045.2.1" => {
            let curve = Reader::new(params)
                .expect(tag::OID, "curve")
                .ok()
                .and_then(|c| oid_to_string(c.content));
            let (name, bits) = match curve.as_deref() {
                Some("1.2.840.10045.3.1.7") => (Some("P-256".to_string()), Some(256)),
                Some("1.3.132.0.34") => (Some("P-384".to_string()), Some(384)),
                Some("1.3.132.0.35") => (Some("P-521".to_string()), Some(521)),
                Some("1.3.132.0.10") => (Some("secp256k1".to_string()), Some(256)),
                other => (
                    other.map(str::to_string),
                    u32::try_from(key.len().saturating_sub(1) / 2 * 8).ok(),
                ),
            };
            PublicKey {
                algorithm: "EC".into(),
                curve: name,
                bits,
            }
        }
        _ => PublicKey {
            algorithm: oid,
            curve: None,
            bits: None,
        },
    })
}
