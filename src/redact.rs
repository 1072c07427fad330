//! Helpers for `Debug` output that must not show secrets (ARCHITECTURE.md, "Secrets").

/// `text` with the userinfo of a URL-like value (`https://user:password@host/...` or
/// `user:password@host`) replaced by `<redacted>`; anything else unchanged.
pub(crate) fn userinfo(text: &str) -> String {
    let address = crate::url::address::split_address(text);
    let Some(userinfo) = address.userinfo() else {
        return text.to_owned();
    };
    let scheme = address
        .scheme
        .map(|s| format!("{s}://"))
        .unwrap_or_default();
    let hidden = crate::secret_string::SecretStr::new(userinfo);
    format!("{scheme}{hidden}@{}{}", address.host_port(), address.tail)
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
