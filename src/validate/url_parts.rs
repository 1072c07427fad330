//! Splitting what a person typed as a registry address into scheme, host, port and path.
//!
//! This is the shared first step of every registry-URL rule: [`split`] trims the text, accepts
//! an optional `https://` (or `http://`) scheme, rejects userinfo, queries and fragments, parses
//! the host with the WHATWG host parser (the same normalization `fetch` applies: lowercase, IDN
//! to punycode, IPv4 and bracketed IPv6 literals) and checks the port. The per-type rules in
//! [`super::registry_url`] and [`super::ecr_url`] then look at the parts.

use super::host_name::parse_host;
use crate::report::Issue;
use crate::substring::{
    contains_byte, find_byte, has_space_or_control, starts_with_byte, trim, trim_end_byte,
};
use crate::url::address::split_address;

/// The longest registry address accepted, in bytes (the schema's `maxLength`).
pub const MAX_URL_LEN: usize = 512;

/// The scheme written in front of the address, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// `https://`
    Https,
    /// `http://` (only usable with the `insecure` connection mode)
    Http,
}

/// A registry address split into its parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrlParts {
    /// The scheme, when one was written.
    pub scheme: Option<Scheme>,
    /// The host as the WHATWG parser serializes it: lowercase ASCII (IDN as punycode, a final
    /// `.` removed), an IPv4 literal in dotted decimal, or an IPv6 literal in brackets.
    pub host: String,
    /// Whether the host is an IP literal (v4 or v6) rather than a domain.
    pub is_ip: bool,
    /// The port, when one was written.
    pub port: Option<u16>,
    /// The path without leading or trailing `/` (empty when there is none).
    pub path: String,
}

impl UrlParts {
    /// `host[:port]`.
    pub fn authority(&self) -> String {
        let mut s = String::with_capacity(self.host.len() + 6);
        s.push_str(&self.host);
        if let Some(p) = self.port {
            s.push(':');
            push_decimal(&mut s, p);
        }
        s
    }

    /// The path with a final API-version segment (`v1`, `v2`) removed, as people often paste
    /// the registry's API root.
    pub fn path_without_api_version(&self) -> &str {
        let p = self.path.as_str();
        if p == "v1" || p == "v2" {
            return "";
        }
        p.strip_suffix("/v2")
            .or_else(|| p.strip_suffix("/v1"))
            .unwrap_or(p)
    }
}

