//! Exports: `parseImageReference`, `resolveCredentials` and `verifyAccess` (repository access
//! through the host's `fetch`, driven like `verifyCredentials`).

use js_sys::Promise;
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::codec::{decode_json, encode, error, error_with_issues, now_from};
use crate::verify::{login_promise, options, rejected};
use regcred::images::reference::{parse, report};
use regcred::verify::access::{access_config, verify_access as access_login, AccessRequest};
use regcred::verify::login::LoginOptions;

fn text_arg(value: &JsValue, what: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| error("argument.type", &format!("{what} must be a string")))
}

/// Parses an image reference as docker/distribution does; a Report whose `value` is
/// `{ domain, path, tag?, digest?, name, familiarName, reference, familiarReference,
/// pullReference }`.
/// `{ normalize: false }` parses without normalizing (`reference.Parse`).
#[wasm_bindgen(js_name = parseImageReference)]
pub fn parse_image_reference(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let text = text_arg(&text, "text")?;
    let options = decode_json(&options, "options")?;
    let normalize = match options.as_ref().and_then(|o| o.get("normalize")) {
        None | Some(Value::Null) => true,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            return Err(error(
                "argument.type",
                "options.normalize must be a boolean",
            ))
        }
    };
    if normalize {
        encode(&regcred::images::parse_image_reference(&text))
    } else {
        encode(&report(parse(&text)))
    }
}

/// The credentials the kubelet would try for `image`, from registry configurations and/or
/// `.dockerconfigjson` documents; a Report whose `value` is `[{ server, username, source }]`.
#[wasm_bindgen(js_name = resolveCredentials)]
pub fn resolve_credentials(image: JsValue, sources: JsValue) -> Result<JsValue, JsValue> {
    let image = text_arg(&image, "image")?;
    let sources = decode_json(&sources, "sources")?.unwrap_or(serde_json::Value::Null);
    encode(&regcred::images::resolve_credentials(
        &image,
        &sources,
        now_from(None)?,
    ))
}

/// `{ repository, actions?, probeWrite? }` of the options (read member by member: no serde
/// deserializer is compiled in for it).
fn access_request(options: Option<&Value>) -> Option<AccessRequest> {
    let o = options?;
    let actions = match o.get("actions") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|a| a.as_str().map(str::to_owned))
            .collect::<Option<Vec<String>>>()?,
        Some(_) => return None,
    };
    let probe_write = match o.get("probeWrite") {
        None | Some(Value::Null) => false,
        Some(v) => v.as_bool()?,
    };
    Some(AccessRequest {
        repository: o.get("repository")?.as_str()?.to_owned(),
        actions,
        probe_write,
    })
}

/// Checks whether a configuration's credentials may pull (or push) `options.repository`
/// through `options.fetch`; resolves to `{ ok, status, steps, code?, message }`. Rejects with a
/// `RegcredError` only on misuse (`argument.*`, `config.invalid`, `access.repository`,
/// `access.other-registry`, `access.actions`).
#[wasm_bindgen(js_name = verifyAccess)]
pub fn verify_access(config_value: JsValue, options_value: JsValue) -> Promise {
    rejected((|| {
        let o = options(&options_value)?;
        let request = access_request(decode_json(&options_value, "options")?.as_ref())
            .ok_or_else(|| error("argument.repository", "options.repository must be a string (a repository name or image reference); options.actions a list of \"pull\"/\"push\"; options.probeWrite a boolean"))?;
        let json = decode_json(&config_value, "config")?
            .filter(serde_json::Value::is_object)
            .ok_or_else(|| {
                error(
                    "argument.config",
                    "config must be a registry configuration object",
                )
            })?;
        let cfg = access_config(&json, o.now).map_err(|issues| {
            error_with_issues(
                "config.invalid",
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
