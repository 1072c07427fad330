//! What a registry is used for, as the platform's registry API has it (`ociRegistryConfig`):
//! container images and/or Helm charts stored as OCI artifacts, each pulled, pushed or both, and
//! the chart repositories charts are pulled from.
//!
//! The platform's rules (devtron-labs/devtron `api/restHandler/DockerRegRestHandler.go`
//! `ValidateDockerArtifactStoreRequestBean`, dashboard `Docker.tsx` `performCustomValidation`),
//! enforced by validation ([`crate::validate`]): at least one use; containers are
//! `pull-push` (the only container use the dashboard sends); pulling charts needs a non-empty
//! list of repositories without blanks; GCR is no OCI chart store; a registry that only pulls
//! charts is never the default; cluster injection applies to container use only.

use serde::{Deserialize, Serialize};

/// Pull, push or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Access {
    /// Only pull.
    Pull,
    /// Only push.
    Push,
    /// Pull and push.
    PullPush,
}

impl Access {
    /// Whether this access includes pulling.
    pub fn pulls(self) -> bool {
        matches!(self, Access::Pull | Access::PullPush)
    }

    /// The platform's spelling: `PULL`, `PUSH`, `PULL/PUSH`.
    pub fn devtron(self) -> &'static str {
        match self {
            Access::Pull => "PULL",
            Access::Push => "PUSH",
            Access::PullPush => "PULL/PUSH",
        }
    }

    /// Reads the platform's spelling; `None` for anything else.
    pub fn from_devtron(s: &str) -> Option<Access> {
        [Access::Pull, Access::Push, Access::PullPush]
            .into_iter()
            .find(|a| a.devtron() == s)
    }
}

/// A registry's uses. Absent from a configuration, it means container images, pull and push.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Usage {
    /// Container images: pull, push or both; `None` when the registry holds no images.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub containers: Option<Access>,
    /// Helm charts as OCI artifacts; `None` when the registry holds no charts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charts: Option<Access>,
    /// The chart repositories charts are pulled from (required when `charts` pulls).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chart_repositories: Vec<String>,
}

impl Usage {
    /// The default use: container images, pull and push.
    pub fn containers() -> Usage {
        Usage {
            containers: Some(Access::PullPush),
            charts: None,
            chart_repositories: Vec::new(),
        }
    }

    /// The uses of an optional configuration field (absent: [`Usage::containers`]).
    pub fn of(usage: Option<&Usage>) -> Usage {
        usage.cloned().unwrap_or_else(Usage::containers)
    }

    /// Whether the registry holds container images (injection and pull secrets apply).
    pub fn has_containers(&self) -> bool {
        self.containers.is_some()
    }

    /// Whether the registry only pulls charts (the platform never makes it the default).
    pub fn chart_pull_only(&self) -> bool {
        self.containers.is_none() && self.charts == Some(Access::Pull)
    }
}

crate::json::ids_as_json!(Access {
    Pull => "pull",
    Push => "push",
    PullPush => "pull-push",
});

impl crate::json::ToJson for Usage {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .some("containers", &self.containers)
            .some("charts", &self.charts)
            .when(
                !self.chart_repositories.is_empty(),
                "chartRepositories",
                &self.chart_repositories,
            )
            .end();
    }
}
