//! Validation of what people type: whole registry configurations and single fields.
//!
//! Bad input is never an `Err`: every function returns a [`Report`](crate::Report) with
//! JSON-pointer paths and stable codes (listed in the README's "Validation" section). No
//! message contains the input or any secret, so reports are safe to log and show.
//!
//! - [`validate_registry`]: a whole configuration, normalized;
//! - [`validate_field`] / [`validate_field_in`]: one field, for validation on each keystroke;
//! - [`parse_ecr_url`]: an ECR registry address ([`EcrRegistry`]);
//! - [`parse_service_account_key`]: a GCP service-account key ([`ServiceAccountKey`]);
//! - [`check_registry_url`]: the registry URL rules of each type;
//! - the name and credential rules in [`names`] and [`credentials`].
//!
//! Input sizes are bounded (512 bytes for URLs, 64 KiB for keys and passwords, 256 KiB for
//! certificates, 1000 clusters per list) and every parser is fuzzed: no input panics.

use crate::ErrorCode;

pub mod connection;
pub mod credentials;
pub mod ecr_url;
mod field_rules;
pub mod gcp_key;
pub mod gitlab_com;
mod host_name;
pub mod injection;
mod json_compact;
pub(crate) mod json_walk;
pub mod names;
pub mod platform_fields;
mod registry;
pub mod registry_url;
mod remote_connection;
pub mod role_arn;
mod single_field;
pub(crate) mod url_parts;

pub use crate::url::{install_host_parser, HostParser};
pub use ecr_url::{parse_ecr_url, EcrRegistry};
pub use gcp_key::{parse_service_account_key, ServiceAccountKey};
pub use names::{check_dns_label, check_dns_subdomain, check_registry_name};
pub use registry::{validate_registry, validate_registry_in, Mode};
pub use registry_url::check_registry_url;
pub use single_field::{validate_field, validate_field_in, ArgumentError};

/// The normalized configuration when `config` is valid, every validation error otherwise: what
/// the generators and the credential check run before using a configuration.
///
/// # Errors
/// The errors of [`validate_registry`] (never empty when returned).
pub fn validated_config(
    config: &crate::json::Value,
    now: crate::time::Timestamp,
) -> Result<crate::config::RegistryConfig, Vec<crate::report::Issue>> {
    validated_config_in(config, now, Mode::Create)
}

/// [`validated_config`] for a [`Mode`] (`Update`: blank secrets are kept-stored, left out).
///
/// # Errors
/// The errors of [`validate_registry_in`] (never empty when returned).
pub fn validated_config_in(
    config: &crate::json::Value,
    now: crate::time::Timestamp,
    mode: Mode,
) -> Result<crate::config::RegistryConfig, Vec<crate::report::Issue>> {
    let report = validate_registry_in(config, now, mode);
    match report.value {
        Some(value) if report.valid => Ok(value),
        _ if report.errors.is_empty() => Err(vec![crate::report::Issue::new(
            "",
            ErrorCode::ConfigInvalid,
            "the registry configuration is not valid",
        )]),
        _ => Err(report.errors),
    }
}
