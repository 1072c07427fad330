//! Registry URLs of every type, through per-field validation: no panics on any text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use regcred::time::Timestamp;

const TYPES: [&str; 7] = ["ecr", "docker-hub", "acr", "artifact-registry", "gcr", "quay", "other"];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let kind = TYPES[usize::from(selector) % TYPES.len()];
    let value = serde_json::Value::String(text.to_owned());
    let _ = regcred::validate_field(kind, "registryUrl", &regcred::json::Value::from(&value), Timestamp(1_795_732_860));
});
