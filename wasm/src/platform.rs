//! Export: `helmValuesPatch`, the release values with the cluster's image-pull secrets added.

use wasm_bindgen::prelude::*;

use crate::args;
use crate::codec::{encode, error_with_issues, now_from};
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
    let options = args::options(&options)?;
    options.text("secretNaming")?;
    let naming =
        regcred::inject::SecretNaming::from_option(Some(options.json())).map_err(|e| thrown(&e))?;
    let config_json = args::required_object(&config_value, "config")?;
    let config =
        request::config_from_json(&config_json, now_from(None)?).map_err(|e| thrown(&e))?;
    let cluster_json = args::required_json(&cluster, "cluster")?;
    let clusters =
        regcred::inject::clusters_from_json(&serde_json::Value::Array(vec![cluster_json]))
            .map_err(|e| thrown(&e.under("/cluster")))?;
    let Some(cluster) = clusters.first() else {
        return Err(args::missing("cluster"));
    };
    let values = options.get("values");
    encode(
        &regcred::helm_values::helm_values_patch(&config, cluster, values, naming)
            .map_err(|e| thrown(&e))?,
    )
}
