//! Percent-encoding as the WHATWG URL Standard defines it (the encode sets of each URL part,
//! percent-decoding) and `application/x-www-form-urlencoded`, the body of token requests and
//! the query pairs of a URL.

/// The percent-encode sets of the URL Standard: which ASCII bytes a part encodes (every
/// non-ASCII byte is always encoded, as UTF-8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EncodeSet {
    /// The C0 control set: controls and DEL (opaque hosts and paths).
    Controls,
    /// The fragment set: controls, space, `"`, `<`, `>`, `` ` ``.
    Fragment,
    /// The path set: the fragment set, `#`, `?`, `{`, `}`.
    Path,
    /// The userinfo set: the path set, `/`, `:`, `;`, `=`, `@`, `[` to `^`, `|`.
    Userinfo,
    /// The query set: controls, space, `"`, `#`, `<`, `>`.
    Query,
    /// The special-query set (http, https, ...): the query set and `'`.
    SpecialQuery,
}

impl EncodeSet {
    /// Whether `b` is percent-encoded in this set.
    fn contains(self, b: u8) -> bool {
        if !(0x20..=0x7e).contains(&b) {
            return true;
        }
        match self {
            EncodeSet::Controls => false,
            EncodeSet::Fragment => matches!(b, b' ' | b'"' | b'<' | b'>' | b'`'),
            EncodeSet::Path => {
                EncodeSet::Fragment.contains(b) || matches!(b, b'#' | b'?' | b'{' | b'}')
            }
            EncodeSet::Userinfo => {
                EncodeSet::Path.contains(b)
                    || matches!(b, b'/' | b':' | b';' | b'=' | b'@' | b'[' | b'\\' | b']')
                    || matches!(b, b'^' | b'|')
            }
            EncodeSet::Query => matches!(b, b' ' | b'"' | b'#' | b'<' | b'>'),
            EncodeSet::SpecialQuery => EncodeSet::Query.contains(b) || b == b'\'',
        }
    }
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Appends `%XX` (uppercase hex) for `b`.
fn push_percent(out: &mut String, b: u8) {
    out.push('%');
    for nibble in [b >> 4, b & 0xf] {
        out.push(char::from(
            HEX.get(usize::from(nibble)).copied().unwrap_or(b'0'),
        ));
    }
}

/// Appends `text` to `out`, percent-encoding the bytes of `set`.
pub(crate) fn push_encoded(out: &mut String, text: &str, set: EncodeSet) {
    for c in text.chars() {
        if c.is_ascii() && !set.contains(c as u8) {
            out.push(c);
        } else {
            let mut utf8 = [0u8; 4];
            for b in c.encode_utf8(&mut utf8).bytes() {
                push_percent(out, b);
            }
        }
    }
}

/// `text` percent-encoded with `set`.
pub(crate) fn encoded(text: &str, set: EncodeSet) -> String {
    let mut out = String::with_capacity(text.len());
    push_encoded(&mut out, text, set);
    out
}

fn hex_value(b: u8) -> Option<u8> {
    char::from(b)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

/// Percent-decodes `bytes`: `%XX` with two hex digits becomes that byte, any other `%` stays.
pub(crate) fn percent_decode(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    while let Some((&b, tail)) = rest.split_first() {
        rest = tail;
        if b == b'%' {
            if let [hi, lo, after @ ..] = tail {
                if let (Some(h), Some(l)) = (hex_value(*hi), hex_value(*lo)) {
                    out.push(h << 4 | l);
                    rest = after;
                    continue;
                }
            }
        }
        out.push(b);
    }
    out
}

/// Appends `text` form-urlencoded: ASCII letters, digits and `*-._` as they are, space as `+`,
/// every other byte as `%XX`.
pub(crate) fn push_form_component(out: &mut String, text: &str) {
    for b in text.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(char::from(b));
            }
            b' ' => out.push('+'),
            _ => push_percent(out, b),
        }
    }
}

/// `name=value` pairs form-urlencoded and joined by `&`: a token request's body.
pub fn form_urlencoded(pairs: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (name, value) in pairs {
        if !out.is_empty() {
            out.push('&');
        }
        push_form_component(&mut out, name);
        out.push('=');
        push_form_component(&mut out, value);
    }
    out
}

/// The names of the `name=value` pairs of a form-urlencoded text (a URL's query), in order:
/// empty pieces skipped, `+` read as space, percent-decoded (invalid UTF-8 replaced).
pub(crate) fn form_names(text: &str) -> Vec<String> {
    crate::substring::split_byte(text, b'&')
        .filter(|piece| !piece.is_empty())
        .map(|piece| {
            let name = crate::substring::split_byte(piece, b'=')
                .next()
                .unwrap_or_default();
            let name = crate::substring::replace(name, "+", " ");
            String::from_utf8_lossy(&percent_decode(name.as_bytes())).into_owned()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_and_forms() {
        assert_eq!(
            encoded("a b\"é`{}", EncodeSet::Path),
            "a%20b%22%C3%A9%60%7B%7D"
        );
        assert_eq!(encoded("a b`'", EncodeSet::SpecialQuery), "a%20b`%27");
        assert_eq!(encoded("u:p@[x]", EncodeSet::Userinfo), "u%3Ap%40%5Bx%5D");
        assert_eq!(percent_decode(b"%41%4a%zz%4"), b"AJ%zz%4");
        assert_eq!(
            form_urlencoded(&[
                ("grant_type", "password"),
                ("scope", "repository:a/b:pull push")
            ]),
            "grant_type=password&scope=repository%3Aa%2Fb%3Apull+push"
        );
        assert_eq!(form_names("a=1&&b+c=2&%41&=x"), ["a", "b c", "A", ""]);
    }
}
