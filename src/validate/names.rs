//! Names: the registry's own name and Kubernetes object names (DNS-1123).
//!
//! Every check returns `Err(Issue)` with path `""`; callers move it under the field's path.

use crate::report::Issue;
use crate::ErrorCode;

/// Shortest registry name.
pub const NAME_MIN: usize = 3;
/// Longest registry name.
pub const NAME_MAX: usize = 30;
/// Longest DNS-1123 subdomain (Secret names and most Kubernetes object names).
pub const DNS_SUBDOMAIN_MAX: usize = 253;
/// Longest DNS-1123 label (namespaces).
pub const DNS_LABEL_MAX: usize = 63;

fn err(code: ErrorCode, message: impl Into<String>) -> Issue {
    Issue::new("", code, message)
}

/// Checks a registry name: 3 to 30 characters, lowercase letters, digits and `-`, starting
/// with a letter and ending with a letter or digit.
///
/// Errors: `name.empty` (blank), `name.length` (shorter than 3 or longer than 30 characters),
/// `name.uppercase` (has ASCII uppercase letters), `name.character` (anything but `a-z`, `0-9`, `-`),
/// `name.start` (does not start with a letter), `name.end` (ends with `-`).
pub fn check_registry_name(name: &str) -> Result<(), Issue> {
    if crate::substring::trim(name).is_empty() {
        return Err(err(ErrorCode::NameEmpty, "enter a name for the registry"));
    }
    let len = crate::substring::char_count(name);
    if !(NAME_MIN..=NAME_MAX).contains(&len) {
        return Err(err(
            ErrorCode::NameLength,
            format!("the name must be {NAME_MIN} to {NAME_MAX} characters long"),
        ));
    }
    // ASCII only: a name is ASCII (non-ASCII letters are `name.character`), and Unicode's
    // uppercase property would compile its table into the module.
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        return Err(err(ErrorCode::NameUppercase, "the name must be lowercase"));
    }
    if !name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(err(
            ErrorCode::NameCharacter,
            "the name may contain only lowercase letters, digits and \"-\"",
        ));
    }
    if !name.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return Err(err(
            ErrorCode::NameStart,
            "the name must start with a letter",
        ));
    }
    if crate::substring::ends_with_byte(name, b'-') {
        return Err(err(
            ErrorCode::NameEnd,
            "the name must end with a letter or digit",
        ));
    }
    Ok(())
}

fn is_dns_label(l: &str) -> bool {
    !l.is_empty()
        && l.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !l.starts_with("-")
        && !l.ends_with("-")
}

/// Whether `s` is a DNS-1123 label: 1 to 63 of `a-z`, `0-9`, `-`, starting and ending with a
/// letter or digit (apimachinery's `IsDNS1123Label`).
pub fn is_dns1123_label(s: &str) -> bool {
    s.len() <= DNS_LABEL_MAX && is_dns_label(s)
}

/// Whether `s` is a DNS-1123 subdomain of at most `max` characters (253 in Kubernetes):
/// dot-separated labels as in [`is_dns1123_label`] without their length limit, as
/// apimachinery's `IsDNS1123Subdomain` checks.
pub fn is_dns1123_subdomain(s: &str, max: usize) -> bool {
    !s.is_empty() && s.len() <= max && crate::substring::split_byte(s, b'.').all(is_dns_label)
}

/// Checks a DNS-1123 subdomain (what Kubernetes requires of Secret names): at most 253
/// characters, dot-separated labels of lowercase letters, digits and `-` that start and end
/// with a letter or digit.
///
/// Errors: `dns-subdomain.empty`, `dns-subdomain.too-long` (more than 253 characters),
/// `dns-subdomain.invalid` (any other rule).
pub fn check_dns_subdomain(name: &str) -> Result<(), Issue> {
    if name.is_empty() {
        return Err(err(ErrorCode::DnsSubdomainEmpty, "enter a name"));
    }
    if name.len() > DNS_SUBDOMAIN_MAX {
        return Err(err(
            ErrorCode::DnsSubdomainTooLong,
            format!("a Kubernetes name is at most {DNS_SUBDOMAIN_MAX} characters long"),
        ));
    }
    if !crate::substring::split_byte(name, b'.').all(is_dns_label) {
        return Err(err(
            ErrorCode::DnsSubdomainInvalid,
            "a Kubernetes name consists of lowercase letters, digits, \"-\" and \".\", and starts and ends with a letter or digit",
        ));
    }
    Ok(())
}

/// Checks a DNS-1123 label (what Kubernetes requires of namespace names): at most 63
/// lowercase letters, digits and `-`, starting and ending with a letter or digit.
///
/// Errors: `dns-label.empty`, `dns-label.too-long` (more than 63 characters),
/// `dns-label.invalid` (any other rule, including a `.`).
pub fn check_dns_label(name: &str) -> Result<(), Issue> {
    if name.is_empty() {
        return Err(err(ErrorCode::DnsLabelEmpty, "enter a name"));
    }
    if name.len() > DNS_LABEL_MAX {
        return Err(err(
            ErrorCode::DnsLabelTooLong,
            format!("a Kubernetes namespace name is at most {DNS_LABEL_MAX} characters long"),
        ));
    }
    if !is_dns_label(name) {
        return Err(err(
            ErrorCode::DnsLabelInvalid,
            "a namespace name consists of lowercase letters, digits and \"-\", and starts and ends with a letter or digit",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_are_exact() {
        assert!(check_dns_label(&"a".repeat(63)).is_ok());
        assert!(check_dns_label(&"a".repeat(64)).is_err());
        let sub = format!(
            "{}.{}.{}.{}",
            "a".repeat(63),
            "b".repeat(63),
            "c".repeat(63),
            "d".repeat(61)
        );
        assert_eq!(sub.len(), 253);
        assert!(check_dns_subdomain(&sub).is_ok());
        assert!(check_dns_subdomain(&format!("{sub}e")).is_err());
        assert!(check_registry_name("abc").is_ok());
        assert!(check_registry_name(&"a".repeat(30)).is_ok());
        assert_eq!(
            check_registry_name(&"a".repeat(31)).unwrap_err().code,
            "name.length"
        );
        assert_eq!(check_registry_name("1ab").unwrap_err().code, "name.start");
    }
}
