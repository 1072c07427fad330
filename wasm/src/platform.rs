//! Export: `helmValuesPatch`, the release values with the cluster's image-pull secrets added.

use wasm_bindgen::prelude::*;

use crate::codec::{decode_json, encode, error, error_with_issues, now_from};
use regcred::secret::{request, SecretError};

fn thrown(e: &SecretError) -> JsValue {
    error_with_issues(e.code(), &e.to_string(), &e.issues())
}

/// `options.values` (or `{}`) with `imagePullSecrets` extended by the names the injection plan
/// gives `cluster` (`{ id, name?, isVirtual? }`), as the platform's `SetIpsNameInValues`;
/// `options.secretNaming: "platform"` names generated secrets as the platform does. Throws a
/// `RegcredError` for an invalid configuration or values that are not an object.
#[wasm_bindgen(js_name = helmValuesPatch)]
pub fn helm_values_patch(
    config_value: JsValue,
    cluster: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let options = decode_json(&options, "options")?;
    let naming =
        regcred::inject::SecretNaming::from_option(options.as_ref()).map_err(|e| thrown(&e))?;
    let config_json = decode_json(&config_value, "config")?
        .ok_or_else(|| error("argument.type", "config is required"))?;
    let config =
        request::config_from_json(&config_json, now_from(None)?).map_err(|e| thrown(&e))?;
    let cluster_json = decode_json(&cluster, "cluster")?
        .ok_or_else(|| error("argument.type", "cluster is required"))?;
    let clusters =
        regcred::inject::clusters_from_json(&serde_json::Value::Array(vec![cluster_json]))
            .map_err(|e| thrown(&e.under("/cluster")))?;
    let Some(cluster) = clusters.first() else {
        return Err(error("argument.type", "cluster is required"));
    };
    let values = options.as_ref().and_then(|o| o.get("values"));
    encode(
        &regcred::helm_values::helm_values_patch(&config, cluster, values, naming)
            .map_err(|e| thrown(&e))?,
    )
}
