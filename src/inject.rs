//! The injection plan: for each cluster, whether image-pull credentials are injected, under
//! which secret name, and why.
//!
//! The policy follows Devtron's (`CheckIfImagePullSecretAccessProvided`): when `autoInject` is
//! not empty, exactly the listed clusters (or all, with `"*"`) get credentials; otherwise when
//! `doNotInject` is not empty, every cluster except the listed ones (none, with `"*"`); with no
//! policy at all, no cluster. Lists hold cluster ids or names.
//!
//! As on the platform, a virtual cluster never gets credentials; neither does any cluster for a
//! public registry or a registry without container use (injection applies to container images
//! only).
//!
//! Secret names: for `registry-credentials` and `custom-credential`, `<registry name>-regcred`
//! (the name lowercased, runs of characters outside `a-z0-9` as one `-`, cut to 253 characters:
//! a DNS-1123 subdomain that stays the same as long as the registry name does), or with
//! [`SecretNaming::Platform`] the platform's own `BuildIpsName` (`<registry name without
//! non-alphanumerics>-dtron-ips`, lowercased); for `image-pull-secret`, the configured names
//! (comma-separated) of secrets that must already exist in each cluster's namespaces.

use serde::Serialize;

use crate::catalog::RegistryType;
use crate::config::{AwsAuthType, CredentialSource, Injection, RegistryConfig, Usage};
use crate::secret::k8s_names::dns1123_fragment;

/// The suffix of generated secret names.
pub const SECRET_NAME_SUFFIX: &str = "-regcred";

/// A cluster the plan is computed for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cluster {
    /// The platform's id (numbers are given as their decimal text).
    pub id: String,
    /// The cluster's name, matched against the policy lists too.
    pub name: Option<String>,
    /// A virtual cluster (the platform's "isVirtualEnvironment"): never injected.
    pub is_virtual: bool,
}

/// How generated secrets are named.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SecretNaming {
    /// `<registry name>-regcred` ([`registry_secret_name`]).
    #[default]
    Regcred,
    /// The platform's `BuildIpsName` ([`platform_secret_name`]).
    Platform,
}

/// The platform's secret name for a registry's credentials (devtron-labs/devtron
/// `pkg/dockerRegistry/DockerRegistryIpsUtil.go` `BuildIpsName`): every run of characters
/// outside `a-zA-Z0-9` removed, `-dtron-ips` appended, lowercased (`devtron quay` →
/// `devtronquay-dtron-ips`).
pub fn platform_secret_name(registry_name: &str) -> String {
    let kept: String = registry_name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    format!("{kept}-dtron-ips").to_ascii_lowercase()
}

/// Why a cluster does or does not get credentials: a stable code and a message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanReason {
    /// `auto-inject.listed`, `auto-inject.all`, `do-not-inject.listed`, `do-not-inject.all`,
    /// `not-listed`, `not-excluded`, `no-policy`, `ecr-iam-role`, `secret-name-missing`,
    /// `virtual-cluster`, `public-registry`, `no-container-use`.
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
    /// The secret's name, when `inject` is true (the first of `secretNames`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret_name: Option<String>,
    /// Every secret name pods reference, when `inject` is true (several for an
    /// `image-pull-secret` source with comma-separated names).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub secret_names: Vec<String>,
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
    format!(
        "{}{SECRET_NAME_SUFFIX}",
        crate::substring::trim_end_byte(&cut, b'-')
    )
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

/// The plan for every cluster, in the order given, with `<name>-regcred` secret names.
pub fn injection_plan(config: &RegistryConfig, clusters: &[Cluster]) -> Vec<ClusterPlan> {
    injection_plan_with(config, clusters, SecretNaming::Regcred)
}

/// Why no cluster gets credentials from this registry at all, whatever the policy says.
fn registry_blocks(config: &RegistryConfig) -> Option<(&'static str, &'static str)> {
    if config.public {
        return Some((
            "public-registry",
            "a public registry needs no credentials: nothing is injected",
        ));
    }
    if !Usage::of(config.usage.as_ref()).has_containers() {
        return Some((
            "no-container-use",
            "this registry holds no container images: injection applies to container use only",
        ));
    }
    None
}

