//! Exports: `.dockerconfigjson`, docker `config.json`, pull-secret manifests, the injection plan
//! and Devtron payloads. Generators throw a `RegcredError` (`code`, `errors`) on bad input.

use regcred::ErrorCode;
use wasm_bindgen::prelude::*;

use crate::args;
use crate::codec::{encode, error, error_with_issues, now_from};
use regcred::secret::request;
use regcred::secret::SecretError;

/// A generation error as a thrown `RegcredError` (its issues in `errors`).
pub(crate) fn thrown(e: &SecretError) -> JsValue {
    error_with_issues(e.code(), &e.to_string(), &e.issues())
}

/// A required registry configuration, validated (`config.invalid` with its issues).
pub(crate) fn config(
    value: &JsValue,
    now: regcred::time::Timestamp,
) -> Result<regcred::RegistryConfig, JsValue> {
    request::config_from_json(&args::required_object(value, "config")?, now).map_err(|e| thrown(&e))
}

/// The `.dockerconfigjson` text for `entries` (`[{ server, username, password, email? }]` or
/// registry configurations); `{ goEscaping: true }` for kubectl's exact bytes.
#[wasm_bindgen(js_name = dockerConfigJson)]
pub fn docker_config_json(entries: JsValue, options: JsValue) -> Result<String, JsValue> {
    let options = args::options(&options)?;
    let go = options.flag("goEscaping", false)?;
    let entries = args::required_list(&entries, "entries", false)?;
    request::docker_config_json_from_json(&entries, go, options.now()?).map_err(|e| thrown(&e))
}

/// A docker `config.json` for `entries`; `{ credHelpers: true }` puts ECR under `credHelpers`.
#[wasm_bindgen(js_name = dockerConfigFile)]
pub fn docker_config_file(entries: JsValue, options: JsValue) -> Result<String, JsValue> {
    let options = args::options(&options)?;
    let helpers = options.flag("credHelpers", false)?;
    let entries = args::required_list(&entries, "entries", false)?;
    request::docker_config_file_from_json(&entries, helpers, options.now()?).map_err(|e| thrown(&e))
}

/// The image-pull Secret manifest (`{ name, namespace?, registries, format, appendHash?,
/// labels?, annotations?, goEscaping? }`).
#[wasm_bindgen(js_name = pullSecret)]
pub fn pull_secret(options: JsValue) -> Result<String, JsValue> {
    args::required_object(&options, "options")?;
    let options = args::options(&options)?;
    options.flag("appendHash", false)?;
    options.flag("goEscaping", false)?;
    options.text("format")?;
    request::pull_secret_from_json(options.json(), options.now()?).map_err(|e| thrown(&e))
}

/// For each cluster (`[{ id, name?, isVirtual? }]`, ids strings or numbers): inject or not,
/// secret names, reason; `{ secretNaming: "platform" }` names secrets as the platform does.
#[wasm_bindgen(js_name = injectionPlan)]
pub fn injection_plan(
    config_value: JsValue,
    clusters: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let naming = secret_naming(&args::options(&options)?)?;
    let config = config(&config_value, now_from(None)?)?;
    let clusters =
        regcred::inject::clusters_from_json(&args::required_list(&clusters, "clusters", false)?)
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
    options.text("mode")?;
    let mode = regcred::validate::Mode::from_option(Some(options.json())).ok_or_else(|| {
        error(
            ErrorCode::ArgumentMode,
            "options.mode must be \"create\" or \"update\"",
        )
    })?;
    let value = args::required_object(&config_value, "config")?;
    let config =
        request::config_from_json_in(&value, now_from(None)?, mode).map_err(|e| thrown(&e))?;
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

/// `options.secretNaming`: `"regcred"` (the default) or `"platform"`.
pub(crate) fn secret_naming(
    options: &args::Options,
) -> Result<regcred::inject::SecretNaming, JsValue> {
    options.text("secretNaming")?;
    regcred::inject::SecretNaming::from_option(Some(options.json())).map_err(|e| thrown(&e))
}
