//! What the core asks of the JS host besides `fetch`: its WHATWG host parser (`new URL`), for
//! host names the shipped module cannot map itself (no Unicode tables; see wasm/Cargo.toml).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/host.js")]
extern "C" {
    #[wasm_bindgen(js_name = urlHostname)]
    // Answers a JS value (a string or `undefined`) rather than an `Option<String>`: the import
    // then shares its signature with most others (see ARCHITECTURE.md, "Cold start").
    fn url_hostname(text: &str) -> JsValue;

    // The four below share their signatures with other imports (see wasm/js/host.js).
    fn clock(into: &mut [f64]);
    #[wasm_bindgen(js_name = startTimer)]
    fn start_timer(callback: &JsValue, ms: u32) -> JsValue;
    /// Clears a timer [`set_timeout`] started (nothing on a host without `clearTimeout`).
    #[wasm_bindgen(js_name = stopTimer)]
    pub fn clear_timeout(id: &JsValue);
    #[wasm_bindgen(js_name = copyBytes)]
    fn copy_bytes(bytes: &JsValue, into: &mut [u8]) -> u32;
}

/// The host's clock (`Date.now()`), in epoch milliseconds.
pub fn now_millis() -> f64 {
    let mut into = [0.0];
    clock(&mut into);
    let [ms] = into;
    ms
}

/// Starts the host's `setTimeout(callback, ms)`: its timer id, or `None` on a host without one.
pub fn set_timeout(callback: &JsValue, ms: u32) -> Option<JsValue> {
    Some(start_timer(callback, ms)).filter(|id| !id.is_undefined())
}

/// The bytes of `bytes`, a `Uint8Array`, copied into the module.
pub fn bytes_of(bytes: &js_sys::Uint8Array) -> Vec<u8> {
    let mut into = vec![0; bytes.length() as usize];
    copy_bytes(bytes, &mut into);
    into
}

/// The host's WHATWG parse of the host `text` (lowercase ASCII, IDN as punycode, IPv4 dotted,
/// IPv6 in brackets); `None` when `text` is not exactly a valid host.
pub fn whatwg_hostname(text: &str) -> Option<String> {
    url_hostname(text).as_string()
}

/// Installs [`whatwg_hostname`] as the core's host parser (idempotent).
pub fn install() {
    regcred::install_host_parser(whatwg_hostname);
}
