//! Every certificate of the machine's CA bundle is read, and its fingerprint, serial, validity,
//! CA flag, subject and issuer equal what `openssl x509` reports for the same certificate.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::Write;
use std::process::{Command, Stdio};

use regcred::cert::{inspect_certificates, CertificateInfo, InspectOptions};
use regcred::time::Timestamp;

const BUNDLE: &str = "/etc/ssl/certs/ca-certificates.crt";

fn options() -> InspectOptions {
    InspectOptions {
        now: Timestamp::parse_iso8601("2026-01-01T00:00:00Z").unwrap(),
        host: None,
        require_ca: false,
    }
}

/// The bundle's PEM blocks, split here (not by the code under test).
fn split_bundle(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if line.starts_with("-----BEGIN CERTIFICATE-----") {
            current = Some(String::new());
        }
        if let Some(c) = current.as_mut() {
            c.push_str(line);
            c.push('\n');
        }
        if line.starts_with("-----END CERTIFICATE-----") {
            out.extend(current.take());
        }
    }
    out
}

/// What openssl says, in our output forms.
fn openssl_fields(pem: &str) -> Vec<(&'static str, String)> {
    let mut child = Command::new("openssl")
        .args([
            "x509",
            "-noout",
            "-fingerprint",
            "-sha256",
            "-serial",
            "-startdate",
            "-enddate",
            "-dateopt",
            "iso_8601",
            "-subject",
            "-issuer",
            "-nameopt",
            "RFC2253,-esc_msb",
            "-ext",
            "basicConstraints",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("openssl must be installed");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(pem.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "openssl failed");
    let text = String::from_utf8(out.stdout).unwrap();
    let iso = |v: &str| v.trim().replacen(' ', "T", 1);
    let mut fields = vec![("isCa", "false".to_string())];
    for line in text.lines() {
        if let Some(v) = line.strip_prefix("sha256 Fingerprint=") {
            fields.push(("sha256Fingerprint", v.to_string()));
        } else if let Some(v) = line.strip_prefix("serial=") {
            fields.push(("serialNumber", v.to_string()));
        } else if let Some(v) = line.strip_prefix("notBefore=") {
            fields.push(("notBefore", iso(v)));
        } else if let Some(v) = line.strip_prefix("notAfter=") {
            fields.push(("notAfter", iso(v)));
        } else if let Some(v) = line.strip_prefix("subject=") {
            fields.push(("subject", v.to_string()));
        } else if let Some(v) = line.strip_prefix("issuer=") {
            fields.push(("issuer", v.to_string()));
        } else if line.trim() == "CA:TRUE" || line.trim().starts_with("CA:TRUE,") {
            fields[0].1 = "true".to_string();
        }
    }
    fields.sort();
    fields
}

fn our_fields(c: &CertificateInfo) -> Vec<(&'static str, String)> {
    let mut fields = vec![
        ("isCa", c.is_ca.to_string()),
        ("sha256Fingerprint", c.sha256_fingerprint.clone()),
        ("serialNumber", c.serial_number.clone()),
        ("notBefore", c.not_before.clone()),
        ("notAfter", c.not_after.clone()),
        ("subject", c.subject.clone()),
        ("issuer", c.issuer.clone()),
    ];
    fields.sort();
    fields
}

#[test]
fn every_root_in_the_system_bundle_matches_openssl() {
    let text = std::fs::read_to_string(BUNDLE).expect("the system CA bundle must exist");
    let blocks = split_bundle(&text);
    assert!(
        blocks.len() > 140,
        "expected over 140 certificates in {BUNDLE}, found {}",
        blocks.len()
    );

    // The whole bundle in one call: every certificate read; the only errors are roots that
    // have expired by the pinned date (Debian still ships a few).
    let whole = inspect_certificates(text.as_bytes(), &options());
    assert!(
        whole.errors.iter().all(|e| e.code == "cert.expired"),
        "{:?}",
        whole.errors
    );
    let all = whole.value.expect("a value").certificates;
    assert_eq!(all.len(), blocks.len());

    let mut differences = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let one = inspect_certificates(block.as_bytes(), &options());
        let ours = &one.value.as_ref().expect("parsed").certificates[0];
        assert_eq!(ours, &all[i]);
        let expected = openssl_fields(block);
        let actual = our_fields(ours);
        for (e, a) in expected.iter().zip(&actual) {
            if e != a {
                differences.push(format!("certificate {i}: openssl {e:?}, regcred {a:?}"));
            }
        }
        assert_eq!(
            expected.len(),
            actual.len(),
            "certificate {i}: {expected:?}"
        );
    }
    assert!(
        differences.is_empty(),
        "{} differences:\n{}",
        differences.len(),
        differences.join("\n")
    );
}
