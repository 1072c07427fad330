//! Distinguished names as text, in the form `openssl x509 -nameopt RFC2253,-esc_msb` prints:
//! RFC 4514 order (the most specific RDN first: `CN=Root CA,O=Example,C=US`), `,` between RDNs
//! and `+` inside a multi-valued one, OpenSSL's short attribute names (`CN`, `O`, `OU`, `C`,
//! `ST`, `L`, `emailAddress`, `DC`, `UID`, `serialNumber`, `organizationIdentifier`, …) and
//! the dotted OID for others, RFC 4514 escaping (`\,` `\+` `\"` `\\` `\<` `\>` `\;`, a leading
//! `#` or space, a trailing space) and `\XX` for control characters. Non-ASCII text is kept as
//! UTF-8 (BMPString, UniversalString and TeletexString are converted); a value of an unknown
//! attribute type or of a non-string type is written `#` followed by the hex of its DER.

use std::fmt::Write;

use super::der::{oid_to_string, tag, DerError, Reader};

/// OpenSSL's short names for attribute types, by dotted OID.
const SHORT_NAMES: &[(&str, &str)] = &[
    ("2.5.4.3", "CN"),
    ("2.5.4.4", "SN"),
    ("2.5.4.5", "serialNumber"),
    ("2.5.4.6", "C"),
    ("2.5.4.7", "L"),
    ("2.5.4.8", "ST"),
    ("2.5.4.9", "street"),
    ("2.5.4.10", "O"),
    ("2.5.4.11", "OU"),
    ("2.5.4.12", "title"),
    ("2.5.4.13", "description"),
    ("2.5.4.15", "businessCategory"),
    ("2.5.4.17", "postalCode"),
    ("2.5.4.41", "name"),
    ("2.5.4.42", "GN"),
    ("2.5.4.43", "initials"),
    ("2.5.4.44", "generationQualifier"),
    ("2.5.4.46", "dnQualifier"),
    ("2.5.4.65", "pseudonym"),
    ("2.5.4.97", "organizationIdentifier"),
    ("0.9.2342.19200300.100.1.1", "UID"),
    ("0.9.2342.19200300.100.1.25", "DC"),
    ("1.2.840.113549.1.9.1", "emailAddress"),
    ("1.3.6.1.4.1.311.60.2.1.1", "jurisdictionL"),
    ("1.3.6.1.4.1.311.60.2.1.2", "jurisdictionST"),
    ("1.3.6.1.4.1.311.60.2.1.3", "jurisdictionC"),
];

/// Formats an encoded Name (the whole SEQUENCE) as text; see the module docs for the form.
///
/// # Errors
/// [`DerError`] when the bytes are not a Name.
pub fn format_name(name: &[u8]) -> Result<String, DerError> {
    let mut rdns = Reader::new(name).expect(tag::SEQUENCE, "Name")?.reader();
    // (set index, attribute) in encoded order; printed reversed, as openssl's DN_REV does.
    let mut attributes = Vec::new();
    let mut set = 0usize;
    while !rdns.is_empty() {
        let mut rdn = rdns.expect(tag::SET, "RelativeDistinguishedName")?.reader();
        while !rdn.is_empty() {
            let mut atv = rdn.expect(tag::SEQUENCE, "AttributeTypeAndValue")?.reader();
            let oid = atv.expect(tag::OID, "attribute type")?;
            let value = atv.read()?;
            atv.finish("AttributeTypeAndValue")?;
            let dotted = oid_to_string(oid.content).ok_or(DerError::Malformed("attribute type"))?;
            attributes.push((set, dotted, value));
        }
        set += 1;
    }
    let mut out = String::new();
    let mut previous_set = None;
    for (set, dotted, value) in attributes.iter().rev() {
        match previous_set {
            Some(p) if p == *set => out.push('+'),
            Some(_) => out.push(','),
            None => {}
        }
        previous_set = Some(*set);
        let short = SHORT_NAMES
            .iter()
            .find(|(oid, _)| oid == dotted)
            .map(|(_, short)| *short);
        out.push_str(short.unwrap_or(dotted));
        out.push('=');
        match short.and_then(|_| decode_string(value.tag, value.content)) {
            Some(text) => escape_into(&mut out, &text),
            None => {
                out.push('#');
                for b in value.raw {
                    let _ = write!(out, "{b:02X}");
                }
            }
        }
    }
    Ok(out)
}

/// The text of a string-typed value; `None` for other types.
fn decode_string(tag: u8, content: &[u8]) -> Option<String> {
    match tag {
        // UTF8String
        0x0c => Some(String::from_utf8_lossy(content).into_owned()),
        // Numeric, Printable, IA5, UTCTime, GeneralizedTime, Graphic, Visible, General: one
        // byte per character; Teletex (T61) read as Latin-1, as openssl does.
        0x12..=0x1b => Some(content.iter().map(|&b| char::from(b)).collect()),
        // UniversalString (UCS-4)
        0x1c => Some(
            content
                .chunks(4)
                .map(|c| {
                    let v = c.iter().fold(0u32, |a, &b| (a << 8) | u32::from(b));
                    char::from_u32(v).unwrap_or(char::REPLACEMENT_CHARACTER)
                })
                .collect(),
        ),
        // BMPString (UCS-2)
        0x1e => Some(
            content
                .chunks(2)
                .map(|c| {
                    let v = c.iter().fold(0u32, |a, &b| (a << 8) | u32::from(b));
                    char::from_u32(v).unwrap_or(char::REPLACEMENT_CHARACTER)
                })
                .collect(),
        ),
        _ => None,
    }
}

fn escape_into(out: &mut String, text: &str) {
    let last = text.chars().count().saturating_sub(1);
    for (i, c) in text.chars().enumerate() {
        match c {
            ',' | '+' | '"' | '\\' | '<' | '>' | ';' => {
                out.push('\\');
                out.push(c);
            }
            '#' if i == 0 => out.push_str("\\#"),
            ' ' if i == 0 || i == last => out.push_str("\\ "),
            c if u32::from(c) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\{:02X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn atv(oid: &[u8], tag: u8, value: &[u8]) -> Vec<u8> {
        let mut inner = vec![0x06, oid.len() as u8];
        inner.extend_from_slice(oid);
        inner.extend_from_slice(&[tag, value.len() as u8]);
        inner.extend_from_slice(value);
        let mut seq = vec![0x30, inner.len() as u8];
        seq.extend(inner);
        seq
    }

    fn wrap(tag: u8, parts: &[Vec<u8>]) -> Vec<u8> {
        let body: Vec<u8> = parts.concat();
        let mut out = vec![tag, body.len() as u8];
        out.extend(body);
        out
    }

    #[test]
    fn reverses_and_escapes() {
        let c = wrap(0x31, &[atv(&[0x55, 4, 6], 0x13, b"US")]);
        let o = wrap(0x31, &[atv(&[0x55, 4, 10], 0x0c, b"Acme, Inc")]);
        let multi = wrap(
            0x31,
            &[
                atv(&[0x55, 4, 3], 0x0c, b" #x "),
                atv(&[0x55, 4, 0x30], 0x0c, b"y"),
            ],
        );
        let name = wrap(0x30, &[c, o, multi]);
        assert_eq!(
            format_name(&name).unwrap(),
            "2.5.4.48=#0C0179+CN=\\ #x\\ ,O=Acme\\, Inc,C=US"
        );
        assert!(format_name(&[0x30, 0x02, 0x31, 0x01]).is_err());
    }
}
