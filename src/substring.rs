//! Searching text for a substring: `str::contains`, `find`, `split_once` and `replace` with a
//! `&str` pattern, without `core`'s two-way searcher. The patterns are short constants (`"://"`,
//! a TLS word, an XML tag) in texts of at most a few KiB, where a plain scan is as quick, and the
//! searcher was ~1.2 KB of the module (bench/size-history.md). Same results as `str`'s methods;
//! the tests compare them.
//!
//! The byte helpers (`find_byte`, `split_once_byte`, `trim`, ...) do the same for one ASCII
//! byte or ASCII whitespace, without `core`'s generic char-pattern searchers: a first call
//! compiles every function it reaches (see ARCHITECTURE.md, "Cold start"). An ASCII byte never
//! occurs inside a multi-byte UTF-8 sequence, so every position they return is a char boundary.

/// The byte index of the first occurrence of `needle` in `hay` (`Some(0)` for an empty
/// needle), as `str::find`.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.as_bytes()
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
}

/// Whether `needle` occurs in `hay`, as `str::contains`.
pub fn contains(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

/// The text before and after the first `needle`, as `str::split_once`.
pub fn split_once<'a>(hay: &'a str, needle: &str) -> Option<(&'a str, &'a str)> {
    let at = find(hay, needle)?;
    Some((hay.get(..at)?, hay.get(at + needle.len()..)?))
}

/// `hay` with every non-overlapping `from` (scanned left to right) replaced by `to`, as
/// `str::replace` for a non-empty `from`; an empty `from` leaves `hay` as it is.
pub fn replace(hay: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(hay.len());
    let mut rest = hay;
    while let Some((before, after)) = split_once(rest, from).filter(|_| !from.is_empty()) {
        out.push_str(before);
        out.push_str(to);
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The byte index of the first `byte` (ASCII) in `hay`, as `str::find` with that char.
pub fn find_byte(hay: &str, byte: u8) -> Option<usize> {
    hay.bytes().position(|b| b == byte)
}

/// The byte index of the last `byte` (ASCII) in `hay`, as `str::rfind` with that char.
pub fn rfind_byte(hay: &str, byte: u8) -> Option<usize> {
    hay.bytes().rposition(|b| b == byte)
}

/// Whether `byte` (ASCII) occurs in `hay`, as `str::contains` with that char.
pub fn contains_byte(hay: &str, byte: u8) -> bool {
    hay.bytes().any(|b| b == byte)
}

/// `text` cut around the byte at `at` (an ASCII byte), without it.
fn cut(text: &str, at: usize) -> Option<(&str, &str)> {
    Some((text.get(..at)?, text.get(at + 1..)?))
}

/// The text before and after the first `byte` (ASCII), as `str::split_once` with that char.
pub fn split_once_byte(hay: &str, byte: u8) -> Option<(&str, &str)> {
    cut(hay, find_byte(hay, byte)?)
}

/// The text before and after the last `byte` (ASCII), as `str::rsplit_once` with that char.
pub fn rsplit_once_byte(hay: &str, byte: u8) -> Option<(&str, &str)> {
    cut(hay, rfind_byte(hay, byte)?)
}

/// Whether `text` starts with `byte`, as `str::starts_with` with that (ASCII) char.
pub fn starts_with_byte(text: &str, byte: u8) -> bool {
    text.as_bytes().first() == Some(&byte)
}

/// Whether `text` ends with `byte`, as `str::ends_with` with that (ASCII) char.
pub fn ends_with_byte(text: &str, byte: u8) -> bool {
    text.as_bytes().last() == Some(&byte)
}

/// `text` without every trailing `byte` (ASCII), as `str::trim_end_matches` with that char.
pub fn trim_end_byte(text: &str, byte: u8) -> &str {
    let end = text.bytes().rposition(|b| b != byte).map_or(0, |i| i + 1);
    text.get(..end).unwrap_or_default()
}

/// `text` without every leading `byte` (ASCII), as `str::trim_start_matches` with that char.
pub fn trim_start_byte(text: &str, byte: u8) -> &str {
    let start = text.bytes().position(|b| b != byte).unwrap_or(text.len());
    text.get(start..).unwrap_or_default()
}

/// The pieces of `text` between the `byte`s (ASCII), as `str::split` with that char (and,
/// reversed, as `str::rsplit`).
pub fn split_byte(text: &str, byte: u8) -> SplitByte<'_> {
    SplitByte {
        rest: Some(text),
        byte,
    }
}

/// The iterator of [`split_byte`].
#[derive(Clone, Debug)]
pub struct SplitByte<'a> {
    /// What is left to split; `None` once the last piece is out.
    rest: Option<&'a str>,
    byte: u8,
}

impl<'a> SplitByte<'a> {
    /// The text not yet split (`None` once the last piece is out): after `n` calls of `next`,
    /// what `str::splitn(n + 1, c)` gives as its last piece.
    pub fn remainder(&self) -> Option<&'a str> {
        self.rest
    }
}

