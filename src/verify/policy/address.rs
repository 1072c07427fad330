//! IP addresses as the network policy sees them (see ARCHITECTURE.md, "Network policy"):
//! which are public, which need the host's opt-in, and which are never fetched.
//!
//! IPv6 addresses that embed an IPv4 address — IPv4-mapped (`::ffff:a.b.c.d`), -translated
//! (`::ffff:0:a.b.c.d`), -compatible (`::a.b.c.d`), NAT64 (`64:ff9b::/96`), 6to4
//! (`2002::/16`) and Teredo (`2001::/32`) — are judged by the IPv4 address they embed.

use std::net::{Ipv4Addr, Ipv6Addr};

/// The class of an address, as far as the policy cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddressClass {
    /// Reachable on the public internet.
    Public,
    /// Loopback, private, CGNAT, unique-local, or a name that only resolves inside a network:
    /// allowed only with the host's opt-in.
    Private,
    /// A cloud metadata or platform endpoint, or a link-local address (`169.254.0.0/16`,
    /// `fe80::/10`, where the clouds put their metadata, time and DNS services): never, opt-in
    /// or not.
    Metadata,
    /// Unspecified, broadcast, multicast, reserved: never.
    Reserved,
}

/// Cloud metadata and platform endpoints outside the link-local ranges (which are never
/// fetched as a whole): Alibaba Cloud's metadata service, Azure's WireServer and Oracle Cloud's
/// metadata service.
const METADATA_V4: [Ipv4Addr; 3] = [
    Ipv4Addr::new(100, 100, 100, 200),
    Ipv4Addr::new(168, 63, 129, 16),
    Ipv4Addr::new(192, 0, 0, 192),
];

/// Classifies an IPv4 address.
pub fn classify_v4(ip: Ipv4Addr) -> AddressClass {
    let [a, b, c, _] = ip.octets();
    if METADATA_V4.contains(&ip) {
        return AddressClass::Metadata;
    }
    if a == 169 && b == 254 {
        return AddressClass::Metadata;
    }
    if a == 0 || a >= 224 || (a == 192 && b == 0 && c == 0) {
        return AddressClass::Reserved;
    }
    let private = a == 10
        || a == 127
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
    let [s0, s1, s2, s3, s4, s5, s6, s7] = ip.segments();
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
    // AWS's IPv6 service prefix fd00:ec2::/32 (IMDS ::254, DNS ::253, time ::123, ECS and EKS
    // Pod Identity ::23) and GCP's metadata server fd20:ce::254.
    if (s0 == 0xfd00 && s1 == 0x0ec2) || ip == Ipv6Addr::new(0xfd20, 0xce, 0, 0, 0, 0, 0, 0x254) {
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
    // NAT64 well-known prefix 64:ff9b::/96 embeds an IPv4 address; the local-use prefix
    // 64:ff9b:1::/48 may embed one at any RFC 6052 position, so it is never fetched.
    if s0 == 0x64 && s1 == 0xff9b {
        if s2 == 0 && s3 == 0 && s4 == 0 && s5 == 0 {
            return classify_v4(v4(s6, s7));
        }
        return AddressClass::Reserved;
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
    // link-local fe80::/10 (OpenStack's metadata service lives at fe80::a9fe:a9fe)
    if s0 & 0xffc0 == 0xfe80 {
        return AddressClass::Metadata;
    }
    // unique-local fc00::/7, site-local fec0::/10
    if s0 & 0xfe00 == 0xfc00 || s0 & 0xffc0 == 0xfec0 {
        return AddressClass::Private;
    }
    AddressClass::Public
}
