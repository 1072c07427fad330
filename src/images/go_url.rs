//! Go's `url.Parse` and `net.SplitHostPort` as far as the kubelet's keyring reads a server key
//! with them (host and path; which keys fail), used by `src/images/keyring.rs`. Keys are read
//! per entry, a hundred sources per call, so the reading is byte by byte in one pass and
//! borrows unless a `%` escape has to be decoded (the `str` pattern searches cost several times
//! more per call in the WebAssembly build).

use std::borrow::Cow;

/// The host and path of a URL as Go's `url.Parse` reads them, or `None` where it fails;
/// borrowed unless a `%` escape had to be decoded.
pub(super) struct GoUrl<'a> {
    /// The host and port.
    pub host: Cow<'a, str>,
    /// The path (after the host, before `?` or `#`).
    pub path: Cow<'a, str>,
    /// Whether the host is only ASCII letters, digits, `.` and `-` (no port, no glob, no
    /// escape): then `URLsMatch` on it is a plain comparison.
    pub plain: bool,
}

fn valid_optional_port(port: &str) -> bool {
    match port.as_bytes().split_first() {
        Some((b':', digits)) => digits.iter().all(u8::is_ascii_digit),
        Some(_) => false,
        None => true,
    }
}

/// Whether `s` starts with `[` (a byte comparison: see [`find`]).
fn bracketed(s: &str) -> bool {
    s.as_bytes().first() == Some(&b'[')
}

/// Host characters Go's `url.Parse` accepts (`shouldEscape` in host mode).
fn host_char_ok(c: u8) -> bool {
    c >= 0x80
        || c.is_ascii_alphanumeric()
        || matches!(
            c,
            b'-' | b'_'
                | b'.'
                | b'~'
                | b'!'
                | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
                | b':'
                | b'['
                | b']'
                | b'<'
                | b'>'
                | b'"'
                | b'%'
        )
}

/// The first index of the ASCII byte `b` in `s` (byte searches: the `str` pattern machinery
/// costs several times more per call in the WebAssembly build, and keys are searched per
/// entry).
fn find(s: &str, b: u8) -> Option<usize> {
    s.bytes().position(|c| c == b)
}

/// The last index of the ASCII byte `b` in `s`.
fn rfind(s: &str, b: u8) -> Option<usize> {
    s.bytes().rposition(|c| c == b)
}

/// `s` with its `%` escapes decoded, or `None` when one is broken or the result is not UTF-8.
fn unescape(s: &str) -> Option<Cow<'_, str>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c == b'%' {
            let hi = b.get(i + 1).and_then(|h| (*h as char).to_digit(16))?;
            let lo = b.get(i + 2).and_then(|h| (*h as char).to_digit(16))?;
            out.push((hi * 16 + lo) as u8);
            i += 3;
        } else {
            out.push(c);
            i += 1;
        }
    }
    String::from_utf8(out).ok().map(Cow::Owned)
}

/// What Go's `url.Parse("https://" + rest)` reads as host and path (`rest` has no scheme), or
/// `None` where it fails: a control character anywhere, a host character Go escapes, a port
/// that is not digits, a broken `%` escape. One pass: the host is what follows the last `@`
/// before the path.
pub(super) fn parse_after_scheme(rest: &str) -> Option<GoUrl<'_>> {
    let bytes = rest.as_bytes();
    let (mut end, mut cut, mut slash) = (bytes.len(), false, None);
    let (mut host_start, mut colon, mut bracket) = (0, None, None);
    let (mut host_ok, mut host_escaped, mut path_escaped) = (true, false, false);
    let mut plain = true;
    for (i, &c) in bytes.iter().enumerate() {
        match c {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'.' | b'-' => continue,
            0..=0x1f | 0x7f => return None,
            _ if cut => continue,
            b'#' | b'?' => {
                (end, cut) = (i, true);
                continue;
            }
            _ if slash.is_some() => {
                path_escaped |= c == b'%';
                continue;
            }
            b'/' => {
                slash = Some(i);
                continue;
            }
            b'@' => {
                (host_start, colon, bracket) = (i + 1, None, None);
                (host_ok, host_escaped, plain) = (true, false, true);
                continue;
            }
            b':' => colon = Some(i),
            b']' => bracket = Some(i),
            b'%' => host_escaped = true,
            _ => {}
        }
        plain = false;
        host_ok &= host_char_ok(c);
    }
    let split = slash.unwrap_or(end);
    let host = rest.get(host_start..split).unwrap_or_default();
    let path = rest.get(split..end).unwrap_or_default();
    let port_part = if bracketed(host) {
        bracket.map(|i| rest.get(i + 1..split).unwrap_or_default())?
    } else {
        colon.map_or("", |i| rest.get(i..split).unwrap_or_default())
    };
    if !host_ok || !valid_optional_port(port_part) {
        return None;
    }
    let decoded = |s, escaped| {
        if escaped {
            unescape(s)
        } else {
            Some(Cow::Borrowed(s))
        }
    };
    Some(GoUrl {
        host: decoded(host, host_escaped)?,
        path: decoded(path, path_escaped)?,
        plain,
    })
}

/// `net.SplitHostPort`, with the kubelet's fallback: on error the whole host and no port.
pub(super) fn split_host_port(hostport: &str) -> (&str, &str) {
    fn split(hp: &str) -> Option<(&str, &str)> {
        let i = rfind(hp, b':')?;
        let (host, j, k) = if bracketed(hp) {
            let end = find(hp, b']')?;
            if end + 1 != i {
                return None;
            }
            (hp.get(1..end)?, 1, end + 1)
        } else {
            let host = hp.get(..i)?;
            if find(host, b':').is_some() {
                return None;
            }
            (host, 0, 0)
        };
        if find(hp.get(j..)?, b'[').is_some() || find(hp.get(k..)?, b']').is_some() {
            return None;
        }
        Some((host, hp.get(i + 1..)?))
    }
    split(hostport).unwrap_or((hostport, ""))
}
