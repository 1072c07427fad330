//! The URL Standard's IP address parsers and the IPv6 serializer: IPv4 in every spelling a URL
//! may use (`127.1`, `0x7f.1`, `0177.0.0.1`, `2130706433`) and IPv6 with `::` and an embedded
//! dotted IPv4 tail.

use std::net::{Ipv4Addr, Ipv6Addr};

/// Whether a domain's last label (a final empty label ignored) is a number, so the host must
/// be read as an IPv4 address (the URL Standard's "ends in a number").
pub(crate) fn ends_in_a_number(domain: &str) -> bool {
    let domain = domain.strip_suffix(".").unwrap_or(domain);
    let last = match crate::substring::rsplit_once_byte(domain, b'.') {
        Some((_, last)) => last,
        None => domain,
    };
    // Every IPv4 number (decimal, `0` octal, `0x` hex) starts with a digit: a name's last
    // label skips the number parser.
    last.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && (last.bytes().all(|b| b.is_ascii_digit()) || ipv4_number(last).is_some())
}

/// One part of an IPv4 address: decimal, octal (leading `0`) or hex (`0x`). `None` when it is
/// not a number; `Some(None)` when it is one but does not fit 32 bits.
fn ipv4_number(text: &str) -> Option<Option<u32>> {
    if text.is_empty() {
        return None;
    }
    let (digits, radix) = match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        Some(hex) => (hex, 16),
        None if text.len() >= 2 && text.starts_with("0") => (text.get(1..)?, 8),
        None => (text, 10),
    };
    if digits.is_empty() {
        return Some(Some(0));
    }
    if !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    Some(u32::from_str_radix(digits, radix).ok())
}

/// The URL Standard's IPv4 parser. `None` when a part is not a number, there are more than
/// four parts, a part other than the last is above 255, or the last overflows what is left.
pub(crate) fn parse_ipv4(domain: &str) -> Option<Ipv4Addr> {
    let mut parts: Vec<&str> = crate::substring::split_byte(domain, b'.').collect();
    if parts.last() == Some(&"") {
        parts.pop();
    }
    if parts.len() > 4 {
        return None;
    }
    let mut numbers = Vec::with_capacity(4);
    for part in parts {
        numbers.push(ipv4_number(part)??);
    }
    let mut address = numbers.pop()?;
    let leading = u32::try_from(numbers.len()).ok()?;
    if address > u32::MAX >> (8 * leading) || numbers.iter().any(|n| *n > 255) {
        return None;
    }
    for (shift, n) in (1..=3u32).rev().zip(&numbers) {
        address += n << (8 * shift);
    }
    Some(Ipv4Addr::from(address))
}

/// The URL Standard's IPv6 parser (the text between the brackets). `None` for anything that
/// is not exactly an IPv6 address: a misplaced or second `::`, more than eight pieces, a piece
/// of more than four hex digits, a malformed IPv4 tail.
pub(crate) fn parse_ipv6(text: &str) -> Option<Ipv6Addr> {
    let input = text.as_bytes();
    let len = input.len();
    let at = |i: usize| input.get(i).copied();
    let mut pieces = [0u16; 8];
    let mut piece = 0usize;
    let mut compress = None;
    let mut i = 0usize;
    if len < 2 {
        return None;
    }
    if at(0) == Some(b':') {
        if at(1) != Some(b':') {
            return None;
        }
        i = 2;
        piece = 1;
        compress = Some(1);
    }
    let mut ipv4_tail = false;
    while i < len {
        if piece == 8 {
            return None;
        }
        if at(i) == Some(b':') {
            if compress.is_some() {
                return None;
            }
            i += 1;
            piece += 1;
            compress = Some(piece);
            continue;
        }
        let start = i;
        let mut value = 0u16;
        while i < len.min(start + 4) {
            let Some(digit) = at(i).and_then(|b| char::from(b).to_digit(16)) else {
                break;
            };
            value = value * 0x10 + u16::try_from(digit).ok()?;
            i += 1;
        }
        match at(i) {
            None => {}
            Some(b'.') => {
                if i == start || piece > 6 {
                    return None;
                }
                i = start;
                ipv4_tail = true;
                break;
            }
            Some(b':') => {
                i += 1;
                if i == len {
                    return None;
                }
            }
            Some(_) => return None,
        }
        *pieces.get_mut(piece)? = value;
        piece += 1;
    }
    if ipv4_tail {
        piece = parse_ipv4_tail(input, i, &mut pieces, piece)?;
    }
    match compress {
        Some(c) => {
            let mut swaps = piece.checked_sub(c)?;
            let mut p = 7;
            while swaps > 0 {
                let other = c + swaps - 1;
                let (a, b) = (*pieces.get(p)?, *pieces.get(other)?);
                *pieces.get_mut(p)? = b;
                *pieces.get_mut(other)? = a;
                swaps -= 1;
                p -= 1;
            }
        }
        None if piece != 8 => return None,
        None => {}
    }
    Some(Ipv6Addr::from(pieces))
}

