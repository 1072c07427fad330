//! The driver of the sans-IO machines: asks the core for a request, calls the host's `fetch`
//! (`redirect: 'manual'`, an `AbortController` signal), reads at most 64 KiB of the body and
//! feeds the response back. Transport errors become [`Transport`] values.
//!
//! The deadline does not depend on the host: every await on the host (the fetch promise, each
//! body read, `arrayBuffer`) races one deadline promise of the whole call, so a fetch that
//! ignores `init.signal`, or a body that stalls after the headers, still ends as `timeout` in
//! time; a late answer is ignored. Memory is bounded before it is spent: body chunks must be
//! `Uint8Array`s and are sliced in the host (`subarray`) before the copy, headers are read up to
//! [`MAX_HEADERS`], each value up to [`MAX_HEADER_VALUE`] bytes, checked before the copy.

use js_sys::{Array, ArrayBuffer, Function, JsString, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use regcred::verify::http::{
    Request, Response, Transport, MAX_BODY, MAX_HEADERS, MAX_HEADER_VALUE,
};
use regcred::verify::outcome::{Exchange, Step};

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

fn method(target: &JsValue, name: &str) -> Option<Function> {
    get(target, name).dyn_into::<Function>().ok()
}

/// Runs `machine` to completion with the host's `fetch`, within `timeout_ms` for the whole run.
pub async fn drive<E: Exchange>(mut machine: E, fetch: &Function, timeout_ms: f64) -> E::Output {
    let deadline = Deadline::start(timeout_ms);
    loop {
        match machine.next() {
            Step::Send(req) => match send(fetch, &req, &deadline).await {
                Ok(resp) => machine.receive(resp),
                Err(t) => machine.fail(t),
            },
            Step::Done(out) => return out,
        }
    }
}

/// The deadline of one call: a promise that resolves to a marker object when the time is up
/// (and then aborts the call's `AbortController`); its timers are cleared on drop.
struct Deadline {
    expired: Promise,
    marker: Object,
    controller: Option<JsValue>,
    timers: Vec<JsValue>,
}

impl Deadline {
    fn start(ms: f64) -> Deadline {
        let global = js_sys::global();
        let marker = Object::new();
        let controller = method(&global, "AbortController")
            .and_then(|ctor| Reflect::construct(&ctor, &Array::new()).ok());
        let mut timers = Vec::new();
        // Whole milliseconds (`timeout_ms` is checked to lie in a small range).
        let ms = ms as u32;
        let mut arm = |callback: &Function| {
            if let Some(id) = crate::host::set_timeout(callback, ms) {
                timers.push(id);
            }
        };
        if let Some(abort) = controller
            .as_ref()
            .and_then(|c| Some(method(c, "abort")?.bind0(c)))
        {
            arm(&abort);
        }
        let expired = Promise::new(&mut |resolve, _reject| {
            arm(&resolve.bind1(&JsValue::NULL, &marker).unchecked_into());
        });
        Deadline {
            expired,
            marker,
            controller,
            timers,
        }
    }

    fn signal(&self) -> Option<JsValue> {
        self.controller.as_ref().map(|c| get(c, "signal"))
    }

    /// Awaits `value` (a promise or not) unless the deadline comes first: `Err(None)` then;
    /// `Err(Some(e))` when it rejects.
    async fn race(&self, value: &JsValue) -> Result<JsValue, Option<JsValue>> {
        let both = Array::of2(&Promise::resolve(value), &self.expired);
        let v = JsFuture::from(Promise::race(&both)).await.map_err(Some)?;
        if Object::is(&v, &self.marker) {
            Err(None)
        } else {
            Ok(v)
        }
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        for id in &self.timers {
            crate::host::clear_timeout(id);
        }
    }
}

fn init_for(req: &Request, signal: Option<&JsValue>) -> Object {
    let init = Object::new();
    set(&init, "method", &JsValue::from_str(req.method));
    let headers = Object::new();
    for h in &req.headers {
        set(&headers, &h.name, &JsValue::from_str(&h.value));
    }
    set(&init, "headers", &headers);
    if let Some(body) = &req.body {
        set(&init, "body", &JsValue::from_str(body));
    }
    set(&init, "redirect", &JsValue::from_str("manual"));
    if let Some(s) = signal {
        set(&init, "signal", s);
    }
    if req.tls.insecure || req.tls.ca_certificate.is_some() {
        let hint = Object::new();
        if req.tls.insecure {
            set(&hint, "insecure", &JsValue::TRUE);
        }
        if let Some(ca) = &req.tls.ca_certificate {
            set(&hint, "caCertificate", &JsValue::from_str(ca));
        }
        set(&init, "regcred", &hint);
    }
    init
}

/// How a host await failed: the deadline, or an error to classify.
fn failed(e: Option<JsValue>) -> Transport {
    match e {
        None => Transport::Timeout,
        Some(e) => classify(&e, false),
    }
}

async fn send(fetch: &Function, req: &Request, deadline: &Deadline) -> Result<Response, Transport> {
    let signal = deadline.signal();
    let init = init_for(req, signal.as_ref());
    let promise = fetch
        .call2(&JsValue::UNDEFINED, &JsValue::from_str(&req.url), &init)
        .map_err(|e| classify(&e, false))?;
    let resp = deadline.race(&promise).await.map_err(failed)?;
    let status = get(&resp, "status").as_f64().unwrap_or(0.0);
    let status = if (0.0..=999.0).contains(&status) {
        status as u16
    } else {
        0
    };
    let headers = read_headers(&get(&resp, "headers"));
    let body = read_body(&resp, deadline).await?;
    Ok(Response {
        status,
        headers,
        body,
    })
}

/// A header name or value as a Rust string when it is a string of at most `max` UTF-16 units
/// (checked in the host, before anything is copied).
fn bounded_string(v: &JsValue, max: usize) -> Option<String> {
    let s = v.dyn_ref::<JsString>()?;
    if s.length() as usize > max {
        return None;
    }
    s.as_string()
}

fn read_headers(headers: &JsValue) -> Vec<(String, String)> {
    if headers.is_undefined() || headers.is_null() {
        return Vec::new();
    }
    // A `Headers` is iterable (repeated headers already joined with ", "); a plain object works
    // too. Either way at most MAX_HEADERS pairs are looked at, so an endless iterator ends.
    let pairs: Vec<JsValue> = match js_sys::try_iter(headers) {
        Ok(Some(iter)) => iter.take(MAX_HEADERS).filter_map(Result::ok).collect(),
        _ => match headers.dyn_ref::<Object>() {
            Some(obj) => Object::entries(obj).iter().take(MAX_HEADERS).collect(),
            None => Vec::new(),
        },
    };
    pairs
        .iter()
        .filter_map(|pair| {
            let name = bounded_string(&Reflect::get_u32(pair, 0).ok()?, 256)?;
            let value = bounded_string(&Reflect::get_u32(pair, 1).ok()?, MAX_HEADER_VALUE)?;
            Some((name, value))
        })
        .collect()
}

/// Copies at most `room` bytes of a byte chunk, sliced in the host first; `None` when the
/// chunk is not a `Uint8Array`.
fn copy_capped(chunk: &JsValue, room: usize) -> Option<Vec<u8>> {
    let bytes = chunk.dyn_ref::<Uint8Array>()?;
    let room = u32::try_from(room).unwrap_or(u32::MAX);
    Some(crate::host::bytes_of(&bytes.subarray(0, room)))
}

/// Cancels a body reader without waiting for it (a stalled stream may never settle).
fn cancel(reader: &JsValue) {
    if let Some(cancel) = method(reader, "cancel") {
        if let Ok(p) = cancel.call0(reader) {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = JsFuture::from(Promise::resolve(&p)).await;
            });
        }
    }
}

