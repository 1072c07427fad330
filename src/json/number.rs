//! JSON numbers as text: the grammar (`-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`)
//! and the nearest `f64` of a decimal: exact (one correctly rounded operation) for up to 15
//! significant digits and exponents within ±22, within a few units in the last place otherwise.

/// The pieces of a number's text: digits before and after the point, the exponent.
pub(super) struct NumberParts<'a> {
    negative: bool,
    int: &'a [u8],
    frac: &'a [u8],
    exponent: i64,
}

impl NumberParts<'_> {
    /// Whether the number's nearest `f64` is finite. An integer of at most 300 digits is below
    /// `f64::MAX` (about 1.8e308) without converting it (see [`small_integer`] for why).
    pub(super) fn is_finite(&self) -> bool {
        let plain_integer = self.frac.is_empty() && self.exponent == 0 && self.int.len() <= 300;
        plain_integer || self.to_f64().is_finite()
    }

    pub(super) fn to_f64(&self) -> f64 {
        let magnitude = decimal_to_f64(self.int, self.frac, self.exponent);
        if self.negative {
            -magnitude
        } else {
            magnitude
        }
    }
}

/// The number at `start`: where it ends and its parts, or the offset of the byte that breaks
/// the grammar (a point or exponent without digits, no digit at all).
pub(super) fn scan_number(bytes: &[u8], start: usize) -> Result<(usize, NumberParts<'_>), usize> {
    let at = |i: usize| bytes.get(i).copied();
    let digits_from = |mut i: usize| {
        while let Some(b'0'..=b'9') = at(i) {
            i += 1;
        }
        i
    };
    let mut pos = start;
    let negative = at(pos) == Some(b'-');
    if negative {
        pos += 1;
    }
    let int_start = pos;
    pos = match at(pos) {
        Some(b'0') => pos + 1,
        Some(b'1'..=b'9') => digits_from(pos),
        _ => return Err(pos),
    };
    let int = bytes.get(int_start..pos).unwrap_or_default();
    let mut frac: &[u8] = &[];
    if at(pos) == Some(b'.') {
        let end = digits_from(pos + 1);
        if end == pos + 1 {
            return Err(end);
        }
        frac = bytes.get(pos + 1..end).unwrap_or_default();
        pos = end;
    }
    let mut exponent: i64 = 0;
    if matches!(at(pos), Some(b'e' | b'E')) {
        pos += 1;
        let negative_exponent = at(pos) == Some(b'-');
        if matches!(at(pos), Some(b'-' | b'+')) {
            pos += 1;
        }
        let end = digits_from(pos);
        if end == pos {
            return Err(end);
        }
        for &d in bytes.get(pos..end).unwrap_or_default() {
            exponent = (exponent * 10 + i64::from(d - b'0')).min(1 << 20);
        }
        if negative_exponent {
            exponent = -exponent;
        }
        pos = end;
    }
    let parts = NumberParts {
        negative,
        int,
        frac,
        exponent,
    };
    Ok((pos, parts))
}

/// The nearest `f64` of a number's text (as [`super::Number::as_f64`] reads it); NaN when the text is
/// not one number.
pub(crate) fn number_to_f64(text: &str) -> f64 {
    if let Some(f) = small_integer(text) {
        return f;
    }
    match scan_number(text.as_bytes(), 0) {
        Ok((end, parts)) if end == text.len() => parts.to_f64(),
        _ => f64::NAN,
    }
}

/// The value of `text` when it is an integer of at most 15 digits (`-?(0|[1-9][0-9]*)`, an
/// epoch-millisecond time for one): below 2^53, so exactly an `f64`, the same value the
/// general conversion gives, without its code on a first call
/// (see ARCHITECTURE.md, "Cold start"). `None` for any other text.
fn small_integer(text: &str) -> Option<f64> {
    let digits = text.strip_prefix("-").unwrap_or(text);
    let leading_zero = digits.len() > 1 && digits.starts_with("0");
    if digits.is_empty() || digits.len() > 15 || leading_zero {
        return None;
    }
    let mut n: u64 = 0;
    for b in digits.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u64::from(b - b'0');
    }
    let magnitude = n as f64;
    Some(if digits.len() < text.len() {
        -magnitude
    } else {
        magnitude
    })
}

/// The powers of ten `f64` holds exactly.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `int.frac × 10^exponent` as an `f64` (positive; infinite when too large).
fn decimal_to_f64(int: &[u8], frac: &[u8], exponent: i64) -> f64 {
    // The first 19 significant digits as an integer; the scale of the rest in the exponent.
    let mut mantissa: u64 = 0;
    let mut kept = 0;
    let mut scale = exponent;
    for (i, &d) in int.iter().chain(frac).enumerate() {
        if mantissa == 0 && d == b'0' {
            if i >= int.len() {
                scale -= 1;
            }
            continue;
        }
        if kept < 19 {
            mantissa = mantissa * 10 + u64::from(d - b'0');
            kept += 1;
            if i >= int.len() {
                scale -= 1;
            }
        } else if i < int.len() {
            scale += 1;
        }
    }
    if mantissa == 0 {
        return 0.0;
    }
    let power = |e: i64| EXACT_POWERS.get(e.unsigned_abs() as usize).copied();
    if mantissa < 1 << 53 {
        // Both operands exact: one correctly rounded operation.
        if let Some(p) = power(scale) {
            return if scale < 0 {
                mantissa as f64 / p
            } else {
                mantissa as f64 * p
            };
        }
    }
    let mut value = mantissa as f64;
    let mut left = scale;
    while left != 0 {
        let step = left.clamp(-22, 22);
        let p = power(step).unwrap_or(1.0);
        value = if step < 0 { value / p } else { value * p };
        if value == 0.0 || value.is_infinite() {
            break;
        }
        left -= step;
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The general conversion, without the integer fast path.
    fn general(text: &str) -> f64 {
        match scan_number(text.as_bytes(), 0) {
            Ok((end, parts)) if end == text.len() => parts.to_f64(),
            _ => f64::NAN,
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]

        /// The integer fast path gives the general conversion's bits, or leaves the text to it.
        #[test]
        fn small_integers_as_the_general_path(text in "-?[0-9]{0,17}") {
            let general = general(&text);
            match small_integer(&text) {
                Some(f) => proptest::prop_assert_eq!(f.to_bits(), general.to_bits()),
                None => proptest::prop_assert!(
                    text.trim_start_matches('-').len() > 15 || general.is_nan()
                ),
            }
            proptest::prop_assert_eq!(number_to_f64(&text).to_bits(), general.to_bits());
        }
    }

    #[test]
    fn long_integers_are_finite() {
        for digits in [1, 300, 308, 309, 400] {
            let text = "9".repeat(digits);
            let (_, parts) = scan_number(text.as_bytes(), 0).unwrap();
            assert_eq!(
                parts.is_finite(),
                parts.to_f64().is_finite(),
                "{digits} digits"
            );
        }
        let (_, parts) = scan_number(b"1e400", 0).unwrap();
        assert!(!parts.is_finite());
    }

    #[test]
    fn small_integer_edges() {
        assert_eq!(
            small_integer("-0").map(f64::to_bits),
            Some((-0.0f64).to_bits())
        );
        assert_eq!(
            small_integer("999999999999999"),
            Some(999_999_999_999_999.0)
        );
        assert_eq!(small_integer("1767225600000"), Some(1_767_225_600_000.0));
        for other in [
            "",
            "-",
            "01",
            "-00",
            "1000000000000000",
            "1.5",
            "1e3",
            "+1",
            "--1",
        ] {
            assert_eq!(small_integer(other), None, "{other}");
        }
    }
}
