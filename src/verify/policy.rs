//! The network policy (DESIGN.md §2): which URLs the library lets the host's `fetch` reach.
//!
//! Every URL is judged after the WHATWG normalization `fetch` itself applies (the `url` crate
//! implements the same parser), so `http://0x7f.1/`, `http://2130706433/`, `http://0177.0.0.1/`
//! and `http://127.1/` are all seen as `127.0.0.1`. The rules:
//!
//! - only `https`; `http` only when the registry's connection is `insecure` and the URL names the
//!   registry's own host;
//! - dotless names (`https://intranet/`) resolve through the local search domain: private;
//! - no userinfo (`https://user:pass@host/`, `https://host@evil/`);
//! - no loopback, private (RFC 1918, unique-local `fc00::/7`), link-local, CGNAT (`100.64/10`),
//!   `localhost` / `*.localhost` or `.local` names — in any spelling, including IPv4-mapped
//!   (`::ffff:a.b.c.d`), IPv4-compatible (`::a.b.c.d`), NAT64 (`64:ff9b::/96`), 6to4
//!   (`2002::/16`) and Teredo (`2001::/32`) IPv6 addresses, which are judged by the IPv4 address
//!   they embed — unless the host opts in with `allowPrivateNetworks`;
//! - never, even with the opt-in: cloud metadata endpoints (`169.254.169.254`, `169.254.170.2`,
//!   `fd00:ec2::254`, `metadata.google.internal`, ...), unspecified (`0.0.0.0/8`, `::`),
//!   broadcast, multicast and reserved (`240/4`) addresses: no registry lives there.

use std::net::{Ipv4Addr, Ipv6Addr};

use url::{Host, Url};

/// What a policy check needs to know about the registry being verified.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    /// The registry's own host (lowercase, no port), the only one plain http may reach.
    pub registry_host: String,
    /// The registry's connection is `insecure`: plain http allowed to `registry_host`.
    pub insecure: bool,
    /// The host opted in to private, loopback and link-local addresses.
    pub allow_private_networks: bool,
}

/// Why a URL was refused. The text never contains credentials (userinfo is not echoed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blocked {
    /// A stable code: `policy.url`, `policy.scheme`, `policy.userinfo`, `policy.private-address`,
    /// `policy.metadata`, `policy.reserved-address`.
    pub code: &'static str,
    /// What was wrong, in words.
    pub reason: String,
}

fn blocked(code: &'static str, reason: impl Into<String>) -> Blocked {
    Blocked {
        code,
        reason: reason.into(),
    }
}

/// The class of an address, as far as the policy cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddressClass {
    /// Reachable on the public internet.
    Public,
    /// Loopback, private, link-local, CGNAT, unique-local: allowed only with the opt-in.
    Private,
    /// A cloud metadata endpoint: never.
    Metadata,
    /// Unspecified, broadcast, multicast, reserved: never.
    Reserved,
}

/// Host names of cloud metadata services.
const METADATA_NAMES: [&str; 7] = [
    "metadata.google.internal",
    "metadata.goog",
    "metadata",
    "instance-data",
    "instance-data.ec2.internal",
    "metadata.azure.internal",
    "metadata.tencentyun.com",
];

/// Classifies an IPv4 address.
pub fn classify_v4(ip: Ipv4Addr) -> AddressClass {
    let o = ip.octets();
    let [a, b, c, _] = o;
    if ip == Ipv4Addr::new(169, 254, 169, 254)
        || ip == Ipv4Addr::new(169, 254, 170, 2)
        || ip == Ipv4Addr::new(169, 254, 170, 23)
        || ip == Ipv4Addr::new(100, 100, 100, 200)
    {
        return AddressClass::Metadata;
    }
    if a == 0 || a >= 224 || (a == 192 && b == 0 && c == 0) {
        return AddressClass::Reserved;
    }
    let private = a == 10
        || a == 127
        || (a == 169 && b == 254)
        || (a == 172 && (16..=31).contains(&b))
        || (a == 192 && b == 168)
        || (a == 100 && (64..=127).contains(&b))
        || (a == 198 && (b == 18 || b == 19))
        || (a == 192 && b == 0 && c == 2)
        || (a == 198 && b == 51 && c == 100)
        || (a == 203 && b == 0 && c == 113);
    if private {
        AddressClass::Private
    } else {
        AddressClass::Public
    }
}