impl<'a> Iterator for SplitByte<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        let (piece, after) = split_once_byte(rest, self.byte).unwrap_or((rest, ""));
        self.rest = (piece.len() < rest.len()).then_some(after);
        Some(piece)
    }
}

impl DoubleEndedIterator for SplitByte<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let rest = self.rest?;
        let (before, piece) = rsplit_once_byte(rest, self.byte).unwrap_or(("", rest));
        self.rest = (piece.len() < rest.len()).then_some(before);
        Some(piece)
    }
}

/// Whether `byte` leaves `text` unchanged by trimming at that end: a byte that is ASCII and
/// not whitespace as [`char::is_whitespace`] says (space, tab, line feed, vertical tab, form
/// feed, carriage return; `u8::is_ascii_whitespace` leaves out the vertical tab).
fn keeps(byte: Option<&u8>) -> bool {
    byte.is_some_and(|&b| b.is_ascii() && b != b' ' && !(b'\t'..=b'\r').contains(&b))
}

/// `text` without leading and trailing whitespace, exactly as `str::trim` (Unicode
/// whitespace). Text that starts and ends with ASCII non-whitespace (nearly every value) is
/// returned as it is without `str::trim`'s char searcher; any other goes through it.
pub fn trim(text: &str) -> &str {
    let bytes = text.as_bytes();
    if keeps(bytes.first()) && keeps(bytes.last()) {
        text
    } else {
        text.trim()
    }
}

/// `text` without leading whitespace, exactly as `str::trim_start` (fast path as [`trim`]).
pub fn trim_start(text: &str) -> &str {
    if keeps(text.as_bytes().first()) {
        text
    } else {
        text.trim_start()
    }
}

/// The number of chars in `text`, as `text.chars().count()`: its bytes that do not continue
/// a UTF-8 sequence.
pub fn char_count(text: &str) -> usize {
    text.bytes().filter(|&b| (b as i8) >= -0x40).count()
}

/// Whether a char of `text` is one `is_char` accepts, where `is_ascii` gives its answer for the
/// ASCII bytes: the first byte that is non-ASCII or accepted decides, so ASCII text (the common
/// case) is read byte by byte and only text with a non-ASCII byte before any accepted one goes
/// through the chars (`is_char` must agree with `is_ascii` on ASCII).
fn any_char(text: &str, is_ascii: impl Fn(u8) -> bool, is_char: impl Fn(char) -> bool) -> bool {
    match text.bytes().find(|&b| b >= 0x80 || is_ascii(b)) {
        None => false,
        Some(b) if b < 0x80 => true,
        Some(_) => text.chars().any(is_char),
    }
}

/// Whether `text` has a control character, as `text.chars().any(char::is_control)`
/// (U+0000 to U+001F, U+007F to U+009F).
pub fn has_control(text: &str) -> bool {
    any_char(text, |b| b < b' ' || b == 0x7f, char::is_control)
}

