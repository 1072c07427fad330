//! The `clusters` argument of `injectionPlan` (and `helmValuesPatch`'s `cluster`) decoded into
//! the core's [`Cluster`]s: an array of `{ id, name?, isVirtual? }` (id a string or an integer)
//! or of bare ids. Anything else is `secret.shape` at `/<index>` or `/<index>/<field>`.
//!
//! This file names no JavaScript type: the native tests include it as it is (`#[path]`).

use regcred::json::Value;

use regcred::inject::{Cluster, MAX_PLAN_CLUSTERS};
use regcred::json_read::Fields;
use regcred::secret::SecretError;
use regcred::validate::injection::MAX_CLUSTER_LEN;

/// Decodes clusters as the JS API takes them: an array of `{ id, name?, isVirtual? }` (id a
/// string or an integer) or of bare ids; ids and names at most [`MAX_CLUSTER_LEN`] characters.
///
/// # Errors
/// `secret.shape` (path `/<index>` or `/<index>/id`) for anything else; `secret.too-many` for
/// more than [`MAX_PLAN_CLUSTERS`] clusters.
pub fn clusters(v: &Value) -> Result<Vec<Cluster>, SecretError> {
    let shape = |path: String| SecretError::Shape {
        path,
        expected: "a cluster { id, name?, isVirtual? } with a string or integer id is expected",
    };
    let id_of = |v: &Value| match v {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) if n.is_i64() || n.is_u64() => Some(n.to_string()),
        _ => None,
    };
    let items = v.as_array().ok_or_else(|| shape(String::new()))?;
    if items.len() > MAX_PLAN_CLUSTERS {
        return Err(SecretError::TooMany {
            path: String::new(),
            max: MAX_PLAN_CLUSTERS,
        });
    }
    let too_long = |s: &str| s.chars().count() > MAX_CLUSTER_LEN;
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let cluster = match item {
            Value::Object(map) => {
                let o = Fields::new(map, &format!("/{i}"));
                (|| {
                    let id = o.get("id").and_then(id_of);
                    let id = id.ok_or_else(|| shape(o.path_of("id")))?;
                    let is_virtual = o.flag("isVirtual").map_err(|m| shape(m.path))?;
                    let name = o.text("name").map_err(|m| shape(m.path))?;
                    Ok(Cluster {
                        id,
                        name: name.map(str::to_owned),
                        is_virtual: is_virtual.unwrap_or_default(),
                    })
                })()
            }
            other => id_of(other)
                .map(|id| Cluster {
                    id,
                    name: None,
                    is_virtual: false,
                })
                .ok_or_else(|| shape(format!("/{i}"))),
        };
        let cluster = cluster.and_then(|c| {
            if too_long(&c.id) || c.name.as_deref().is_some_and(too_long) {
                Err(SecretError::Shape {
                    path: format!("/{i}"),
                    expected: "a cluster id or name of at most 253 characters is expected",
                })
            } else {
                Ok(c)
            }
        });
        match cluster {
            Ok(c) => out.push(c),
            Err(e) => errors.push(e),
        }
    }
    SecretError::collect(errors).map_or(Ok(out), Err)
}
