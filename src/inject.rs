//! The injection plan: for each cluster, whether image-pull credentials are injected, under
//! which secret name, and why.
//!
//! The policy follows Devtron's (`CheckIfImagePullSecretAccessProvided`): when `autoInject` is
//! not empty, exactly the listed clusters (or all, with `"*"`) get credentials; otherwise when
//! `doNotInject` is not empty, every cluster except the listed ones (none, with `"*"`); with no
//! policy at all, no cluster. Lists hold cluster ids or names.
//!
//! Secret names: for `registry-credentials`, `<registry name>-regcred` (the name lowercased, runs
//! of characters outside `a-z0-9` as one `-`, cut to 253 characters: a DNS-1123 subdomain that
//! stays the same as long as the registry name does); for `image-pull-secret`, the configured
//! name of a secret that must already exist in each cluster's namespaces.

use serde::Serialize;
use serde_json::Value;

use crate::catalog::RegistryType;
use crate::config::{AwsAuthType, CredentialSource, Injection, RegistryConfig};
use crate::secret::k8s_names::dns1123_fragment;
use crate::secret::SecretError;
use crate::validate::injection::MAX_CLUSTER_LEN;

/// The suffix of generated secret names.
pub const SECRET_NAME_SUFFIX: &str = "-regcred";

/// A cluster the plan is computed for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cluster {
    /// The platform's id (numbers are given as their decimal text).
    pub id: String,
    /// The cluster's name, matched against the policy lists too.
    pub name: Option<String>,
}

/// Why a cluster does or does not get credentials: a stable code and a message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanReason {
    /// `auto-inject.listed`, `auto-inject.all`, `do-not-inject.listed`, `do-not-inject.all`,
    /// `not-listed`, `not-excluded`, `no-policy`, `ecr-iam-role`, `secret-name-missing`.
    pub code: &'static str,
    /// A sentence for people.
    pub message: String,
}

/// What happens in one cluster.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterPlan {
    /// The cluster's id.
    pub cluster_id: String,
    /// The cluster's name, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster_name: Option<String>,
    /// Whether pods in this cluster get the pull secret.
    pub inject: bool,
    /// The secret's name, when `inject` is true.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret_name: Option<String>,
    /// Where the secret comes from.
    pub source: CredentialSource,
    /// Why.
    pub reason: PlanReason,
}

/// The secret name generated for a registry's own credentials: `<name>-regcred`.
pub fn registry_secret_name(registry_name: &str) -> String {
    let base = dns1123_fragment(registry_name);
    let base = if base.is_empty() {
        "registry".to_owned()
    } else {
        base
    };
    let max = 253 - SECRET_NAME_SUFFIX.len();
    let cut: String = base.chars().take(max).collect();
    format!("{}{SECRET_NAME_SUFFIX}", cut.trim_end_matches('-'))
}

fn listed(list: &[String], c: &Cluster) -> Option<bool> {
    if list.iter().any(|x| x == "*") {
        Some(true)
    } else if list
        .iter()
        .any(|x| *x == c.id || Some(x.as_str()) == c.name.as_deref())
    {
        Some(false)
    } else {
        None
    }
}

/// The policy verdict: inject or not, with the reason code and message.
fn policy(inj: Option<&Injection>, c: &Cluster) -> (bool, &'static str, &'static str) {
    let empty = Injection::default();
    let inj = inj.unwrap_or(&empty);
    if !inj.auto_inject.is_empty() {
        return match listed(&inj.auto_inject, c) {
            Some(true) => (
                true,
                "auto-inject.all",
                "credentials are injected into all clusters",
            ),
            Some(false) => (
                true,
                "auto-inject.listed",
                "this cluster is listed for automatic injection",
            ),
            None => (
                false,
                "not-listed",
                "only the clusters listed for automatic injection get credentials",
            ),
        };
    }
    if !inj.do_not_inject.is_empty() {
        return match listed(&inj.do_not_inject, c) {
            Some(true) => (false, "do-not-inject.all", "no cluster gets credentials"),
            Some(false) => (
                false,
                "do-not-inject.listed",
                "this cluster is listed as never getting credentials",
            ),
            None => (
                true,
                "not-excluded",
                "every cluster not listed under do-not-inject gets credentials",
            ),
        };
    }
    (
        false,
        "no-policy",
        "no injection policy is set, so no cluster gets credentials",
    )
}

