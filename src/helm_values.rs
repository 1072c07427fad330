//! The `imagePullSecrets` values patch of a Helm release: what the platform merges into a
//! release's values when a cluster gets the registry's pull secret (devtron-labs/devtron
//! `pkg/dockerRegistry/DockerRegistryIpsUtil.go` `SetIpsNameInValues`).
//!
//! The platform appends the secret name to the top-level `imagePullSecrets` list of names
//! (creating it, never adding a name twice). regcred does the same for each name the
//! [injection plan](crate::inject) gives the cluster; where the platform appends several
//! comma-separated names as one entry, regcred appends each name on its own.

use crate::json::{Map, Value};

use crate::config::RegistryConfig;
use crate::inject::{injection_plan_with, Cluster, SecretNaming};
use crate::secret::SecretError;

/// The key of the values the platform sets.
pub const IMAGE_PULL_SECRETS: &str = "imagePullSecrets";

/// `values` (an object; `{}` when `None`) with the cluster's secret names appended to
/// `imagePullSecrets`; unchanged when the plan gives this cluster nothing.
///
/// # Errors
/// `secret.shape` at `/values` when `values` is not an object, at `/values/imagePullSecrets`
/// when that key holds anything but a list.
pub fn helm_values_patch(
    config: &RegistryConfig,
    cluster: &Cluster,
    values: Option<&Value>,
    naming: SecretNaming,
) -> Result<Value, SecretError> {
    let mut out: Map<String, Value> = match values {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(o)) => o.clone(),
        Some(_) => {
            return Err(SecretError::Shape {
                path: "/values".into(),
                expected: "the release's values must be an object",
            })
        }
    };
    let plan = injection_plan_with(config, std::slice::from_ref(cluster), naming);
    let names = plan
        .into_iter()
        .next()
        .filter(|p| p.inject)
        .map(|p| p.secret_names)
        .unwrap_or_default();
    if names.is_empty() {
        return Ok(Value::Object(out));
    }
    if !out.contains_key(IMAGE_PULL_SECRETS) {
        out.insert(IMAGE_PULL_SECRETS.into(), Value::Array(Vec::new()));
    }
    let Some(Value::Array(list)) = out.get_mut(IMAGE_PULL_SECRETS) else {
        return Err(SecretError::Shape {
            path: "/values/imagePullSecrets".into(),
            expected: "imagePullSecrets must be a list",
        });
    };
    for name in names {
        let v = Value::String(name);
        if !list.contains(&v) {
            list.push(v);
        }
    }
    Ok(Value::Object(out))
}
