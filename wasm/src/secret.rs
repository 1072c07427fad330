//! Exports: `.dockerconfigjson`, docker `config.json`, pull-secret manifests, the injection plan
//! and Devtron payloads. Generators throw a `RegcredError` (`code`, `errors`) on bad input.

use wasm_bindgen::prelude::*;

use crate::args::{self, host_now};
use crate::codec::{encode, error_with_issues};
use crate::{clusters, request};
use regcred::secret::request::{config_from_json, config_from_json_in};
use regcred::secret::{docker_config_file_of, docker_config_json_of, SecretError};

/// A generation error as a thrown `RegcredError` (its issues in `errors`).
pub(crate) fn thrown(e: &SecretError) -> JsValue {
    error_with_issues(e.code(), &e.to_string(), &e.issues())
}

/// A required registry configuration, validated (`config.invalid` with its issues).
pub(crate) fn config(
    value: &JsValue,
    now: regcred::time::Timestamp,
) -> Result<regcred::RegistryConfig, JsValue> {
    config_from_json(&args::required_object(value, "config")?, now).map_err(|e| thrown(&e))
}

/// The registries of `dockerConfigJson` / `dockerConfigFile`, decoded.
fn sources(
    entries: &JsValue,
    options: &args::Options,
) -> Result<Vec<regcred::secret::RegistrySource>, JsValue> {
    let entries = args::required_list(entries, "entries", false)?;
    request::sources(&entries, options.now()?).map_err(|e| thrown(&e))
}

/// The `.dockerconfigjson` text for `entries` (`[{ server, username, password, email? }]` or
/// registry configurations); `{ goEscaping: true }` for kubectl's exact bytes.
#[wasm_bindgen(js_name = dockerConfigJson)]
pub fn docker_config_json(entries: JsValue, options: JsValue) -> Result<String, JsValue> {
    let options = args::options(&options)?;
    let go = options.flag("goEscaping", false)?;
    docker_config_json_of(&sources(&entries, &options)?, go).map_err(|e| thrown(&e))
}

/// A docker `config.json` for `entries`; `{ credHelpers: true }` puts ECR under `credHelpers`.
#[wasm_bindgen(js_name = dockerConfigFile)]
pub fn docker_config_file(entries: JsValue, options: JsValue) -> Result<String, JsValue> {
    let options = args::options(&options)?;
    let helpers = options.flag("credHelpers", false)?;
    docker_config_file_of(&sources(&entries, &options)?, helpers).map_err(|e| thrown(&e))
}

/// The image-pull Secret manifest (`{ name, namespace?, registries, format, appendHash?,
/// labels?, annotations?, goEscaping? }`).
#[wasm_bindgen(js_name = pullSecret)]
pub fn pull_secret(options: JsValue) -> Result<String, JsValue> {
    let options = args::required_options(&options, "options")?;
    options.flag("appendHash", false)?;
    options.flag("goEscaping", false)?;
    options.text("format")?;
    request::pull_secret_request(options.json(), options.now()?)
        .and_then(|r| r.render())
        .map_err(|e| thrown(&e))
}

/// For each cluster (`[{ id, name?, isVirtual? }]`, ids strings or numbers): inject or not,
/// secret names, reason; `{ secretNaming: "platform" }` names secrets as the platform does.
#[wasm_bindgen(js_name = injectionPlan)]
pub fn injection_plan(
    config_value: JsValue,
    clusters: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let naming = args::options(&options)?.secret_naming()?;
    let config = config(&config_value, host_now())?;
    let clusters = clusters::clusters(&args::required_list(&clusters, "clusters", false)?)
        .map_err(|e| thrown(&e.under("/clusters")))?;
    encode(&regcred::inject::injection_plan_with(
        &config, &clusters, naming,
    ))
}

/// The platform's container-registry payload for a configuration; `{ mode: "update" }` accepts
/// blank secrets (sent as `""`: the platform keeps the stored ones); `{ report: true }` answers
/// with a Report whose `value` is the payload and whose warnings say what changed on the way.
#[wasm_bindgen(js_name = toDevtronPayload)]
pub fn to_devtron_payload(config_value: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = args::options(&options)?;
    let mode = options.mode()?;
    let value = args::required_object(&config_value, "config")?;
    let config = config_from_json_in(&value, host_now(), mode).map_err(|e| thrown(&e))?;
    let report = options.flag("report", false)?;
    match report {
        true => encode(&regcred::devtron::to_devtron_payload_report(&config)),
        false => encode(&regcred::devtron::to_devtron_payload(&config)),
    }
}

/// A configuration from Devtron's payload, as a Report.
#[wasm_bindgen(js_name = fromDevtronPayload)]
pub fn from_devtron_payload(payload: JsValue) -> Result<JsValue, JsValue> {
    encode(&regcred::devtron::from_devtron_payload(
        &args::required_json(&payload, "payload")?,
    ))
}
