//! Test-only exports, compiled only with the `test-exports` Cargo feature (the
//! `target/pkg-test` package of `make pkg-test`). The shipped package never contains them.

use wasm_bindgen::prelude::*;

/// Traps the instance on purpose (`unreachable`), so the trap-recovery test can prove that the
/// JS entry re-creates the instance. `core::arch::wasm32::unreachable` is a safe function.
#[wasm_bindgen(js_name = __forceTrap)]
pub fn force_trap() {
    core::arch::wasm32::unreachable()
}
