//! Export: `helmValuesPatch`, the release values with the cluster's image-pull secrets added.

use wasm_bindgen::prelude::*;

use crate::args;
use crate::args::host_now;
use crate::codec::encode;
use crate::secret::{config, thrown};

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
    let naming = options.secret_naming()?;
    let config = config(&config_value, host_now())?;
    let cluster_json = args::required_json(&cluster, "cluster")?;
    let clusters = crate::clusters::clusters(&regcred::json::Value::Array(vec![cluster_json]))
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
