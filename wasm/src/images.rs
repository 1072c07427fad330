//! Exports: `parseImageReference`, `resolveCredentials` and `verifyAccess` (repository access
//! through the host's `fetch`, driven like `verifyCredentials`).

use js_sys::Promise;
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use crate::codec::{decode_json, encode, error, error_with_issues, now_from};
use crate::verify::{options, rejected};
use crate::verify_fetch::drive;
use regcred::images::reference::{parse, report};
use regcred::verify::access::{access_config, verify_access as access_login, AccessRequest};
use regcred::verify::login::LoginOptions;

fn text_arg(value: &JsValue, what: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| error("argument.type", &format!("{what} must be a string")))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct ParseOptions {
    #[serde(default = "yes")]
    normalize: bool,
}

fn yes() -> bool {
    true
}

/// Parses an image reference as docker/distribution does; a Report whose `value` is
/// `{ domain, path, tag?, digest?, name, familiarName, reference, familiarReference,
/// pullReference }`.
/// `{ normalize: false }` parses without normalizing (`reference.Parse`).
#[wasm_bindgen(js_name = parseImageReference)]
pub fn parse_image_reference(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let text = text_arg(&text, "text")?;
    let options: ParseOptions = match decode_json(&options, "options")? {
        None | Some(serde_json::Value::Null) => ParseOptions { normalize: true },
        Some(v) => serde_json::from_value(v)
            .map_err(|_| error("argument.type", "options.normalize must be a boolean"))?,
    };
    if options.normalize {
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

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AccessOptions {
    repository: String,
    #[serde(default)]
    actions: Vec<String>,
    #[serde(default)]
    probe_write: bool,
}

/// Checks whether a configuration's credentials may pull (or push) `options.repository`
/// through `options.fetch`; resolves to `{ ok, status, steps, code?, message }`. Rejects with a
/// `RegcredError` only on misuse (`argument.*`, `config.invalid`, `access.repository`,
/// `access.other-registry`, `access.actions`).
#[wasm_bindgen(js_name = verifyAccess)]
pub fn verify_access(config_value: JsValue, options_value: JsValue) -> Promise {
    rejected((|| {
        let o = options(&options_value)?;
        let access: AccessOptions = decode_json(&options_value, "options")?
            .and_then(|v| serde_json::from_value(v).ok())
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
        let request = AccessRequest {
            repository: access.repository,
            actions: access.actions,
            probe_write: access.probe_write,
        };
        let login_options = LoginOptions {
            now: o.now,
            allow_private_networks: o.allow_private_networks,
        };
        let login =
            access_login(&cfg, login_options, &request).map_err(|e| error(e.code, &e.message))?;
        Ok(future_to_promise(async move {
            let outcome = drive(login, &o.fetch, o.timeout_ms).await;
            encode(&outcome)
        }))
    })())
}
