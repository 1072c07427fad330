//! The JSON Schema and react-jsonschema-form uiSchema of a registry configuration.
//!
//! The files under `schemas/` are the single source of truth: they are embedded here verbatim,
//! shipped as plain JSON in the npm package, and the Rust types are tested against them.

/// `schemas/registry.schema.json`, verbatim.
pub const REGISTRY_SCHEMA: &str = include_str!("../schemas/registry.schema.json");

/// `schemas/registry.ui.json`, verbatim.
pub const REGISTRY_UI_SCHEMA: &str = include_str!("../schemas/registry.ui.json");