/// Classifies an IPv6 address; embedded IPv4 addresses are judged as IPv4.
pub fn classify_v6(ip: Ipv6Addr) -> AddressClass {
    let s = ip.segments();
    let [s0, s1, s2, s3, s4, s5, s6, s7] = s;
    let v4 = |hi: u16, lo: u16| {
        let [a, b] = hi.to_be_bytes();
        let [c, d] = lo.to_be_bytes();
        Ipv4Addr::new(a, b, c, d)
    };
    if ip.is_unspecified() {
        return AddressClass::Reserved;
    }
    if ip.is_loopback() {
        return AddressClass::Private;
    }
    if ip == Ipv6Addr::new(0xfd00, 0x0ec2, 0, 0, 0, 0, 0, 0x0254) {
        return AddressClass::Metadata;
    }
    // IPv4-mapped ::ffff:a.b.c.d, IPv4-translated ::ffff:0:a.b.c.d, IPv4-compatible ::a.b.c.d
    if s0 == 0
        && s1 == 0
        && s2 == 0
        && s3 == 0
        && ((s4 == 0 && (s5 == 0xffff || s5 == 0)) || (s4 == 0xffff && s5 == 0))
    {
        return classify_v4(v4(s6, s7));
    }
    // NAT64 well-known prefix 64:ff9b::/96 embeds an IPv4 address; 64:ff9b:1::/48 is local-use.
    if s0 == 0x64 && s1 == 0xff9b {
        if s2 == 0 && s3 == 0 && s4 == 0 && s5 == 0 {
            return classify_v4(v4(s6, s7));
        }
        return AddressClass::Private;
    }
    // 6to4 2002:AABB:CCDD::/48 embeds AA.BB.CC.DD.
    if s0 == 0x2002 {
        return classify_v4(v4(s1, s2));
    }
    // Teredo 2001:0::/32: the client's IPv4 address is the last 32 bits, inverted.
    if s0 == 0x2001 && s1 == 0 {
        return classify_v4(v4(!s6, !s7));
    }
    if s0 & 0xff00 == 0xff00 {
        return AddressClass::Reserved;
    }
    // documentation 2001:db8::/32, discard-only 100::/64
    if (s0 == 0x2001 && s1 == 0x0db8) || (s0 == 0x0100 && s1 == 0 && s2 == 0 && s3 == 0) {
        return AddressClass::Reserved;
    }
    // unique-local fc00::/7, link-local fe80::/10, site-local fec0::/10
    if s0 & 0xfe00 == 0xfc00 || s0 & 0xffc0 == 0xfe80 || s0 & 0xffc0 == 0xfec0 {
        return AddressClass::Private;
    }
    AddressClass::Public
}

/// Classifies a host name (not an IP literal).
pub fn classify_domain(name: &str) -> AddressClass {
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    if METADATA_NAMES.contains(&name.as_str()) {
        return AddressClass::Metadata;
    }
    if name.is_empty()
        || name == "localhost"
        || name.ends_with(".localhost")
        || name.ends_with(".local")
        || name == "localhost.localdomain"
        || name.ends_with(".internal")
        || name.ends_with(".home.arpa")
        || !name.contains('.')
    {
        return AddressClass::Private;
    }
    AddressClass::Public
}

impl Policy {
    /// Parses `url` as `fetch` would and checks it; returns the normalized URL to fetch.
    ///
    /// Fails with [`Blocked`] when the URL does not parse, uses another scheme, carries
    /// userinfo, or names an address the policy refuses.
    pub fn check(&self, url: &str) -> Result<Url, Blocked> {
        if raw_userinfo(url) {
            return Err(blocked(
                "policy.userinfo",
                "URLs with user information are not fetched",
            ));
        }
        let parsed =
            Url::parse(url.trim()).map_err(|_| blocked("policy.url", "the URL does not parse"))?;
        self.check_url(&parsed)?;
        Ok(parsed)
    }

    /// Checks an already parsed URL (see [`Policy::check`]).
    pub fn check_url(&self, url: &Url) -> Result<(), Blocked> {
        let host = url
            .host()
            .ok_or_else(|| blocked("policy.url", "the URL has no host"))?;
        let host_text = match &host {
            Host::Domain(d) => d.trim_end_matches('.').to_ascii_lowercase(),
            Host::Ipv4(ip) => ip.to_string(),
            Host::Ipv6(ip) => format!("[{ip}]"),
        };
        match url.scheme() {
            "https" => {}
            "http" if self.insecure && host_text == self.registry_host => {}
            "http" => return Err(blocked(
                "policy.scheme",
                "plain http is allowed only to the registry's own host with connection \"insecure\"",
            )),
            _ => return Err(blocked("policy.scheme", "only https URLs are fetched")),
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(blocked(
                "policy.userinfo",
                "URLs with user information are not fetched",
            ));
        }
        let class = match host {
            Host::Domain(d) => classify_domain(d),
            Host::Ipv4(ip) => classify_v4(ip),
            Host::Ipv6(ip) => classify_v6(ip),
        };
        match class {
            AddressClass::Public => Ok(()),
            AddressClass::Private if self.allow_private_networks => Ok(()),
            AddressClass::Private => Err(blocked(
                "policy.private-address",
                format!("{host_text} is a loopback, private or link-local address (the host may allow private networks)"),
            )),
            AddressClass::Metadata => Err(blocked(
                "policy.metadata",
                format!("{host_text} is a cloud metadata endpoint"),
            )),
            AddressClass::Reserved => Err(blocked(
                "policy.reserved-address",
                format!("{host_text} is an unspecified, broadcast, multicast or reserved address"),
            )),
        }
    }
}

/// Whether the authority of `url` (as typed) contains `@`, even when WHATWG parsing would drop
/// an empty userinfo (`https://:@host/`).
pub(crate) fn raw_userinfo(url: &str) -> bool {
    let Some((_, rest)) = url.split_once("://") else {
        return false;
    };
    let end = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    rest.get(..end)
        .is_some_and(|authority| authority.contains('@'))
}

/// The host of a URL as the policy compares it: lowercase, no trailing dot, IPv6 in brackets.
pub fn host_key(url: &Url) -> String {
    match url.host() {
        Some(Host::Domain(d)) => d.trim_end_matches('.').to_ascii_lowercase(),
        Some(Host::Ipv4(ip)) => ip.to_string(),
        Some(Host::Ipv6(ip)) => format!("[{ip}]"),
        None => String::new(),
    }
}

/// The origin of a URL (scheme, host, port) for deciding whether credentials may follow it.
pub fn same_origin(a: &Url, b: &Url) -> bool {
    a.scheme() == b.scheme()
        && host_key(a) == host_key(b)
        && a.port_or_known_default() == b.port_or_known_default()
}
