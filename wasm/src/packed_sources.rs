//! `resolveCredentials`' plain sources as `packSources` (wasm/js/images.js) packs them: texts
//! without separators and an index of their lengths and kinds, read back into the core's
//! sources (`regcred::images::sources::Source`) without JSON text (see ARCHITECTURE.md, "Images").

use regcred::images::sources::{AuthEntry, AuthFields};
use regcred::secret_string::SecretStr;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/images.js")]
extern "C" {
    /// Packs `sources` (see `packSources` for the format), leaving out entries that cannot
    /// matter for an image on `host`: the length of the index, or `u32::MAX` when only their
    /// JSON reading gives the documented answer.
    #[wasm_bindgen(js_name = packSources)]
    fn pack_sources(sources: &JsValue, host: &str) -> u32;

    /// The length of the texts the last `packSources` packed, in UTF-16 code units.
    #[wasm_bindgen(js_name = packedUnits)]
    fn packed_units() -> u32;

    /// Writes what `packSources` packed: the texts as UTF-8 into `text`, the index into
    /// `index`; the bytes written, or `u32::MAX` when they do not fit.
    #[wasm_bindgen(js_name = takePacked)]
    fn take_packed(text: &mut [u8], index: &mut [u32]) -> u32;
}

/// What `packSources` packed, read: the sources, and the entries of every document in one list.
pub struct Packed<'a> {
    /// The sources, in order.
    pub records: Vec<Record<'a>>,
    /// The entries of every document, one document after the other.
    pub entries: Vec<AuthEntry<'a>>,
}

/// `packSources` of `sources`: the texts as Rust text (copied by the host's `TextEncoder`,
/// several times faster than the glue's per-character copy of a returned `String`), whether
/// they are ASCII (then a length in UTF-16 code units is one in bytes), and the index.
pub fn packed(sources: &JsValue, host: &str) -> Option<(String, bool, Vec<u32>)> {
    let count = pack_sources(sources, host);
    if count == u32::MAX {
        return None;
    }
    let (units, count) = (packed_units() as usize, count as usize);
    let mut bytes = vec![0u8; units.checked_mul(3)?];
    let mut index = vec![0u32; count];
    let written = take_packed(&mut bytes, &mut index);
    if written == u32::MAX {
        return None;
    }
    bytes.truncate(usize::try_from(written).ok()?);
    let text = String::from_utf8(bytes).ok()?;
    let ascii = text.len() == units;
    Some((text, ascii, index))
}

/// One source of a `packSources` text.
pub enum Record<'a> {
    /// A document as JSON text.
    Text(&'a str),
    /// A document: its entries' range in [`Packed::entries`].
    Auths(usize, usize),
}

/// The packed texts, taken one after the other by their lengths in UTF-16 code units.
struct Texts<'a> {
    rest: &'a str,
    /// Every text is ASCII: a length is a number of bytes.
    ascii: bool,
}

impl<'a> Texts<'a> {
    /// The next text, `units` long; `None` when the texts end first or inside a character.
    fn take(&mut self, units: u32) -> Option<&'a str> {
        let units = units as usize;
        let bytes = if self.ascii {
            units
        } else {
            let (mut counted, mut bytes, mut chars) = (0, 0, self.rest.chars());
            while counted < units {
                let c = chars.next()?;
                counted += c.len_utf16();
                bytes += c.len_utf8();
            }
            if counted != units {
                return None;
            }
            bytes
        };
        let (text, rest) = self.rest.split_at_checked(bytes)?;
        self.rest = rest;
        Some(text)
    }
}

/// The index's mark of an entry that is not an object (`NOT_OBJECT` in `packSources`).
const NOT_OBJECT: u32 = u32::MAX;

/// The most entries of a document that `packSources` leaves for the module to sort.
const SORTED_BY_MODULE: usize = 16;

/// Puts a document's entries in the keyring's order (by the bytes of their servers); `false`
/// when a larger document, sorted by the host in UTF-16 code units, is not in that order (keys
/// beyond U+FFFF): then the sources are read as JSON.
fn sort_by_server(doc: &mut [AuthEntry<'_>]) -> bool {
    if doc.len() > SORTED_BY_MODULE {
        return doc
            .windows(2)
            .all(|w| matches!(w, [a, b] if a.server < b.server));
    }
    // An insertion sort: a document has a few entries.
    for i in 1..doc.len() {
        for j in (1..=i).rev() {
            match (doc.get(j - 1), doc.get(j)) {
                (Some(a), Some(b)) if a.server > b.server => doc.swap(j - 1, j),
                _ => break,
            }
        }
    }
    true
}

/// The sources of what `packSources` packed, or `None` when the index does not describe the
/// texts.
pub fn unpack<'a>(text: &'a str, ascii: bool, index: &[u32]) -> Option<Packed<'a>> {
    let mut texts = Texts { rest: text, ascii };
    let mut index = index.iter().copied();
    let mut records = Vec::with_capacity(index.len() / 2);
    let mut entries = Vec::with_capacity(index.len() / 3);
    while let Some(tag) = index.next() {
        records.push(match tag {
            0 => Record::Text(texts.take(index.next()?)?),
            1 => {
                let start = entries.len();
                for _ in 0..index.next()? {
                    let server = texts.take(index.next()?)?;
                    let fields = match index.next()? {
                        NOT_OBJECT => None,
                        username => Some(AuthFields {
                            username: texts.take(username)?,
                            auth: SecretStr::new(texts.take(index.next()?)?),
                        }),
                    };
                    entries.push(AuthEntry { server, fields });
                }
                if !sort_by_server(entries.get_mut(start..)?) {
                    return None;
                }
                Record::Auths(start, entries.len())
            }
            _ => return None,
        });
    }
    texts.rest.is_empty().then_some(Packed { records, entries })
}
