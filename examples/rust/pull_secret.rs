//! Native Rust: the core the WebAssembly package runs, without JavaScript.
//!   cargo run --example pull_secret
use std::time::{SystemTime, UNIX_EPOCH};

use regcred::secret::request::config_from_json;
use regcred::secret::{PullSecretRequest, RegistrySource};
use regcred::{registry_types, time::Timestamp, ManifestFormat, PullSecretOptions, SecretError};
use serde_json::json;

fn main() -> Result<(), SecretError> {
    let ids: Vec<&str> = registry_types().iter().map(|t| t.id.id()).collect();
    println!("# registry types: {}", ids.join(","));

    // The core never reads a clock: `now` (for certificate expiry) is an input.
    let since_epoch = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let now = Timestamp(since_epoch.as_secs() as i64);

    // A registry configuration is what a person typed: JSON, validated into a RegistryConfig.
    let config = config_from_json(
        &json!({
            "name": "dockerhub",
            "registryType": "docker-hub",
            "username": "alice",
            "password": "dckr_pat_example"
        })
        .into(),
        now,
    )?;
    // The request itself is typed: what JavaScript's `pullSecret({ name, namespace, format,
    // registries })` becomes once the binding has read it.
    let request = PullSecretRequest {
        registries: vec![RegistrySource::Config {
            config: Box::new(config),
            ecr_token: None,
        }],
        options: PullSecretOptions {
            name: "dockerhub-pull".into(),
            namespace: Some("apps".into()),
            ..PullSecretOptions::default()
        },
        format: ManifestFormat::Yaml,
    };
    println!("{}", request.render()?);
    Ok(())
}
