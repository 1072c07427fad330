//! The binding crate: regcred's WebAssembly facade, and the only code that names
//! `wasm_bindgen` / `js_sys`. Each export decodes its input, calls one core function of the
//! `regcred` crate and encodes the result; no domain logic lives here (see ARCHITECTURE.md).
//!
//! Built into the npm package by `scripts/build-pkg.mjs` with this crate's own Cargo.lock. The
//! module has no IDNA tables: host names with non-ASCII or punycode labels are parsed by the JS
//! host's WHATWG URL parser, installed into the core at start-up by [`start`].

use wasm_bindgen::prelude::*;

pub mod args;
pub mod cert;
pub mod clusters;
pub mod codec;
pub mod host;
pub mod images;
#[cfg(feature = "json-schema")]
pub mod json_schema;
pub mod packed_sources;
pub mod platform;
pub mod request;
pub mod secret;
#[cfg(feature = "test-exports")]
pub mod testing;
pub mod transport;
pub mod validate;
pub mod verify;
pub mod verify_fetch;

#[cfg(test)]
mod tests;

/// Runs when the module is instantiated: gives the core the host's WHATWG host parser.
#[wasm_bindgen(start)]
pub fn start() {
    host::install();
}

/// The module's allocator: a free list (lol_alloc) instead of std's dlmalloc, 2.2 KB smaller
/// gzip -9 and no slower in an A/B (bench/size-history.md). Constructing it needs no `unsafe`:
/// the spin lock around it is plain loads and stores in a module without wasm threads.
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());
