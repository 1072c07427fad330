//! Just enough of ECR's host names for generation: is this an ECR registry, and in which region.
//!
//! Private registries are `<account>.dkr.ecr[-fips].<region>.<partition domain>` (amazonaws.com,
//! amazonaws.com.cn, c2s.ic.gov, sc2s.sgov.gov, amazonaws.eu, ...) and dual-stack
//! `<account>.dkr-ecr[-fips].<region>.on.aws`; `public.ecr.aws` is public ECR, whose
//! authorization lives in us-east-1. The full parser with error codes is the validation module's
//! `parseEcrUrl`.

/// The host of a registry URL or server key: scheme, path and a trailing `/` removed, lowercase.
pub fn host_of(server: &str) -> String {
    let s = server.trim();
    let s = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .unwrap_or(s);
    s.split('/').next().unwrap_or_default().to_ascii_lowercase()
}

/// The AWS region of an ECR registry host (or URL); `None` when it is not an ECR host.
pub fn ecr_region(server: &str) -> Option<String> {
    let host = host_of(server);
    let host = host.split(':').next().unwrap_or_default();
    if host == "public.ecr.aws" {
        return Some("us-east-1".into());
    }
    let labels: Vec<&str> = host.split('.').collect();
    let account = labels.first()?;
    if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let region = match (labels.get(1).copied(), labels.get(2).copied()) {
        (Some("dkr"), Some("ecr" | "ecr-fips")) => labels.get(3),
        (Some("dkr-ecr" | "dkr-ecr-fips"), _) => labels.get(2),
        _ => None,
    }?;
    let looks_like_region = region.split('-').count() >= 3
        && region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    looks_like_region.then(|| (*region).to_owned())
}

/// Whether `server` names an ECR registry (private or public).
pub fn is_ecr(server: &str) -> bool {
    ecr_region(server).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions() {
        let r = |s| ecr_region(s);
        assert_eq!(
            r("123456789012.dkr.ecr.eu-west-1.amazonaws.com").as_deref(),
            Some("eu-west-1")
        );
        assert_eq!(
            r("https://123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/x").as_deref(),
            Some("cn-north-1")
        );
        assert_eq!(
            r("123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com").as_deref(),
            Some("us-gov-west-1")
        );
        assert_eq!(
            r("123456789012.dkr-ecr.us-east-2.on.aws").as_deref(),
            Some("us-east-2")
        );
        assert_eq!(r("public.ecr.aws").as_deref(), Some("us-east-1"));
        assert_eq!(r("quay.io"), None);
        assert_eq!(r("12345678901.dkr.ecr.eu-west-1.amazonaws.com"), None);
    }
}
