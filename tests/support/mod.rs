//! Helpers shared by integration tests: `mod support;` in a test file.
#![allow(dead_code)]

pub mod botocore;
pub mod devtron_rules;
pub mod oci;
pub mod registry;
pub mod scripted;

/// The JSON file `tests/fixtures/<relative>`.
pub fn fixture_json(relative: &str) -> serde_json::Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(relative);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}
