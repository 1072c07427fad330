//! The shipped WebAssembly module: links the `regcred` crate, whose `src/wasm` facade holds
//! every export. See Cargo.toml for why this crate exists (its own Cargo.lock).
#![no_std]

pub use regcred;
