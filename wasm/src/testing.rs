//! Test-only exports, compiled only with the `test-exports` Cargo feature (the
//! `target/pkg-test` package of `make pkg-test`). The shipped package never contains them.

use wasm_bindgen::prelude::*;

/// Traps the instance on purpose (`unreachable`), so the trap-recovery test can prove that the
/// JS entry re-creates the instance. `core::arch::wasm32::unreachable` is a safe function.
#[wasm_bindgen(js_name = __forceTrap)]
pub fn force_trap() {
    core::arch::wasm32::unreachable()
}

/// Returns a Promise whose task traps the instance after its first `.await`, i.e. inside
/// wasm-bindgen-futures' task queue (a microtask the host runs, not this call), so the
/// trap-recovery test can prove that the JS entry recovers from traps in async tasks too.
#[wasm_bindgen(js_name = __forceAsyncTrap)]
pub fn force_async_trap() -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async {
        let resolved = js_sys::Promise::resolve(&JsValue::UNDEFINED);
        let _ = wasm_bindgen_futures::JsFuture::from(resolved).await;
        core::arch::wasm32::unreachable()
    })
}
