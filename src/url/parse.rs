//! The URL Standard's basic URL parser, for an absolute URL or a reference resolved against a
//! base: scheme, authority (userinfo, host, port), path with dot segments removed, query and
//! fragment, each percent-encoded with its own set.

use super::encode::{encoded, push_encoded, EncodeSet};
use super::host::{parse_host, parse_opaque_host};
use super::{default_port, is_special, Url, UrlError};

/// Parses `input` against `base` (see [`Url::parse`] and [`Url::join`]).
pub(super) fn parse(input: &str, base: Option<&Url>) -> Result<Url, UrlError> {
    // Leading and trailing C0 controls and spaces are trimmed, tabs and newlines dropped.
    let text: String = input
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if let Some((scheme, rest)) = split_scheme(&text) {
        if !is_special(&scheme) {
            return non_special(scheme, rest);
        }
        let slashes = rest
            .bytes()
            .take_while(|b| matches!(b, b'/' | b'\\'))
            .count();
        if let Some(b) = base.filter(|b| slashes < 2 && b.scheme == scheme) {
            return relative(rest, b);
        }
        return authority(scheme, rest.get(slashes..).unwrap_or_default());
    }
    match base {
        Some(b) if !b.cannot_be_a_base() => relative(&text, b),
        _ => Err(UrlError),
    }
}

/// The scheme (lowercased) and what follows its `:`, when `text` starts with one.
fn split_scheme(text: &str) -> Option<(String, &str)> {
    let (scheme, rest) = crate::substring::split_once_byte(text, b':')?;
    let mut bytes = scheme.bytes();
    let valid = bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    valid.then(|| (scheme.to_ascii_lowercase(), rest))
}

/// An empty URL of `scheme` for the parser to fill.
fn empty(scheme: String) -> Url {
    Url {
        serialization: String::new(),
        scheme,
        username: String::new(),
        password: None,
        has_authority: false,
        host: None,
        port: None,
        path: String::new(),
        query: None,
        fragment: None,
    }
}

/// The authority state and what follows, for `rest` after the scheme's slashes.
fn authority(scheme: String, rest: &str) -> Result<Url, UrlError> {
    let special = is_special(&scheme);
    let mut url = empty(scheme);
    url.has_authority = true;
    let end = rest
        .find(|c| matches!(c, '/' | '?' | '#') || (special && c == '\\'))
        .unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let host_port = match crate::substring::rsplit_once_byte(authority, b'@') {
        Some((userinfo, host_port)) => {
            let (user, password) = match crate::substring::split_once_byte(userinfo, b':') {
                Some((u, p)) => (u, Some(p).filter(|p| !p.is_empty())),
                None => (userinfo, None),
            };
            url.username = encoded(user, EncodeSet::Userinfo);
            url.password = password.map(|p| encoded(p, EncodeSet::Userinfo));
            if host_port.is_empty() {
                return Err(UrlError);
            }
            host_port
        }
        None => authority,
    };
    let mut in_brackets = false;
    let colon = host_port.find(|c| {
        match c {
            '[' => in_brackets = true,
            ']' => in_brackets = false,
            _ => {}
        }
        c == ':' && !in_brackets
    });
    let (host_text, port_text) = match colon {
        Some(i) => (
            host_port.get(..i).unwrap_or_default(),
            host_port.get(i + 1..),
        ),
        None => (host_port, None),
    };
    if host_text.is_empty() {
        if special || port_text.is_some() || crate::substring::contains_byte(authority, b'@') {
            return Err(UrlError);
        }
    } else if special {
        url.host = Some(parse_host(host_text).ok_or(UrlError)?);
    } else {
        url.host = Some(parse_opaque_host(host_text).ok_or(UrlError)?);
    }
    if let Some(p) = port_text.filter(|p| !p.is_empty()) {
        let port = parse_port(p)?;
        url.port = Some(port).filter(|&n| Some(n) != default_port(&url.scheme));
    }
    let rest = if special {
        let after_slash = tail
            .strip_prefix("/")
            .or_else(|| tail.strip_prefix("\\"))
            .unwrap_or(tail);
        path(&mut url, Vec::new(), after_slash, true)
    } else if tail.starts_with("/") {
        path(
            &mut url,
            Vec::new(),
            tail.get(1..).unwrap_or_default(),
            false,
        )
    } else {
        tail
    };
    Ok(finish(url, rest))
}

/// A port: decimal digits up to 65535 (leading zeros allowed).
fn parse_port(text: &str) -> Result<u16, UrlError> {
    let mut port = 0u32;
    for b in text.bytes() {
        let digit = char::from(b).to_digit(10).ok_or(UrlError)?;
        port = port * 10 + digit;
        if port > u32::from(u16::MAX) {
            return Err(UrlError);
        }
    }
    u16::try_from(port).map_err(|_| UrlError)
}

