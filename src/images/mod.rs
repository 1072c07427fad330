//! Images and credentials: image references parsed as docker/distribution does, and the
//! credentials the kubelet would try for an image (see ARCHITECTURE.md, "Images").
//!
//! - [`grammar`] matches the reference grammar by hand (no regular-expression engine);
//! - [`reference`] parses and normalizes references ([`parse_image_reference`]);
//! - [`keyring`] is the kubelet's credential keyring (key normalization, host globs, lookup);
//! - [`sources`] reads registry configurations and `.dockerconfigjson` documents into it and
//!   answers [`resolve_credentials`].

pub mod grammar;
pub mod keyring;
pub mod reference;
pub mod sources;

pub use keyring::{Keyring, KeyringMatch};
pub use reference::{
    parse, parse_image_reference, parse_normalized, ImageReference, ReferenceError,
};
pub use sources::resolve_credentials;

/// The order that sorts `keys` ascending (or descending), equal keys keeping their order. The
/// module's one sort: each `sort_by` over another element type compiles a whole stable sort
/// (~5 KB of WebAssembly), so the callers sort positions and then take their items in order.
pub(crate) fn sorted_order(keys: &[&str], descending: bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    // Positions break ties, so the unstable sort (smaller than the stable one) gives the
    // stable order.
    order.sort_unstable_by(|&a, &b| {
        let (ka, kb) = (keys.get(a), keys.get(b));
        let by_key = if descending { kb.cmp(&ka) } else { ka.cmp(&kb) };
        by_key.then(a.cmp(&b))
    });
    order
}

/// `items` in `order` (a permutation of their positions, from [`sorted_order`]).
pub(crate) fn in_order<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
        .collect()
}
