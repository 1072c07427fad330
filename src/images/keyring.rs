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

pub use super::glob::glob_match;
use super::go_url::{parse_after_scheme, split_host_port};

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

/// A schemeless URL as `URLsMatch` compares it: host (labels and port) and path.
#[derive(Clone, Debug)]
struct Schemeless<'a> {
    host: Cow<'a, str>,
    path: Cow<'a, str>,
    /// The host has no port, glob or escape (see `GoUrl::plain`).
    plain: bool,
}

impl<'a> Schemeless<'a> {
    fn parse(s: &'a str) -> Option<Schemeless<'a>> {
        let url = parse_after_scheme(s)?;
        Some(Schemeless {
            host: url.host,
            path: url.path,
            plain: url.plain,
        })
    }

    /// `URLsMatch(self, target)`: same port, same number of labels, each label globbed, the
    /// path a prefix.
    fn matches(&self, target: &Target) -> bool {
        if self.plain {
            // No `:` and no glob character: each label equal, no port.
            return target.port.is_empty()
                && *self.host == *target.host
                && target.path.starts_with(&*self.path);
        }
        let (host, port) = split_host_port(&self.host);
        if port != target.port || !target.path.starts_with(&*self.path) {
            return false;
        }
        // As many labels on both sides, each globbed (one pass, no count first).
        let mut patterns = host.as_bytes().split(|c| *c == b'.');
        let mut labels = target.host.as_bytes().split(|c| *c == b'.');
        loop {
            match (patterns.next(), labels.next()) {
                (Some(p), Some(n)) if glob_match(p, n) => {}
                (None, None) => return true,
                _ => return false,
            }
        }
    }
}

/// The side of `URLsMatch` that stays the same over a lookup, split once.
struct Target {
    host: String,
    port: String,
    path: String,
}

impl Target {
    fn parse(s: &str) -> Option<Target> {
        let url = Schemeless::parse(s)?;
        let (host, port) = split_host_port(&url.host);
        Some(Target {
            host: host.to_owned(),
            port: port.to_owned(),
            path: url.path.into_owned(),
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
        [&*self.host, &*self.path].concat()
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
    // Byte comparisons: the `str` pattern calls cost more per entry in the WebAssembly build.
    let scheme = match server.as_bytes() {
        [b'h', b't', b't', b'p', b's', b':', b'/', b'/', ..] => 8,
        [b'h', b't', b't', b'p', b':', b'/', b'/', ..] => 7,
        _ => 0,
    };
    let rest = server.get(scheme..).unwrap_or(server);
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
                plain: url.plain,
            }),
        });
    }
    // Decoding may have made a `/`, `@` or `?` that the second parse reads anew.
    let path = key_path(&url.path).to_owned();
    let key = format!("{}{path}", url.host);
    let glob = Schemeless::parse(&key).map(|g| Schemeless {
        host: Cow::Owned(g.host.into_owned()),
        path: Cow::Owned(g.path.into_owned()),
        plain: g.plain,
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

/// The host (with its port) of a repository name as a lookup compares keys with it. A key
/// whose host is plain (ASCII letters, digits, `.`, `-`: no port, glob or escape) matches only
/// this very host, so a host that reads sources may leave out entries keyed by another plain
/// host, other than Docker Hub's (see ARCHITECTURE.md, "Images").
pub fn name_host(name: &str) -> Option<Cow<'_, str>> {
    parse_after_scheme(name).map(|url| url.host)
}

/// `isDefaultRegistryMatch`: whether `image` is pulled from Docker Hub, judged by its name.
pub fn is_default_registry_match(image: &str) -> bool {
    let (first, rest) = match crate::substring::split_once_byte(image, b'/') {
        Some((first, rest)) => (first, Some(rest)),
        None => (image, None),
    };
    if first.is_empty() {
        return false;
    }
    if rest.is_none() || first == "docker.io" || first == DEFAULT_REGISTRY_HOST {
        return true;
    }
    !first.bytes().any(|b| b == b'.' || b == b':')
}

/// One lookup, entry by entry: what the kubelet's keyring would answer for `image` once every
/// entry has been offered in the order the keyring adds them.
pub struct Lookup<'i> {
    image: &'i str,
    target: Option<Target>,
    /// Matching entries with their keys, in the kubelet's order: keys in reverse byte order,
    /// each key's entries in the order offered (a list rather than a `BTreeMap`: one B-tree
    /// instance less in the module).
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
                let key = key.text();
                let at = self.found.partition_point(|(k, _)| *k >= key);
                self.found.insert(at, (key, entry()));
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
        self.found.into_iter().map(|(_, m)| m).collect()
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

impl crate::json::ToJson for KeyringMatch {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .field("server", &self.server)
            .field("username", &self.username)
            .field("source", &self.source)
            .end();
    }
}