async fn read_body(resp: &JsValue, deadline: &Deadline) -> Result<Vec<u8>, Transport> {
    let mut out = Vec::new();
    let body = get(resp, "body");
    if let Some(get_reader) = method(&body, "getReader") {
        let reader = get_reader.call0(&body).map_err(|e| classify(&e, false))?;
        let read = method(&reader, "read").ok_or(Transport::Unreachable)?;
        loop {
            let pending = read.call0(&reader).map_err(|e| classify(&e, false))?;
            let chunk = match deadline.race(&pending).await {
                Ok(c) => c,
                Err(e) => {
                    cancel(&reader);
                    return Err(failed(e));
                }
            };
            if get(&chunk, "done").is_truthy() {
                break;
            }
            let room = MAX_BODY.saturating_sub(out.len());
            let Some(bytes) = copy_capped(&get(&chunk, "value"), room) else {
                cancel(&reader);
                return Err(Transport::Unreachable);
            };
            out.extend(bytes);
            if out.len() >= MAX_BODY {
                cancel(&reader);
                break;
            }
        }
    } else if let Some(array_buffer) = method(resp, "arrayBuffer") {
        let pending = array_buffer.call0(resp).map_err(|e| classify(&e, false))?;
        let buf = deadline.race(&pending).await.map_err(failed)?;
        let buf = buf
            .dyn_into::<ArrayBuffer>()
            .map_err(|_| Transport::Unreachable)?;
        out = copy_capped(&Uint8Array::new(&buf), MAX_BODY).unwrap_or_default();
    }
    Ok(out)
}
/// Reads the error's name and the `code`/`message` of it and its `cause` chain (3 deep), and
/// classifies them ([`crate::transport::classify`]).
fn classify(err: &JsValue, aborted: bool) -> Transport {
    // Error texts come from the host (and may quote a server): only their first 1024 UTF-16
    // units are copied, sliced in the host.
    let head = |v: &JsValue| v.dyn_ref::<JsString>()?.slice(0, 1024).as_string();
    let name = head(&get(err, "name")).unwrap_or_default();
    let mut texts = Vec::new();
    let mut cur = err.clone();
    for _ in 0..3 {
        for key in ["code", "message"] {
            if let Some(s) = head(&get(&cur, key)) {
                texts.push(s);
            }
        }
        cur = get(&cur, "cause");
        if cur.is_undefined() || cur.is_null() {
            break;
        }
    }
    crate::transport::classify(&name, &texts, aborted)
}
