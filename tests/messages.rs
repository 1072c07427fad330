//! Messages are for people: no Markdown (no backticks) in any `message` a report carries, over
//! every shared fixture (configurations, registry URLs, certificates, GCP keys) and every field.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use regcred::cert::{inspect_certificates, InspectOptions};
use regcred::time::Timestamp;
use regcred::validate::check_registry_url;
use regcred::{
    parse_ecr_url, parse_service_account_key, validate_field_in, validate_registry, Connection,
    Issue, RegistryType, Report,
};
use serde_json::Value;

fn files(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir);
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn check<T>(what: &str, report: &Report<T>, seen: &mut usize, bad: &mut Vec<String>) {
    let issues: Vec<&Issue> = report.errors.iter().chain(&report.warnings).collect();
    *seen += issues.len();
    for i in issues {
        if i.message.contains('`') {
            bad.push(format!("{what}: {} {}", i.code, i.message));
        }
    }
}

#[test]
fn no_message_carries_markdown() {
    let now = Timestamp::parse_iso8601("2026-01-01T00:00:00Z").unwrap();
    let (mut seen, mut bad) = (0, Vec::new());
    let field_names = regcred::model::field_names();
    for p in files("configs")
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
    {
        let config: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
        let name = p.display().to_string();
        check(
            &name,
            &validate_registry(&regcred::json::Value::from(&config), now),
            &mut seen,
            &mut bad,
        );
        for t in RegistryType::ALL {
            for field in &field_names {
                let value = match field.split_once('.') {
                    Some((a, b)) => config.get(a).and_then(|v| v.get(b)),
                    None => config.get(field.as_str()),
                };
                let value = value.cloned().unwrap_or(Value::Null);
                let r = validate_field_in(
                    t.id(),
                    field,
                    &regcred::json::Value::from(&value),
                    &regcred::json::Value::from(&config),
                    now,
                )
                .unwrap();
                check(&format!("{name} {field}"), &r, &mut seen, &mut bad);
            }
        }
    }
    for p in files("urls") {
        let list: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        for entry in list.as_array().into_iter().flatten() {
            let Some(url) = entry.get("url").and_then(Value::as_str) else {
                continue;
            };
            check(url, &parse_ecr_url(url), &mut seen, &mut bad);
            for t in RegistryType::ALL {
                for c in [Connection::Secure, Connection::Insecure] {
                    check(url, &check_registry_url(t, url, c), &mut seen, &mut bad);
                }
            }
        }
    }
    for p in files("certs") {
        let bytes = std::fs::read(&p).unwrap();
        let options = InspectOptions {
            now,
            host: Some("registry.example.com".into()),
            require_ca: true,
        };
        let name = p.display().to_string();
        check(
            &name,
            &inspect_certificates(&bytes, &options),
            &mut seen,
            &mut bad,
        );
    }
    for p in files("gcp-keys") {
        let text = String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned();
        let name = p.display().to_string();
        check(
            &name,
            &parse_service_account_key(&text),
            &mut seen,
            &mut bad,
        );
    }
    assert!(seen > 300, "only {seen} messages checked");
    assert!(bad.is_empty(), "{bad:#?}");
}
