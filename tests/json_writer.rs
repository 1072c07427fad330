//! The writer (`src/json/write.rs`, see ARCHITECTURE.md, "JSON") against serde_json:
//! every output type written from the shared fixtures gives the same bytes as serde_json gives
//! for the same value, and strings are escaped the same for every character class.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::path::Path;

use regcred::json::{to_string, ToJson};
use regcred::time::Timestamp;
use serde::Serialize;
use serde_json::{json, Value};

fn same<T: ToJson + Serialize + ?Sized>(what: &str, value: &T) {
    assert_eq!(
        to_string(value),
        serde_json::to_string(value).unwrap(),
        "{what}"
    );
}

fn files(dir: &str) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    out.sort();
    out
}

fn now() -> Timestamp {
    Timestamp::parse_iso8601("2026-06-01T00:00:00Z").unwrap()
}

#[test]
fn strings_escape_as_serde_json_does() {
    let mut all = String::new();
    for c in (0u32..0x100).chain([0x2028, 0x2029, 0xfeff, 0x1f600]) {
        all.push(char::from_u32(c).unwrap());
    }
    same("every control, ASCII and Latin-1 character", all.as_str());
    for s in [
        "",
        "\"",
        "\\",
        "a\"b\\c",
        "\u{7f}",
        "é\u{0}x",
        "\u{1f}\u{10ffff}",
    ] {
        same(s, s);
    }
}

#[test]
fn numbers_and_containers_write_as_serde_json_does() {
    for n in [0u64, 7, 10, 99, 100, 12_345, u64::MAX] {
        same("u64", &n);
    }
    for n in [0i64, -1, -10, i64::MIN, i64::MAX] {
        same("i64", &n);
    }
    same("u16", &443u16);
    same("none", &None::<String>);
    same("list", &vec!["a".to_owned(), "b".to_owned()]);
    same("empty list", &Vec::<u32>::new());
    let value = json!({"b": [1, -2, 1.5, 1e300, null, true], "a": {"": "x", "é": {}}, "c": []});
    same("value", &value);
}

#[test]
fn configurations_and_reports_write_as_serde_json_does() {
    let mut n = 0;
    for dir in [
        "tests/fixtures/configs/valid",
        "tests/fixtures/configs/invalid",
        "tests/fixtures/configs/semantic",
    ] {
        for path in files(dir) {
            let text = std::fs::read_to_string(&path).unwrap();
            let Ok(config) = serde_json::from_str::<Value>(&text) else {
                continue;
            };
            let report = regcred::validate_registry(&regcred::json::Value::from(&config), now());
            same(&path.display().to_string(), &report);
            if let Some(c) = &report.value {
                same("devtron payload", &regcred::to_devtron_payload_report(c));
                let clusters = [
                    regcred::Cluster {
                        id: "1".into(),
                        name: Some("prod".into()),
                        is_virtual: false,
                    },
                    regcred::Cluster {
                        id: "2".into(),
                        name: None,
                        is_virtual: true,
                    },
                ];
                same("injection plan", &regcred::injection_plan(c, &clusters));
            }
            n += 1;
        }
    }
    assert!(n > 20, "{n} configurations");
    for field in [
        "registryUrl",
        "injection",
        "usage",
        "remoteConnection",
        "name",
    ] {
        let report = regcred::validate_field(
            "docker-hub",
            field,
            &regcred::json::Value::from(&json!({"autoInject": ["*"]})),
            now(),
        )
        .unwrap();
        same(field, &report);
    }
    same("catalog", &regcred::registry_types());
}

#[test]
fn documents_of_other_areas_write_as_serde_json_does() {
    for path in files("tests/fixtures/certs") {
        let bytes = std::fs::read(&path).unwrap();
        let options = regcred::InspectOptions {
            now: now(),
            host: None,
            require_ca: false,
        };
        same(
            &path.display().to_string(),
            &regcred::inspect_certificates(&bytes, &options),
        );
    }
    for path in files("tests/fixtures/gcp-keys") {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        same(
            &path.display().to_string(),
            &regcred::parse_service_account_key(&text),
        );
    }
    for url in [
        "123456789012.dkr.ecr.us-east-1.amazonaws.com",
        "public.ecr.aws",
        "x.dkr.ecr",
    ] {
        same(url, &regcred::parse_ecr_url(url));
    }
    let references = support::fixture_json("images/references.json");
    for case in references["cases"].as_array().unwrap() {
        same(
            "reference",
            &regcred::parse_image_reference(case["input"].as_str().unwrap()),
        );
    }
    let keyring = support::fixture_json("images/keyring.json");
    let lookups = keyring["lookups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (&c["lookup"], c));
    let own = keyring["own"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (&c["image"], c));
    for (image, case) in lookups.chain(own) {
        let (image, sources) = (image.as_str().unwrap(), &case["sources"]);
        same(
            "credentials",
            &regcred::resolve_credentials(image, &regcred::json::Value::from(sources), now()),
        );
    }
    for path in files("tests/fixtures/devtron") {
        let fixture: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        same(
            &path.display().to_string(),
            &regcred::from_devtron_payload(&regcred::json::Value::from(&fixture["payload"])),
        );
    }
}

#[test]
fn verification_outcomes_write_as_serde_json_does() {
    use regcred::verify::outcome::{Outcome, Status, TrailStep};
    let step = |status, error| TrailStep {
        method: "GET",
        url: "https://r.example/v2/?x=REDACTED".into(),
        status,
        error,
    };
    for (status, expires_at, code) in [
        (Status::Authenticated, Some(now()), None),
        (
            Status::NotARegistry,
            None,
            Some("verify.not-a-registry".to_owned()),
        ),
        (Status::NotFound, None, None),
        (Status::Unverified, None, None),
    ] {
        let outcome = Outcome {
            ok: status.is_ok(),
            status,
            steps: vec![step(Some(401), None), step(None, Some("timeout"))],
            expires_at,
            code,
            message: "what \"happened\"".into(),
        };
        same("outcome", &outcome);
    }
}
