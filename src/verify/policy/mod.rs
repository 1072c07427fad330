//! The network policy (see ARCHITECTURE.md, "Network policy"): which URLs the library lets the
//! host's `fetch` reach, and what a request may carry there.
//!
//! Every URL is judged after the WHATWG normalization `fetch` itself applies (`src/url/`
//! implements the same parser), so `http://0x7f.1/`, `http://2130706433/`, `http://0177.0.0.1/`
//! and `http://127.1/` are all seen as `127.0.0.1`. The rules:
//!
//! - only `https`; `http` only to the registry's own origin (host and port) when its connection
//!   is `insecure`;
//! - no userinfo (`https://user:pass@host/`, `https://host@evil/`);
//! - a host name is public only when its last label is a delegated top-level domain
//!   ([`names`]); every other name only resolves inside some network and, like loopback,
//!   private (RFC 1918, unique-local `fc00::/7`) and CGNAT (`100.64/10`) addresses in any
//!   spelling ([`address`]), needs the host's opt-in (`allowPrivateNetworks`);
//! - never, even with the opt-in: cloud metadata and platform endpoints (`169.254.169.254`,
//!   `fd00:ec2::254`, `fd20:ce::254`, `168.63.129.16`, `100.100.100.200`, `192.0.0.192`,
//!   `metadata.google.internal`, ...), link-local addresses, unspecified (`0.0.0.0/8`, `::`),
//!   broadcast, multicast and reserved (`240/4`) addresses;
//! - the registry's TLS hint goes only to the registry's own origin ([`Policy::tls_for`]).
//!
//! Redirects, and what a request keeps when it changes origin, are [`super::flight`]'s.

use std::net::IpAddr;

use crate::url::ip_text::ip_text;
use crate::url::{Host, Url};
use crate::ErrorCode;

use super::http::TlsHint;

pub mod address;
pub mod names;

pub use address::{classify_v4, classify_v6, AddressClass};
pub use names::{classify_domain, is_delegated_tld, tld_list_date};

/// What a policy check needs to know about the registry being verified.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    /// The registry's own host (lowercase, no port, IPv6 in brackets).
    pub registry_host: String,
    /// The registry's port as its URL spells it (`None` for the scheme's default port).
    pub registry_port: Option<u16>,
    /// The registry's connection: `insecure` allows plain http to the registry's own origin;
    /// the hint goes to the host's `fetch` for that origin only.
    pub tls: TlsHint,
    /// The host opted in to private and loopback addresses and non-public names.
    pub allow_private_networks: bool,
}

/// Why a URL was refused. The text never contains credentials (userinfo is not echoed) nor any
/// text a server chose (the host name is not echoed either).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blocked {
    /// A stable code: `policy.url`, `policy.scheme`, `policy.userinfo`, `policy.private-address`,
    /// `policy.metadata`, `policy.reserved-address`.
    pub code: ErrorCode,
    /// What was wrong, in words.
    pub reason: &'static str,
}

fn blocked(code: ErrorCode, reason: &'static str) -> Blocked {
    Blocked { code, reason }
}

impl Policy {
    /// The policy for the registry at `url` (its host and port), with its connection's TLS hint.
    /// A `url` that does not parse names no host: then only the fixed rules admit anything.
    pub fn for_registry<U: AsRef<str> + ?Sized>(
        url: &U,
        tls: TlsHint,
        allow_private_networks: bool,
    ) -> Policy {
        let url = Url::parse(url.as_ref()).ok();
        Policy {
            registry_host: url.as_ref().map(host_key).unwrap_or_default(),
            registry_port: url.as_ref().and_then(Url::port),
            tls,
            allow_private_networks,
        }
    }

    /// A policy for a fixed public API host (ECR, STS): https only, no opt-in, no TLS hint.
    pub fn for_api(host: &str) -> Policy {
        Policy {
            registry_host: host.to_ascii_lowercase(),
            registry_port: None,
            tls: TlsHint::default(),
            allow_private_networks: false,
        }
    }

    /// Whether `url` is the registry's own origin: its host and port, over https — or plain
    /// http when the connection is `insecure`.
    pub fn is_registry(&self, url: &Url) -> bool {
        let scheme_ok = url.scheme() == "https" || (url.scheme() == "http" && self.tls.insecure);
        scheme_ok && url.port() == self.registry_port && host_key(url) == self.registry_host
    }

