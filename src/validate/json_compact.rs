//! Removing the whitespace between the tokens of JSON text while keeping everything else as
//! written: member order, duplicate members, number spellings and string escapes.
//!
//! [`compact`] is only run on text a JSON parser has already accepted, so it needs to know
//! only where strings start and end; it never looks inside them.

/// The JSON text `valid_json` with the whitespace between its tokens (space, tab, line feed,
/// carriage return, the four JSON allows) removed. Strings are copied byte for byte.
///
/// The input must be JSON a parser accepted; for any other text the result is unspecified but
/// never a panic.
pub fn compact(valid_json: &str) -> String {
    let mut out = String::with_capacity(valid_json.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in valid_json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::compact;

    #[test]
    fn removes_whitespace_between_tokens_only() {
        let text = "{ \"b\" : [1 ,\t2.50E3 ],\r\n \"a\": \"x y\\\" \\\\\", \"a\":null }";
        assert_eq!(
            compact(text),
            "{\"b\":[1,2.50E3],\"a\":\"x y\\\" \\\\\",\"a\":null}"
        );
    }

    #[test]
    fn keeps_escapes_and_non_ascii_as_written() {
        let text = "{\"k\": \"\\u00e9 é \\/ \\n\u{2028}\"}";
        assert_eq!(compact(text), "{\"k\":\"\\u00e9 é \\/ \\n\u{2028}\"}");
    }

    fn json_value() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            "[ -~\\t\\n\u{e9}\u{2028}\"\\\\]{0,12}".prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
                proptest::collection::btree_map("[a-z \"]{0,6}", inner, 0..6)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        /// Pretty-printed JSON compacts to the same value, with no whitespace left between
        /// tokens (so it equals serde_json's own compact serialization).
        #[test]
        fn compacting_keeps_the_value(value in json_value()) {
            let pretty = serde_json::to_string_pretty(&value).unwrap_or_default();
            let compacted = compact(&pretty);
            proptest::prop_assert_eq!(serde_json::from_str::<serde_json::Value>(&compacted).ok(), Some(value.clone()));
            proptest::prop_assert_eq!(compacted, serde_json::to_string(&value).unwrap_or_default());
        }
    }
}
