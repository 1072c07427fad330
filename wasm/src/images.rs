//! Exports: `parseImageReference`, `resolveCredentials` and `verifyAccess` (repository access
//! through the host's `fetch`, driven like `verifyCredentials`).

use js_sys::Promise;
use regcred::ErrorCode;
use wasm_bindgen::prelude::*;

use crate::args;
use crate::codec::{encode, error, error_with_issues};
use crate::packed_sources::{packed, unpack, Packed, Record};
use crate::verify::{login_promise, options, rejected};
use regcred::images::keyring::KeyringMatch;
use regcred::images::reference::{
    parse_layout, parse_normalized_layout, report, ReferenceLayout, Span,
};
use regcred::images::sources::{resolve_sources, LookupImage, Source};
use regcred::report::Report;
use regcred::verify::access::{access_config, verify_access as access_login, AccessRequest};
use regcred::verify::login::LoginOptions;

#[wasm_bindgen(module = "/js/images.js")]
extern "C" {
    /// The report of a valid reference: its fields are the `spans` (start and end pairs, in the
    /// order of `ImageReference`'s fields, `ABSENT` for no tag or digest) of `text`.
    #[wasm_bindgen(js_name = referenceReport)]
    fn reference_report(text: &str, spans: &[u32]) -> JsValue;

    /// `referenceReport` of the layout text rebuilt from `input` (see `Rebuilt`), so that no
    /// text crosses back. `rebuilt` is `kept << 4 | head << 2 | tail` (one number, so that the
    /// import shares its signature with others: see ARCHITECTURE.md, "Cold start").
    #[wasm_bindgen(js_name = referenceReportOf)]
    fn reference_report_of(input: &JsValue, rebuilt: u32, spans: &[u32]) -> JsValue;

    /// The report of credentials found with no issue: `text` holds each match's server and
    /// username, `spans` their lengths and the source, three numbers per match.
    #[wasm_bindgen(js_name = credentialsReport)]
    fn credentials_report(text: &str, spans: &[u32]) -> JsValue;
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
        Ok(l) => {
            match (rebuilt(text, &l), spans(&l)) {
                (Some([head, kept, tail]), Some(spans)) if kept < 1 << 28 => Ok(
                    reference_report_of(&input, kept << 4 | head << 2 | tail, &spans),
                ),
                _ => reference_result(Ok(l)),
            }
        }
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
        .and_then(|r| r.strip_prefix("@"));
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
/// A list of plain documents (objects or JSON texts) crosses packed (`packSources`: without
/// JSON text); any other list as one JSON value, as every export reads arguments.
#[wasm_bindgen(js_name = resolveCredentials)]
pub fn resolve_credentials(image: JsValue, sources: JsValue) -> Result<JsValue, JsValue> {
    let image = args::text(&image, "image")?;
    let lookup_image = LookupImage::parse(&image);
    let host = lookup_image.host().unwrap_or_default();
    if let Some((text, ascii, index)) = packed(&sources, &host) {
        if let Some(unpacked) = unpack(&text, ascii, &index) {
            return resolve_packed(&lookup_image, unpacked);
        }
    }
    let sources = args::required_list(&sources, "sources", false)?;
    credentials_result(&regcred::images::resolve_credentials(
        &image,
        &sources,
        args::host_now(),
    ))
}

/// A `resolveCredentials` report: without JSON text when it has no issue and its texts are
/// ASCII (`credentialsReport`), else as JSON.
fn credentials_result(report: &Report<Vec<KeyringMatch>>) -> Result<JsValue, JsValue> {
    if let (true, true, Some(matches)) = (
        report.errors.is_empty(),
        report.warnings.is_empty(),
        &report.value,
    ) {
        let (mut text, mut spans) = (String::new(), Vec::new());
        for m in matches {
            text.push_str(&m.server);
            text.push_str(&m.username);
            // Lossless: the module's `usize` has 32 bits.
            spans.extend([m.server.len(), m.username.len(), m.source].map(|n| n as u32));
        }
        if text.is_ascii() {
            return Ok(credentials_report(&text, &spans));
        }
    }
    encode(report)
}

fn resolve_packed(image: &LookupImage, packed: Packed<'_>) -> Result<JsValue, JsValue> {
    let Packed { records, entries } = packed;
    let sources = records
        .into_iter()
        .map(|r| match r {
            Record::Text(text) => Some(Source::Text(text)),
            Record::Auths(start, end) => entries.get(start..end).map(Source::Auths),
        })
        .collect::<Option<Vec<Source>>>()
        .ok_or_else(|| error(ErrorCode::InternalEncode, "the sources could not be read"))?;
    credentials_result(&resolve_sources(image, sources, args::host_now()))
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
