//! Devtron payloads (every field: OCI usage, `isPublic`, `remoteConnectionConfig`,
//! `assumeRoleArn`, `CUSTOM_CREDENTIAL`, GET-shaped blank secrets): decoding arbitrary JSON
//! never panics; whatever decodes to a configuration that validates (in update mode: blank
//! secrets are kept) re-encodes to a payload that reads back to the same payload (the promise of
//! `to_devtron_payload`, which holds for valid configurations only: a payload's reading is
//! shaped, not validated); and blanking its secrets, as the platform's GET does, never makes a
//! payload unreadable.
#![no_main]

use libfuzzer_sys::fuzz_target;
use regcred::time::Timestamp;
use regcred::validate::{validate_registry_in, Mode};
use serde_json::Value;

/// The payload with every secret as the platform's GET returns it: `""`.
fn get_shaped(payload: &Value) -> Value {
    let mut p = payload.clone();
    for pointer in [
        "/password",
        "/awsSecretAccessKey",
        "/remoteConnectionConfig/sshConfig/sshPassword",
        "/remoteConnectionConfig/sshConfig/sshAuthKey",
    ] {
        if let Some(v @ Value::String(_)) = p.pointer_mut(pointer) {
            *v = Value::from("");
        }
    }
    if let Some(v @ Value::String(_)) = p.pointer_mut("/ipsConfig/credentialValue") {
        if let Ok(Value::Object(mut c)) = serde_json::from_str::<Value>(v.as_str().unwrap_or("")) {
            if c.get("password").is_some_and(Value::is_string) {
                c.insert("password".into(), Value::from(""));
                *v = Value::from(Value::Object(c).to_string());
            }
        }
    }
    p
}

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<Value>(data) else { return };
    let report = regcred::from_devtron_payload(&regcred::json::Value::from(&value));
    let Some(config) = report.value else { return };
    let blank = regcred::from_devtron_payload(&regcred::json::Value::from(&get_shaped(&value)));
    assert!(blank.valid, "blank secrets made the payload unreadable: {:?}", blank.errors);
    let Ok(json) = serde_json::to_value(&config) else { return };
    if !validate_registry_in(&regcred::json::Value::from(&json), Timestamp(1_795_732_860), Mode::Update).valid {
        return;
    }
    let out = regcred::to_devtron_payload(&config);
    let again = regcred::from_devtron_payload(&out);
    let Some(config_again) = again.value else {
        panic!("our own payload does not read back: {:?}", again.errors);
    };
    assert_eq!(regcred::to_devtron_payload(&config_again), out, "not a fixed point");
});
