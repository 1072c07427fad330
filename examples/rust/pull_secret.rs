//! Native Rust: the core the WebAssembly package runs, without JavaScript.
//!   cargo run --example pull_secret
use regcred::{registry_types, secret::pull_secret_from_json, SecretError};
use serde_json::json;

fn main() -> Result<(), SecretError> {
    let ids: Vec<&str> = registry_types().iter().map(|t| t.id.id()).collect();
    println!("# registry types: {}", ids.join(","));

    // The same options object as the JavaScript `pullSecret`.
    let manifest = pull_secret_from_json(&json!({
        "name": "dockerhub-pull",
        "namespace": "apps",
        "format": "yaml",
        "registries": [{
            "name": "dockerhub",
            "registryType": "docker-hub",
            "username": "alice",
            "password": "dckr_pat_example"
        }]
    }))?;
    println!("{manifest}");
    Ok(())
}
