//! The host of a registry address: the WHATWG host parser (the normalization `fetch`
//! applies: lowercase, IDN to punycode, IPv4 in any spelling, bracketed IPv6) behind an ASCII
//! fast path, then the rules DNS names and TLS certificates need.

use std::sync::OnceLock;

use url::Host;

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
    // Fast path, same result as the WHATWG parser: a plain ASCII name whose last label does not
    // start with a digit (so it cannot be an IPv4 number) and has no punycode label.
    if is_plain_name(text) {
        let mut d = text.to_ascii_lowercase();
        if d.ends_with('.') {
            d.pop();
        }
        check_dns_name(&d)?;
        return Ok((d, false));
    }
    match whatwg_host(text).ok_or("the host is not a valid host name or IP address")? {
        Host::Domain(d) => {
            let d = d.strip_suffix('.').unwrap_or(&d).to_string();
            check_dns_name(&d)?;
            Ok((d, false))
        }
        Host::Ipv4(a) => Ok((a.to_string(), true)),
        Host::Ipv6(a) => Ok((format!("[{a}]"), true)),
    }
}

/// The fast path of [`parse_host`], same result as the WHATWG parser: a plain ASCII name (letters,
/// digits, `-`, `_`, `.`) whose last label does not start with a digit (so it cannot be an IPv4
/// number) and that has no punycode (`xn--`) label.
fn is_plain_name(text: &str) -> bool {
    let ascii_name = text
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_');
    let last = text.trim_end_matches('.').rsplit('.').next().unwrap_or("");
    ascii_name
        && !last.starts_with(|c: char| c.is_ascii_digit())
        && !text
            .split('.')
            .any(|l| l.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("xn--")))
}

/// A WHATWG host parser supplied by the embedding: text in, the host's ASCII serialization out
/// (IDN as punycode, IPv4 dotted, IPv6 in brackets), `None` for an invalid host.
pub type HostParser = fn(&str) -> Option<String>;

static HOST_PARSER: OnceLock<HostParser> = OnceLock::new();

/// Installs the WHATWG host parser `parse_host` uses for names off its ASCII fast path. The
/// WebAssembly binding installs the JS host's own (`new URL`, the parser `fetch` uses): the
/// shipped module leaves out the `url` crate's Unicode tables (see ARCHITECTURE.md). Without
/// one, the `url` crate's parser is used. The first installed parser stays; returns whether
/// this call installed it.
pub fn install_host_parser(parser: HostParser) -> bool {
    HOST_PARSER.set(parser).is_ok()
}

/// The WHATWG host parser: IDN to punycode (UTS #46), percent-decoding, IPv4 in any of its
/// spellings, bracketed IPv6. The installed one (its serialization read back into the same
/// [`Host`]), otherwise the `url` crate's.
fn whatwg_host(text: &str) -> Option<Host> {
    let Some(parser) = HOST_PARSER.get() else {
        return Host::parse(text).ok();
    };
    let ascii = parser(text)?;
    if let Some(v6) = ascii.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return v6.parse().ok().map(Host::Ipv6);
    }
    Some(match ascii.parse() {
        Ok(v4) => Host::Ipv4(v4),
        Err(_) => Host::Domain(ascii),
    })
}

/// Checks a WHATWG-serialized domain the way DNS and TLS certificates need it: labels of 1 to
/// 63 letters, digits, `-` or `_`, not starting or ending with `-`, at most 253 bytes in all.
fn check_dns_name(d: &str) -> Result<(), &'static str> {
    if d.is_empty() || d.len() > 253 {
        return Err("the host name must be 1 to 253 characters long");
    }
    for label in d.split('.') {
        if label.is_empty() || label.len() > 63 {
            return Err("each part of the host name must be 1 to 63 characters long");
        }
        if !label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err("the host name may contain only letters, digits, \"-\" and \".\"");
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err("a part of the host name cannot start or end with \"-\"");
        }
    }
    Ok(())
}
