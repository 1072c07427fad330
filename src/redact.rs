//! Helpers for `Debug` output that must not show secrets (ARCHITECTURE.md, "Secrets").

/// `text` with the userinfo of a URL-like value (`https://user:password@host/...` or
/// `user:password@host`) replaced by `<redacted>`; anything else unchanged.
pub(crate) fn userinfo(text: &str) -> String {
    let (scheme, rest) = match text.find("://") {
        Some(i) => text.split_at(i + 3),
        None => ("", text),
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rfind('@') {
        Some(at) => {
            let host = authority.split_at(at + 1).1;
            format!("{scheme}<redacted>@{host}{tail}")
        }
        None => text.to_owned(),
    }
}

/// [`userinfo`] for an optional value.
pub(crate) fn opt_userinfo(text: &Option<String>) -> Option<String> {
    text.as_deref().map(userinfo)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_userinfo_only() {
        assert_eq!(
            userinfo("https://u:p@h.example/x?y"),
            "https://<redacted>@h.example/x?y"
        );
        assert_eq!(
            userinfo("u:p@h.example:5000/x"),
            "<redacted>@h.example:5000/x"
        );
        assert_eq!(userinfo("h.example/a@b"), "h.example/a@b");
        assert_eq!(userinfo("h.example"), "h.example");
    }
}
