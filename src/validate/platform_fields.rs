//! The fields a configuration shares with the platform's registry API beyond credentials:
//! `public`, `usage` (OCI container images and Helm charts), ECR's `assumeRoleArn` and
//! `remoteConnection` (proxy or SSH tunnel), with the platform's rules (see [`crate::config`]'s
//! [`Usage`] and [`RemoteConnection`] docs for where each rule comes from).

use crate::json::{Map, Value};
use crate::ErrorCode;

use super::json_walk::Walker;
use super::registry::Mode;
pub use super::remote_connection::is_dashboard_url;
use super::remote_connection::remote_connection;
use super::role_arn::check_role_arn;
use crate::catalog::RegistryType;
use crate::config::{Access, RemoteConnection, Usage};

/// Most chart repositories in `usage.chartRepositories`.
pub const MAX_CHART_REPOSITORIES: usize = 1000;

/// The validated platform fields of a configuration.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlatformFields {
    /// No credentials: nothing to inject, anonymous verification.
    pub public: bool,
    /// Container images and/or OCI charts (`None`: containers, pull and push).
    pub usage: Option<Usage>,
    /// ECR: the role assumed before the token request.
    pub assume_role_arn: Option<String>,
    /// Direct, proxy or SSH tunnel.
    pub remote_connection: Option<RemoteConnection>,
}

fn access(w: &mut Walker, path: &str, v: Option<&Value>) -> Option<Access> {
    let s = w.string(path, v)?;
    let a = match s {
        "pull" => Access::Pull,
        "push" => Access::Push,
        "pull-push" => Access::PullPush,
        _ => {
            w.error(
                path,
                ErrorCode::ConfigEnum,
                "must be \"pull\", \"push\" or \"pull-push\"",
            );
            return None;
        }
    };
    Some(a)
}

/// `usage`: `{ containers?, charts?, chartRepositories? }`.
///
/// Errors: `usage.empty` (neither use), `usage.container-access` (containers other than
/// `pull-push`, the only container use the platform's dashboard sends), `usage.gcr-charts`
/// (GCR is no OCI chart store), `usage.chart-repositories` (charts are pulled but no repository
/// is listed), `usage.chart-repository-empty` (a blank entry), `usage.too-many`. Warning:
/// `usage.chart-repositories-unused` (repositories listed while charts are not pulled; dropped).
fn usage(w: &mut Walker, t: RegistryType, v: &Value, public: bool) -> Option<Usage> {
    let obj = w.object("/usage", v)?;
    w.unknown_fields(
        "/usage",
        obj,
        &["containers", "charts", "chartRepositories"],
    );
    let containers = access(w, "/usage/containers", obj.get("containers"));
    let charts = access(w, "/usage/charts", obj.get("charts"));
    let mut repos = Vec::new();
    match obj.get("chartRepositories") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) if items.len() > MAX_CHART_REPOSITORIES => w.error(
            "/usage/chartRepositories",
            ErrorCode::UsageTooMany,
            format!("at most {MAX_CHART_REPOSITORIES} chart repositories"),
        ),
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let path = format!("/usage/chartRepositories/{i}");
                match w.string(&path, Some(item)) {
                    Some(s) if s.trim().is_empty() => w.error(
                        &path,
                        ErrorCode::UsageChartRepositoryEmpty,
                        "a chart repository entry is empty",
                    ),
                    Some(s) => repos.push(s.trim().to_owned()),
                    None => {}
                }
            }
        }
        Some(_) => w.error(
            "/usage/chartRepositories",
            ErrorCode::ConfigType,
            "must be a list of chart repositories",
        ),
    }
    if containers.is_none()
        && charts.is_none()
        && !obj.contains_key("containers")
        && !obj.contains_key("charts")
    {
        w.error(
            "/usage",
            ErrorCode::UsageEmpty,
            "choose at least one use: container images or Helm charts",
        );
    }
    if containers.is_some_and(|c| c != Access::PullPush) {
        w.error(
            "/usage/containers",
            ErrorCode::UsageContainerAccess,
            "container images are stored with pull and push (\"pull-push\"), as the platform stores them",
        );
    }
    if t == RegistryType::Gcr && obj.contains_key("charts") {
        w.error(
            "/usage/charts",
            ErrorCode::UsageGcrCharts,
            "GCR cannot store Helm charts as OCI artifacts; use Artifact Registry",
        );
    }
    let pulls = charts.is_some_and(Access::pulls) || (public && containers.is_none());
    if pulls
        && repos.is_empty()
        && !w
            .errors
            .iter()
            .any(|e| e.path.starts_with("/usage/chartRepositories"))
    {
        w.error(
            "/usage/chartRepositories",
            ErrorCode::UsageChartRepositories,
            "list the chart repositories charts are pulled from",
        );
    }
    if !pulls && !repos.is_empty() {
        w.warning(
            "/usage/chartRepositories",
            ErrorCode::UsageChartRepositoriesUnused,
            "chart repositories are only used when charts are pulled; they are ignored",
        );
        repos.clear();
    }
    let u = Usage {
        containers,
        charts,
        chart_repositories: repos,
    };
    Some(u)
}

