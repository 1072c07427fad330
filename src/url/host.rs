//! The host of a URL: the URL Standard's host parser for special schemes (http, https, ...)
//! and its opaque-host parser for the others, and the host's serialization.
//!
//! ASCII names and IP literals are parsed here. A name with a non-ASCII or punycode (`xn--`)
//! label needs IDNA's Unicode tables and goes to [`super::idn`] (the installed host parser).

use std::borrow::Cow;
use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

use super::encode::{encoded, percent_decode, EncodeSet};
use super::ip::{ends_in_a_number, parse_ipv4, parse_ipv6, push_ipv6};
use super::ip_text::push_ipv4;

/// The host of a URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Host {
    /// A domain as the URL Standard serializes it: lowercase ASCII, IDN labels as punycode
    /// (for special schemes; the percent-encoded text itself for others).
    Domain(String),
    /// An IPv4 address (in a URL, any of its spellings).
    Ipv4(Ipv4Addr),
    /// An IPv6 address (in a URL, in brackets).
    Ipv6(Ipv6Addr),
}

impl fmt::Display for Host {
    /// The URL Standard's serialization: the domain, dotted IPv4, bracketed IPv6.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Host::Domain(d) => f.write_str(d),
            Host::Ipv4(a) => {
                let mut s = String::with_capacity(15);
                push_ipv4(&mut s, *a);
                f.write_str(&s)
            }
            Host::Ipv6(a) => {
                let mut s = String::with_capacity(41);
                s.push('[');
                push_ipv6(&mut s, a);
                s.push(']');
                f.write_str(&s)
            }
        }
    }
}

/// Bytes no domain may contain once percent-decoded (the URL Standard's forbidden domain code
/// points): controls, space, DEL and `%#/:<>?@[\]^|`.
fn forbidden_in_domain(b: u8) -> bool {
    b <= b' '
        || matches!(
            b,
            0x7f | b'%'
                | b'#'
                | b'/'
                | b':'
                | b'<'
                | b'>'
                | b'?'
                | b'@'
                | b'['
                | b'\\'
                | b']'
                | b'^'
                | b'|'
        )
}

/// Whether a label of `domain` starts with the punycode prefix `xn--` (any case).
fn has_punycode_label(domain: &[u8]) -> bool {
    domain.split(|&b| b == b'.').any(|label| {
        label
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case(b"xn--"))
    })
}

/// A domain (ASCII, lowercase) as a host: IPv4 when its last label is a number, else itself.
/// `None` when it is empty or names an invalid IPv4 address.
pub(crate) fn domain_or_ipv4(domain: String) -> Option<Host> {
    if domain.is_empty() {
        return None;
    }
    if ends_in_a_number(&domain) {
        return parse_ipv4(&domain).map(Host::Ipv4);
    }
    Some(Host::Domain(domain))
}

/// The URL Standard's host parser for special schemes: a bracketed IPv6 address, or a domain
/// (percent-decoded, lowercased, IDN mapped to punycode) that is read as IPv4 when it ends in a
/// number.
///
/// `None` when the text is not a valid host: empty, an invalid IPv6 or IPv4 address, a
/// forbidden character (space, controls, `%#/:<>?@[\]^|` after decoding), or a name IDNA
/// rejects (or no IDNA parser available for it, see [`super::idn`]).
pub fn parse_host(text: &str) -> Option<Host> {
    if let Some(inner) = text.strip_prefix("[") {
        return parse_ipv6(inner.strip_suffix("]")?).map(Host::Ipv6);
    }
    // Most hosts have no `%`: decoding would copy them for nothing.
    let decoded = if crate::substring::contains_byte(text, b'%') {
        Cow::Owned(percent_decode(text.as_bytes()))
    } else {
        Cow::Borrowed(text.as_bytes())
    };
    if !decoded.is_ascii() || has_punycode_label(&decoded) {
        return super::idn::domain_to_ascii(text, &decoded);
    }
    if decoded.iter().copied().any(forbidden_in_domain) {
        return None;
    }
    // ASCII (checked above): the text itself when nothing was decoded.
    let domain = match &decoded {
        Cow::Borrowed(_) => text,
        Cow::Owned(bytes) => std::str::from_utf8(bytes).ok()?,
    }
    .to_ascii_lowercase();
    domain_or_ipv4(domain)
}

/// The URL Standard's opaque-host parser (schemes other than http, https, ws, wss, ftp): a
/// bracketed IPv6 address, or the text with controls and non-ASCII percent-encoded. `None` for
/// an invalid IPv6 address or a forbidden character (space, controls, `#/:<>?@[\]^|`).
pub(crate) fn parse_opaque_host(text: &str) -> Option<Host> {
    if let Some(inner) = text.strip_prefix("[") {
        return parse_ipv6(inner.strip_suffix("]")?).map(Host::Ipv6);
    }
    let forbidden =
        |c: char| matches!(c, '\0' | '\t' | '\n' | '\r' | ' ') || "#/:<>?@[\\]^|".contains(c);
    if text.contains(forbidden) {
        return None;
    }
    Some(Host::Domain(encoded(text, EncodeSet::Controls)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        let show = |t: &str| parse_host(t).map(|h| h.to_string());
        assert_eq!(
            show("Reg.Example.COM.").as_deref(),
            Some("reg.example.com.")
        );
        assert_eq!(show("0x7f.1").as_deref(), Some("127.0.0.1"));
        assert_eq!(show("%31%32%37.1").as_deref(), Some("127.0.0.1"));
        assert_eq!(show("[::FFFF:10.0.0.1]").as_deref(), Some("[::ffff:a00:1]"));
        assert_eq!(show("a_b!$.test").as_deref(), Some("a_b!$.test"));
        for bad in [
            "",
            "a b",
            "a%20b",
            "a%",
            "[::1",
            "a:b",
            "1.2.3.256",
            "a.0x",
            "a^b",
        ] {
            assert_eq!(show(bad), None, "{bad}");
        }
        assert_eq!(show("a.0x").as_deref(), None);
        assert_eq!(
            parse_opaque_host("Settings")
                .map(|h| h.to_string())
                .as_deref(),
            Some("Settings")
        );
    }
}
