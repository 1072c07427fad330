//! The wasm facade, run under Node by wasm-bindgen-test-runner (`make test-wasm`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
#![cfg(target_arch = "wasm32")]

use regcred::wasm::catalog;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn registry_types_are_plain_arrays_of_plain_objects() {
    let types = catalog::registry_types().unwrap();
    assert!(js_sys::Array::is_array(&types));
    let arr = js_sys::Array::from(&types);
    assert_eq!(arr.length(), 7);
    let first = arr.get(0);
    assert_eq!(get(&first, "id").as_string().as_deref(), Some("ecr"));
    assert!(!first.is_instance_of::<js_sys::Map>());
    assert!(get(&first, "defaultUrl").is_null());
}

#[wasm_bindgen_test]
fn schemas_are_objects() {
    let schema = catalog::registry_schema().unwrap();
    assert_eq!(get(&schema, "type").as_string().as_deref(), Some("object"));
    let ui = catalog::registry_ui_schema().unwrap();
    assert!(js_sys::Array::is_array(&get(&ui, "ui:order")));
}
