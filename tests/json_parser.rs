//! The parser (`src/json/parse.rs`, see ARCHITECTURE.md, "JSON") against serde_json: the same
//! values from valid text, an error (never a panic) for text that is not strict JSON, offsets
//! that point at the fault, and the depth limit.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use proptest::prelude::*;
use regcred::json::{parse, ErrorKind, MAX_DEPTH};
use serde_json::{json, Value};

fn agrees(text: &str) {
    let ours = parse(text);
    let theirs = serde_json::from_str::<Value>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "{text:?}"),
        (Err(_), Err(_)) => {}
        _ => panic!("{text:?}: ours {ours:?}, serde_json {theirs:?}"),
    }
}

#[test]
fn valid_text_reads_as_serde_json_reads_it() {
    for text in [
        "null",
        "true",
        "false",
        "0",
        "-0",
        "1",
        "-1",
        "0.5",
        "-0.0",
        "1e0",
        "1E+2",
        "1e-2",
        "25.50",
        "123456789012345678",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "0.1",
        "0.3",
        "1.5",
        "1e-400",
        "1e22",
        "9007199254740993",
        "1700000000.123",
        "-17.25e-3",
        r#""""#,
        r#""a\"b\\c\/d\b\f\n\r\t""#,
        r#""\u00e9\u20AC\ud83d\ude00""#,
        "\"é€😀\"",
        "[]",
        "{}",
        " [ 1 , [ ] , { } ] ",
        r#"{"a":1,"a":2}"#,
        r#"{"b":{"c":[null]},"a":""}"#,
        "\t\r\n null \n",
    ] {
        agrees(text);
        assert!(parse(text).is_ok(), "{text:?}");
    }
}

/// Beyond 15 significant digits or exponents past ±22 a decimal is within a few units in the
/// last place of the nearest `f64` (the core reads such numbers only as timestamps and counts).
#[test]
fn long_and_extreme_decimals_are_close() {
    for text in [
        "-9223372036854775809",
        "1.7976931348623157e308",
        "5e-324",
        "2.2250738585072014e-308",
        "12345678901234567890123",
        "0.000000000000000000000000001",
        "3.141592653589793238462643",
        "1e300",
        "123456.789e-250",
    ] {
        let ours = parse(text).unwrap().as_f64().unwrap();
        let theirs: f64 = text.parse().unwrap();
        let ulps = (ours.to_bits() as i64 - theirs.to_bits() as i64).unsigned_abs();
        assert!(ulps <= 16, "{text}: {ours} vs {theirs} ({ulps} ulps)");
    }
}

#[test]
fn text_that_is_not_strict_json_is_an_error() {
    for text in [
        "",
        " ",
        "nul",
        "tru",
        "True",
        "NaN",
        "Infinity",
        "-",
        "+1",
        "01",
        "-01",
        "1.",
        ".5",
        "1e",
        "1e+",
        "0x10",
        "1e400",
        "-1e400",
        "[1,]",
        "[,1]",
        "{\"a\":1,}",
        "{a:1}",
        "{\"a\" 1}",
        "{\"a\":}",
        "[1 2]",
        "\"abc",
        "\"a\\x\"",
        "\"\\u12\"",
        "\"\\u12g4\"",
        "\"\\ud800\"",
        "\"\\ud800\\u0041\"",
        "\"\\udc00\"",
        "\"a\u{1}b\"",
        "\"line\nbreak\"",
        "[1]]",
        "1 2",
        "\u{feff}1",
        "[",
        "{",
        "{\"a\"",
        "/* */1",
        "'a'",
    ] {
        agrees(text);
        assert!(parse(text).is_err(), "{text:?}");
    }
}

#[test]
fn errors_say_what_and_where() {
    let kind = |t: &str| parse(t).unwrap_err().kind;
    assert_eq!(kind("\"a\nb\""), ErrorKind::ControlCharacter);
    assert_eq!(kind("\"\\q\""), ErrorKind::Escape);
    assert_eq!(kind("\"\\ud800x\""), ErrorKind::LoneSurrogate);
    assert_eq!(kind("1e999"), ErrorKind::NumberOutOfRange);
    assert_eq!(kind(&"9".repeat(310)), ErrorKind::NumberOutOfRange);
    assert_eq!(
        kind(&format!("-{}", "1".repeat(320))),
        ErrorKind::NumberOutOfRange
    );
    assert!(parse(&"9".repeat(300)).is_ok());
    assert_eq!(kind("[1"), ErrorKind::Eof);
    assert_eq!(kind("[1;"), ErrorKind::Unexpected);
    assert_eq!(kind("1 x"), ErrorKind::TrailingCharacters);
    let e = parse("{\n  \"a\": [1,\n   x]}").unwrap_err();
    assert_eq!(e.offset, 16);
    assert_eq!(e.line_column("{\n  \"a\": [1,\n   x]}"), (3, 4));
}

#[test]
fn nesting_is_bounded() {
    let nested = |n: usize| "[".repeat(n) + &"]".repeat(n);
    assert!(parse(&nested(MAX_DEPTH)).is_ok());
    assert_eq!(
        parse(&nested(MAX_DEPTH + 1)).unwrap_err().kind,
        ErrorKind::TooDeep
    );
    agrees(&nested(MAX_DEPTH));
    agrees(&nested(MAX_DEPTH + 1));
    // Far deeper than the limit: an error at the limit, no stack exhaustion.
    assert_eq!(
        parse(&"{\"a\":".repeat(100_000)).unwrap_err().kind,
        ErrorKind::TooDeep
    );
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (any::<i32>(), 0u32..6).prop_map(|(m, e)| json!(f64::from(m) / 10f64.powi(e as i32))),
        any::<String>().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            proptest::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    /// serde_json's text of any value (strings with every character, integers, short
    /// decimals), compact and pretty, reads back to the same value.
    #[test]
    fn written_values_read_back(value in json_value()) {
        let compact = serde_json::to_string(&value).unwrap();
        prop_assert_eq!(parse(&compact).ok().map(serde_json::Value::from), Some(value.clone()));
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        prop_assert_eq!(parse(&pretty).ok().map(serde_json::Value::from), Some(value));
    }

    /// Any text built from JSON's own bytes: accepted exactly when serde_json accepts it.
    #[test]
    fn any_text_is_judged_as_serde_json_judges_it(
        text in "[\\[\\]{}\":,0-9.eE+\\-a-z\\\\ \n\u{1}\u{e9}]{0,24}"
    ) {
        let ours = parse(&text);
        let theirs = serde_json::from_str::<Value>(&text);
        prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}", text);
        if let (Ok(a), Ok(b)) = (ours, theirs) {
            prop_assert_eq!(a, b);
        }
    }
}

/// tests/fixtures/crashers/json_parse/: texts the fuzz target stopped on, judged as serde_json
/// judges them (the first: an integer of 339 digits, beyond `f64`, is out of range).
#[test]
fn crashers_stay_fixed() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/crashers/json_parse"
    );
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        agrees(std::str::from_utf8(&bytes).unwrap());
    }
}
