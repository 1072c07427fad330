//! What the core asks of the JS host besides `fetch`: its WHATWG host parser (`new URL`), for
//! host names the shipped module cannot map itself (no Unicode tables; see wasm/Cargo.toml).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/host.js")]
extern "C" {
    #[wasm_bindgen(js_name = urlHostname)]
    // Answers a JS value (a string or `undefined`) rather than an `Option<String>`: the import
    // then shares its signature with most others (see ARCHITECTURE.md, "Cold start").
    fn url_hostname(text: &str) -> JsValue;
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
