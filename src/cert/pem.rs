//! The PEM scanner: finds `-----BEGIN <label>-----` … `-----END <label>-----` blocks in pasted
//! text and decodes the base64 bodies of certificate blocks.
//!
//! It accepts what people actually paste: a UTF-8 byte-order mark, CRLF or LF line ends, text
//! before, between and after blocks (openssl's `Bag Attributes`, `subject=` lines, comments),
//! and base64 lines of any length, wrapped or not, padded or not. The body of a private-key
//! block is never decoded or kept: the scanner only records that one was there.

use crate::base64_codec::{decode, Alphabet, Padding};

/// Labels longer than this are not PEM labels (and are never copied out of the input).
const MAX_LABEL: usize = 64;

/// What a PEM block holds, as far as certificate inspection cares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A `CERTIFICATE` (or legacy `X509 CERTIFICATE`) block with its decoded DER.
    Certificate(Vec<u8>),
    /// A private key of any kind (`PRIVATE KEY`, `RSA PRIVATE KEY`, `OPENSSH PRIVATE KEY`, …).
    /// The body is not kept.
    PrivateKey,
    /// A block with another label (`CERTIFICATE REQUEST`, `PUBLIC KEY`, …). The label is kept
    /// only when it is one of the well-known ones, so arbitrary input is never echoed.
    OtherLabel(Option<&'static str>),
    /// A certificate block whose body is not valid base64.
    BadBase64,
    /// A `BEGIN` line without its matching `END` line.
    Unterminated,
}

/// Labels that may be named back to the user when they show up instead of `CERTIFICATE`.
const KNOWN_LABELS: &[&str] = &[
    "CERTIFICATE REQUEST",
    "NEW CERTIFICATE REQUEST",
    "TRUSTED CERTIFICATE",
    "PUBLIC KEY",
    "RSA PUBLIC KEY",
    "X509 CRL",
    "PKCS7",
    "CMS",
    "DH PARAMETERS",
    "EC PARAMETERS",
    "SSH2 PUBLIC KEY",
    "PGP PUBLIC KEY BLOCK",
    "PGP PRIVATE KEY BLOCK",
    "OPENSSH PRIVATE KEY",
];

/// Finds every PEM block in `input`, in order. Text outside blocks is ignored.
pub fn scan(input: &[u8]) -> Vec<BlockKind> {
    let input = input.strip_prefix(b"\xef\xbb\xbf").unwrap_or(input);
    let mut blocks = Vec::new();
    let mut lines = input.split(|&b| b == b'\n').map(|l| l.trim_ascii());
    while let Some(line) = lines.next() {
        let Some(label) = begin_label(line) else {
            continue;
        };
        let mut body = Vec::new();
        let mut terminated = false;
        for line in lines.by_ref() {
            if let Some(end) = marker(line, b"-----END ") {
                terminated = end == label;
                break;
            }
            body.extend(line.iter().filter(|b| !b.is_ascii_whitespace()));
        }
        blocks.push(classify(label, &body, terminated));
    }
    blocks
}

/// `true` when `input` contains anything that looks like the start of a PEM block.
pub fn has_begin_marker(input: &[u8]) -> bool {
    input.windows(11).any(|w| w == b"-----BEGIN ")
}

fn begin_label(line: &[u8]) -> Option<&[u8]> {
    marker(line, b"-----BEGIN ")
}

/// The label of a `<prefix><label>-----` line.
fn marker<'a>(line: &'a [u8], prefix: &[u8]) -> Option<&'a [u8]> {
    let label = line.strip_prefix(prefix)?.strip_suffix(b"-----")?;
    (label.len() <= MAX_LABEL).then_some(label)
}

fn classify(label: &[u8], body: &[u8], terminated: bool) -> BlockKind {
    if label.ends_with(b"PRIVATE KEY") || label == b"PGP PRIVATE KEY BLOCK" {
        return BlockKind::PrivateKey;
    }
    if label != b"CERTIFICATE" && label != b"X509 CERTIFICATE" {
        let known = KNOWN_LABELS.iter().find(|k| k.as_bytes() == label).copied();
        return BlockKind::OtherLabel(known);
    }
    if !terminated {
        return BlockKind::Unterminated;
    }
    // The standard alphabet, padding optional.
    match decode(body, Alphabet::Standard, Padding::Optional) {
        Some(der) if !der.is_empty() => BlockKind::Certificate(der),
        _ => BlockKind::BadBase64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerates_bom_crlf_text_and_long_lines() {
        let text = b"\xef\xbb\xbfBag Attributes\r\n    friendlyName: x\r\n-----BEGIN CERTIFICATE-----\r\nMAMCAQE=\r\n-----END CERTIFICATE-----\r\nbetween\n-----BEGIN CERTIFICATE-----\nMAMC\nAQE\n-----END CERTIFICATE-----";
        let blocks = scan(text);
        assert_eq!(
            blocks,
            vec![
                BlockKind::Certificate(vec![0x30, 3, 2, 1, 1]),
                BlockKind::Certificate(vec![0x30, 3, 2, 1, 1])
            ]
        );
    }

    #[test]
    fn classifies_other_blocks() {
        let text = b"-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n-----BEGIN SECRET STUFF-----\n-----END SECRET STUFF-----\n-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nMAMC";
        assert_eq!(
            scan(text),
            vec![
                BlockKind::PrivateKey,
                BlockKind::OtherLabel(Some("PUBLIC KEY")),
                BlockKind::OtherLabel(None),
                BlockKind::BadBase64,
                BlockKind::Unterminated,
            ]
        );
    }
}
