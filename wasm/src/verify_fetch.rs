//! The driver of the sans-IO machines: asks the core for a request, calls the host's `fetch`
//! (`redirect: 'manual'`, an `AbortController` timeout), reads at most 64 KiB of the body and
//! feeds the response back. Transport errors become [`Transport`] values.

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use regcred::verify::http::{Request, Response, Transport, MAX_BODY};
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

/// Runs `machine` to completion with the host's `fetch`.
pub async fn drive<E: Exchange>(mut machine: E, fetch: &Function, timeout_ms: f64) -> E::Output {
    loop {
        match machine.next() {
            Step::Send(req) => match send(fetch, &req, timeout_ms).await {
                Ok(resp) => machine.receive(resp),
                Err(t) => machine.fail(t),
            },
            Step::Done(out) => return out,
        }
    }
}

/// A timer that aborts a controller, cleared on drop.
struct Timer {
    id: JsValue,
}

impl Timer {
    fn start(controller: &JsValue, ms: f64) -> Option<Timer> {
        let global = js_sys::global();
        let abort = method(controller, "abort")?.bind0(controller);
        let set_timeout = method(&global, "setTimeout")?;
        let id = set_timeout
            .call2(&global, &abort, &JsValue::from_f64(ms))
            .ok()?;
        Some(Timer { id })
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        let global = js_sys::global();
        if let Some(clear) = method(&global, "clearTimeout") {
            let _ = clear.call1(&global, &self.id);
        }
    }
}

fn init_for(req: &Request, signal: Option<&JsValue>) -> Object {
    let init = Object::new();
    set(&init, "method", &JsValue::from_str(req.method));
    let headers = Object::new();
    for (k, v) in &req.headers {
        set(&headers, k, &JsValue::from_str(v));
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

async fn send(fetch: &Function, req: &Request, timeout_ms: f64) -> Result<Response, Transport> {
    let controller = method(&js_sys::global(), "AbortController")
        .and_then(|ctor| Reflect::construct(&ctor, &Array::new()).ok());
    let signal = controller.as_ref().map(|c| get(c, "signal"));
    let _timer = controller
        .as_ref()
        .and_then(|c| Timer::start(c, timeout_ms));
    let aborted = || {
        signal
            .as_ref()
            .is_some_and(|s| get(s, "aborted").is_truthy())
    };

    let init = init_for(req, signal.as_ref());
    let promise = fetch
        .call2(&JsValue::UNDEFINED, &JsValue::from_str(&req.url), &init)
        .map_err(|e| classify(&e, aborted()))?;
    let resp = JsFuture::from(Promise::resolve(&promise))
        .await
        .map_err(|e| classify(&e, aborted()))?;
    let status = get(&resp, "status").as_f64().unwrap_or(0.0);
    let status = if (0.0..=999.0).contains(&status) {
        status as u16
    } else {
        0
    };
    let headers = read_headers(&get(&resp, "headers"));
    let body = read_body(&resp)
        .await
        .map_err(|e| classify(&e, aborted()))?;
    Ok(Response {
        status,
        headers,
        body,
    })
}

fn read_headers(headers: &JsValue) -> Vec<(String, String)> {
    if headers.is_undefined() || headers.is_null() {
        return Vec::new();
    }
    // A `Headers` is iterable (repeated headers already joined with ", "); a plain object works too.
    let obj = Object::from_entries(headers)
        .ok()
        .or_else(|| headers.dyn_ref::<Object>().cloned());
    let Some(obj) = obj else {
        return Vec::new();
    };
    Object::entries(&obj)
        .iter()
        .filter_map(|pair| {
            let pair = Array::from(&pair);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

async fn read_body(resp: &JsValue) -> Result<Vec<u8>, JsValue> {
    let mut out = Vec::new();
    let body = get(resp, "body");
    if let Some(get_reader) = method(&body, "getReader") {
        let reader = get_reader.call0(&body)?;
        let read = method(&reader, "read").ok_or_else(|| JsValue::from_str("no read"))?;
        loop {
            let chunk = JsFuture::from(Promise::resolve(&read.call0(&reader)?)).await?;
            if get(&chunk, "done").is_truthy() {
                break;
            }
            let bytes = Uint8Array::new(&get(&chunk, "value")).to_vec();
            let room = MAX_BODY.saturating_sub(out.len());
            out.extend(bytes.iter().take(room));
            if out.len() >= MAX_BODY {
                if let Some(cancel) = method(&reader, "cancel") {
                    if let Ok(p) = cancel.call0(&reader) {
                        let _ = JsFuture::from(Promise::resolve(&p)).await;
                    }
                }
                break;
            }
        }
    } else if let Some(array_buffer) = method(resp, "arrayBuffer") {
        let buf = JsFuture::from(Promise::resolve(&array_buffer.call0(resp)?)).await?;
        out = Uint8Array::new(&buf).to_vec();
        out.truncate(MAX_BODY);
    }
    Ok(out)
}

/// Reads the error's name and the `code`/`message` of it and its `cause` chain (3 deep), and
/// lets the core classify them ([`Transport::classify`]).
fn classify(err: &JsValue, aborted: bool) -> Transport {
    let name = get(err, "name").as_string().unwrap_or_default();
    let mut texts = Vec::new();
    let mut cur = err.clone();
    for _ in 0..3 {
        for key in ["code", "message"] {
            if let Some(s) = get(&cur, key).as_string() {
                texts.push(s);
            }
        }
        cur = get(&cur, "cause");
        if cur.is_undefined() || cur.is_null() {
            break;
        }
    }
    Transport::classify(&name, &texts, aborted)
}
