//! A small, bounded DER reader: just enough ASN.1 to walk an X.509 certificate.
//!
//! The reader never recurses: callers descend explicitly, one known structure at a time, so the
//! nesting depth is fixed by the code that reads a certificate, not by the input. Lengths are
//! checked against the bytes actually present before anything is sliced, tags are limited to
//! the single-byte form and lengths to four bytes (certificates are far below 4 GiB), and the
//! indefinite length of BER is rejected.

use std::fmt;

/// Why DER could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DerError {
    /// A length points past the end of the bytes present: the data was cut short.
    Truncated,
    /// The bytes are not the DER structure expected; the text says which part.
    Malformed(&'static str),
}

impl fmt::Display for DerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DerError::Truncated => f.write_str("the DER data is cut short"),
            DerError::Malformed(what) => write!(f, "malformed DER: {what}"),
        }
    }
}

/// Universal and context tags the certificate reader uses.
pub mod tag {
    /// BOOLEAN
    pub const BOOLEAN: u8 = 0x01;
    /// INTEGER
    pub const INTEGER: u8 = 0x02;
    /// BIT STRING
    pub const BIT_STRING: u8 = 0x03;
    /// OCTET STRING
    pub const OCTET_STRING: u8 = 0x04;
    /// OBJECT IDENTIFIER
    pub const OID: u8 = 0x06;
    /// UTCTime
    pub const UTC_TIME: u8 = 0x17;
    /// GeneralizedTime
    pub const GENERALIZED_TIME: u8 = 0x18;
    /// SEQUENCE (constructed)
    pub const SEQUENCE: u8 = 0x30;
    /// SET (constructed)
    pub const SET: u8 = 0x31;
    /// `[n]` constructed context-specific tag (EXPLICIT wrappers such as `[0] version`).
    pub const fn context_constructed(n: u8) -> u8 {
        0xa0 | n
    }
    /// `[n]` primitive context-specific tag (IMPLICIT primitives such as `[2] dNSName`).
    pub const fn context(n: u8) -> u8 {
        0x80 | n
    }
}

/// One tag-length-value element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tlv<'a> {
    /// The identifier octet.
    pub tag: u8,
    /// The content octets.
    pub content: &'a [u8],
    /// The whole element, identifier and length included (what a fingerprint hashes).
    pub raw: &'a [u8],
}

impl<'a> Tlv<'a> {
    /// A reader over this element's content.
    pub fn reader(&self) -> Reader<'a> {
        Reader::new(self.content)
    }
}

/// A cursor over consecutive DER elements.
#[derive(Clone, Copy, Debug)]
pub struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    /// A reader over `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { rest: bytes }
    }

    /// `true` when every element has been read.
    pub fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    /// The bytes not read yet.
    pub fn remaining(&self) -> &'a [u8] {
        self.rest
    }

    /// The tag of the next element, without reading it.
    pub fn peek_tag(&self) -> Option<u8> {
        self.rest.first().copied()
    }

    /// Reads the next element of any tag.
    pub fn read(&mut self) -> Result<Tlv<'a>, DerError> {
        let (&tag, after_tag) = self.rest.split_first().ok_or(DerError::Truncated)?;
        if tag & 0x1f == 0x1f {
            return Err(DerError::Malformed(
                "multi-byte tags are not used in certificates",
            ));
        }
        let (&first, mut after_len) = after_tag.split_first().ok_or(DerError::Truncated)?;
        let len = if first < 0x80 {
            usize::from(first)
        } else {
            let count = usize::from(first & 0x7f);
            if count == 0 {
                return Err(DerError::Malformed("indefinite length is not DER"));
            }
            if count > 4 {
                return Err(DerError::Malformed("length too large"));
            }
            let (len_bytes, rest) = after_len
                .split_at_checked(count)
                .ok_or(DerError::Truncated)?;
            after_len = rest;
            len_bytes
                .iter()
                .fold(0usize, |acc, &b| (acc << 8) | usize::from(b))
        };
        let (content, rest) = after_len.split_at_checked(len).ok_or(DerError::Truncated)?;
        let header = self.rest.len() - after_len.len();
        let raw = self.rest.get(..header + len).ok_or(DerError::Truncated)?;
        self.rest = rest;
        Ok(Tlv { tag, content, raw })
    }

    /// Reads the next element, which must carry `tag`; `what` names it in the error.
    pub fn expect(&mut self, tag: u8, what: &'static str) -> Result<Tlv<'a>, DerError> {
        let tlv = self.read()?;
        if tlv.tag == tag {
            Ok(tlv)
        } else {
            Err(DerError::Malformed(what))
        }
    }

    /// Reads the next element only when it carries `tag`.
    pub fn optional(&mut self, tag: u8) -> Result<Option<Tlv<'a>>, DerError> {
        if self.peek_tag() == Some(tag) {
            self.read().map(Some)
        } else {
            Ok(None)
        }
    }

    /// Fails unless every element has been read; `what` names the structure.
    pub fn finish(&self, what: &'static str) -> Result<(), DerError> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(DerError::Malformed(what))
        }
    }
}

