//! regcred's own JSON code (see ARCHITECTURE.md, "JSON"): the parser every JSON input goes
//! through ([`parse`], `src/json/parse.rs`) and the writer every output type implements
//! ([`ToJson`], `src/json/write.rs`).

mod map;
mod number;
mod parse;
#[cfg(not(target_arch = "wasm32"))]
mod serde_interop;
mod value;
mod write;

pub use map::Map;
pub use parse::{parse, ErrorKind, ParseError, MAX_DEPTH};
pub use value::{Number, Value};

pub use write::{object, to_string, to_value, write_str, write_u64, Object, ToJson};

/// Implements [`ToJson`] for an enum written as the text of its variant:
/// `ids_as_json!(Access { Pull => "pull", Push => "push" });`.
macro_rules! ids_as_json {
    ($ty:ty { $($variant:ident => $id:literal),* $(,)? }) => {
        impl $crate::json::ToJson for $ty {
            fn write_json(&self, out: &mut String) {
                $crate::json::write_str(out, match self { $(Self::$variant => $id,)* });
            }
        }
    };
}
pub(crate) use ids_as_json;
