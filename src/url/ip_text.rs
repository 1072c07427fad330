//! IP literals in Rust's notation, without `core::net`'s parser and printer (their formatting
//! machinery was ~2 KB gzip of the module): certificates' IP entries, the policy's host keys
//! and the normalized registry URL print addresses as Rust's `Display` does, and a
//! certificate's host is read as Rust's `FromStr` reads it. The tests compare both with `std`.

use std::net::{IpAddr, Ipv4Addr};

use super::ip::{parse_ipv6, push_ipv6};

/// Appends `address` dotted (`10.0.0.1`), as Rust's `Display` prints it (without the
/// formatting machinery: the module then has no `core::net` printer).
pub(crate) fn push_ipv4(out: &mut String, address: Ipv4Addr) {
    for (i, octet) in address.octets().into_iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        if octet >= 100 {
            out.push(char::from(b'0' + octet / 100));
        }
        if octet >= 10 {
            out.push(char::from(b'0' + octet / 10 % 10));
        }
        out.push(char::from(b'0' + octet % 10));
    }
}

/// An IP address as Rust's `Display` prints it (RFC 5952): dotted IPv4; IPv6 as
/// [`push_ipv6`] writes it, except an IPv4-mapped address, which keeps its dotted tail
/// (`::ffff:10.0.0.1`).
pub(crate) fn ip_text(address: IpAddr) -> String {
    let mut out = String::with_capacity(39);
    match address {
        IpAddr::V4(a) => push_ipv4(&mut out, a),
        IpAddr::V6(a) => match a.to_ipv4_mapped() {
            Some(v4) => {
                out.push_str("::ffff:");
                push_ipv4(&mut out, v4);
            }
            None => push_ipv6(&mut out, &a),
        },
    }
    out
}

/// An IP literal as Rust's `FromStr` for [`IpAddr`] reads it: four decimal octets without
/// leading zeros, or an IPv6 address (the URL Standard's parser reads the same texts).
/// `None` for anything else, host names included.
pub(crate) fn parse_ip_literal(text: &str) -> Option<IpAddr> {
    if crate::substring::contains_byte(text, b':') {
        return parse_ipv6(text).map(IpAddr::V6);
    }
    let mut octets = [0u8; 4];
    let mut parts = crate::substring::split_byte(text, b'.');
    for octet in &mut octets {
        let part = parts.next()?;
        let leading_zero = part.len() > 1 && part.starts_with("0");
        if part.is_empty() || part.len() > 3 || leading_zero {
            return None;
        }
        let mut value = 0u16;
        for b in part.bytes() {
            if !b.is_ascii_digit() {
                return None;
            }
            value = value * 10 + u16::from(b - b'0');
        }
        *octet = u8::try_from(value).ok()?;
    }
    match parts.next() {
        Some(_) => None,
        None => Some(IpAddr::V4(Ipv4Addr::from(octets))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv6Addr;

    /// Text close to an IP literal: noise over its characters, or `:`-joined pieces (hex
    /// of 1 to 5 digits, empty for `::`, dotted numbers with and without leading zeros).
    pub(super) fn near_literal() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let regex = |r: &str| proptest::string::string_regex(r).unwrap_or_else(|e| panic!("{e}"));
        let octet = "(25[0-6]|1?[0-9]{1,2}|0[0-9])";
        let dotted = format!("{octet}(\\.{octet}){{3}}|{octet}(\\.{octet}){{0,5}}");
        let piece = prop_oneof![
            8 => regex("[0-9a-fA-F]{1,4}"),
            2 => Just(String::new()),
            1 => regex(&dotted),
            1 => regex("0?[0-9a-f]{5}"),
        ];
        prop_oneof![
            1 => regex("[0-9a-fA-F:.]{0,45}"),
            1 => regex(&dotted),
            4 => proptest::collection::vec(piece, 1..=10).prop_map(|p| p.join(":")),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5_000))]

        /// `parse_ip_literal` accepts exactly what `str::parse::<IpAddr>` accepts.
        #[test]
        fn ip_literals_read_as_std_reads_them(text in near_literal()) {
            proptest::prop_assert_eq!(parse_ip_literal(&text), text.parse::<IpAddr>().ok());
        }

        /// `ip_text` prints what `Display` prints, for any address.
        #[test]
        fn ip_text_prints_as_display(bits: u128, v4: u32, mapped: bool, zeros: u8) {
            let mut pieces = Ipv6Addr::from(bits).segments();
            for (i, p) in pieces.iter_mut().enumerate() {
                if zeros & (1 << i) != 0 {
                    *p = 0;
                }
            }
            let v6 = if mapped {
                Ipv4Addr::from(v4).to_ipv6_mapped()
            } else {
                Ipv6Addr::from(pieces)
            };
            for ip in [IpAddr::V6(v6), IpAddr::V4(Ipv4Addr::from(v4))] {
                proptest::prop_assert_eq!(ip_text(ip), ip.to_string());
            }
        }
    }

    #[test]
    fn ip_literal_edges() {
        for text in [
            "1.2.3.4",
            "0.0.0.0",
            "255.255.255.255",
            "01.2.3.4",
            "1.2.3",
            "1.2.3.4.",
            "256.1.1.1",
            "::",
            "::1",
            "1::",
            "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7::8",
            "1:2:3:4:5:6:7:8::",
            "::ffff:1.2.3.4",
            "::1.2.3.4",
            "1:2:3:4:5:6:1.2.3.4",
            "1:2:3:4:5:6:7:1.2.3.4",
            "::ffff:01.2.3.4",
            ":::",
            "1:::2",
            ":1",
            "1:",
            "00001::",
            "0000::",
            "",
            "a.b.c.d",
        ] {
            assert_eq!(
                parse_ip_literal(text),
                text.parse::<IpAddr>().ok(),
                "{text}"
            );
        }
        for text in [
            "::ffff:10.0.0.1",
            "1:0:0:2::3",
            "::",
            "1.2.3.4",
            "10.200.0.9",
        ] {
            let ip: IpAddr = text.parse().unwrap();
            assert_eq!(ip_text(ip), ip.to_string());
        }
    }
}
