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
    use regcred::json::Value;
    let sources: Vec<Value> = parts
        .map(|p| regcred::json::parse(p).unwrap_or_else(|_| Value::String(p.to_owned())))
        .collect();
    let report = resolve_credentials(image, &Value::Array(sources), Timestamp(1_795_732_860));
    let shown = regcred::json::to_string(&report);
    assert!(!shown.contains("FUZZSECRET"), "a password in the result");
});
