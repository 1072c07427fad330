//! The one host splitter: what a person typed as a registry address (`host`, `host:port/path`,
//! `https://user@host:5000/v2/`, `[::1]:5000`) cut into its written parts, without judging
//! them. The validation (`src/validate/url_parts.rs`), the certificate host check, the docker
//! config's ECR keys and the redaction of userinfo all read addresses through it.

/// An address cut into its parts, each a slice of the text as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Address<'a> {
    /// The text before the first `://`, when there is one.
    pub scheme: Option<&'a str>,
    /// Everything between the scheme and the first `/`, `?` or `#`.
    pub authority: &'a str,
    /// The rest, from the first `/`, `?` or `#` on (empty when none).
    pub tail: &'a str,
}

use crate::substring::{contains_byte, rsplit_once_byte, split_once_byte, starts_with_byte};

/// Cuts `text` (not trimmed) into scheme, authority and tail.
pub(crate) fn split_address(text: &str) -> Address<'_> {
    let (scheme, rest) = match crate::substring::split_once(text, "://") {
        Some((scheme, rest)) => (Some(scheme), rest),
        None => (None, text),
    };
    let end = rest
        .bytes()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    Address {
        scheme,
        authority,
        tail,
    }
}

impl<'a> Address<'a> {
    /// The userinfo: what precedes the authority's last `@`.
    pub fn userinfo(&self) -> Option<&'a str> {
        rsplit_once_byte(self.authority, b'@').map(|(userinfo, _)| userinfo)
    }

    /// `host[:port]`: the authority after its userinfo.
    pub fn host_port(&self) -> &'a str {
        rsplit_once_byte(self.authority, b'@').map_or(self.authority, |(_, host_port)| host_port)
    }

    /// The host as written (a bracketed IPv6 literal with its brackets) and the text after
    /// its `:` when there is one. A host with two or more `:` outside brackets is returned
    /// whole, without a port (an unbracketed IPv6 address); so is a bracketed one that lacks
    /// its `]` or has anything but `:port` after it.
    pub fn host_and_port(&self) -> (&'a str, Option<&'a str>) {
        let host_port = self.host_port();
        if starts_with_byte(host_port, b'[') {
            return match split_once_byte(host_port, b']') {
                Some((_, "")) => (host_port, None),
                Some((inside, after)) => match after.strip_prefix(":") {
                    Some(port) => (
                        host_port.get(..inside.len() + 1).unwrap_or(host_port),
                        Some(port),
                    ),
                    None => (host_port, None),
                },
                None => (host_port, None),
            };
        }
        match split_once_byte(host_port, b':') {
            Some((host, port)) if !contains_byte(port, b':') => (host, Some(port)),
            _ => (host_port, None),
        }
    }

    /// The host without brackets, port or a final `.`, lowercase: the name a certificate must
    /// cover and TLS compares (`https://u@Reg.Example.com:5000/v2` → `reg.example.com`,
    /// `[::1]:5000` → `::1`).
    pub fn host_name(&self) -> String {
        let (host, _) = self.host_and_port();
        let host = match host.strip_prefix("[") {
            Some(inner) => crate::substring::split_byte(inner, b']')
                .next()
                .unwrap_or_default(),
            None => host,
        };
        crate::substring::trim_end_byte(host, b'.').to_ascii_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_as_written() {
        let a = split_address("https://u:p@Reg.Example.com:5000/v2/?x#y");
        assert_eq!(a.scheme, Some("https"));
        assert_eq!(a.authority, "u:p@Reg.Example.com:5000");
        assert_eq!(a.tail, "/v2/?x#y");
        assert_eq!(a.userinfo(), Some("u:p"));
        assert_eq!(a.host_and_port(), ("Reg.Example.com", Some("5000")));
        assert_eq!(a.host_name(), "reg.example.com");
        let cases = [
            ("[::1]:5000", ("[::1]", Some("5000")), "::1"),
            ("[::1]", ("[::1]", None), "::1"),
            ("[::1", ("[::1", None), "::1"),
            ("[::1]x", ("[::1]x", None), "::1"),
            ("::1", ("::1", None), "::1"),
            ("host.:80", ("host.", Some("80")), "host"),
            ("a@b@c", ("c", None), "c"),
        ];
        for (text, parts, name) in cases {
            let a = split_address(text);
            assert_eq!(a.host_and_port(), parts, "{text}");
            assert_eq!(a.host_name(), name, "{text}");
        }
    }
}
