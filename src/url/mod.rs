//! URLs as `fetch` reads them: the WHATWG URL Standard's parser for what regcred requests
//! (absolute http and https URLs, redirect `Location`s and token `realm`s resolved against the
//! URL at hand), the serialization `fetch` is given, and `application/x-www-form-urlencoded`.
//!
//! - [`Url`] (this file): the parts, the setters the verification needs, the serialization;
//! - `parse.rs`: the parser and relative resolution; `host.rs` with `ip.rs`: hosts and IP
//!   literals; `idn.rs`: internationalized names (the installed host parser);
//! - `encode.rs`: percent-encoding and forms; `address.rs`: splitting what a person typed as
//!   a registry address (no URL semantics: the one host splitter of the crate).
//!
//! Schemes other than http(s) are parsed only as far as the network policy needs to refuse
//! them with the right reason (ws, wss and ftp like http; the others generically).

pub(crate) mod address;
mod encode;
mod host;
mod idn;
mod ip;
pub(crate) mod ip_text;
mod parse;

use std::fmt;

pub use encode::form_urlencoded;
pub use host::{parse_host, Host};
pub use idn::{install_host_parser, HostParser};

/// Why a text is not a URL: the parser found it invalid (no scheme and no base, an invalid
/// host or port, an empty host, ...). Carries no text of the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UrlError;

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the URL does not parse")
    }
}

impl std::error::Error for UrlError {}

/// An absolute URL, parsed and normalized as the URL Standard does (what `new URL` and `fetch`
/// see). `Debug` shows it redacted ([`Url::redacted`]).
#[derive(Clone, PartialEq, Eq)]
pub struct Url {
    serialization: String,
    scheme: String,
    username: String,
    password: Option<String>,
    /// `//` follows the scheme (always for special schemes).
    has_authority: bool,
    host: Option<Host>,
    port: Option<u16>,
    /// The serialized path (special schemes: starts with `/`).
    path: String,
    query: Option<String>,
    fragment: Option<String>,
}

/// The default port of a special scheme; `None` for the others.
fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" | "ws" => Some(80),
        "https" | "wss" => Some(443),
        "ftp" => Some(21),
        _ => None,
    }
}

/// Whether `scheme` is special (its URLs have a host and a `/`-rooted path; `\` is `/`).
fn is_special(scheme: &str) -> bool {
    default_port(scheme).is_some()
}

impl Url {
    /// Parses an absolute URL.
    ///
    /// # Errors
    /// [`UrlError`] when `input` has no scheme or is invalid for the URL Standard.
    pub fn parse(input: &str) -> Result<Url, UrlError> {
        parse::parse(input, None)
    }

    /// Resolves `input` (absolute, or relative such as a redirect's `Location`) against this
    /// URL.
    ///
    /// # Errors
    /// [`UrlError`] when the result is invalid, or this URL cannot be a base (an opaque path).
    pub fn join(&self, input: &str) -> Result<Url, UrlError> {
        parse::parse(input, Some(self))
    }

    /// The serialization.
    pub fn as_str(&self) -> &str {
        &self.serialization
    }

    /// The scheme, lowercase, without `:`.
    pub fn scheme(&self) -> &str {
        &self.scheme
    }

    /// The host; `None` when the URL has none.
    pub fn host(&self) -> Option<&Host> {
        self.host.as_ref()
    }

    /// The port, `None` when absent or the scheme's default.
    pub fn port(&self) -> Option<u16> {
        self.port
    }

    /// The port, or the scheme's default when absent.
    pub fn port_or_known_default(&self) -> Option<u16> {
        self.port.or_else(|| default_port(&self.scheme))
    }

    /// The username, percent-encoded (empty when none).
    pub fn username(&self) -> &str {
        &self.username
    }

    /// The password, percent-encoded.
    pub fn password(&self) -> Option<&str> {
        self.password.as_deref()
    }

    /// The query without `?`.
    pub fn query(&self) -> Option<&str> {
        self.query.as_deref()
    }