/// The plan for every cluster, in the order given, with secrets named by `naming`.
///
/// Whatever the policy says: a public registry gets `inject: false` with reason
/// `public-registry`, a registry without container use `no-container-use`, a virtual cluster
/// `virtual-cluster`. Wherever the policy would inject: ECR with the nodes' IAM role and `registry-credentials` `ecr-iam-role`
/// (the nodes pull with their role); `image-pull-secret` without a secret name
/// `secret-name-missing`.
pub fn injection_plan_with(
    config: &RegistryConfig,
    clusters: &[Cluster],
    naming: SecretNaming,
) -> Vec<ClusterPlan> {
    let inj = config.injection.as_ref();
    let source = inj.map(|i| i.credential_source).unwrap_or_default();
    let iam_role = config.registry_type == RegistryType::Ecr
        && config.aws_auth_type == Some(AwsAuthType::IamRole);
    let generated = match naming {
        SecretNaming::Regcred => registry_secret_name(&config.name),
        SecretNaming::Platform => platform_secret_name(&config.name),
    };
    let blocked = registry_blocks(config);
    clusters
        .iter()
        .map(|c| {
            let (mut inject, mut code, policy_msg) = policy(inj, c);
            let mut message = policy_msg.to_owned();
            let mut names = Vec::new();
            let refuse = match (blocked, c.is_virtual) {
                (Some(b), _) => Some(b),
                (None, true) => Some(("virtual-cluster", "a virtual cluster gets no image-pull secrets, as on the platform")),
                (None, false) => None,
            };
            if let Some((c2, m2)) = refuse {
                inject = false;
                code = c2;
                message = m2.into();
            }
            if inject {
                match source {
                    CredentialSource::RegistryCredentials if iam_role => {
                        inject = false;
                        code = "ecr-iam-role";
                        message = "this ECR registry uses the worker nodes' IAM role: the nodes pull with their role, so there is no secret to inject".into();
                    }
                    CredentialSource::RegistryCredentials | CredentialSource::CustomCredential => {
                        names.push(generated.clone());
                        message.push_str(match source {
                            CredentialSource::CustomCredential => "; the secret is built from the custom credential",
                            _ => "; the secret is built from this registry's credentials",
                        });
                        if config.registry_type == RegistryType::Ecr {
                            message.push_str(" (an ECR token valid 12 hours, to be refreshed)");
                        }
                    }
                    CredentialSource::ImagePullSecret => {
                        let given = inj.and_then(|i| i.secret_name.as_deref()).unwrap_or_default();
                        names = crate::substring::split_byte(given, b',')
                            .map(str::trim)
                            .filter(|n| !n.is_empty())
                            .map(str::to_owned)
                            .collect();
                        if names.is_empty() {
                            inject = false;
                            code = "secret-name-missing";
                            message = "the credential source is an existing image-pull secret, but no secret name is set".into();
                        } else {
                            message.push_str("; the referenced image-pull secrets must already exist in the cluster");
                        }
                    }
                }
            }
            ClusterPlan {
                cluster_id: c.id.clone(),
                cluster_name: c.name.clone(),
                inject,
                secret_name: names.first().cloned(),
                secret_names: names,
                source,
                reason: PlanReason { code, message },
            }
        })
        .collect()
}

/// Most clusters in one injection plan.
pub const MAX_PLAN_CLUSTERS: usize = 10_000;

impl crate::json::ToJson for PlanReason {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .field("code", self.code)
            .field("message", &self.message)
            .end();
    }
}

impl crate::json::ToJson for ClusterPlan {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .field("clusterId", &self.cluster_id)
            .some("clusterName", &self.cluster_name)
            .field("inject", &self.inject)
            .some("secretName", &self.secret_name)
            .when(
                !self.secret_names.is_empty(),
                "secretNames",
                &self.secret_names,
            )
            .field("source", &self.source)
            .field("reason", &self.reason)
            .end();
    }
}
