//! Where the `url` crate (2.5.8), which `src/url/` replaced and is compared with, departs from
//! the URL Standard that browsers and `src/url/` follow. Shared by `tests/url_whatwg.rs` and the
//! `url` fuzz target (`fuzz/fuzz_targets/url.rs`).

/// The base both compare relative references against.
pub const BASE: &str = "https://registry.example.com:5000/v2/team/app?q=1#f";

/// Whether the `url` crate reads `input` (against a base when `with_base`) otherwise than the
/// Standard: a relative `///host/path` fails there (the Standard's "special authority ignore
/// slashes" state skips every `/` and `\`), and `..` never removes a segment like a Windows
/// drive letter (`f:`, `f|`; the Standard has that rule for `file:` URLs only, so
/// `/a/f:/b/../..` is `/a/f:/` there and `/` in browsers).
pub fn url_crate_departs(input: &str, with_base: bool) -> bool {
    let text: String = input
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let triple_slash =
        text.starts_with("//") && text.get(2..).is_some_and(|t| t.starts_with(['/', '\\']));
    let drive_letter = text.split(['/', '\\']).any(|segment| {
        let mut bytes = segment.bytes();
        matches!(
            (bytes.next(), bytes.next(), bytes.next()),
            (Some(letter), Some(b':' | b'|'), None) if letter.is_ascii_alphabetic()
        )
    });
    (with_base && triple_slash) || drive_letter
}
