//! Native Rust: the core the WebAssembly package runs, without JavaScript.
//!   cargo run --example pull_secret
use std::time::{SystemTime, UNIX_EPOCH};

use regcred::{registry_types, secret::pull_secret_from_json, time::Timestamp, SecretError};
use serde_json::json;

fn main() -> Result<(), SecretError> {
    let ids: Vec<&str> = registry_types().iter().map(|t| t.id.id()).collect();
    println!("# registry types: {}", ids.join(","));

    // The core never reads a clock: `now` (for certificate expiry) is an input.
    let since_epoch = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let now = Timestamp(since_epoch.as_secs() as i64);

    // The same options object as the JavaScript `pullSecret`.
    let manifest = pull_secret_from_json(
        &json!({
            "name": "dockerhub-pull",
            "namespace": "apps",
            "format": "yaml",
            "registries": [{
                "name": "dockerhub",
                "registryType": "docker-hub",
                "username": "alice",
                "password": "dckr_pat_example"
            }]
        }),
        now,
    )?;
    println!("{manifest}");
    Ok(())
}
