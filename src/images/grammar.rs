//! The pieces of docker/distribution's reference grammar (`regexp.go` of
//! github.com/distribution/reference), matched by hand: a `regex` engine would cost the wasm
//! module hundreds of kilobytes. Each function answers whether the whole text matches one
//! production; [`split_reference`] splits a reference into its name, tag and digest texts.
//!
//! ```text
//! reference       := name [ ":" tag ] [ "@" digest ]
//! name            := [ domain-and-port "/" ] remote-name
//! domain-and-port := ( domain-name | "[" ipv6-chars "]" ) [ ":" digits ]
//! domain-name     := component ( "." component )*   component := [a-zA-Z0-9] ([a-zA-Z0-9-]* [a-zA-Z0-9])?
//! remote-name     := path-component ( "/" path-component )*
//! path-component  := [a-z0-9]+ ( separator [a-z0-9]+ )*   separator := "." | "_" | "__" | "-"+
//! tag             := [\w] [\w.-]{0,127}
//! digest          := algorithm ":" [0-9a-fA-F]{32,}   algorithm := [A-Za-z][A-Za-z0-9]* ([-_+.][A-Za-z][A-Za-z0-9]*)*
//! ```
//!
//! None of `name`, `tag` or `digest` can contain `@`, and neither a tag nor a remote name can
//! contain `:` or a domain `/`, so the split is unambiguous: the digest follows the first `@`,
//! a tag follows a `:` that comes after the last `/`, and the domain is the first component
//! when it is one and the rest is a remote name (the regular expression's greedy optional
//! group prefers that reading).

/// The longest tag: one leading word character and up to 127 more.
const MAX_TAG: usize = 128;
/// The shortest encoded part of a digest the grammar accepts.
const MIN_DIGEST_HEX: usize = 32;

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn is_lower_alnum(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

/// `[\w][\w.-]{0,127}`.
pub fn is_tag(s: &str) -> bool {
    let b = s.as_bytes();
    match b.split_first() {
        Some((first, rest)) => {
            b.len() <= MAX_TAG
                && is_word(*first)
                && rest.iter().all(|c| is_word(*c) || *c == b'.' || *c == b'-')
        }
        None => false,
    }
}

/// One `domain-name` component: alphanumeric at both ends, `-` allowed inside.
fn is_domain_component(s: &[u8]) -> bool {
    match (s.first(), s.last()) {
        (Some(a), Some(z)) => {
            a.is_ascii_alphanumeric()
                && z.is_ascii_alphanumeric()
                && s.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
        }
        _ => false,
    }
}

fn is_port(s: &[u8]) -> bool {
    !s.is_empty() && s.iter().all(u8::is_ascii_digit)
}

/// `(domain-name | "[" [a-fA-F0-9:]+ "]") [":" [0-9]+]`.
pub fn is_domain_and_port(s: &str) -> bool {
    let b = s.as_bytes();
    if let Some(inner) = b.strip_prefix(b"[") {
        let Some(close) = inner.iter().position(|c| *c == b']') else {
            return false;
        };
        let (addr, rest) = inner.split_at(close);
        let rest = rest.get(1..).unwrap_or_default();
        let addr_ok = !addr.is_empty() && addr.iter().all(|c| c.is_ascii_hexdigit() || *c == b':');
        let port_ok = rest.is_empty() || rest.strip_prefix(b":").is_some_and(is_port);
        return addr_ok && port_ok;
    }
    let (host, port) = match b.iter().position(|c| *c == b':') {
        Some(i) => {
            let (h, p) = b.split_at(i);
            (h, Some(p.get(1..).unwrap_or_default()))
        }
        None => (b, None),
    };
    port.map_or(true, is_port) && host.split(|c| *c == b'.').all(is_domain_component)
}

/// One `path-component`: lowercase alphanumeric runs joined by `.`, `_`, `__` or `-`+.
fn is_path_component(s: &[u8]) -> bool {
    let (Some(a), Some(z)) = (s.first(), s.last()) else {
        return false;
    };
    if !is_lower_alnum(*a) || !is_lower_alnum(*z) {
        return false;
    }
    let mut sep: &[u8] = &[];
    let mut start = 0usize;
    for (i, c) in s.iter().enumerate() {
        if is_lower_alnum(*c) {
            if !sep.is_empty() && !is_separator(sep) {
                return false;
            }
            sep = &[];
            start = i + 1;
        } else if matches!(c, b'.' | b'_' | b'-') {
            sep = s.get(start..=i).unwrap_or_default();
        } else {
            return false;
        }
    }
    true
}

fn is_separator(sep: &[u8]) -> bool {
    matches!(sep, b"." | b"_" | b"__") || sep.iter().all(|c| *c == b'-')
}

/// `path-component ("/" path-component)*`.
pub fn is_remote_name(s: &str) -> bool {
    s.as_bytes().split(|c| *c == b'/').all(is_path_component)
}

fn is_algorithm_part(s: &[u8]) -> bool {
    match s.split_first() {
        Some((first, rest)) => {
            first.is_ascii_alphabetic() && rest.iter().all(u8::is_ascii_alphanumeric)
        }
        None => false,
    }
}

/// `algorithm ":" [0-9a-fA-F]{32,}` (the grammar's digest; lengths per algorithm are checked
/// later, as `go-digest` does).
pub fn is_digest(s: &str) -> bool {
    let Some((algorithm, hex)) = crate::substring::split_once_byte(s, b':') else {
        return false;
    };
    hex.len() >= MIN_DIGEST_HEX
        && hex.bytes().all(|c| c.is_ascii_hexdigit())
        && algorithm
            .as_bytes()
            .split(|c| matches!(c, b'-' | b'_' | b'+' | b'.'))
            .all(is_algorithm_part)
}

/// `[a-f0-9]{64}`: an image id, which may not be used as a repository name.
pub fn is_identifier(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c))
}

/// The parts of a reference that matches the grammar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parts<'a> {
    /// The domain and port, `""` when the name has none.
    pub domain: &'a str,
    /// The remote name.
    pub path: &'a str,
    /// The tag, `""` when absent.
    pub tag: &'a str,
    /// The digest text, `""` when absent.
    pub digest: &'a str,
}

/// Splits `s` by the reference grammar, or `None` when it does not match as a whole.
pub fn split_reference(s: &str) -> Option<Parts<'_>> {
    let (rest, digest) = match crate::substring::split_once_byte(s, b'@') {
        Some((rest, digest)) => (rest, Some(digest)),
        None => (s, None),
    };
    if digest.is_some_and(|d| !is_digest(d)) {
        return None;
    }
    let last_slash = crate::substring::rfind_byte(rest, b'/');
    let (name, tag) = match crate::substring::rfind_byte(rest, b':') {
        Some(colon) if last_slash.map_or(true, |slash| colon > slash) => {
            let (name, tag) = rest.split_at(colon);
            (name, Some(tag.get(1..).unwrap_or_default()))
        }
        _ => (rest, None),
    };
    if tag.is_some_and(|t| !is_tag(t)) {
        return None;
    }
    let (domain, path) = match crate::substring::split_once_byte(name, b'/') {
        Some((first, remote)) if is_domain_and_port(first) && is_remote_name(remote) => {
            (first, remote)
        }
        _ if is_remote_name(name) => ("", name),
        _ => return None,
    };
    Some(Parts {
        domain,
        path,
        tag: tag.unwrap_or_default(),
        digest: digest.unwrap_or_default(),
    })
}
