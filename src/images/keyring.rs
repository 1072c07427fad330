//! The kubelet's credential keyring: `BasicDockerKeyring` of kubernetes'
//! `pkg/credentialprovider/keyring.go` (`Add`, `Lookup`, `URLsMatch`, `isDefaultRegistryMatch`).
//!
//! - A key (`.dockerconfigjson` server) gets `https://` unless it has a scheme, is parsed as a
//!   URL and becomes `host[:port][path]`: the scheme is dropped, a path starting with `/v1/` or
//!   `/v2/` loses those three characters, a path of `/` is dropped. A key that does not parse
//!   (bad port, a space in the host, a broken `%` escape) is ignored, as the kubelet ignores it.
//! - Lookup tries keys in reverse byte order (so `quay.io/org` before `quay.io`) and keeps every
//!   key that matches the image name: same port, same number of host labels, each label matched
//!   by the key's label as a `filepath.Match` glob (`*`, `?`, `[a-z]`), and the key's path a
//!   prefix of the image's path (a plain string prefix: `/pong` matches `/pongz`).
//! - When nothing matched, a Docker Hub image (no host, or `docker.io`/`index.docker.io`) gets
//!   the credentials stored under `index.docker.io` (kubectl's `https://index.docker.io/v1/`).
//!
//! Everything stays case-sensitive, as in the kubelet.
//!
//! A lookup is one pass over the entries ([`Lookup`]): an entry is parsed where it is offered,
//! borrowed from its source, and copied only when it matches, so a hundred sources cost no
//! allocation per entry (the keyring's budget is per call: see ARCHITECTURE.md, "Images").

use std::borrow::Cow;

use serde::Serialize;

/// The host Docker Hub credentials are stored under.
const DEFAULT_REGISTRY_HOST: &str = "index.docker.io";

/// One credential the kubelet would try. Carries no password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KeyringMatch {
    /// The server key as written in the source (`https://index.docker.io/v1/`, `quay.io/org`).
    pub server: String,
    /// The username of that entry.
    pub username: String,
    /// The index of the source the entry came from.
    pub source: usize,
}

/// A keyring: the entries in the order they were added; [`Keyring::lookup`] answers as the
/// kubelet's keyring does.
#[derive(Clone, Debug, Default)]
pub struct Keyring {
    entries: Vec<KeyringMatch>,
}

/// The host and path of a URL as Go's `url.Parse` reads them, or `None` where it fails;
/// borrowed unless a `%` escape had to be decoded.
struct GoUrl<'a> {
    host: Cow<'a, str>,
    path: Cow<'a, str>,
}

