//! Base64 (RFC 4648): the standard alphabet for `auth` values, Secrets, PEM bodies, ECR tokens
//! and service-account keys, the URL-safe one for JWT payloads. It accepts exactly what the
//! `base64` crate's engines accept (the tests compare the two on arbitrary input), in a fraction
//! of the crate's code in the WebAssembly module (~2 KB gzip).

/// How the end of the input may be padded with `=`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Padding {
    /// Padded to a multiple of 4 (the crate's `STANDARD`).
    Required,
    /// Padded or not (PEM bodies).
    Optional,
    /// Never padded (`STANDARD_NO_PAD`, `URL_SAFE_NO_PAD`).
    Forbidden,
}

/// Which 64 symbols: `+` and `/`, or the URL-safe `-` and `_`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alphabet {
    /// `A-Z a-z 0-9 + /`.
    Standard,
    /// `A-Z a-z 0-9 - _`.
    UrlSafe,
}

const STANDARD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The standard alphabet, padded (the crate's `STANDARD.encode`).
pub fn encode(bytes: impl AsRef<[u8]>) -> String {
    let bytes = bytes.as_ref();
    let symbol = |v: u32| char::from(STANDARD.get((v & 63) as usize).copied().unwrap_or(b'A'));
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(symbol(n >> (18 - 6 * i)));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The value of one symbol, `None` for anything else (including `=`).
fn value(b: u8, alphabet: Alphabet) -> Option<u32> {
    let v = match (b, alphabet) {
        (b'A'..=b'Z', _) => b - b'A',
        (b'a'..=b'z', _) => b - b'a' + 26,
        (b'0'..=b'9', _) => b - b'0' + 52,
        (b'+', Alphabet::Standard) | (b'-', Alphabet::UrlSafe) => 62,
        (b'/', Alphabet::Standard) | (b'_', Alphabet::UrlSafe) => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

/// The bytes `input` encodes; `None` for a symbol outside the alphabet, `=` anywhere but at the
/// end of the last group of four, padding the mode does not allow, a length that leaves one
/// symbol over, or bits set past the last byte (a non-canonical last symbol).
pub fn decode(input: impl AsRef<[u8]>, alphabet: Alphabet, padding: Padding) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    decode_into(input, alphabet, padding, &mut out).map(|()| out)
}

/// [`decode`], appending to `out` (a buffer reused across calls); on `None`, `out` may hold
/// part of the bytes.
pub fn decode_into(
    input: impl AsRef<[u8]>,
    alphabet: Alphabet,
    padding: Padding,
    out: &mut Vec<u8>,
) -> Option<()> {
    let input = input.as_ref();
    let len = input.len();
    if len % 4 == 1 {
        return None;
    }
    let symbols = input.iter().rposition(|&b| b != b'=').map_or(0, |i| i + 1);
    let pads = len - symbols;
    // The last group of four (or of what is left): at least two symbols, then the padding.
    let last_group = len - if len % 4 == 0 { len.min(4) } else { len % 4 };
    if len > 0 && symbols < last_group + 2 {
        return None;
    }
    let allowed = match padding {
        Padding::Required => len % 4 == 0,
        Padding::Optional => true,
        Padding::Forbidden => pads == 0,
    };
    if !allowed {
        return None;
    }
    out.reserve(symbols * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0u32;
    for &b in input.get(..symbols)? {
        acc = (acc << 6) | value(b, alphabet)?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // What is left are the unused low bits of the last symbol: they must be zero.
    (acc == 0).then_some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE_NO_PAD};
    use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
    use base64::Engine;

    const PEM: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );

    #[test]
    fn rfc4648_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(plain), encoded);
            let decoded = decode(encoded, Alphabet::Standard, Padding::Required);
            assert_eq!(decoded.as_deref(), Some(plain.as_bytes()));
        }
        assert_eq!(decode("Zm8", Alphabet::Standard, Padding::Required), None);
        assert_eq!(decode("Zm9=", Alphabet::Standard, Padding::Required), None);
        assert_eq!(decode("Zm8=", Alphabet::Standard, Padding::Forbidden), None);
        assert_eq!(
            decode("-_8", Alphabet::UrlSafe, Padding::Forbidden),
            Some(vec![0xfb, 0xff])
        );
    }

    fn text() -> impl proptest::strategy::Strategy<Value = String> {
        "[A-Za-z0-9+/=_\\-. \n]{0,14}"
    }

    proptest::proptest! {
        /// The same bytes as the crate's engines, and failure exactly where they fail.
        #[test]
        fn decodes_like_the_base64_crate(t in text(), valid in "[A-Za-z0-9+/]{0,13}={0,3}") {
            for input in [t.as_str(), valid.as_str()] {
                let ours = |a, p| decode(input, a, p);
                proptest::prop_assert_eq!(ours(Alphabet::Standard, Padding::Required), STANDARD.decode(input).ok());
                proptest::prop_assert_eq!(ours(Alphabet::Standard, Padding::Optional), PEM.decode(input).ok());
                proptest::prop_assert_eq!(ours(Alphabet::Standard, Padding::Forbidden), STANDARD_NO_PAD.decode(input).ok());
                proptest::prop_assert_eq!(ours(Alphabet::UrlSafe, Padding::Forbidden), URL_SAFE_NO_PAD.decode(input).ok());
            }
        }

        #[test]
        fn encodes_like_the_base64_crate(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..40)) {
            proptest::prop_assert_eq!(encode(&bytes), STANDARD.encode(&bytes));
        }
    }
}
