//! Does a certificate cover a host name? The rules TLS clients (Go's `crypto/x509`, which
//! containerd and docker use) apply: only subjectAltName entries count (the subject's CN is not
//! consulted), DNS names compare case-insensitively without a trailing dot, a wildcard is only
//! a whole leftmost label (`*.example.com` covers `a.example.com`, not `example.com` nor
//! `a.b.example.com`) and needs at least two labels after it, and an IP address host matches
//! only IP address entries.

use super::x509::GeneralName;
use crate::url::address::split_address;
use crate::url::ip_text::parse_ip_literal;

/// The host part of what a person typed as a registry address: scheme, userinfo, path and
/// port removed (`https://registry.example.com:5000/v2` → `registry.example.com`, `[::1]:5000`
/// → `::1`), by the crate's one address splitter (`src/url/address.rs`).
pub fn host_of(address: &str) -> String {
    split_address(address.trim()).host_name()
}

/// `true` when one of `names` covers `host` (already reduced by [`host_of`]).
pub fn covers(names: &[GeneralName], host: &str) -> bool {
    if let Some(ip) = parse_ip_literal(host) {
        return names
            .iter()
            .any(|n| matches!(n, GeneralName::Ip(a) if *a == ip));
    }
    names.iter().any(|n| match n {
        GeneralName::Dns(pattern) => dns_matches(pattern, host),
        _ => false,
    })
}

fn dns_matches(pattern: &str, host: &str) -> bool {
    let pattern = crate::substring::trim_end_byte(pattern, b'.').to_ascii_lowercase();
    if let Some(suffix) = pattern.strip_prefix("*.") {
        if crate::substring::split_byte(suffix, b'.').count() < 2
            || crate::substring::contains_byte(suffix, b'*')
        {
            return false;
        }
        return crate::substring::split_once_byte(host, b'.')
            .is_some_and(|(first, rest)| !first.is_empty() && rest == suffix);
    }
    !crate::substring::contains_byte(&pattern, b'*') && pattern == host
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcard_rules() {
        let names = vec![
            GeneralName::Dns("*.Example.com".into()),
            GeneralName::Dns("registry.local.".into()),
            GeneralName::Ip("10.0.0.1".parse().unwrap()),
        ];
        for (host, ok) in [
            ("a.example.com", true),
            ("A.EXAMPLE.COM", true),
            ("example.com", false),
            ("a.b.example.com", false),
            ("registry.local", true),
            ("10.0.0.1", true),
            ("10.0.0.2", false),
        ] {
            assert_eq!(covers(&names, &host_of(host)), ok, "{host}");
        }
        assert!(!covers(&[GeneralName::Dns("*.com".into())], "a.com"));
        assert_eq!(
            host_of("https://u@Reg.Example.com:5000/v2/"),
            "reg.example.com"
        );
        assert_eq!(host_of("[::1]:5000"), "::1");
        assert_eq!(host_of("::1"), "::1");
    }
}