fn valid_optional_port(port: &str) -> bool {
    match port.strip_prefix(':') {
        Some(digits) => digits.bytes().all(|c| c.is_ascii_digit()),
        None => port.is_empty(),
    }
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

/// `s` from `i` on (`""` past the end).
fn from(s: &str, i: usize) -> &str {
    s.get(i..).unwrap_or_default()
}

/// `s` up to `i`.
fn upto(s: &str, i: usize) -> &str {
    s.get(..i).unwrap_or_default()
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

/// What Go's `url.Parse("https://" + rest)` reads as host and path (`rest` has no scheme).
/// Two passes over the bytes (keys are read per entry, a hundred sources per call): the first
/// finds the end (`#`, `?`), the path and control characters, the second reads the host
/// backwards from the end of the authority to its last `@`.
fn parse_after_scheme(rest: &str) -> Option<GoUrl<'_>> {
    let bytes = rest.as_bytes();
    let mut end = None;
    let mut slash = None;
    let mut path_escaped = false;
    for (i, &c) in bytes.iter().enumerate() {
        if c < 0x20 || c == 0x7f {
            return None;
        }
        if end.is_some() {
            continue;
        }
        match c {
            b'#' | b'?' => end = Some(i),
            b'/' if slash.is_none() => slash = Some(i),
            b'%' if slash.is_some() => path_escaped = true,
            _ => {}
        }
    }
    let end = end.unwrap_or(bytes.len());
    let split = slash.unwrap_or(end);
    let authority = upto(rest, split);
    let path = rest.get(split..end).unwrap_or_default();
    let (mut host_start, mut colon, mut bracket) = (0, None, None);
    let (mut host_ok, mut host_escaped) = (true, false);
    for (i, &c) in authority.as_bytes().iter().enumerate().rev() {
        match c {
            b'@' => {
                host_start = i + 1;
                break;
            }
            b':' if colon.is_none() => colon = Some(i),
            b']' if bracket.is_none() => bracket = Some(i),
            b'%' => host_escaped = true,
            _ => {}
        }
        host_ok &= host_char_ok(c);
    }
    let host = from(authority, host_start);
    let port_part = if host.starts_with('[') {
        bracket.map(|i| from(authority, i + 1))?
    } else {
        colon.map_or("", |i| from(authority, i))
    };
    if !host_ok || !valid_optional_port(port_part) {
        return None;
    }
    Some(GoUrl {
        host: if host_escaped {
            unescape(host)?
        } else {
            Cow::Borrowed(host)
        },
        path: if path_escaped {
            unescape(path)?
        } else {
            Cow::Borrowed(path)
        },
    })
}

/// `net.SplitHostPort`, with the kubelet's fallback: on error the whole host and no port.
fn split_host_port(hostport: &str) -> (&str, &str) {
    fn split(hp: &str) -> Option<(&str, &str)> {
        let i = rfind(hp, b':')?;
        let (host, j, k) = if hp.starts_with('[') {
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

/// One element of a `filepath.Match` pattern.
enum Token {
    Star,
    Any,
    Byte(u8),
    Class {
        negated: bool,
        ranges: Vec<(u8, u8)>,
    },
}

impl Token {
    fn matches(&self, c: u8) -> bool {
        match self {
            Token::Star | Token::Any => true,
            Token::Byte(b) => *b == c,
            Token::Class { negated, ranges } => {
                ranges.iter().any(|(lo, hi)| (*lo..=*hi).contains(&c)) != *negated
            }
        }
    }
}

fn class_char(p: &[u8]) -> Option<(u8, &[u8])> {
    match p.split_first()? {
        (b'\\', rest) => rest.split_first().map(|(c, r)| (*c, r)),
        (b'-' | b']', _) => None,
        (c, rest) => Some((*c, rest)),
    }
}

/// The tokens of a pattern, or `None` when it is malformed (`ErrBadPattern`).
fn tokens(mut p: &[u8]) -> Option<Vec<Token>> {
    let mut out = Vec::new();
    while let Some((c, rest)) = p.split_first() {
        p = rest;
        out.push(match c {
            b'*' => Token::Star,
            b'?' => Token::Any,
            b'\\' => {
                let (c, rest) = p.split_first()?;
                p = rest;
                Token::Byte(*c)
            }
            b'[' => {
                let negated = p.first() == Some(&b'^');
                if negated {
                    p = p.get(1..)?;
                }
                let mut ranges = Vec::new();
                loop {
                    if let Some((b']', rest)) = p.split_first() {
                        if !ranges.is_empty() {
                            p = rest;
                            break;
                        }
                    }
                    let (lo, rest) = class_char(p)?;
                    let (hi, rest) = match rest.split_first() {
                        Some((b'-', after)) => class_char(after)?,
                        _ => (lo, rest),
                    };
                    ranges.push((lo, hi));
                    p = rest;
                }
                Token::Class { negated, ranges }
            }
            c => Token::Byte(*c),
        });
    }
    Some(out)
}

/// `filepath.Match` on one host label (neither side holds a `/`); a malformed pattern matches
/// nothing. Linear in practice: only the last `*` is ever backtracked to.
pub fn glob_match(pattern: &[u8], name: &[u8]) -> bool {
    if !pattern
        .iter()
        .any(|c| matches!(c, b'*' | b'?' | b'[' | b'\\'))
    {
        return pattern == name;
    }
    let Some(toks) = tokens(pattern) else {
        return false;
    };
    let (mut t, mut n) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while n < name.len() {
        match (toks.get(t), name.get(n)) {
            (Some(Token::Star), _) => {
                star = Some((t, n));
                t += 1;
            }
            (Some(tok), Some(c)) if tok.matches(*c) => {
                t += 1;
                n += 1;
            }
            _ => match star {
                Some((st, sn)) => {
                    star = Some((st, sn + 1));
                    t = st + 1;
                    n = sn + 1;
                }
                None => return false,
            },
        }
    }
    toks.get(t..)
        .is_some_and(|rest| rest.iter().all(|tok| matches!(tok, Token::Star)))
}

/// A schemeless URL as `URLsMatch` compares it: host (labels and port) and path.
#[derive(Clone, Debug)]
struct Schemeless<'a> {
    host: Cow<'a, str>,
    path: Cow<'a, str>,
}

impl<'a> Schemeless<'a> {
    fn parse(s: &'a str) -> Option<Schemeless<'a>> {
        let url = parse_after_scheme(s)?;
        Some(Schemeless {
            host: url.host,
            path: url.path,
        })
    }

    /// `URLsMatch(self, target)`: same port, same number of labels, each label globbed, the
    /// path a prefix.
    fn matches(&self, target: &Target) -> bool {
        let (host, port) = split_host_port(&self.host);
        port == target.port
            && target.path.starts_with(&*self.path)
            && labels(host) == target.labels
            && host
                .as_bytes()
                .split(|c| *c == b'.')
                .zip(target.host.as_bytes().split(|c| *c == b'.'))
                .all(|(p, n)| glob_match(p, n))
    }
}

fn labels(host: &str) -> usize {
    host.bytes().filter(|c| *c == b'.').count()
}

/// The side of `URLsMatch` that stays the same over a lookup, split once.
struct Target {
    host: String,
    port: String,
    path: String,
    labels: usize,
}

impl Target {
    fn parse(s: &str) -> Option<Target> {
        let url = Schemeless::parse(s)?;
        let (host, port) = split_host_port(&url.host);
        Some(Target {
            host: host.to_owned(),
            port: port.to_owned(),
            path: url.path.into_owned(),
            labels: labels(host),
        })
    }
}

/// `URLsMatchStr(glob, target)`: both schemeless.
pub fn urls_match(glob: &str, target: &str) -> bool {
    match (Schemeless::parse(glob), Target::parse(target)) {
        (Some(g), Some(t)) => g.matches(&t),
        _ => false,
    }
}

/// A server key as the keyring holds it (`host` then `path`), and the key parsed again as
/// `URLsMatch` does (`None` when that fails: it matches nothing).
struct Key<'a> {
    host: Cow<'a, str>,
    path: Cow<'a, str>,
    glob: Option<Schemeless<'a>>,
}

impl Key<'_> {
    fn text(&self) -> String {
        format!("{}{}", self.host, self.path)
    }

    fn is_docker_hub(&self) -> bool {
        self.path.is_empty() && self.host == DEFAULT_REGISTRY_HOST
    }
}

/// A key's path: without a leading `/v1` or `/v2` before a `/`, and empty for `/`.
fn key_path(path: &str) -> &str {
    let path = match path.get(..4) {
        Some("/v2/" | "/v1/") => path.get(3..).unwrap_or_default(),
        _ => path,
    };
    if path == "/" {
        ""
    } else {
        path
    }
}

/// The keyring key of `server` and its glob, or `None` when the kubelet would ignore the entry.
fn key_of(server: &str) -> Option<Key<'_>> {
    let rest = server
        .strip_prefix("https://")
        .or_else(|| server.strip_prefix("http://"))
        .unwrap_or(server);
    let url = parse_after_scheme(rest)?;
    if let (Cow::Borrowed(host), Cow::Borrowed(path)) = (&url.host, &url.path) {
        // Without escapes the second parse reads the same host and path back.
        let path = key_path(path);
        return Some(Key {
            host: Cow::Borrowed(host),
            path: Cow::Borrowed(path),
            glob: Some(Schemeless {
                host: Cow::Borrowed(host),
                path: Cow::Borrowed(path),
            }),
        });
    }
    // Decoding may have made a `/`, `@` or `?` that the second parse reads anew.
    let path = key_path(&url.path).to_owned();
    let key = format!("{}{path}", url.host);
    let glob = Schemeless::parse(&key).map(|g| Schemeless {
        host: Cow::Owned(g.host.into_owned()),
        path: Cow::Owned(g.path.into_owned()),
    });
    Some(Key {
        host: Cow::Owned(url.host.into_owned()),
        path: Cow::Owned(path),
        glob,
    })
}

/// The keyring key of a server, or `None` when the kubelet would ignore the entry.
pub fn normalize_key(server: &str) -> Option<String> {
    key_of(server).map(|k| k.text())
}

/// `isDefaultRegistryMatch`: whether `image` is pulled from Docker Hub, judged by its name.
pub fn is_default_registry_match(image: &str) -> bool {
    let mut parts = image.splitn(2, '/');
    let first = parts.next().unwrap_or_default();
    if first.is_empty() {
        return false;
    }
    if parts.next().is_none() || first == "docker.io" || first == DEFAULT_REGISTRY_HOST {
        return true;
    }
    !first.contains(['.', ':'])
}

/// One lookup, entry by entry: what the kubelet's keyring would answer for `image` once every
/// entry has been offered in the order the keyring adds them.
pub struct Lookup<'i> {
    image: &'i str,
    target: Option<Target>,
    /// Matching entries and their keys, in the order offered.
    found: Vec<(String, KeyringMatch)>,
    /// Entries under Docker Hub's key, the answer for a Docker Hub image when nothing matched.
    hub: Vec<KeyringMatch>,
}

