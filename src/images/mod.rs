//! Images and credentials: image references parsed as docker/distribution does, and the
//! credentials the kubelet would try for an image (see ARCHITECTURE.md, "Images").
//!
//! - [`grammar`] matches the reference grammar by hand (no regular-expression engine);
//! - [`reference`] parses and normalizes references ([`parse_image_reference`]);
//! - [`keyring`] is the kubelet's credential keyring (key normalization, host globs, lookup),
//!   reading keys as Go's `url.Parse` does (`go_url.rs`) and globbing labels (`glob.rs`);
//! - [`sources`] reads registry configurations and `.dockerconfigjson` documents into it and
//!   answers [`resolve_credentials`].

mod glob;
mod go_url;
pub mod grammar;
pub mod keyring;
pub mod reference;
pub mod sources;

pub use keyring::{Keyring, KeyringMatch};
pub use reference::{
    parse, parse_image_reference, parse_normalized, ImageReference, ReferenceError,
};
pub use sources::resolve_credentials;
