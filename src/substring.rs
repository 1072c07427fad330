//! Searching text for a substring: `str::contains`, `find`, `split_once` and `replace` with a
//! `&str` pattern, without `core`'s two-way searcher. The patterns are short constants (`"://"`,
//! a TLS word, an XML tag) in texts of at most a few KiB, where a plain scan is as quick, and the
//! searcher was ~1.2 KB of the module (bench/size-history.md). Same results as `str`'s methods;
//! the tests compare them.

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
