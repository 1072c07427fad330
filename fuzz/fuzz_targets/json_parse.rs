//! The JSON parser (src/json/parse.rs): any text parses or fails without panicking, accepted
//! exactly when serde_json accepts it, to the same value (decimals within a few units in the
//! last place, a lone number's text kept as written); an error's offset lies within the text;
//! the writer's text of an accepted value reads back to it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let ours = regcred::json::parse(text).map(|v| {
        // The number's text is kept as written.
        if let regcred::json::Value::Number(n) = &v {
            assert_eq!(n.as_str(), text.trim_matches([' ', '\t', '\n', '\r']));
        }
        Value::from(v)
    });
    let theirs = serde_json::from_str::<Value>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => {
            assert!(close(a, b), "{text:?}: {a:?} vs {b:?}");
            let again = regcred::json::parse(&regcred::json::to_string(a)).map(Value::from);
            assert!(again.as_ref().is_ok_and(|v| close(v, a)), "{text:?} does not read back");
        }
        (Err(e), Err(_)) => {
            assert!(e.offset <= text.len());
            let _ = e.line_column(text);
        }
        _ => panic!("{text:?}: ours {ours:?}, serde_json {theirs:?}"),
    }
});

fn close(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            if x.is_f64() || y.is_f64() {
                let (x, y) = (x.as_f64().unwrap_or(0.0), y.as_f64().unwrap_or(1.0));
                x == y || (x.to_bits() as i64 - y.to_bits() as i64).unsigned_abs() <= 16
            } else {
                x == y
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| close(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|((k, x), (l, y))| k == l && close(x, y))
        }
        _ => a == b,
    }
}