/// A URL of a non-special scheme: an authority after `//`, a `/`-rooted path, or an opaque
/// path (`mailto:x`, `data:...`).
fn non_special(scheme: String, rest: &str) -> Result<Url, UrlError> {
    if let Some(after) = rest.strip_prefix("//") {
        return authority(scheme, after);
    }
    let mut url = empty(scheme);
    if let Some(after) = rest.strip_prefix("/") {
        let rest = path(&mut url, Vec::new(), after, false);
        return Ok(finish(url, rest));
    }
    let end = rest
        .bytes()
        .position(|b| b == b'?' || b == b'#')
        .unwrap_or(rest.len());
    let (opaque, rest) = rest.split_at(end);
    url.path = encoded(opaque, EncodeSet::Controls);
    Ok(finish(url, rest))
}

/// The relative state: `input` (no scheme of its own, or the base's special scheme without
/// `//`) resolved against `base`.
fn relative(input: &str, base: &Url) -> Result<Url, UrlError> {
    let special = is_special(&base.scheme);
    let is_slash = |c: char| c == '/' || (special && c == '\\');
    let mut chars = input.chars();
    let first = chars.next();
    if first.is_some_and(is_slash) {
        let after = chars.as_str();
        if after.starts_with(is_slash) {
            // `//host/...`: a new authority with the base's scheme (special schemes skip
            // every further slash).
            let authority_text = if special {
                after.trim_start_matches(is_slash)
            } else {
                after.get(1..).unwrap_or_default()
            };
            return authority(base.scheme.clone(), authority_text);
        }
        let mut url = base.clone();
        url.query = None;
        url.fragment = None;
        let rest = path(&mut url, Vec::new(), after, special);
        return Ok(finish(url, rest));
    }
    let mut url = base.clone();
    url.fragment = None;
    let rest = match first {
        // Nothing: the base without its fragment.
        None => "",
        Some('?') => {
            url.query = None;
            input
        }
        Some('#') => input,
        // A path relative to the base's directory.
        Some(_) => {
            url.query = None;
            let mut segments = segments_of(&base.path);
            segments.pop();
            path(&mut url, segments, input, special)
        }
    };
    Ok(finish(url, rest))
}

/// The segments of a serialized `/`-rooted path (`/` is one empty segment).
fn segments_of(path: &str) -> Vec<String> {
    match path.strip_prefix("/") {
        Some(p) => crate::substring::split_byte(p, b'/')
            .map(str::to_owned)
            .collect(),
        None => Vec::new(),
    }
}

fn is_single_dot(segment: &str) -> bool {
    segment == "." || segment.eq_ignore_ascii_case("%2e")
}

fn is_double_dot(segment: &str) -> bool {
    matches!(
        segment.to_ascii_lowercase().as_str(),
        ".." | ".%2e" | "%2e." | "%2e%2e"
    )
}

/// The path state: the segments of `input` (up to `?` or `#`) appended to `segments` with dot
/// segments applied, each percent-encoded; sets `url.path` and returns the rest of `input`.
fn path<'a>(url: &mut Url, mut segments: Vec<String>, input: &'a str, special: bool) -> &'a str {
    let mut buffer = String::new();
    let mut rest = "";
    let mut chars = input.char_indices();
    loop {
        let next = chars.next();
        let c = next.map(|(_, c)| c);
        let slash = c == Some('/') || (special && c == Some('\\'));
        if !slash && !matches!(c, None | Some('?' | '#')) {
            if let Some(c) = c {
                let mut utf8 = [0u8; 4];
                push_encoded(&mut buffer, c.encode_utf8(&mut utf8), EncodeSet::Path);
            }
            continue;
        }
        if is_double_dot(&buffer) {
            segments.pop();
            if !slash {
                segments.push(String::new());
            }
        } else if is_single_dot(&buffer) {
            if !slash {
                segments.push(String::new());
            }
        } else {
            segments.push(std::mem::take(&mut buffer));
        }
        buffer.clear();
        if !slash {
            if let Some((i, _)) = next {
                rest = input.get(i..).unwrap_or_default();
            }
            break;
        }
    }
    let mut serialized = String::with_capacity(input.len() + 1);
    for s in &segments {
        serialized.push('/');
        serialized.push_str(s);
    }
    url.path = serialized;
    rest
}

/// The query and fragment states over `rest` (empty, or starting with `?` or `#`), then the
/// serialization.
fn finish(mut url: Url, rest: &str) -> Url {
    let (before_fragment, fragment) = match crate::substring::split_once_byte(rest, b'#') {
        Some((b, f)) => (b, Some(f)),
        None => (rest, None),
    };
    if let Some(q) = before_fragment.strip_prefix("?") {
        let set = if is_special(&url.scheme) {
            EncodeSet::SpecialQuery
        } else {
            EncodeSet::Query
        };
        url.query = Some(encoded(q, set));
    }
    if let Some(f) = fragment {
        url.fragment = Some(encoded(f, EncodeSet::Fragment));
    }
    url.reserialize();
    url
}
