//! Exports: the registry catalog and the form schemas.

use wasm_bindgen::prelude::*;

use crate::codec::{encode, parse_json};

/// The seven registry types with labels, defaults and form fields.
#[wasm_bindgen(js_name = registryTypes)]
pub fn registry_types() -> Result<JsValue, JsValue> {
    encode(&regcred::registry_types())
}

/// The JSON Schema of a registry configuration (`schemas/registry.schema.json`).
#[wasm_bindgen(js_name = registrySchema)]
pub fn registry_schema() -> Result<JsValue, JsValue> {
    parse_json(regcred::schema::REGISTRY_SCHEMA)
}

/// The react-jsonschema-form uiSchema (`schemas/registry.ui.json`).
#[wasm_bindgen(js_name = registryUiSchema)]
pub fn registry_ui_schema() -> Result<JsValue, JsValue> {
    parse_json(regcred::schema::REGISTRY_UI_SCHEMA)
}
