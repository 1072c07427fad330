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

    /// `sources` packed into one text (see `packSources` for the format), or `None` when only
    /// their JSON reading gives the documented answer.
    #[wasm_bindgen(js_name = packSources)]
    fn pack_sources(sources: &JsValue) -> Option<String>;
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
    let layout = if normalize {
        parse_normalized_layout(&text)
    } else {
        parse_layout(&text)
    };
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
    if let Some(packed) = pack_sources(&sources) {
        if let Some(records) = unpack(&packed) {
            return resolve_packed(&image, records);
        }
    }
    let sources = args::required_list(&sources, "sources", false)?;
    encode(&regcred::images::resolve_credentials(
        &image,
        &sources,
        args::host_now(),
    ))
}

fn resolve_packed(image: &str, records: Vec<Record<'_>>) -> Result<JsValue, JsValue> {
    let values = records
        .iter()
        .filter_map(|r| match r {
            Record::Json(text) => Some(serde_json::from_str(text)),
            _ => None,
        })
        .collect::<Result<Vec<serde_json::Value>, _>>()
        .map_err(|_| args::wrong_type("sources", "JSON data"))?;
    let mut values = values.iter();
    let sources = records
        .into_iter()
        .map(|r| match r {
            Record::Text(text) => Some(Source::Text(text)),
            Record::Auths(entries) => Some(Source::Auths(entries)),
            Record::Json(_) => values.next().map(Source::Json),
        })
        .collect::<Option<Vec<Source>>>()
        .ok_or_else(|| error(ErrorCode::InternalEncode, "the sources could not be read"))?;
    encode(&resolve_sources(image, sources, args::host_now()))
}

/// One source of a `packSources` text.
enum Record<'a> {
    Text(&'a str),
    Json(&'a str),
    Auths(Vec<AuthEntry<'a>>),
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
fn unpack(packed: &str) -> Option<Vec<Record<'_>>> {
    let mut fields = Fields {
        text: packed,
        at: Some(0),
        count: 0,
    };
    let declared: usize = fields.next()?.parse().ok()?;
    let mut records = Vec::new();
    while let Some(tag) = fields.next() {
        match tag {
            "T" => records.push(Record::Text(fields.next()?)),
            "J" => records.push(Record::Json(fields.next()?)),
            "D" => records.push(Record::Auths(Vec::new())),
            "E" | "X" => {
                let Some(Record::Auths(entries)) = records.last_mut() else {
                    return None;
                };
                let server = fields.next()?;
                let auth = match tag {
                    "E" => Some(AuthFields {
                        username: fields.next()?,
                        auth: fields.next()?,
                    }),
                    _ => None,
                };
                entries.push(AuthEntry {
                    server,
                    fields: auth,
                });
            }
            _ => return None,
        }
    }
    (fields.count == declared + 1).then_some(records)
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
