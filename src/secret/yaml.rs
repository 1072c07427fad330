//! YAML without a YAML library: every string is written as a double-quoted scalar.
//!
//! A YAML double-quoted scalar accepts JSON's escapes (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`,
//! `\uXXXX`), so any string becomes safe YAML: no plain-scalar surprises (`yes`, `no`, `null`,
//! `0x1`, `: `, `#`, leading spaces). On top of JSON's rules this writer escapes every character
//! YAML does not allow raw in a stream or that YAML 1.1 parsers treat as a line break: DEL and
//! C1 controls (U+007F to U+009F, including NEL U+0085), U+2028, U+2029, U+FEFF, U+FFFE, U+FFFF.

use std::fmt::Write as _;

/// `s` as a YAML double-quoted scalar (quotes included).
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20
                || (0x7f..=0x9f).contains(&(c as u32))
                || matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                ) =>
            {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A block mapping of string keys to string values at `indent` spaces; empty maps are skipped
/// by the caller.
pub fn string_map<'a>(
    out: &mut String,
    indent: usize,
    entries: impl IntoIterator<Item = (&'a String, &'a String)>,
) {
    for (k, v) in entries {
        let _ = writeln!(out, "{:indent$}{}: {}", "", quoted(k), quoted(v));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(quoted("yes"), "\"yes\"");
        assert_eq!(quoted("a\"b\\c\n"), r#""a\"b\\c\n""#);
        assert_eq!(
            quoted("\u{2028}\u{85}\u{7f}\u{1}"),
            r#""\u2028\u0085\u007f\u0001""#
        );
        assert_eq!(quoted("é✓"), "\"é✓\"");
    }
}