/// Whether `text` has whitespace or a control character, as
/// `text.chars().any(|c| c.is_whitespace() || c.is_control())` (Unicode whitespace included).
pub fn has_space_or_control(text: &str) -> bool {
    any_char(
        text,
        |b| b <= b' ' || b == 0x7f,
        |c| c.is_whitespace() || c.is_control(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]

        /// Same answers as `str`'s methods, on texts over a small alphabet (so patterns occur),
        /// non-ASCII included.
        #[test]
        fn as_str_does(hay in "[ab~1é/]{0,24}", needle in "[ab~1é/]{0,3}", to in "[xé]{0,2}") {
            proptest::prop_assert_eq!(find(&hay, &needle), hay.find(needle.as_str()));
            proptest::prop_assert_eq!(contains(&hay, &needle), hay.contains(needle.as_str()));
            proptest::prop_assert_eq!(
                split_once(&hay, &needle),
                hay.split_once(needle.as_str())
            );
            if !needle.is_empty() {
                proptest::prop_assert_eq!(
                    replace(&hay, &needle, &to),
                    hay.replace(needle.as_str(), &to)
                );
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]

        /// The byte helpers give `str`'s answers for an ASCII needle, on texts with ASCII and
        /// Unicode whitespace (vertical tab, NEL, NBSP, ideographic space) and other non-ASCII.
        #[test]
        fn bytes_as_str_does(
            hay in "[ a:/@.\t\u{b}\r\né\u{85}\u{a0}\u{3000}\u{1F600}]{0,16}",
            byte in proptest::sample::select(vec![b':', b'/', b'@', b'.', b' ', b'a']),
        ) {
            let c = char::from(byte);
            proptest::prop_assert_eq!(find_byte(&hay, byte), hay.find(c));
            proptest::prop_assert_eq!(rfind_byte(&hay, byte), hay.rfind(c));
            proptest::prop_assert_eq!(contains_byte(&hay, byte), hay.contains(c));
            proptest::prop_assert_eq!(split_once_byte(&hay, byte), hay.split_once(c));
            proptest::prop_assert_eq!(rsplit_once_byte(&hay, byte), hay.rsplit_once(c));
            proptest::prop_assert_eq!(starts_with_byte(&hay, byte), hay.starts_with(c));
            proptest::prop_assert_eq!(ends_with_byte(&hay, byte), hay.ends_with(c));
            proptest::prop_assert_eq!(trim_end_byte(&hay, byte), hay.trim_end_matches(c));
            proptest::prop_assert_eq!(trim_start_byte(&hay, byte), hay.trim_start_matches(c));
            let split: Vec<&str> = split_byte(&hay, byte).collect();
            proptest::prop_assert_eq!(split, hay.split(c).collect::<Vec<_>>());
            let rsplit: Vec<&str> = split_byte(&hay, byte).rev().collect();
            proptest::prop_assert_eq!(rsplit, hay.rsplit(c).collect::<Vec<_>>());
            // Both ends at once, as `str::split` allows.
            let mut mine = split_byte(&hay, byte);
            let mut theirs = hay.split(c);
            for i in 0..6 {
                if i % 2 == 0 {
                    proptest::prop_assert_eq!(mine.next(), theirs.next());
                } else {
                    proptest::prop_assert_eq!(mine.next_back(), theirs.next_back());
                }
            }
            proptest::prop_assert_eq!(trim(&hay), hay.trim());
            proptest::prop_assert_eq!(trim_start(&hay), hay.trim_start());
            proptest::prop_assert_eq!(char_count(&hay), hay.chars().count());
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]

        /// The byte-first checks give the char checks' answers, non-ASCII whitespace (NBSP,
        /// NEL, ideographic space) and C1 controls included.
        #[test]
        fn space_and_control_as_chars_say(
            text in "[a :\t\u{7f}\u{85}\u{9f}\u{a0}\u{3000}é]{0,8}",
        ) {
            proptest::prop_assert_eq!(
                has_space_or_control(&text),
                text.chars().any(|c| c.is_whitespace() || c.is_control())
            );
        }

        /// The byte-first check gives `char::is_control`'s answer, C1 controls included.
        #[test]
        fn control_as_chars_say(text in "[a \t\u{7f}\u{80}\u{9f}\u{a0}é]{0,8}") {
            proptest::prop_assert_eq!(has_control(&text), text.chars().any(char::is_control));
        }
    }

    #[test]
    fn byte_edges() {
        assert_eq!(find_byte("", b':'), None);
        assert_eq!(split_once_byte(":", b':'), Some(("", "")));
        assert_eq!(rsplit_once_byte("a@b@c", b'@'), Some(("a@b", "c")));
        assert_eq!(split_once_byte("é:ü", b':'), Some(("é", "ü")));
        assert_eq!(trim_end_byte("//", b'/'), "");
        assert_eq!(trim_end_byte("a//", b'/'), "a");
        assert_eq!(trim_end_byte("", b'/'), "");
        assert_eq!(trim_start_byte("//a/", b'/'), "a/");
        assert_eq!(split_byte("", b'.').collect::<Vec<_>>(), [""]);
        assert_eq!(split_byte(".a.", b'.').collect::<Vec<_>>(), ["", "a", ""]);
        assert_eq!(
            split_byte("é.ü", b'.').rev().collect::<Vec<_>>(),
            ["ü", "é"]
        );
        for text in [
            "arn:aws:iam::123456789012:role/a:b",
            "a:b",
            "a:b:c:d:e:",
            "",
        ] {
            let mut mine = split_byte(text, b':');
            let mut theirs = text.splitn(6, ':');
            for _ in 0..5 {
                assert_eq!(mine.next(), theirs.next(), "{text}");
            }
            assert_eq!(mine.remainder(), theirs.next(), "{text}");
        }
        assert_eq!(trim(""), "");
        assert_eq!(trim(" \u{b}\t"), "");
        assert_eq!(trim(" \u{a0} x\u{3000} \u{85}"), "x");
        assert_eq!(trim("\u{a0}"), "");
        assert_eq!(trim_start("\u{b}é "), "é ");
        assert_eq!(char_count("aé😀"), 3);
        assert_eq!(char_count(""), 0);
    }

    #[test]
    fn edges() {
        assert_eq!(find("", ""), Some(0));
        assert_eq!(find("ab", "abc"), None);
        assert_eq!(split_once("https://x", "://"), Some(("https", "x")));
        assert_eq!(replace("a~1b~0~01", "~1", "/"), "a/b~0~01");
        assert_eq!(replace("aaa", "aa", "b"), "ba");
        assert_eq!(replace("abc", "", "x"), "abc");
    }
}
