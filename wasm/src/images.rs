//! Exports: `parseImageReference`, `resolveCredentials` and `verifyAccess` (repository access
//! through the host's `fetch`, driven like `verifyCredentials`).

use js_sys::Promise;
use regcred::ErrorCode;
use wasm_bindgen::prelude::*;

use crate::args;
use crate::codec::{encode, error, error_with_issues};
use crate::verify::{login_promise, options, rejected};
use regcred::images::reference::{
    parse_layout, parse_normalized_layout, report, ReferenceLayout, Span,
};
use regcred::images::sources::{resolve_sources, AuthEntry, AuthFields, Source};
use regcred::verify::access::{access_config, verify_access as access_login, AccessRequest};
use regcred::verify::login::LoginOptions;

#[wasm_bindgen(module = "/js/images.js")]
extern "C" {
    /// The report of a valid reference: its fields are the `spans` (start and end pairs, in the
    /// order of `ImageReference`'s fields, `ABSENT` for no tag or digest) of `text`.
    #[wasm_bindgen(js_name = referenceReport)]
    fn reference_report(text: &str, spans: &[u32]) -> JsValue;

    /// `referenceReport` of the layout text rebuilt from `input` (see `Rebuilt`), so that no
    /// text crosses back.
    #[wasm_bindgen(js_name = referenceReportOf)]
    fn reference_report_of(
        input: &JsValue,
        head: u32,
        kept: u32,
        tail: u32,
        spans: &[u32],
    ) -> JsValue;

    /// `sources` packed into one text (see `packSources` for the format), or `None` when only
    /// their JSON reading gives the documented answer.
    #[wasm_bindgen(js_name = packSources)]
    fn pack_sources(sources: &JsValue) -> Option<js_sys::JsString>;

    /// Writes `text` as UTF-8 into `into`; the bytes written, or `u32::MAX` when they do not
    /// fit.
    #[wasm_bindgen(js_name = encodeInto)]
    fn encode_into(text: &js_sys::JsString, into: &mut [u8]) -> u32;
}

/// A missing tag or digest in the spans given to `referenceReport`.
const ABSENT: u32 = u32::MAX;

/// The layout's spans as `referenceReport` reads them; `None` if an offset does not fit.
fn spans(l: &ReferenceLayout) -> Option<[u32; 18]> {
    let absent = Some((ABSENT as usize, ABSENT as usize));
    let mut out = [0u32; 18];
    let fields: [Option<Span>; 9] = [
        Some(l.domain),
        Some(l.path),
        l.tag.or(absent),
        l.digest.or(absent),
        Some(l.name),
        Some(l.familiar_name),
        Some(l.reference),
        Some(l.familiar_reference),
        Some(l.pull_reference),
    ];
    for (pair, span) in out.chunks_exact_mut(2).zip(fields) {
        let (start, end) = span?;
        pair.copy_from_slice(&[u32::try_from(start).ok()?, u32::try_from(end).ok()?]);
    }
    Some(out)
}

/// Parses an image reference as docker/distribution does; a Report whose `value` is
/// `{ domain, path, tag?, digest?, name, familiarName, reference, familiarReference,
/// pullReference }`.
/// `{ normalize: false }` parses without normalizing (`reference.Parse`). A valid reference
/// crosses as one ASCII text and its spans (no JSON): this is a per-keystroke call.
#[wasm_bindgen(js_name = parseImageReference)]
pub fn parse_image_reference(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let text = args::text(&text, "text")?;
    let normalize = args::options(&options)?.flag("normalize", true)?;
    reference_result(if normalize {
        parse_normalized_layout(&text)
    } else {
        parse_layout(&text)
    })
}

/// `parseImageReference` of a string without options, the public function's per-keystroke
/// path (js/entries/api.js): the text crosses as UTF-8 straight away, with no argument or
/// options reading (their errors cannot happen here); `input` is the same string, from which
/// the host rebuilds the layout text instead of decoding it.
#[wasm_bindgen(js_name = parseImageReferenceText)]
pub fn parse_image_reference_text(text: &str, input: JsValue) -> Result<JsValue, JsValue> {
    match parse_normalized_layout(text) {
        Ok(l) => match (rebuilt(text, &l), spans(&l)) {
            (Some([head, kept, tail]), Some(spans)) => {
                Ok(reference_report_of(&input, head, kept, tail, &spans))
            }
            _ => reference_result(Ok(l)),
        },
        Err(e) => reference_result(Err(e)),
    }
}

