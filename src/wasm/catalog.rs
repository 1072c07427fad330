//! Exports: the registry catalog and the form schemas.

use wasm_bindgen::prelude::*;

use super::codec::{encode, error};
use crate::catalog::RegistryType;

/// The registry types with labels, defaults and form fields.
#[wasm_bindgen(js_name = registryTypes)]
pub fn registry_types() -> Result<JsValue, JsValue> {
    encode(&crate::registry_types())
}

/// A registry type id argument: `None` when absent; misuse `argument.registry-type` when it is
/// not a known id.
fn type_arg(registry_type: Option<String>) -> Result<Option<RegistryType>, JsValue> {
    registry_type
        .map(|id| {
            RegistryType::from_id(&id)
                .ok_or_else(|| error("argument.registry-type", "unknown registry type id"))
        })
        .transpose()
}

/// The whole JSON Schema of a registry configuration, or one type's form.
#[wasm_bindgen(js_name = registrySchema)]
pub fn registry_schema(registry_type: Option<String>) -> Result<JsValue, JsValue> {
    encode(&crate::schema::registry_schema(type_arg(registry_type)?))
}

/// The react-jsonschema-form uiSchema of the whole schema, or of one type's form.
#[wasm_bindgen(js_name = registryUiSchema)]
pub fn registry_ui_schema(registry_type: Option<String>) -> Result<JsValue, JsValue> {
    encode(&crate::schema::registry_ui_schema(type_arg(registry_type)?))
}
