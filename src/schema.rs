//! The JSON Schemas and react-jsonschema-form uiSchemas of registry configurations, generated
//! from the registry model ([`crate::model`]). The files under `schemas/` are these values,
//! written by `REGCRED_BLESS=1 cargo test --test generated` and checked by that test.

use serde_json::Value;

use crate::catalog::RegistryType;
use crate::model::{json_schema, ui_schema};

/// The whole discriminated schema (`schemas/registry.schema.json`) without a type; the type's
/// own form (`schemas/<type>.schema.json`) with one.
pub fn registry_schema(registry_type: Option<RegistryType>) -> Value {
    match registry_type {
        None => json_schema::whole(),
        Some(t) => json_schema::for_type(t),
    }
}

/// The uiSchema of [`registry_schema`] (`schemas/registry.ui.json`, `schemas/<type>.ui.json`).
pub fn registry_ui_schema(registry_type: Option<RegistryType>) -> Value {
    match registry_type {
        None => ui_schema::whole(),
        Some(t) => ui_schema::for_type(t),
    }
}