/// What `referenceReportOf` puts before the kept end of the input.
const HEADS: [&str; 3] = ["", "docker.io/", "docker.io/library/"];

/// The layout text as the host rebuilds it from an ASCII `input`: `[head, kept, tail]`, the
/// text being `HEADS[head]`, the last `kept` characters of `input`, then nothing (`tail` 0),
/// `:latest` (1) or the name, `@` and the digest (2). `None` when it is not of that form.
fn rebuilt(input: &str, l: &ReferenceLayout) -> Option<[u32; 3]> {
    if !input.is_ascii() {
        return None;
    }
    let canonical = l.get(l.reference);
    let kept = input
        .bytes()
        .rev()
        .zip(canonical.bytes().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let head_text = canonical.get(..canonical.len().checked_sub(kept)?)?;
    let head = HEADS.iter().position(|h| *h == head_text)?;
    let rest = l.text.get(l.reference.1..)?;
    let name_at = rest
        .strip_prefix(l.get(l.name))
        .and_then(|r| r.strip_prefix('@'));
    let tail = if rest.is_empty() {
        0
    } else if rest == ":latest" {
        1
    } else if name_at.is_some() && name_at == l.digest.map(|d| l.get(d)) {
        2
    } else {
        return None;
    };
    Some([u32::try_from(head).ok()?, u32::try_from(kept).ok()?, tail])
}

/// The Report of a parsed reference; `internal.encode` if the layout cannot cross as spans.
fn reference_result(
    layout: Result<ReferenceLayout, regcred::images::reference::ReferenceError>,
) -> Result<JsValue, JsValue> {
    match layout {
        Ok(l) => match spans(&l) {
            Some(spans) if l.text.is_ascii() => Ok(reference_report(&l.text, &spans)),
            // Unreachable: the grammar admits ASCII only, and a reference is far shorter.
            _ => Err(error(
                ErrorCode::InternalEncode,
                "the result could not be encoded",
            )),
        },
        Err(e) => encode(&report::<()>(Err(e))),
    }
}

/// The credentials the kubelet would try for `image`, from registry configurations and/or
/// `.dockerconfigjson` documents; a Report whose `value` is `[{ server, username, source }]`.
/// Plain sources cross packed (`packSources`): documents without JSON text, each other source
/// as its own JSON text; anything else as one JSON value, as every export reads arguments.
#[wasm_bindgen(js_name = resolveCredentials)]
pub fn resolve_credentials(image: JsValue, sources: JsValue) -> Result<JsValue, JsValue> {
    let image = args::text(&image, "image")?;
    if let Some(packed) = packed_text(&sources) {
        if let Some(unpacked) = unpack(&packed) {
            return resolve_packed(&image, unpacked);
        }
    }
    let sources = args::required_list(&sources, "sources", false)?;
    encode(&regcred::images::resolve_credentials(
        &image,
        &sources,
        args::host_now(),
    ))
}

fn resolve_packed(image: &str, packed: Packed<'_>) -> Result<JsValue, JsValue> {
    let Packed { records, entries } = packed;
    let values = records
        .iter()
        .filter_map(|r| match r {
            Record::Json(text) => Some(regcred::json::parse(text)),
            _ => None,
        })
        .collect::<Result<Vec<regcred::json::Value>, _>>()
        .map_err(|_| args::wrong_type("sources", "JSON data"))?;
    let mut values = values.iter();
    let sources = records
        .into_iter()
        .map(|r| match r {
            Record::Text(text) => Some(Source::Text(text)),
            Record::Auths(start, end) => entries.get(start..end).map(Source::Auths),
            Record::Json(_) => values.next().map(Source::Json),
        })
        .collect::<Option<Vec<Source>>>()
        .ok_or_else(|| error(ErrorCode::InternalEncode, "the sources could not be read"))?;
    encode(&resolve_sources(image, sources, args::host_now()))
}

/// A `packSources` text read: the sources, and the entries of every document in one list.
struct Packed<'a> {
    records: Vec<Record<'a>>,
    entries: Vec<AuthEntry<'a>>,
}

