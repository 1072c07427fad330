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
