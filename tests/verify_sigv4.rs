//! AWS Signature V4 against the official `aws-signing-test-suite/v4` cases (awslabs/aws-c-auth,
//! Apache-2.0; see tests/fixtures/sigv4/NOTICE.md) and against botocore.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::path::Path;

use regcred::time::Timestamp;
use regcred::verify::sigv4::{sign, AwsCredentials, Payload, SignableRequest, SigningParams};
use serde_json::Value;

struct Case {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    expected_signed_headers: String,
    expected_signature: String,
}

fn parse_signed_request(text: &str, strip: &[&str]) -> Case {
    let (head, body) = text.split_once("\n\n").unwrap_or((text, ""));
    let mut lines = head.lines();
    let request_line = lines.next().unwrap();
    let (method, rest) = request_line.split_once(' ').unwrap();
    let path = rest.strip_suffix(" HTTP/1.1").unwrap();
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.starts_with(' ') || line.starts_with('\t') {
            let last = headers.last_mut().unwrap();
            last.1.push(',');
            last.1.push_str(line.trim());
            continue;
        }
        let (k, v) = line.split_once(':').unwrap();
        headers.push((k.to_owned(), v.to_owned()));
    }
    let auth = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("authorization"))
        .unwrap()
        .1
        .clone();
    let signed = auth
        .split("SignedHeaders=")
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap();
    let signature = auth.split("Signature=").nth(1).unwrap().trim();
    headers.retain(|(k, _)| !strip.iter().any(|s| k.eq_ignore_ascii_case(s)));
    Case {
        method: method.to_owned(),
        path: path.to_owned(),
        headers,
        body: body.as_bytes().to_vec(),
        expected_signed_headers: signed.to_owned(),
        expected_signature: signature.to_owned(),
    }
}

fn run_case(dir: &Path) -> Result<(), String> {
    let ctx: Value =
        serde_json::from_str(&fs::read_to_string(dir.join("context.json")).unwrap()).unwrap();
    let creds = AwsCredentials {
        access_key_id: ctx["credentials"]["access_key_id"]
            .as_str()
            .unwrap()
            .to_owned(),
        secret_access_key: ctx["credentials"]["secret_access_key"]
            .as_str()
            .unwrap()
            .into(),
        session_token: if ctx["omit_session_token"].as_bool() == Some(true) {
            None
        } else {
            ctx["credentials"]["token"].as_str().map(Into::into)
        },
    };
    let sign_body = ctx["sign_body"].as_bool() == Some(true);
    let mut strip = vec!["authorization", "x-amz-date", "x-amz-content-sha256"];
    if creds.session_token.is_some() {
        strip.push("x-amz-security-token");
    }
    let text = fs::read_to_string(dir.join("header-signed-request.txt")).unwrap();
    let case = parse_signed_request(&text, &strip);
    let mut params = SigningParams::new(
        ctx["region"].as_str().unwrap(),
        ctx["service"].as_str().unwrap(),
        Timestamp::parse_iso8601(ctx["timestamp"].as_str().unwrap()).unwrap(),
    );
    params.normalize_path = ctx["normalize"].as_bool().unwrap_or(true);
    params.content_sha256_header = sign_body;
    if let Some(v) = ctx["signed_body_value"].as_str() {
        params.payload = Payload::Literal(v.to_owned());
    }
    let sig = sign(
        &SignableRequest {
            method: &case.method,
            path_and_query: &case.path,
            headers: &case.headers,
            body: &case.body,
        },
        &creds,
        &params,
    );
    let mut problems = Vec::new();
    if let Ok(expected) = fs::read_to_string(dir.join("header-canonical-request.txt")) {
        if expected != sig.canonical_request {
            problems.push(format!(
                "canonical request:\n{}\n--- expected:\n{expected}",
                sig.canonical_request
            ));
        }
    }
    if let Ok(expected) = fs::read_to_string(dir.join("header-string-to-sign.txt")) {
        if expected != sig.string_to_sign {
            problems.push(format!(
                "string to sign:\n{}\n--- expected:\n{expected}",
                sig.string_to_sign
            ));
        }
    }
    if let Ok(expected) = fs::read_to_string(dir.join("header-signature.txt")) {
        if expected.trim() != sig.signature {
            problems.push("header-signature.txt differs".to_owned());
        }
    }
    if sig.signed_headers != case.expected_signed_headers {
        problems.push(format!(
            "signed headers {} != {}",
            sig.signed_headers, case.expected_signed_headers
        ));
    }
    if sig.signature != case.expected_signature {
        problems.push(format!(
            "signature differs; canonical request was:\n{}",
            sig.canonical_request
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

#[test]
fn aws_signing_test_suite_v4_header_cases() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sigv4");
    let mut dirs: Vec<_> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("header-signed-request.txt").exists())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 30, "only {} cases", dirs.len());
    let mut failures = Vec::new();
    for dir in &dirs {
        if let Err(e) = run_case(dir) {
            failures.push(format!(
                "== {}\n{e}",
                dir.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        dirs.len(),
        failures.join("\n")
    );
}
