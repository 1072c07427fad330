//! The WebAssembly facade: each export decodes its input, calls one core function and encodes
//! the result. No domain logic lives here.

pub mod catalog;
pub mod cert;
pub mod codec;
pub mod host;
pub mod images;
#[cfg(feature = "json-schema")]
pub mod json_schema;
pub mod secret;
#[cfg(feature = "test-exports")]
pub mod testing;
pub mod validate;
pub mod verify;
pub mod verify_fetch;