/// Walks the platform fields of `obj` (a configuration of type `t`); `region` is the ECR
/// registry's region (for the role ARN's partition); `mode` says whether blank SSH secrets
/// keep the stored ones.
///
/// Errors besides those of `usage` and `remoteConnection`: `config.type` (`public` not a
/// boolean), `public.gcr` (GCR is never a public registry on the platform),
/// `usage.default-chart-pull-only` and `public.default` (such a registry is never the default),
/// the `ecr.role-arn.*` codes of [`check_role_arn`]. Warning: `injection.no-container-use` (an
/// injection policy on a registry without container use; it is ignored).
pub fn check_platform_fields(
    w: &mut Walker,
    t: RegistryType,
    obj: &Map<String, Value>,
    region: Option<&str>,
    is_default: bool,
    mode: Mode,
) -> Option<PlatformFields> {
    let public = w.boolean("/public", obj.get("public")).unwrap_or(false);
    if public && t == RegistryType::Gcr {
        w.error(
            "/public",
            ErrorCode::PublicGcr,
            "GCR cannot be added as a public registry",
        );
    }
    let usage = obj.get("usage").and_then(|v| usage(w, t, v, public));
    let default = Usage::containers();
    let effective = usage.as_ref().unwrap_or(&default);
    if is_default && effective.chart_pull_only() {
        w.error(
            "/isDefault",
            ErrorCode::UsageDefaultChartPullOnly,
            "a registry that only pulls Helm charts cannot be the default registry",
        );
    }
    if is_default && public {
        w.error(
            "/isDefault",
            ErrorCode::PublicDefault,
            "a public registry cannot be the default registry",
        );
    }
    if !effective.has_containers() && obj.get("injection").is_some() {
        w.warning(
            "/injection",
            ErrorCode::InjectionNoContainerUse,
            "injection applies to container images only; this registry holds none, so it is ignored",
        );
    }
    let assume_role_arn = match (t, w.string("/assumeRoleArn", obj.get("assumeRoleArn"))) {
        (RegistryType::Ecr, Some(arn)) if !arn.trim().is_empty() => {
            match check_role_arn(arn.trim(), region) {
                Ok(()) => Some(arn.trim().to_owned()),
                Err(e) => {
                    w.push_error(e.under("/assumeRoleArn"));
                    None
                }
            }
        }
        _ => None,
    };
    let remote_connection = obj
        .get("remoteConnection")
        .and_then(|v| remote_connection(w, v, mode));
    let usage = usage.filter(|u| *u != Usage::containers());
    Some(PlatformFields {
        public,
        usage,
        assume_role_arn,
        remote_connection,
    })
}

/// One platform field for `validate_field`: `public`, `assumeRoleArn`, `usage.<key>` or
/// `remoteConnection.<key>` (`group` is `""` for a top-level field); its normalized value, with
/// the codes the whole-configuration check gives for it alone.
pub fn check_platform_field(
    w: &mut Walker,
    group: &str,
    key: &str,
    v: Option<&Value>,
) -> Option<Value> {
    let path = match group {
        "" => format!("/{key}"),
        g => format!("/{g}/{key}"),
    };
    let text = |w: &mut Walker| w.string(&path, v).map(str::to_owned);
    match (group, key) {
        ("", "public") => Some(Value::Bool(w.boolean(&path, v).unwrap_or(false))),
        ("", _) => {
            let arn = text(w)?;
            match check_role_arn(arn.trim(), None) {
                Ok(()) => Some(Value::from(arn.trim())),
                Err(e) => {
                    w.push_error(e.under(&path));
                    None
                }
            }
        }
        ("usage", "chartRepositories") => {
            let t = RegistryType::Other;
            let mut probe = Map::new();
            probe.insert("charts".into(), Value::from("pull"));
            probe.insert(
                "chartRepositories".into(),
                v.cloned().unwrap_or(Value::Null),
            );
            let probe = Value::Object(probe);
            usage(w, t, &probe, false).map(|u| Value::from(u.chart_repositories))
        }
        ("usage", _) => access(w, &path, v).map(|a| {
            let id = a.devtron().to_ascii_lowercase();
            Value::from(crate::substring::replace(&id, "/", "-"))
        }),
        _ => {
            let mut probe = Map::new();
            let method = match key {
                "proxyUrl" => "proxy",
                "method" => "direct",
                _ => "ssh",
            };
            probe.insert("method".into(), Value::from(method));
            if let Some(v) = v {
                probe.insert(key.into(), v.clone());
            }
            let mut scratch = Walker::default();
            let rc = remote_connection(&mut scratch, &Value::Object(probe), Mode::Create);
            for e in scratch
                .errors
                .into_iter()
                .filter(|e| e.path == path || key == "method")
            {
                w.push_error(e);
            }
            let rc = rc?;
            crate::json::to_value(&rc)?.get(key).cloned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashboard_url_rule() {
        for ok in [
            "http://proxy.example.com:3128",
            "https://bastion.example.com",
            "http://a.b/x",
            "https://10.0.0.1:22",
        ] {
            assert!(is_dashboard_url(ok), "{ok}");
        }
        for bad in [
            "proxy.example.com",
            "ftp://a.b.c",
            "http://localhost:3128",
            "http://a.b",
            "https://",
            "http://a b.c/x",
            "http://.b/",
        ] {
            assert!(!is_dashboard_url(bad), "{bad}");
        }
    }
}
