//! GCP service-account keys from tests/fixtures/gcp-keys/ (also run by the JS tests).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use regcred::parse_service_account_key;
use serde_json::Value;

fn dir() -> String {
    format!("{}/tests/fixtures/gcp-keys", env!("CARGO_MANIFEST_DIR"))
}

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{}/{name}", dir())).unwrap()
}

/// Pieces of the fixtures' secrets that must never appear in a message.
fn secret_pieces() -> Vec<String> {
    let good: Value = serde_json::from_str(&read("good.json")).unwrap();
    let pem = good["private_key"].as_str().unwrap();
    let body: Vec<&str> = pem.lines().skip(1).take(3).collect();
    let mut out: Vec<String> = body.iter().map(|l| l.chars().take(24).collect()).collect();
    out.push(good["private_key_id"].as_str().unwrap().into());
    out.push("d-FL95Q19q7MQmFpd7hHD0Ty".into());
    out.push("1//0gREGCREDREFRESH".into());
    out.push("169.254.169.254".into());
    out
}

#[test]
fn every_case_gives_its_code() {
    let cases: Vec<Value> = serde_json::from_str(&read("cases.json")).unwrap();
    assert!(cases.len() >= 20);
    let pieces = secret_pieces();
    for c in cases {
        let file = c["file"].as_str().unwrap();
        let r = parse_service_account_key(&read(file));
        match c["code"].as_str() {
            None => assert!(r.valid, "{file}: {:?}", r.error_codes()),
            Some(code) => {
                assert_eq!(r.error_codes(), [code], "{file}");
                assert!(r.value.is_none());
            }
        }
        for i in r.errors.iter().chain(&r.warnings) {
            for p in &pieces {
                assert!(
                    !i.message.contains(p.as_str()),
                    "{file}: message leaks key material"
                );
            }
        }
    }
}

#[test]
fn compact_form_keeps_order_and_private_key() {
    let original: Value = serde_json::from_str(&read("good.json")).unwrap();
    // compact.json is good.json with the whitespace between tokens removed by hand, members in
    // the order Google writes them (type, project_id, private_key_id, private_key, ...).
    let expected = read("compact.json");
    assert!(expected.starts_with(r#"{"type":"service_account","project_id":"#));
    for file in [
        "good.json",
        "bom.json",
        "quoted.txt",
        "whitespace-around.json",
        "compact.json",
        "crlf.json",
    ] {
        let key = parse_service_account_key(&read(file)).value.unwrap();
        assert_eq!(key.compact, expected, "{file}");
        assert!(
            !key.compact.expose().contains(['\n', ' '])
                || key.compact.expose().contains("BEGIN PRIVATE KEY")
        );
        let parsed: Value = serde_json::from_str(key.compact.expose()).unwrap();
        assert_eq!(parsed, original, "{file}: same JSON value");
        assert_eq!(
            parsed["private_key"], original["private_key"],
            "{file}: private key byte-identical"
        );
        assert!(
            key.compact
                .expose()
                .contains("-----BEGIN PRIVATE KEY-----\\n"),
            "{file}: \\n escapes intact"
        );
        assert_eq!(key.quoted, format!("'{}'", key.compact.expose()));
        assert_eq!(
            key.client_email,
            "regcred-pull@regcred-test-project.iam.gserviceaccount.com"
        );
        assert_eq!(key.project_id.as_deref(), Some("regcred-test-project"));
        assert_eq!(
            key.private_key_id,
            "0123456789abcdef0123456789abcdef01234567"
        );
        // Parsing the quoted form again gives the same key.
        let again = parse_service_account_key(key.quoted.expose())
            .value
            .unwrap();
        assert_eq!(again.compact, key.compact);
    }
}

#[test]
fn single_quotes_inside_are_shell_escaped() {
    let key = parse_service_account_key(&read("quoted-with-quote.txt"))
        .value
        .unwrap();
    let client_id: Value = serde_json::from_str(key.compact.expose()).unwrap();
    assert_eq!(client_id["client_id"], "it's");
    assert!(key.quoted.expose().contains(r#""client_id":"it'\''s""#));
    assert!(key.quoted.expose().starts_with('\'') && key.quoted.expose().ends_with('\''));
    // The quoted form read by a POSIX shell gives back the compact form.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("printf %s {}", key.quoted.expose()))
        .output();
    if let Ok(out) = out {
        assert_eq!(key.compact, String::from_utf8(out.stdout).unwrap());
    }
}

#[test]
fn debug_does_not_print_secrets() {
    let key = parse_service_account_key(&read("good.json")).value.unwrap();
    let dbg = format!("{key:?}");
    assert!(!dbg.contains("PRIVATE KEY") && !dbg.contains(key.private_key_id.expose()));
    assert!(dbg.contains("compact: <redacted>"), "{dbg}");
}
