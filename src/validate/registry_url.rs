//! The registry URL rules of each registry type.
//!
//! Every type accepts the address with or without `https://`, with a trailing `/` and (where
//! a path makes no sense) a trailing `/v2/` or `/v1/`; the normalized form has no scheme and no
//! trailing `/`. `http://` is accepted only with the `insecure` connection.

use super::ecr_url::parse_ecr_url;
use super::url_parts::{split, Scheme, UrlParts};
use crate::catalog::{Connection, RegistryType};
use crate::report::{Issue, Report};
use crate::ErrorCode;

/// Docker Hub's registry host names, all normalized to `docker.io`.
pub const DOCKER_HUB_ALIASES: [&str; 3] = ["docker.io", "index.docker.io", "registry-1.docker.io"];

/// GCR's registry hosts.
pub const GCR_HOSTS: [&str; 4] = ["gcr.io", "us.gcr.io", "eu.gcr.io", "asia.gcr.io"];

fn fail(code: ErrorCode, message: &str) -> Report<String> {
    Report::fail(Issue::new("", code, message))
}

/// Checks a registry URL for registry type `t` under `connection` and returns its normalized
/// form. Issues have path `""`.
///
/// Errors:
/// - ECR: the `ecr.url.*` codes of [`parse_ecr_url`]; the normalized form is the host alone;
/// - every other type: the address-shape codes of [`split`] (`url.empty`, `url.too-long`,
///   `url.character`, `url.scheme`, `url.userinfo`, `url.query`, `url.host`, `url.port`,
///   `url.path`) and `url.http-requires-insecure` (`http://` without the `insecure` connection);
/// - `docker-hub.url.host` (not `docker.io`, `index.docker.io` or `registry-1.docker.io`, or a
///   port), `docker-hub.url.path` (a path other than `/v1/` or `/v2/`); normalized to `docker.io`;
/// - `acr.url.host` (not `<5-50 letters or digits>.azurecr.io|cn|us`, or a port),
///   `acr.url.path` (any path but `/v2/`);
/// - `artifact-registry.url.host` (not `<location>-docker.pkg.dev`, or a port); a
///   `/project/repository` path is kept;
/// - `gcr.url.host` (not `gcr.io`, `us.gcr.io`, `eu.gcr.io` or `asia.gcr.io`, or a port); a
///   `/project` path is kept;
/// - Quay and Other: any host name (IDN hosts are stored as punycode), IPv4 or bracketed IPv6
///   literal, with an optional port and path.
///
/// An `oci://` or `docker://` prefix is dropped first, as the platform's dashboard drops it
/// (`Docker.tsx` `getRegistryPayload`).
pub fn check_registry_url(t: RegistryType, input: &str, connection: Connection) -> Report<String> {
    let input = DROPPED_SCHEMES
        .iter()
        .find_map(|s| crate::substring::trim_start(input).strip_prefix(s))
        .unwrap_or(input);
    if t == RegistryType::Ecr {
        return parse_ecr_url(input).map(|r| r.host);
    }
    let parts = match split(input, "url") {
        Ok(p) => p,
        Err(e) => return Report::fail(e),
    };
    if parts.scheme == Some(Scheme::Http) && connection != Connection::Insecure {
        return fail(
            ErrorCode::UrlHttpRequiresInsecure,
            "plain \"http://\" is only allowed with the insecure connection; use \"https://\" or change the connection",
        );
    }
    match t {
        RegistryType::DockerHub => docker_hub(&parts),
        RegistryType::Acr => acr(&parts),
        RegistryType::ArtifactRegistry => artifact_registry(&parts),
        RegistryType::Gcr => gcr(&parts),
        RegistryType::Ghcr => ghcr(&parts),
        _ => Report::ok(generic(&parts)),
    }
}

/// The prefixes the platform's dashboard drops from a registry URL.
const DROPPED_SCHEMES: [&str; 2] = ["oci://", "docker://"];

/// GitHub's registry is `ghcr.io` (no port, no path). Error: `ghcr.url.host`.
fn ghcr(parts: &UrlParts) -> Report<String> {
    if parts.host != "ghcr.io"
        || parts.port.is_some()
        || !parts.path_without_api_version().is_empty()
    {
        return fail(
            ErrorCode::GhcrUrlHost,
            "GitHub's container registry is \"ghcr.io\"",
        );
    }
    Report::ok("ghcr.io".to_string())
}

fn generic(parts: &UrlParts) -> String {
    let path = parts.path_without_api_version();
    if path.is_empty() {
        parts.authority()
    } else {
        format!("{}/{path}", parts.authority())
    }
}

fn docker_hub(parts: &UrlParts) -> Report<String> {
    if !DOCKER_HUB_ALIASES.contains(&parts.host.as_str()) || parts.port.is_some() {
        return fail(
            ErrorCode::DockerHubUrlHost,
            "Docker Hub is \"docker.io\" (also written \"index.docker.io\" or \"registry-1.docker.io\")",
        );
    }
    if !parts.path_without_api_version().is_empty() {
        return fail(
            ErrorCode::DockerHubUrlPath,
            "Docker Hub's address has no path; repositories are chosen when pulling",
        );
    }
    Report::ok("docker.io".to_string())
}

fn acr(parts: &UrlParts) -> Report<String> {
    let name = ["io", "cn", "us"]
        .iter()
        .find_map(|tld| parts.host.strip_suffix(&format!(".azurecr.{tld}")));
    let ok = name.is_some_and(|n| {
        (5..=50).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_alphanumeric())
    });
    if !ok || parts.port.is_some() {
        return fail(
            ErrorCode::AcrUrlHost,
            "an Azure registry is \"<name>.azurecr.io\" (or \".azurecr.cn\", \".azurecr.us\"), with a name of 5 to 50 letters and digits",
        );
    }
    if !parts.path_without_api_version().is_empty() {
        return fail(
            ErrorCode::AcrUrlPath,
            "an Azure registry's address has no path",
        );
    }
    Report::ok(parts.host.clone())
}

fn artifact_registry(parts: &UrlParts) -> Report<String> {
    let location = parts.host.strip_suffix("-docker.pkg.dev");
    let ok = location.is_some_and(|l| {
        l.len() >= 2
            && l.starts_with(|c: char| c.is_ascii_lowercase())
            && !l.ends_with("-")
            && l.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    });
    if !ok || parts.port.is_some() {
        return fail(
            ErrorCode::ArtifactRegistryUrlHost,
            "an Artifact Registry address is \"<location>-docker.pkg.dev\", such as \"us-central1-docker.pkg.dev\" or \"europe-docker.pkg.dev\"",
        );
    }
    Report::ok(generic(parts))
}

fn gcr(parts: &UrlParts) -> Report<String> {
    if !GCR_HOSTS.contains(&parts.host.as_str()) || parts.port.is_some() {
        return fail(
            ErrorCode::GcrUrlHost,
            "GCR is \"gcr.io\", \"us.gcr.io\", \"eu.gcr.io\" or \"asia.gcr.io\"",
        );
    }
    Report::ok(generic(parts))
}
