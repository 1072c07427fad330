//! `WWW-Authenticate` parsing: the shared table (tests/fixtures/challenges.json) and a property
//! test that no input panics or escapes the bounds.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use proptest::prelude::*;
use regcred::verify::challenge::{
    parse_challenges, Challenge, MAX_CHALLENGES, MAX_HEADER_LEN, MAX_PARAMS,
};
use serde_json::Value;

fn to_json(c: &Challenge) -> Value {
    let mut v = serde_json::json!({ "scheme": c.scheme, "params": c.params.iter().map(|(k, v)| vec![k.clone(), v.clone()]).collect::<Vec<_>>() });
    if let Some(t) = &c.token68 {
        v["token68"] = Value::String(t.clone());
    }
    v
}

#[test]
fn challenge_table() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/challenges.json"
    ))
    .unwrap();
    let cases: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert!(cases.len() >= 40);
    let mut failures = Vec::new();
    for case in &cases {
        let input = case["input"].as_str().unwrap();
        let got: Vec<Value> = parse_challenges(input).iter().map(to_json).collect();
        if Value::Array(got.clone()) != case["expected"] {
            failures.push(format!(
                "{input:?} ({}):\n  got      {}\n  expected {}",
                case["note"],
                Value::Array(got),
                case["expected"]
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn oversized_values_are_ignored() {
    let long = format!("Basic realm=\"{}\"", "a".repeat(MAX_HEADER_LEN));
    assert!(parse_challenges(&long).is_empty());
    let many = "Basic realm=x, ".repeat(100);
    assert_eq!(parse_challenges(&many).len(), MAX_CHALLENGES);
    let params = format!(
        "Bearer {}",
        (0..100)
            .map(|i| format!("p{i}=v"))
            .collect::<Vec<_>>()
            .join(",")
    );
    assert_eq!(parse_challenges(&params)[0].params.len(), MAX_PARAMS);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_panics_on_any_text(s in "\\PC{0,200}") {
        let _ = parse_challenges(&s);
    }

    #[test]
    fn never_panics_on_header_like_text(s in "[ \t,=\"\\\\a-zA-Z0-9/+:._~-]{0,120}") {
        for c in parse_challenges(&s) {
            prop_assert!(!c.scheme.is_empty());
            prop_assert_eq!(c.scheme.to_ascii_lowercase(), c.scheme.clone());
            prop_assert!(c.params.len() <= MAX_PARAMS);
        }
    }

    #[test]
    fn round_trips_generated_challenges(
        scheme in "[A-Za-z][A-Za-z0-9-]{0,10}",
        params in proptest::collection::vec(("[a-z][a-z0-9_]{0,8}", "[ -~]{0,20}"), 1..5),
    ) {
        let quoted: Vec<String> = params.iter().map(|(k, v)| format!("{k}=\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\""))).collect();
        let text = format!("{scheme} {}, Basic realm=\"tail\"", quoted.join(", "));
        let got = parse_challenges(&text);
        prop_assert_eq!(got.len(), 2);
        prop_assert_eq!(&got[0].scheme, &scheme.to_ascii_lowercase());
        let want: Vec<(String, String)> = params.clone();
        prop_assert_eq!(&got[0].params, &want);
        prop_assert_eq!(got[1].param("realm"), Some("tail"));
    }
}