impl<'i> Lookup<'i> {
    /// A lookup for `image`, a repository name such as `docker.io/library/nginx`.
    pub fn new(image: &'i str) -> Lookup<'i> {
        Lookup {
            image,
            target: Target::parse(image),
            found: Vec::new(),
            hub: Vec::new(),
        }
    }

    /// Offers one entry; `false` when the kubelet would ignore it (its key does not parse).
    /// Only a matching entry is copied.
    pub fn offer(&mut self, server: &str, username: &str, source: usize) -> bool {
        let Some(key) = key_of(server) else {
            return false;
        };
        let entry = || KeyringMatch {
            server: server.to_owned(),
            username: username.to_owned(),
            source,
        };
        if let (Some(glob), Some(target)) = (&key.glob, &self.target) {
            if glob.matches(target) {
                self.found.push((key.text(), entry()));
            }
        }
        if key.is_docker_hub() {
            self.hub.push(entry());
        }
        true
    }

    /// The entries the kubelet would try, in its order: matching keys most specific first
    /// (reverse byte order of the keys), each key's entries in the order they were offered;
    /// Docker Hub's entries for a Docker Hub image when no key matched.
    pub fn finish(self) -> Vec<KeyringMatch> {
        if self.found.is_empty() {
            return if is_default_registry_match(self.image) {
                self.hub
            } else {
                Vec::new()
            };
        }
        // Stable: entries under one key keep their order.
        let keys: Vec<&str> = self.found.iter().map(|(k, _)| k.as_str()).collect();
        let order = super::sorted_order(&keys, true);
        let matches = self.found.into_iter().map(|(_, m)| m).collect();
        super::in_order(matches, &order)
    }
}

impl Keyring {
    /// An empty keyring.
    pub fn new() -> Keyring {
        Keyring::default()
    }

    /// Adds one entry; returns `false` (and adds nothing) when the kubelet would ignore its key.
    pub fn add(&mut self, server: &str, username: &str, source: usize) -> bool {
        if key_of(server).is_none() {
            return false;
        }
        self.entries.push(KeyringMatch {
            server: server.to_owned(),
            username: username.to_owned(),
            source,
        });
        true
    }

    /// The entries the kubelet would try for `image` (a repository name such as
    /// `docker.io/library/nginx`), in its order.
    pub fn lookup(&self, image: &str) -> Vec<KeyringMatch> {
        let mut lookup = Lookup::new(image);
        for e in &self.entries {
            lookup.offer(&e.server, &e.username, e.source);
        }
        lookup.finish()
    }
}
