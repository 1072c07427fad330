//! The JSON Schemas and react-jsonschema-form uiSchemas of registry configurations, generated
//! from the registry model ([`crate::model`]). The files under `schemas/` are these values
//! (pretty-printed, shipped in the npm package) and [`FORMS_JSON`] holds them all compactly:
//! the npm package's JavaScript answers `registrySchema` and `registryUiSchema` from it
//! (ARCHITECTURE.md, "Form data"), and a WebAssembly build of this crate reads it instead of
//! linking the generator. `REGCRED_BLESS=1 cargo test --test generated` writes them; that test
//! fails when one is stale.

use serde_json::Value;

use crate::catalog::RegistryType;

/// Every schema and uiSchema as one compact JSON object: `{"registry": {"schema", "ui"}}` for
/// the whole configuration and the same under each type id for the type's own form.
pub const FORMS_JSON: &str = include_str!("model/forms.json");

/// The key of `registry_type`'s form in [`FORMS_JSON`] (`registry` for the whole schema).
pub fn forms_key(registry_type: Option<RegistryType>) -> &'static str {
    registry_type.map_or("registry", RegistryType::id)
}

/// The whole discriminated schema (`schemas/registry.schema.json`) without a type; the type's
/// own form (`schemas/<type>.schema.json`) with one.
pub fn registry_schema(registry_type: Option<RegistryType>) -> Value {
    form_part(registry_type, "schema")
}

/// The uiSchema of [`registry_schema`] (`schemas/registry.ui.json`, `schemas/<type>.ui.json`).
pub fn registry_ui_schema(registry_type: Option<RegistryType>) -> Value {
    form_part(registry_type, "ui")
}

#[cfg(not(target_arch = "wasm32"))]
fn form_part(registry_type: Option<RegistryType>, part: &str) -> Value {
    use crate::model::{json_schema, ui_schema};
    match (registry_type, part) {
        (None, "schema") => json_schema::whole(),
        (None, _) => ui_schema::whole(),
        (Some(t), "schema") => json_schema::for_type(t),
        (Some(t), _) => ui_schema::for_type(t),
    }
}

#[cfg(target_arch = "wasm32")]
fn form_part(registry_type: Option<RegistryType>, part: &str) -> Value {
    // Only the `json-schema` build calls this in WebAssembly (its engine reads serde_json).
    serde_json::from_str::<Value>(FORMS_JSON)
        .ok()
        .and_then(|mut forms| {
            forms
                .get_mut(forms_key(registry_type))?
                .get_mut(part)
                .map(Value::take)
        })
        .unwrap_or(Value::Null)
}

/// [`FORMS_JSON`] as the generator makes it.
#[cfg(not(target_arch = "wasm32"))]
pub fn forms_json() -> String {
    let mut forms = serde_json::Map::new();
    let types = std::iter::once(None).chain(RegistryType::ALL.into_iter().map(Some));
    for t in types {
        let form = serde_json::json!({ "schema": registry_schema(t), "ui": registry_ui_schema(t) });
        forms.insert(forms_key(t).into(), form);
    }
    Value::Object(forms).to_string()
}
