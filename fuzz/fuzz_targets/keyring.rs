//! The kubelet keyring and `resolveCredentials` fed arbitrary server keys, images and source
//! documents: never a panic, and no password in any result.
#![no_main]

use libfuzzer_sys::fuzz_target;
use regcred::images::{resolve_credentials, Keyring};
use regcred::time::Timestamp;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut parts = text.split('\u{1}');
    let image = parts.next().unwrap_or_default();
    let mut keyring = Keyring::new();
    for (i, key) in parts.clone().enumerate() {
        keyring.add(key, "user", i);
    }
    let _ = keyring.lookup(image);
    let sources: Vec<serde_json::Value> = parts
        .map(|p| serde_json::from_str(p).unwrap_or_else(|_| serde_json::Value::String(p.to_owned())))
        .collect();
    let report = resolve_credentials(image, &serde_json::Value::Array(sources), Timestamp(1_795_732_860));
    let shown = serde_json::to_string(&report).unwrap_or_default();
    assert!(!shown.contains("FUZZSECRET"), "a password in the result");
});
