//! What generation needs to know of ECR hosts: is this an ECR registry, and in which region
//! (answered by the validation module's ECR URL parser), and the bare host of a server key.

use crate::url::address::split_address;

/// The host of a registry URL or server key (`host[:port]`, as docker's `credHelpers` keys
/// are): scheme, path and a trailing `/` removed, lowercase, by the crate's one address
/// splitter (`src/url/address.rs`).
pub fn host_of(server: &str) -> String {
    split_address(server.trim()).authority.to_ascii_lowercase()
}

/// The AWS region of an ECR registry host (or URL), by [`crate::validate::parse_ecr_url`];
/// public ECR (`public.ecr.aws`) authorizes in `us-east-1`. `None` when it is not an ECR host.
pub fn ecr_region(server: &str) -> Option<String> {
    let ecr = crate::validate::parse_ecr_url(server).value?;
    if ecr.public {
        return Some("us-east-1".into());
    }
    ecr.region
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
