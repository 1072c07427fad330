//! Exports: the registry catalog and the form schemas.

use regcred::ErrorCode;
use wasm_bindgen::prelude::*;

use crate::args;
use crate::codec::{encode, error, parse_json};
use regcred::catalog::RegistryType;
use regcred::schema::{forms_key, FORMS_JSON};

/// The registry types with labels, defaults and form fields.
#[wasm_bindgen(js_name = registryTypes)]
pub fn registry_types() -> Result<JsValue, JsValue> {
    encode(&regcred::registry_types())
}

/// `part` (`schema` or `ui`) of the form of `registry_type` (the whole configuration when
/// absent), from the generated forms. Misuse `argument.registry-type` for an unknown id.
fn form_part(registry_type: Option<String>, part: &str) -> Result<JsValue, JsValue> {
    let t = registry_type
        .map(|id| {
            RegistryType::from_id(&id)
                .ok_or_else(|| error(ErrorCode::ArgumentRegistryType, "unknown registry type id"))
        })
        .transpose()?;
    let forms = parse_json(FORMS_JSON)?;
    let form = js_sys::Reflect::get(&forms, &JsValue::from_str(forms_key(t)))?;
    js_sys::Reflect::get(&form, &JsValue::from_str(part))
}

/// The whole JSON Schema of a registry configuration, or one type's form.
#[wasm_bindgen(js_name = registrySchema)]
pub fn registry_schema(registry_type: JsValue) -> Result<JsValue, JsValue> {
    form_part(
        args::optional_text(&registry_type, "registryType")?,
        "schema",
    )
}

/// The react-jsonschema-form uiSchema of the whole schema, or of one type's form.
#[wasm_bindgen(js_name = registryUiSchema)]
pub fn registry_ui_schema(registry_type: JsValue) -> Result<JsValue, JsValue> {
    form_part(args::optional_text(&registry_type, "registryType")?, "ui")
}