    /// The TLS hint a request to `url` carries: the registry's for its own origin, none
    /// elsewhere (as docker scopes `certs.d` per registry host).
    pub fn tls_for(&self, url: &Url) -> TlsHint {
        if self.is_registry(url) {
            self.tls.clone()
        } else {
            TlsHint::default()
        }
    }

    /// Parses `url` as `fetch` would and checks it; returns the normalized URL to fetch.
    ///
    /// Fails with [`Blocked`] when the URL does not parse, uses another scheme, carries
    /// userinfo, or names an address the policy refuses.
    pub fn check(&self, url: &str) -> Result<Url, Blocked> {
        if raw_userinfo(url) {
            return Err(blocked(
                ErrorCode::PolicyUserinfo,
                "URLs with user information are not fetched",
            ));
        }
        let parsed = Url::parse(url.trim())
            .map_err(|_| blocked(ErrorCode::PolicyUrl, "the URL does not parse"))?;
        self.check_url(&parsed)?;
        Ok(parsed)
    }

    /// Checks an already parsed URL (see [`Policy::check`]).
    pub fn check_url(&self, url: &Url) -> Result<(), Blocked> {
        let host = url
            .host()
            .ok_or_else(|| blocked(ErrorCode::PolicyUrl, "the URL has no host"))?;
        match url.scheme() {
            "https" => {}
            "http" if self.tls.insecure && self.is_registry(url) => {}
            "http" => return Err(blocked(
                ErrorCode::PolicyScheme,
                "plain http is allowed only to the registry's own host and port with connection \"insecure\"",
            )),
            _ => return Err(blocked(ErrorCode::PolicyScheme, "only https URLs are fetched")),
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(blocked(
                ErrorCode::PolicyUserinfo,
                "URLs with user information are not fetched",
            ));
        }
        let class = match host {
            Host::Domain(d) => classify_domain(d),
            Host::Ipv4(ip) => classify_v4(*ip),
            Host::Ipv6(ip) => classify_v6(*ip),
        };
        match class {
            AddressClass::Public => Ok(()),
            AddressClass::Private if self.allow_private_networks => Ok(()),
            AddressClass::Private => Err(blocked(
                ErrorCode::PolicyPrivateAddress,
                "the URL names a loopback or private address, or a name that is not under a public top-level domain (the host may allow private networks)",
            )),
            AddressClass::Metadata => Err(blocked(
                ErrorCode::PolicyMetadata,
                "the URL names a cloud metadata or platform endpoint, or a link-local address",
            )),
            AddressClass::Reserved => Err(blocked(
                ErrorCode::PolicyReservedAddress,
                "the URL names an unspecified, broadcast, multicast or reserved address",
            )),
        }
    }
}

/// Whether the authority of `url` (as typed) contains `@`, even when WHATWG parsing would drop
/// an empty userinfo (`https://:@host/`).
pub(crate) fn raw_userinfo(url: &str) -> bool {
    let Some((_, rest)) = crate::substring::split_once(url, "://") else {
        return false;
    };
    let end = rest
        .bytes()
        .position(|b| matches!(b, b'/' | b'?' | b'#' | b'\\'))
        .unwrap_or(rest.len());
    rest.get(..end)
        .is_some_and(|authority| crate::substring::contains_byte(authority, b'@'))
}

/// The host of a URL as the policy compares it: lowercase, no trailing dot, IPv6 in brackets.
pub fn host_key(url: &Url) -> String {
    match url.host() {
        Some(Host::Domain(d)) => crate::substring::trim_end_byte(d, b'.').to_ascii_lowercase(),
        Some(Host::Ipv4(ip)) => ip_text(IpAddr::V4(*ip)),
        Some(Host::Ipv6(ip)) => format!("[{}]", ip_text(IpAddr::V6(*ip))),
        None => String::new(),
    }
}

/// Whether two URLs have the same origin (scheme, host, port): secrets made for one are never
/// sent to the other.
pub fn same_origin(a: &Url, b: &Url) -> bool {
    a.scheme() == b.scheme()
        && host_key(a) == host_key(b)
        && a.port_or_known_default() == b.port_or_known_default()
}
