//! The host of a registry address: the WHATWG host parser (`src/url/host.rs`, the normalization
//! `fetch` applies: lowercase, IDN to punycode, IPv4 in any spelling, bracketed IPv6), then the
//! rules DNS names and TLS certificates need.

use std::net::IpAddr;

use crate::url::ip_text::ip_text;
use crate::url::Host;

/// The host of a registry address as the WHATWG parser serializes it (a final `.` removed),
/// and whether it is an IP literal.
///
/// # Errors
/// The message to report (code `<prefix>.host`): no host, a host the WHATWG parser rejects, or
/// a domain DNS and TLS cannot use (see [`check_dns_name`]).
pub fn parse_host(text: &str) -> Result<(String, bool), &'static str> {
    if is_plain_domain(text) {
        return Ok((text.to_string(), false));
    }
    parse_any_host(text)
}

/// Whether `text` is a plain DNS name, one the WHATWG host parser returns as it is and
/// [`check_dns_name`] accepts: lowercase, no `xn--` (punycode), a last label that does not start
/// with a digit (no IPv4 reading), no final `.`. Nearly every registry host is one; it skips the
/// host parser's IP, percent-decoding and IDN code, which a first call would otherwise compile
/// (see ARCHITECTURE.md, "Cold start").
fn is_plain_domain(text: &str) -> bool {
    let last = crate::substring::rsplit_once_byte(text, b'.').map_or(text, |(_, last)| last);
    check_dns_name(text).is_ok()
        && !text.bytes().any(|b| b.is_ascii_uppercase())
        && last.as_bytes().first().is_some_and(|b| !b.is_ascii_digit())
        && !crate::substring::contains(text, "xn--")
}

/// [`parse_host`] for any host text: the WHATWG host parser, then [`check_dns_name`].
fn parse_any_host(text: &str) -> Result<(String, bool), &'static str> {
    if text.is_empty() {
        return Err("the address has no host");
    }
    match crate::url::parse_host(text).ok_or("the host is not a valid host name or IP address")? {
        Host::Domain(mut d) => {
            if crate::substring::ends_with_byte(&d, b'.') {
                d.pop();
            }
            check_dns_name(&d)?;
            Ok((d, false))
        }
        Host::Ipv4(a) => Ok((ip_text(IpAddr::V4(a)), true)),
        // Rust's notation (`[::ffff:10.0.0.1]`), which the normalized URL has always used.
        Host::Ipv6(a) => Ok((format!("[{}]", ip_text(IpAddr::V6(a))), true)),
    }
}

/// Checks a WHATWG-serialized domain the way DNS and TLS certificates need it: labels of 1 to
/// 63 letters, digits, `-` or `_`, not starting or ending with `-`, at most 253 bytes in all.
fn check_dns_name(d: &str) -> Result<(), &'static str> {
    if d.is_empty() || d.len() > 253 {
        return Err("the host name must be 1 to 253 characters long");
    }
    for label in d.as_bytes().split(|&b| b == b'.') {
        if label.is_empty() || label.len() > 63 {
            return Err("each part of the host name must be 1 to 63 characters long");
        }
        if !label
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err("the host name may contain only letters, digits, \"-\" and \".\"");
        }
        if label.first() == Some(&b'-') || label.last() == Some(&b'-') {
            return Err("a part of the host name cannot start or end with \"-\"");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5_000))]

        /// A plain domain gets the answer of the full host parser.
        #[test]
        fn plain_domains_as_the_host_parser(
            text in "([a-zA-Z0-9_-]{0,5}|xn--[a-z0-9]{1,4}|0x[0-9]|[0-9]{1,3})(\\.([a-zA-Z0-9_-]{0,5}|xn--[a-z0-9]{1,4}|0x[0-9]|[0-9]{1,3})){0,3}\\.?",
        ) {
            if is_plain_domain(&text) {
                proptest::prop_assert_eq!(parse_any_host(&text), Ok((text.clone(), false)));
            }
            proptest::prop_assert_eq!(parse_host(&text), parse_any_host(&text));
        }
    }

    #[test]
    fn plain_domain_edges() {
        for plain in [
            "index.docker.io",
            "a",
            "a-b.c_d",
            "x.y1",
            "registry-1.docker.io",
        ] {
            assert!(is_plain_domain(plain), "{plain}");
        }
        let long = format!("{}.io", vec!["a".repeat(63); 4].join("."));
        for other in [
            "",
            "A.io",
            "a.io.",
            "a..io",
            "-a.io",
            "a-.io",
            "xn--bcher-kva.example",
            "a.1",
            "1.2.3.4",
            "a.0x1",
            "a b",
            "a%41",
            "[::1]",
            "bücher.example",
            long.as_str(),
        ] {
            assert!(!is_plain_domain(other), "{other}");
            assert_eq!(parse_host(other), parse_any_host(other), "{other}");
        }
    }
}
