//! Kubernetes name rules the Secret's metadata must follow (apimachinery's validation).

pub use crate::validate::names::{is_dns1123_label, is_dns1123_subdomain};

/// The name part of a qualified name (and a non-empty label value): 1 to 63 of
/// `A-Za-z0-9-_.`, starting and ending alphanumeric.
pub fn is_qualified_name_part(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 63
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
        && b.first().is_some_and(u8::is_ascii_alphanumeric)
        && b.last().is_some_and(u8::is_ascii_alphanumeric)
}

/// A label or annotation key: `[prefix/]name` with a DNS-1123 subdomain prefix.
pub fn is_qualified_name(s: &str) -> bool {
    match crate::substring::split_once_byte(s, b'/') {
        Some((prefix, name)) => is_dns1123_subdomain(prefix, 253) && is_qualified_name_part(name),
        None => is_qualified_name_part(s),
    }
}

/// A label value: empty, or a qualified-name part.
pub fn is_label_value(s: &str) -> bool {
    s.is_empty() || is_qualified_name_part(s)
}

/// Turns any text into a DNS-1123 label-ish fragment: ASCII letters lowercased, runs of other
/// characters (non-ASCII letters included: a label is ASCII) as one `-`, no leading or trailing
/// `-`. (ASCII case mapping only: Unicode's would compile an 11 KB table into the module.)
pub fn dns1123_fragment(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with("-") && !out.is_empty() {
            out.push('-');
        }
    }
    crate::substring::trim_end_byte(&out, b'-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(is_dns1123_subdomain("my-secret.v1", 253));
        assert!(!is_dns1123_subdomain("My", 253));
        assert!(!is_dns1123_subdomain("a..b", 253));
        assert!(!is_dns1123_label("-a"));
        assert!(is_qualified_name("app.kubernetes.io/name"));
        assert!(!is_qualified_name("a/b/c"));
        assert!(is_label_value(""));
        assert!(!is_label_value("a b"));
        assert_eq!(dns1123_fragment("My_Registry--1"), "my-registry-1");
    }
}