/// The dotted IPv4 tail of an IPv6 address from `input[i..]` into two pieces from `piece` on:
/// four decimal numbers up to 255 without leading zeros. Returns the next piece index.
fn parse_ipv4_tail(
    input: &[u8],
    mut i: usize,
    pieces: &mut [u16; 8],
    mut piece: usize,
) -> Option<usize> {
    let mut seen = 0;
    while i < input.len() {
        if seen > 0 {
            if seen < 4 && input.get(i) == Some(&b'.') {
                i += 1;
            } else {
                return None;
            }
        }
        let mut number: Option<u16> = None;
        while let Some(&c @ b'0'..=b'9') = input.get(i) {
            let digit = u16::from(c - b'0');
            number = match number {
                None => Some(digit),
                Some(0) => return None,
                Some(v) if v * 10 + digit > 255 => return None,
                Some(v) => Some(v * 10 + digit),
            };
            i += 1;
        }
        let slot = pieces.get_mut(piece)?;
        *slot = *slot * 0x100 + number?;
        seen += 1;
        if seen == 2 || seen == 4 {
            piece += 1;
        }
    }
    (seen == 4).then_some(piece)
}

/// Appends the URL Standard's serialization of `address` (without brackets): lowercase hex,
/// the first longest run of two or more zero pieces as `::`, no dotted IPv4 tail.
pub(crate) fn push_ipv6(out: &mut String, address: &Ipv6Addr) {
    let pieces = address.segments();
    let (mut run_start, mut run_len) = (8, 0);
    let mut i = 0;
    while i < 8 {
        let start = i;
        while pieces.get(i) == Some(&0) {
            i += 1;
        }
        if i - start > run_len {
            (run_start, run_len) = (start, i - start);
        }
        i += 1;
    }
    if run_len < 2 {
        run_start = 8;
    }
    let mut i = 0;
    while i < 8 {
        if i == run_start {
            out.push_str(if i == 0 { "::" } else { ":" });
            i += run_len;
            continue;
        }
        push_hex_piece(out, pieces.get(i).copied().unwrap_or_default());
        if i < 7 {
            out.push(':');
        }
        i += 1;
    }
}

/// Appends one IPv6 piece as lowercase hex without leading zeros (`0`, `ffff`).
fn push_hex_piece(out: &mut String, piece: u16) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut started = false;
    for shift in [12u16, 8, 4, 0] {
        let nibble = usize::from((piece >> shift) & 0xf);
        started |= nibble != 0 || shift == 0;
        if started {
            out.push(char::from(DIGITS.get(nibble).copied().unwrap_or(b'0')));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv4_spellings() {
        for (text, want) in [
            ("127.0.0.1", Some("127.0.0.1")),
            ("127.1", Some("127.0.0.1")),
            ("0x7f.1", Some("127.0.0.1")),
            ("0177.0.0.1.", Some("127.0.0.1")),
            ("2130706433", Some("127.0.0.1")),
            ("0x", Some("0.0.0.0")),
            ("4294967296", None),
            ("256.0.0.1", None),
            ("1.2.3.4.5", None),
            ("09.1", None),
        ] {
            assert_eq!(
                parse_ipv4(text).map(|a| a.to_string()).as_deref(),
                want,
                "{text}"
            );
        }
        assert!(ends_in_a_number("a.0x1f."));
        assert!(!ends_in_a_number("a.b1"));
    }

    #[test]
    fn ipv6_round_trips() {
        for (text, want) in [
            ("::1", Some("::1")),
            ("1:0:0:0:2:0:0:3", Some("1::2:0:0:3")),
            ("1:0:0:2::3", Some("1:0:0:2::3")),
            ("::ffff:10.0.0.1", Some("::ffff:a00:1")),
            ("1:2:3:4:5:6:7::", Some("1:2:3:4:5:6:7:0")),
            ("::", Some("::")),
            ("1:2:3:4:5:6:7:8:9", None),
            (":1", None),
            ("1:::2", None),
            ("::1.2.3.04", None),
            ("12345::", None),
        ] {
            let got = parse_ipv6(text).map(|a| {
                let mut s = String::new();
                push_ipv6(&mut s, &a);
                s
            });
            assert_eq!(got.as_deref(), want, "{text}");
        }
    }
}