/// `packSources` of `sources` as Rust text, copied by the host's `TextEncoder` (one copy,
/// several times faster than the glue's per-character copy of a returned `String`).
fn packed_text(sources: &JsValue) -> Option<String> {
    let packed = pack_sources(sources)?;
    let units = packed.length() as usize;
    let mut bytes = vec![0u8; units.checked_mul(3)?];
    let written = encode_into(&packed, &mut bytes);
    if written == u32::MAX {
        return None;
    }
    bytes.truncate(usize::try_from(written).ok()?);
    String::from_utf8(bytes).ok()
}

/// One source of a `packSources` text.
enum Record<'a> {
    Text(&'a str),
    Json(&'a str),
    /// A document: its entries' range in [`Packed::entries`].
    Auths(usize, usize),
}

/// The U+0000-separated fields of a text, counted (a byte search: `str::split` costs several
/// times more per field in this build).
struct Fields<'a> {
    text: &'a str,
    at: Option<usize>,
    count: usize,
}

impl<'a> Iterator for Fields<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let start = self.at?;
        let rest = self.text.get(start..)?;
        let field = match rest.bytes().position(|b| b == 0) {
            Some(len) => {
                self.at = Some(start + len + 1);
                rest.get(..len)?
            }
            None => {
                self.at = None;
                rest
            }
        };
        self.count += 1;
        Some(field)
    }
}

/// The sources of a `packSources` text, or `None` when it is not one (a text held a U+0000:
/// more fields than declared).
fn unpack(packed: &str) -> Option<Packed<'_>> {
    let mut fields = Fields {
        text: packed,
        at: Some(0),
        count: 0,
    };
    let declared: usize = fields.next()?.parse().ok()?;
    let mut records = Vec::with_capacity(declared / 2);
    let mut entries = Vec::with_capacity(declared / 4);
    while let Some(tag) = fields.next() {
        match tag {
            "T" => records.push(Record::Text(fields.next()?)),
            "J" => records.push(Record::Json(fields.next()?)),
            "D" => records.push(Record::Auths(entries.len(), entries.len())),
            "E" | "X" => {
                let Some(Record::Auths(_, end)) = records.last_mut() else {
                    return None;
                };
                let server = fields.next()?;
                let auth = match tag {
                    "E" => Some(AuthFields {
                        username: fields.next()?,
                        auth: regcred::secret_string::SecretStr::new(fields.next()?),
                    }),
                    _ => None,
                };
                entries.push(AuthEntry {
                    server,
                    fields: auth,
                });
                *end = entries.len();
            }
            _ => return None,
        }
    }
    // `packSources` sorts each document's keys by UTF-16 code units; where that is not the
    // byte order of their UTF-8 (keys beyond U+FFFF) the sources are read as JSON.
    let sorted = records.iter().all(|r| match r {
        Record::Auths(start, end) => entries.get(*start..*end).is_some_and(|doc| {
            doc.windows(2)
                .all(|w| matches!(w, [a, b] if a.server < b.server))
        }),
        _ => true,
    });
    (fields.count == declared + 1 && sorted).then_some(Packed { records, entries })
}

/// Checks whether a configuration's credentials may pull (or push) `options.repository`
/// through `options.fetch`; resolves to `{ ok, status, steps, code?, message }`. Rejects with a
/// `RegcredError` only on misuse (`argument.*`, `config.invalid`, `access.repository`,
/// `access.other-registry`, `access.actions`).
#[wasm_bindgen(js_name = verifyAccess)]
pub fn verify_access(config_value: JsValue, options_value: JsValue) -> Promise {
    rejected((|| {
        let o = options(&options_value)?;
        let opts = args::options(&options_value)?;
        let request = AccessRequest {
            repository: opts.required_text("repository")?,
            actions: opts.texts("actions")?,
            probe_write: opts.flag("probeWrite", false)?,
        };
        let json = args::required_object(&config_value, "config")?;
        let cfg = access_config(&json, o.now).map_err(|issues| {
            error_with_issues(
                ErrorCode::ConfigInvalid,
                "the registry configuration is not valid",
                &issues,
            )
        })?;
        let login_options = LoginOptions {
            now: o.now,
            allow_private_networks: o.allow_private_networks,
        };
        let login =
            access_login(&cfg, login_options, &request).map_err(|e| error(e.code, &e.message))?;
        Ok(login_promise(login, o))
    })())
}
