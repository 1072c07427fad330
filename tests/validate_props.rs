//! Property tests: arbitrary strings and JSON values through every parser never panic, and
//! planted secrets never appear in messages.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use proptest::prelude::*;
use regcred::catalog::{Connection, RegistryType};
use regcred::time::Timestamp;
use regcred::validate::check_registry_url;
use regcred::{parse_ecr_url, parse_service_account_key, validate_field_in, validate_registry};
use serde_json::{json, Value};

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        ".{0,40}".prop_map(Value::from),
        prop::sample::select(vec![
            "ecr",
            "gcr",
            "other",
            "secure-with-cert",
            "image-pull-secret",
            "*",
            "-----BEGIN CERTIFICATE-----"
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::vec(
                (
                    prop::sample::select(vec![
                        "name",
                        "registryType",
                        "registryUrl",
                        "username",
                        "password",
                        "connection",
                        "cert",
                        "awsAuthType",
                        "awsAccessKeyId",
                        "awsSecretAccessKey",
                        "awsSessionToken",
                        "injection",
                        "doNotInject",
                        "autoInject",
                        "credentialSource",
                        "secretName",
                        "isDefault",
                        "x"
                    ]),
                    inner
                ),
                0..8
            )
            .prop_map(|kv| Value::Object(
                kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
            )),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn string_parsers_never_panic(s in ".{0,200}", t in 0usize..7) {
        let _ = parse_ecr_url(&s);
        let _ = parse_service_account_key(&s);
        for c in [Connection::Secure, Connection::Insecure] {
            let _ = check_registry_url(RegistryType::ALL[t], &s, c);
        }
    }

    #[test]
    fn structured_strings_never_panic(s in "(https?://)?[a-z0-9.:\\[\\]@/-]{0,60}") {
        let _ = parse_ecr_url(&s);
        for t in RegistryType::ALL {
            let _ = check_registry_url(t, &s, Connection::Insecure);
        }
    }

    #[test]
    fn json_validators_never_panic(v in arb_json(), t in 0usize..7, f in 0usize..17, now in any::<i64>()) {
        let now = Timestamp(now / 1000);
        let _ = validate_registry(&regcred::json::Value::from(&v), now);
        let mut cfg = v.clone();
        if let Value::Object(m) = &mut cfg {
            m.insert("registryType".into(), json!(RegistryType::ALL[t].id()));
        }
        let r = validate_registry(&regcred::json::Value::from(&cfg), now);
        prop_assert_eq!(r.valid, r.value.is_some());
        let names = regcred::model::field_names();
        let _ = validate_field_in(RegistryType::ALL[t].id(), &names[f % names.len()], &regcred::json::Value::from(&v), &regcred::json::Value::from(&cfg), now).unwrap();
    }

    #[test]
    fn gcp_key_like_text_never_panics(body in "[A-Za-z0-9+/= \\n\\\\]{0,80}", q in any::<bool>()) {
        let text = format!("{{\"type\":\"service_account\",\"client_email\":\"a@b.c\",\"private_key_id\":\"1\",\"private_key\":\"-----BEGIN PRIVATE KEY-----\\n{body}\\n-----END PRIVATE KEY-----\\n\"}}");
        let text = if q { format!("'{text}'") } else { text };
        let _ = parse_service_account_key(&text);
    }
}

const M: &str = "ZZSECRETMARKER7Q";

#[test]
fn planted_secrets_never_appear_in_messages_or_codes() {
    let key: Value = serde_json::from_str(
        &std::fs::read_to_string(format!(
            "{}/tests/fixtures/gcp-keys/good.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap(),
    )
    .unwrap();
    let mut key_marked = key.clone();
    key_marked["private_key"] = json!(format!(
        "-----BEGIN PRIVATE KEY-----\n{M} x\n-----END PRIVATE KEY-----\n"
    ));
    let mut key_type = key.clone();
    key_type["type"] = json!(M);
    let ecr = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
    let configs = [
        json!({"name": "hub", "registryType": "docker-hub", "username": "u", "password": M}),
        json!({"name": "hub", "registryType": "docker-hub", "username": format!("u:{M}"), "password": format!("{M}:\n"), "extra": M}),
        json!({"name": "ecr", "registryType": "ecr", "registryUrl": ecr, "awsAuthType": "user-auth", "awsAccessKeyId": format!("AKIA{M}"), "awsSecretAccessKey": M, "awsSessionToken": format!("{M} x")}),
        json!({"name": "ecr", "registryType": "ecr", "registryUrl": ecr, "awsAuthType": "user-auth", "awsAccessKeyId": "AKIAIOSFODNN7EXAMPLE", "awsSecretAccessKey": M.repeat(10), "awsSessionToken": M.repeat(300)}),
        json!({"name": "ecr", "registryType": "ecr", "registryUrl": ecr, "awsAuthType": "iam-role", "awsSecretAccessKey": M, "awsSessionToken": M, "password": M}),
        json!({"name": "gcr", "registryType": "gcr", "password": key_marked.to_string()}),
        json!({"name": "gcr", "registryType": "gcr", "password": key_type.to_string()}),
        json!({"name": "gcr", "registryType": "gcr", "password": format!("{{\"private_key\": \"{M}\n\"}}")}),
        json!({"name": "gcr", "registryType": "gcr", "password": format!("{{\"a\": {M}}}")}),
        json!({"name": "gcr", "registryType": "gcr", "password": M}),
        json!({"name": "q", "registryType": "quay", "username": "u", "password": M, "registryUrl": format!("{M}:pw@x")}),
    ];
    for c in &configs {
        let mut reports =
            vec![validate_registry(&regcred::json::Value::from(c), Timestamp(0)).map(|_| ())];
        let t = c["registryType"].as_str().unwrap();
        for f in [
            "password",
            "awsSecretAccessKey",
            "awsSessionToken",
            "username",
            "registryUrl",
        ] {
            if let Some(v) = c.get(f) {
                reports.push(
                    validate_field_in(
                        t,
                        f,
                        &regcred::json::Value::from(v),
                        &regcred::json::Value::from(c),
                        Timestamp(0),
                    )
                    .unwrap()
                    .map(|_| ()),
                );
                if let Some(s) = v.as_str() {
                    reports.push(parse_service_account_key(s).map(|_| ()));
                }
            }
        }
        for r in reports {
            for i in r.errors.iter().chain(&r.warnings) {
                assert!(!i.message.contains(M) && !i.code.contains(M), "{i:?}");
            }
        }
    }
    // Debug of a normalized configuration redacts secrets.
    let ok = validate_registry(
        &regcred::json::Value::from(
            &json!({"name": "hub", "registryType": "docker-hub", "username": "u", "password": M}),
        ),
        Timestamp(0),
    );
    assert!(!format!("{:?}", ok.value.unwrap()).contains(M));
}