    /// Whether the URL has an opaque path (`mailto:x`): nothing can be resolved against it.
    pub fn cannot_be_a_base(&self) -> bool {
        !self.has_authority && !self.path.starts_with("/")
    }

    /// Switches between special schemes (`https` to `http`); the port is dropped when it is the
    /// new scheme's default.
    ///
    /// # Errors
    /// [`UrlError`] when either scheme is not special (as the URL Standard's setter refuses).
    pub fn set_scheme(&mut self, scheme: &str) -> Result<(), UrlError> {
        if !is_special(scheme) || !is_special(&self.scheme) {
            return Err(UrlError);
        }
        self.scheme = scheme.to_owned();
        if self.port == default_port(scheme) {
            self.port = None;
        }
        self.reserialize();
        Ok(())
    }

    /// Replaces the host.
    pub fn set_host(&mut self, host: Host) {
        self.host = Some(host);
        self.has_authority = true;
        self.reserialize();
    }

    /// Replaces the path with `path`, which must already be a serialized path (`/v2/`).
    pub(crate) fn set_path(&mut self, path: &str) {
        path.clone_into(&mut self.path);
        self.reserialize();
    }

    /// Replaces the query (`None` removes it); `query` must already be encoded.
    pub(crate) fn set_query(&mut self, query: Option<String>) {
        self.query = query;
        self.reserialize();
    }

    /// Removes the fragment.
    pub fn clear_fragment(&mut self) {
        self.fragment = None;
        self.reserialize();
    }

    /// Appends `name=value`, form-urlencoded, to the query (after a `&` when it is not empty).
    pub fn append_query_pair(&mut self, name: &str, value: &str) {
        let query = self.query.get_or_insert_with(String::new);
        if !query.is_empty() {
            query.push('&');
        }
        encode::push_form_component(query, name);
        query.push('=');
        encode::push_form_component(query, value);
        self.reserialize();
    }

    /// The URL fit for a request trail: no userinfo, no fragment, every query value replaced by
    /// `REDACTED` (the names kept).
    pub fn redacted(&self) -> String {
        let mut u = self.clone();
        u.username.clear();
        u.password = None;
        u.fragment = None;
        if let Some(q) = &self.query {
            let mut redacted = String::with_capacity(q.len());
            for name in encode::form_names(q) {
                if !redacted.is_empty() {
                    redacted.push('&');
                }
                encode::push_form_component(&mut redacted, &name);
                redacted.push_str("=REDACTED");
            }
            u.query = Some(redacted);
        }
        u.reserialize();
        u.serialization
    }

    /// Rebuilds the serialization from the parts.
    fn reserialize(&mut self) {
        let mut s = String::with_capacity(self.serialization.len().max(16));
        s.push_str(&self.scheme);
        s.push(':');
        if self.has_authority {
            s.push_str("//");
            if !self.username.is_empty() || self.password.is_some() {
                s.push_str(&self.username);
                if let Some(p) = &self.password {
                    s.push(':');
                    s.push_str(p);
                }
                s.push('@');
            }
            if let Some(h) = &self.host {
                s.push_str(&h.to_string());
            }
            if let Some(p) = self.port {
                s.push(':');
                s.push_str(&p.to_string());
            }
        } else if self.host.is_none() && self.path.starts_with("//") {
            // A path that would read as an authority keeps its meaning (the Standard's `/.`).
            s.push_str("/.");
        }
        s.push_str(&self.path);
        if let Some(q) = &self.query {
            s.push('?');
            s.push_str(q);
        }
        if let Some(f) = &self.fragment {
            s.push('#');
            s.push_str(f);
        }
        self.serialization = s;
    }
}

impl fmt::Display for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.serialization)
    }
}

impl fmt::Debug for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Url({})", self.redacted())
    }
}

impl AsRef<str> for Url {
    fn as_ref(&self) -> &str {
        &self.serialization
    }
}