/// Appends `n` in decimal (what `format!("{n}")` gives, without the formatting machinery: this
/// runs on every validation).
fn push_decimal(s: &mut String, n: u16) {
    let mut digits = [0u8; 5];
    let mut len = 0;
    let mut rest = n;
    for d in digits.iter_mut() {
        *d = b'0' + (rest % 10) as u8;
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for d in digits.iter().take(len).rev() {
        s.push(char::from(*d));
    }
}

fn issue(prefix: &str, kind: &str, message: &str) -> Issue {
    Issue::in_family("", format!("{prefix}.{kind}"), message)
}

/// Splits `input` into [`UrlParts`]. Error codes are `<prefix>.<kind>` (`url.empty`,
/// `ecr.url.empty`, ...), with path `""`:
///
/// - `empty`: nothing but whitespace;
/// - `too-long`: more than [`MAX_URL_LEN`] bytes;
/// - `character`: whitespace or a control character inside the address;
/// - `scheme`: a scheme other than `https://` or `http://` (`oci://`, `ftp://`, `https:/`);
/// - `userinfo`: `user:password@` in front of the host (credentials go in their own fields);
/// - `query`: a `?query` or `#fragment`;
/// - `host`: no host, or a host the WHATWG parser rejects (forbidden characters, bad IDN,
///   an unbracketed IPv6 literal, a label longer than 63 or a name longer than 253 bytes,
///   labels starting or ending with `-`);
/// - `port`: a port that is not a number from 1 to 65535.
pub fn split(input: &str, prefix: &str) -> Result<UrlParts, Issue> {
    let text = trim(input);
    if text.is_empty() {
        return Err(issue(prefix, "empty", "enter the registry address"));
    }
    if text.len() > MAX_URL_LEN {
        return Err(issue(
            prefix,
            "too-long",
            &format!("the registry address is longer than {MAX_URL_LEN} bytes"),
        ));
    }
    if has_space_or_control(text) {
        return Err(issue(
            prefix,
            "character",
            "the registry address contains whitespace or a control character",
        ));
    }
    let address = split_address(text);
    let scheme = check_scheme(text, address.scheme, prefix)?;
    if address.tail.bytes().any(|b| b == b'?' || b == b'#') {
        return Err(issue(
            prefix,
            "query",
            "a registry address has no ?query or #fragment",
        ));
    }
    if address.userinfo().is_some() {
        return Err(issue(
            prefix,
            "userinfo",
            "put the username and password in their own fields, not in the address",
        ));
    }
    let (host_text, port_text) = address.host_and_port();
    check_host_shape(host_text, prefix)?;
    let port =
        match port_text {
            None => None,
            Some(p) => Some(parse_port(p).ok_or_else(|| {
                issue(prefix, "port", "the port must be a number from 1 to 65535")
            })?),
        };
    let (host, is_ip) = parse_host(host_text).map_err(|m| issue(prefix, "host", m))?;
    let tail = address.tail;
    let path = trim_end_byte(tail.strip_prefix("/").unwrap_or(tail), b'/').to_string();
    if starts_with_byte(&path, b'/') || path.as_bytes().windows(2).any(|w| w == b"//") {
        return Err(issue(
            prefix,
            "path",
            "the path contains an empty segment (\"//\")",
        ));
    }
    Ok(UrlParts {
        scheme,
        host,
        is_ip,
        port,
        path,
    })
}

/// The scheme written before `://` (`written`), checked: only `https` or `http`, and
/// `https:/host` or `https:host` (a scheme typo, not a host and port) refused.
fn check_scheme(text: &str, written: Option<&str>, prefix: &str) -> Result<Option<Scheme>, Issue> {
    let Some(scheme) = written else {
        let starts_with = |p: &str| {
            text.get(..p.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(p))
        };
        let after = if starts_with("https:") {
            text.get(6..)
        } else if starts_with("http:") {
            text.get(5..)
        } else {
            return Ok(None);
        };
        if !after.is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit())) {
            return Err(issue(
                prefix,
                "scheme",
                "the scheme is malformed: write \"https://\" or leave it out",
            ));
        }
        return Ok(None);
    };
    if scheme.eq_ignore_ascii_case("https") {
        Ok(Some(Scheme::Https))
    } else if scheme.eq_ignore_ascii_case("http") {
        Ok(Some(Scheme::Http))
    } else {
        Err(issue(
            prefix,
            "scheme",
            "only \"https://\" (or \"http://\" with an insecure connection) can be written in front of the host",
        ))
    }
}

/// Refuses host text the splitter could not cut cleanly: a bracketed IPv6 address without its
/// `]` or with text after it other than `:port`, or an unbracketed one.
fn check_host_shape(host: &str, prefix: &str) -> Result<(), Issue> {
    if starts_with_byte(host, b'[') {
        return match find_byte(host, b']') {
            None => Err(issue(prefix, "host", "the IPv6 address lacks its \"]\"")),
            Some(i) if i + 1 != host.len() => Err(issue(
                prefix,
                "host",
                "unexpected text after the bracketed IPv6 address",
            )),
            Some(_) => Ok(()),
        };
    }
    if contains_byte(host, b':') {
        return Err(issue(
            prefix,
            "host",
            "an IPv6 address must be written in brackets, such as \"[2001:db8::1]:5000\"",
        ));
    }
    Ok(())
}

fn parse_port(p: &str) -> Option<u16> {
    if p.is_empty() || p.len() > 5 || !p.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    p.parse::<u16>().ok().filter(|&n| n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits() {
        let p = split(" https://Registry.Example.com:5000/team/v2/ ", "url").unwrap();
        assert_eq!(p.scheme, Some(Scheme::Https));
        assert_eq!(
            format!("{}/{}", p.authority(), p.path),
            "registry.example.com:5000/team/v2"
        );
        assert_eq!(p.path_without_api_version(), "team");
        assert_eq!(split("[::1]:5000", "url").unwrap().host, "[::1]");
        assert_eq!(
            split("bücher.example", "url").unwrap().host,
            "xn--bcher-kva.example"
        );
        for (bad, code) in [
            ("", "url.empty"),
            ("oci://x", "url.scheme"),
            ("https:/x", "url.scheme"),
            ("u:p@x", "url.userinfo"),
            ("x?y", "url.query"),
            ("x:0", "url.port"),
            ("x:65536", "url.port"),
            ("::1", "url.host"),
            ("a b", "url.character"),
            ("-a.example", "url.host"),
        ] {
            assert_eq!(split(bad, "url").unwrap_err().code, code, "{bad}");
        }
    }
}
