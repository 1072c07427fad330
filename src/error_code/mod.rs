//! The one error vocabulary: every code regcred emits, in a Report's issues or on a thrown
//! `RegcredError`, with when it happens.
//!
//! # Design
//!
//! Codes are API (`area.thing`, stable; messages may change). They are declared once, here (the
//! variants in alphabetical order, in `access_to_ecr.rs` and `email_to_verify.rs`), so that a
//! reader finds every code and its meaning in one place, and so that the README's code tables
//! cannot drift: `tests/error_codes.rs` fails when Rust code outside this module (and outside
//! unit tests) spells a code as a string instead of naming its [`ErrorCode`], when the package's
//! JavaScript emits a code not declared here, when a code declared here is not documented in
//! the README, or when the README documents a code that is not declared here. Families with a
//! variable part (`schema.<keyword>` of the optional JSON Schema build, the URL splitter's
//! `<prefix>.<kind>`) are built by [`crate::Issue::in_family`]; the README documents them.
//!
//! # Adding a code
//!
//! 1. Add a variant in alphabetical order to the file of its area, with a doc comment that says
//!    when it happens.
//! 2. Emit it: `ErrorCode::X` (error types and [`crate::Issue::new`] take the enum;
//!    [`ErrorCode::as_str`] is the stable text).
//! 3. Document it in the README table (or list) of its area, in backticks.
//!
//! `cargo test --test error_codes` tells you which step is missing.

macro_rules! error_codes {
    ($($(#[doc = $doc:literal])+ $variant:ident = $code:literal,)+) => {
        /// A stable error code (see the module documentation).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum ErrorCode {
            $($(#[doc = $doc])+ $variant,)+
        }

        impl ErrorCode {
            /// Every code, in alphabetical order of its text.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)+];

            /// The code as it appears in issues and errors (`ecr.url.account-id`).
            pub const fn as_str(self) -> &'static str {
                /// Every code's text, one after the other, in declaration order: one string
                /// and one table of ends make a smaller module than a table of strings.
                const TEXT: &str = concat!($($code),+);
                const ENDS: [u16; ErrorCode::ALL.len()] = ends([$($code),+]);
                let i = self as usize;
                let start = match i.checked_sub(1) {
                    Some(before) => end_of(&ENDS, before),
                    None => 0,
                };
                text_between(TEXT, start, end_of(&ENDS, i))
            }

            /// The code whose text is `code`, if it is one.
            pub fn from_code(code: &str) -> Option<ErrorCode> {
                ErrorCode::ALL.iter().copied().find(|c| c.as_str() == code)
            }
        }
    };
}

/// Where each of `codes` ends when they are written one after the other.
const fn ends<const N: usize>(codes: [&str; N]) -> [u16; N] {
    let mut out = [0u16; N];
    let mut codes: &[&str] = &codes;
    let mut slots: &mut [u16] = &mut out;
    let mut end = 0;
    while let ([code, more @ ..], [slot, others @ ..]) = (codes, slots) {
        end += code.len();
        *slot = end as u16;
        codes = more;
        slots = others;
    }
    out
}

/// `ends[i]`, or 0 past the end.
const fn end_of(ends: &[u16], i: usize) -> usize {
    match ends.split_at_checked(i) {
        Some((_, [end, ..])) => *end as usize,
        _ => 0,
    }
}

/// `text[start..end]`, or `""` when that is not a piece of it.
const fn text_between(text: &'static str, start: usize, end: usize) -> &'static str {
    let Some((_, rest)) = text.as_bytes().split_at_checked(start) else {
        return "";
    };
    let Some((piece, _)) = rest.split_at_checked(end.saturating_sub(start)) else {
        return "";
    };
    match core::str::from_utf8(piece) {
        Ok(s) => s,
        Err(_) => "",
    }
}

impl core::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A code serializes as its text, so JSON carrying one is the same as with the string.
impl serde::Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A code equals its text (`code == "ecr.bad-response"`).
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Its text equals a code.
impl PartialEq<ErrorCode> for &str {
    fn eq(&self, other: &ErrorCode) -> bool {
        *self == other.as_str()
    }
}

#[macro_use]
mod access_to_ecr;
#[macro_use]
mod email_to_verify;

access_to_ecr!(email_to_verify, error_codes);

/// A code is written as its text, so JSON carrying one is the same as with the string.
impl crate::json::ToJson for ErrorCode {
    fn write_json(&self, out: &mut String) {
        crate::json::write_str(out, self.as_str());
    }
}