/// The plan for every cluster, in the order given.
///
/// A configuration that is ECR with the nodes' IAM role and `registry-credentials` gets
/// `inject: false` with reason `ecr-iam-role` wherever the policy would inject (the nodes pull
/// with their role); `image-pull-secret` without a secret name gets `secret-name-missing`.
pub fn injection_plan(config: &RegistryConfig, clusters: &[Cluster]) -> Vec<ClusterPlan> {
    let inj = config.injection.as_ref();
    let source = inj.map(|i| i.credential_source).unwrap_or_default();
    let iam_role = config.registry_type == RegistryType::Ecr
        && config.aws_auth_type == Some(AwsAuthType::IamRole);
    clusters
        .iter()
        .map(|c| {
            let (mut inject, mut code, policy_msg) = policy(inj, c);
            let mut message = policy_msg.to_owned();
            let mut secret_name = None;
            if inject {
                match source {
                    CredentialSource::RegistryCredentials if iam_role => {
                        inject = false;
                        code = "ecr-iam-role";
                        message = "this ECR registry uses the worker nodes' IAM role: the nodes pull with their role, so there is no secret to inject".into();
                    }
                    CredentialSource::RegistryCredentials => {
                        secret_name = Some(registry_secret_name(&config.name));
                        message.push_str("; the secret is built from this registry's credentials");
                        if config.registry_type == RegistryType::Ecr {
                            message.push_str(" (an ECR token valid 12 hours, to be refreshed)");
                        }
                    }
                    CredentialSource::ImagePullSecret => {
                        match inj.and_then(|i| i.secret_name.clone()).filter(|n| !n.is_empty()) {
                            Some(name) => {
                                secret_name = Some(name);
                                message.push_str("; the referenced image-pull secret must already exist in the cluster");
                            }
                            None => {
                                inject = false;
                                code = "secret-name-missing";
                                message = "the credential source is an existing image-pull secret, but no secret name is set".into();
                            }
                        }
                    }
                }
            }
            ClusterPlan {
                cluster_id: c.id.clone(),
                cluster_name: c.name.clone(),
                inject,
                secret_name,
                source,
                reason: PlanReason { code, message },
            }
        })
        .collect()
}

/// Most clusters in one injection plan.
pub const MAX_PLAN_CLUSTERS: usize = 10_000;

/// Decodes clusters as the JS API takes them: an array of `{ id, name? }` (id a string or an
/// integer) or of bare ids; ids and names at most [`MAX_CLUSTER_LEN`] characters.
///
/// # Errors
/// `secret.shape` (path `/<index>` or `/<index>/id`) for anything else; `secret.too-many` for
/// more than [`MAX_PLAN_CLUSTERS`] clusters.
pub fn clusters_from_json(v: &Value) -> Result<Vec<Cluster>, SecretError> {
    let shape = |path: String| SecretError::Shape {
        path,
        expected: "a cluster { id, name? } with a string or integer id is expected",
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
            Value::Object(o) => {
                let name = match o.get("name") {
                    None | Some(Value::Null) => Ok(None),
                    Some(Value::String(s)) => Ok(Some(s.clone())),
                    Some(_) => Err(shape(format!("/{i}/name"))),
                };
                o.get("id")
                    .and_then(id_of)
                    .ok_or_else(|| shape(format!("/{i}/id")))
                    .and_then(|id| name.map(|name| Cluster { id, name }))
            }
            other => id_of(other)
                .map(|id| Cluster { id, name: None })
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
