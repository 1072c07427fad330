//! Runs a reference script of tests/support/ (botocore) with JSON on stdin, JSON on stdout.

use std::io::Write;
use std::process::{Command, Stdio};

/// The JSON `tests/support/<script>` prints for `input`; panics when python3 or botocore is
/// missing (`scripts/setup.sh test` installs botocore).
pub fn run<T: serde::de::DeserializeOwned>(script: &str, input: &serde_json::Value) -> T {
    let path = format!("{}/tests/support/{script}", env!("CARGO_MANIFEST_DIR"));
    let mut child = Command::new("python3")
        .arg(path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.to_string().as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("python3 runs");
    assert!(
        out.status.success(),
        "{script} failed (is botocore installed? scripts/setup.sh test)"
    );
    serde_json::from_slice(&out.stdout).expect("JSON output")
}