/// The value of a small non-negative INTEGER (a version, a path length); `None` when negative
/// or larger than `u32`.
pub fn small_uint(content: &[u8]) -> Option<u32> {
    if content.is_empty() || content.len() > 5 || content.first().is_some_and(|b| b & 0x80 != 0) {
        return None;
    }
    let v = content
        .iter()
        .fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
    u32::try_from(v).ok()
}

/// The dotted form of an OBJECT IDENTIFIER's content (`2.5.4.3`); `None` when malformed.
pub fn oid_to_string(content: &[u8]) -> Option<String> {
    use std::fmt::Write;
    let mut out = String::new();
    let mut value: u64 = 0;
    let mut first = true;
    let mut pending = false;
    for &b in content {
        if !pending && b == 0x80 {
            return None; // non-minimal encoding
        }
        value = value.checked_mul(128)?.checked_add(u64::from(b & 0x7f))?;
        pending = b & 0x80 != 0;
        if pending {
            continue;
        }
        if first {
            let (a, b) = match value {
                0..=39 => (0, value),
                40..=79 => (1, value - 40),
                _ => (2, value - 80),
            };
            let _ = write!(out, "{a}.{b}");
            first = false;
        } else {
            let _ = write!(out, ".{value}");
        }
        value = 0;
    }
    (!pending && !first).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_short_and_long_lengths() {
        let mut r = Reader::new(&[0x04, 0x01, 0xaa, 0x04, 0x81, 0x01, 0xbb]);
        assert_eq!(r.read().unwrap().content, &[0xaa]);
        let t = r.read().unwrap();
        assert_eq!((t.content, t.raw.len()), (&[0xbb][..], 4));
        assert!(r.is_empty());
        assert_eq!(
            Reader::new(&[0x30, 0x05, 0x00]).read(),
            Err(DerError::Truncated)
        );
        assert_eq!(Reader::new(&[0x30]).read(), Err(DerError::Truncated));
        assert!(matches!(
            Reader::new(&[0x30, 0x80]).read(),
            Err(DerError::Malformed(_))
        ));
        assert!(matches!(
            Reader::new(&[0x1f, 0x01]).read(),
            Err(DerError::Malformed(_))
        ));
        assert!(matches!(
            Reader::new(&[0x30, 0x85, 1, 1, 1, 1, 1]).read(),
            Err(DerError::Malformed(_))
        ));
    }

    #[test]
    fn oids_and_integers() {
        assert_eq!(
            oid_to_string(&[0x55, 0x04, 0x03]).as_deref(),
            Some("2.5.4.3")
        );
        assert_eq!(
            oid_to_string(&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]).as_deref(),
            Some("1.2.840.113549.1.1.1")
        );
        assert_eq!(oid_to_string(&[0x2a, 0x86]), None);
        assert_eq!(oid_to_string(&[]), None);
        assert_eq!(small_uint(&[0x02]), Some(2));
        assert_eq!(small_uint(&[0xff]), None);
    }
}
