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

use std::collections::BTreeMap;

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

/// A keyring: normalized keys and, per key, the entries in the order they were added.
#[derive(Clone, Debug, Default)]
pub struct Keyring {
    creds: BTreeMap<String, Key>,
}

/// One key: parsed once as a glob (`None` when it does not parse schemeless: it matches
/// nothing), and its entries in the order they were added.
#[derive(Clone, Debug, Default)]
struct Key {
    glob: Option<Schemeless>,
    entries: Vec<KeyringMatch>,
}

/// The host and path of a URL as Go's `url.Parse` reads them, or `None` where it fails.
struct GoUrl {
    host: String,
    path: String,
}

fn valid_optional_port(port: &str) -> bool {
    match port.strip_prefix(':') {
        Some(digits) => digits.bytes().all(|c| c.is_ascii_digit()),
        None => port.is_empty(),
    }
}

/// Host characters Go's `url.Parse` refuses (`shouldEscape` in host mode).
fn host_char_ok(c: u8) -> bool {
    c >= 0x80 || c.is_ascii_alphanumeric() || b"-_.~!$&'()*+,;=:[]<>\"%".contains(&c)
}

fn unescape(s: &str) -> Option<String> {
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
    String::from_utf8(out).ok()
}

/// What Go's `url.Parse("https://" + rest)` reads as host and path (`rest` has no scheme).
fn parse_after_scheme(rest: &str) -> Option<GoUrl> {
    if rest.bytes().any(|c| c < 0x20 || c == 0x7f) {
        return None;
    }
    let rest = rest.split(['#', '?']).next().unwrap_or_default();
    let (authority, path) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let host = authority.rsplit('@').next().unwrap_or_default();
    let port_part = if host.starts_with('[') {
        host.rfind(']')
            .map(|i| host.get(i + 1..).unwrap_or_default())?
    } else {
        host.rfind(':')
            .map_or("", |i| host.get(i..).unwrap_or_default())
    };
    if !valid_optional_port(port_part) || !host.bytes().all(host_char_ok) {
        return None;
    }
    let host = if host.contains('%') {
        unescape(host)?
    } else {
        host.to_owned()
    };
    Some(GoUrl {
        host,
        path: unescape(path)?,
    })
}

/// `net.SplitHostPort`, with the kubelet's fallback: on error the whole host and no port.
fn split_host_port(hostport: &str) -> (&str, &str) {
    fn split(hp: &str) -> Option<(&str, &str)> {
        let i = hp.rfind(':')?;
        let (host, j, k) = if hp.starts_with('[') {
            let end = hp.find(']')?;
            if end + 1 != i {
                return None;
            }
            (hp.get(1..end)?, 1, end + 1)
        } else {
            let host = hp.get(..i)?;
            if host.contains(':') {
                return None;
            }
            (host, 0, 0)
        };
        if hp.get(j..)?.contains('[') || hp.get(k..)?.contains(']') {
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

/// A schemeless URL as `URLsMatch` compares it: host labels, port and path.
#[derive(Clone, Debug)]
struct Schemeless {
    labels: Vec<String>,
    port: String,
    path: String,
}

impl Schemeless {
    fn parse(s: &str) -> Option<Schemeless> {
        let url = parse_after_scheme(s)?;
        let (host, port) = split_host_port(&url.host);
        Some(Schemeless {
            labels: host.split('.').map(str::to_owned).collect(),
            port: port.to_owned(),
            path: url.path,
        })
    }

    /// `URLsMatch(self, target)`: same port, same number of labels, each label globbed, the
    /// path a prefix.
    fn matches(&self, target: &Schemeless) -> bool {
        self.port == target.port
            && target.path.starts_with(&self.path)
            && self.labels.len() == target.labels.len()
            && self
                .labels
                .iter()
                .zip(&target.labels)
                .all(|(p, n)| glob_match(p.as_bytes(), n.as_bytes()))
    }
}

/// `URLsMatchStr(glob, target)`: both schemeless.
pub fn urls_match(glob: &str, target: &str) -> bool {
    match (Schemeless::parse(glob), Schemeless::parse(target)) {
        (Some(g), Some(t)) => g.matches(&t),
        _ => false,
    }
}

/// The keyring key of a server, or `None` when the kubelet would ignore the entry.
pub fn normalize_key(server: &str) -> Option<String> {
    let rest = server
        .strip_prefix("https://")
        .or_else(|| server.strip_prefix("http://"))
        .unwrap_or(server);
    let url = parse_after_scheme(rest)?;
    let path = if url.path.starts_with("/v2/") || url.path.starts_with("/v1/") {
        url.path.get(3..).unwrap_or_default()
    } else {
        url.path.as_str()
    };
    Some(if path.is_empty() || path == "/" {
        url.host
    } else {
        format!("{}{path}", url.host)
    })
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

impl Keyring {
    /// An empty keyring.
    pub fn new() -> Keyring {
        Keyring::default()
    }

    /// Adds one entry; returns `false` (and adds nothing) when the kubelet would ignore its key.
    pub fn add(&mut self, server: &str, username: &str, source: usize) -> bool {
        let Some(key) = normalize_key(server) else {
            return false;
        };
        let slot = self.creds.entry(key).or_insert_with_key(|k| Key {
            glob: Schemeless::parse(k),
            entries: Vec::new(),
        });
        slot.entries.push(KeyringMatch {
            server: server.to_owned(),
            username: username.to_owned(),
            source,
        });
        true
    }

    /// The entries the kubelet would try for `image` (a repository name such as
    /// `docker.io/library/nginx`), in its order.
    pub fn lookup(&self, image: &str) -> Vec<KeyringMatch> {
        let target = Schemeless::parse(image);
        let found: Vec<KeyringMatch> = self
            .creds
            .values()
            .rev()
            .filter(|key| match (&key.glob, &target) {
                (Some(g), Some(t)) => g.matches(t),
                _ => false,
            })
            .flat_map(|key| key.entries.iter().cloned())
            .collect();
        if !found.is_empty() || !is_default_registry_match(image) {
            return found;
        }
        self.creds
            .get(DEFAULT_REGISTRY_HOST)
            .map(|key| key.entries.clone())
            .unwrap_or_default()
    }
}
