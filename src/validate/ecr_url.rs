//! Amazon ECR registry addresses: [`parse_ecr_url`] and [`EcrRegistry`].
//!
//! Accepted private registry hosts (the forms amazon-ecr-credential-helper and the Kubernetes
//! ECR credential provider accept), with or without `https://`, a trailing path or `/v2/`:
//!
//! | form | example |
//! |---|---|
//! | IPv4 | `123456789012.dkr.ecr.us-east-1.amazonaws.com` |
//! | FIPS | `123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com` |
//! | dual-stack | `123456789012.dkr-ecr.us-east-1.on.aws` (also `dkr-ecr-fips`) |
//! | China | `...dkr.ecr.cn-north-1.amazonaws.com.cn`, dual-stack `...on.amazonwebservices.com.cn` |
//! | EU sovereign | `...dkr.ecr.eusc-de-east-1.amazonaws.eu`, dual-stack `...on.amazonwebservices.eu` |
//! | ISO | `c2s.ic.gov`, `sc2s.sgov.gov`, `cloud.adc-e.uk`, `csp.hci.ic.gov` (and their `on.` dual-stack forms) |
//! | public | `public.ecr.aws`, dual-stack `ecr-public.aws.com` |
//!
//! The credential helper's parser (`ecrPattern` in `ecr-login/api/client.go`) takes the service
//! part as `dkr[.-]ecr(-fips)?` under every domain, so both spellings are accepted on each
//! domain (its own tests list `...dkr.ecr.cn-north-1.on.amazonwebservices.com.cn`); the domain,
//! not the spelling, decides `dualStack` and the API endpoint. Unlike the helper, regcred
//! rejects a region that belongs to another partition than the domain (`ecr.url.region`).

use crate::ErrorCode;
use serde::Serialize;

use super::url_parts::{split, Scheme};
use crate::report::{Issue, Report};

/// A parsed ECR registry address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EcrRegistry {
    /// The 12-digit AWS account id (`None` for public ECR).
    pub account_id: Option<String>,
    /// The region such as `us-east-1` (`None` for public ECR).
    pub region: Option<String>,
    /// Whether this is a FIPS endpoint (`dkr.ecr-fips`, `dkr-ecr-fips`).
    pub fips: bool,
    /// Whether this is a dual-stack (IPv4 + IPv6) endpoint (`dkr-ecr....on.aws`).
    pub dual_stack: bool,
    /// The DNS suffix of the registry host: `amazonaws.com`, `amazonaws.com.cn`, `on.aws`, ...
    pub partition: String,
    /// The registry host, lowercase, without scheme or path.
    pub host: String,
    /// The ECR API endpoint of that region (where `GetAuthorizationToken` is called).
    pub api_endpoint: String,
    /// Whether this is ECR Public (`public.ecr.aws`).
    pub public: bool,
}

/// An AWS partition as ECR sees it: which regions belong to it and its DNS suffixes.
struct Partition {
    /// Region prefix (`cn-`, `us-iso-`, ...); `""` for the commercial and GovCloud partition.
    region_prefix: &'static str,
    /// The suffix of `dkr.ecr` hosts.
    suffix: &'static str,
    /// The suffix of dual-stack `dkr-ecr` hosts (`on.` + the dual-stack API suffix).
    dual_suffix: &'static str,
}

const PARTITIONS: [Partition; 7] = [
    Partition {
        region_prefix: "cn-",
        suffix: "amazonaws.com.cn",
        dual_suffix: "on.amazonwebservices.com.cn",
    },
    Partition {
        region_prefix: "us-isob-",
        suffix: "sc2s.sgov.gov",
        dual_suffix: "on.aws.scloud",
    },
    Partition {
        region_prefix: "us-isof-",
        suffix: "csp.hci.ic.gov",
        dual_suffix: "on.aws.hci.ic.gov",
    },
    Partition {
        region_prefix: "us-iso-",
        suffix: "c2s.ic.gov",
        dual_suffix: "on.aws.ic.gov",
    },
    Partition {
        region_prefix: "eu-isoe-",
        suffix: "cloud.adc-e.uk",
        dual_suffix: "on.cloud-aws.adc-e.uk",
    },
    Partition {
        region_prefix: "eusc-",
        suffix: "amazonaws.eu",
        dual_suffix: "on.amazonwebservices.eu",
    },
    Partition {
        region_prefix: "",
        suffix: "amazonaws.com",
        dual_suffix: "on.aws",
    },
];

/// The IPv4 DNS domain of a region's partition (`amazonaws.com`, `amazonaws.com.cn`,
/// `c2s.ic.gov`, ...): where its regional API endpoints such as STS live.
pub fn partition_domain(region: &str) -> &'static str {
    PARTITIONS
        .iter()
        .find(|p| region.starts_with(p.region_prefix))
        .map_or("amazonaws.com", |p| p.suffix)
}

const PUBLIC_HOST: &str = "public.ecr.aws";
const PUBLIC_DUAL_HOST: &str = "ecr-public.aws.com";

fn fail(code: ErrorCode, message: &str) -> Report<EcrRegistry> {
    Report::fail(Issue::new("", code, message))
}

/// Parses an ECR registry address.
///
/// Errors (path `""`), besides the address-shape codes of
/// [`split`](super::url_parts::split) under the `ecr.url` prefix (`ecr.url.empty`,
/// `ecr.url.too-long`, `ecr.url.character`, `ecr.url.scheme` (also for `http://`: ECR is
/// HTTPS-only), `ecr.url.userinfo`, `ecr.url.query`, `ecr.url.host`, `ecr.url.path`):
///
/// - `ecr.url.port`: a port was given (ECR listens on 443 only);
/// - `ecr.url.api-host`: an ECR API host (`api.ecr.<region>.amazonaws.com`,
///   `ecr.<region>.api.aws`, `api.ecr-public...`) instead of a registry host;
/// - `ecr.url.not-ecr`: the host is not an ECR registry at all;
/// - `ecr.url.suffix`: it looks like an ECR host but ends in an unknown domain (a look-alike
///   such as `...amazonaws.com.evil.example`);
/// - `ecr.url.account-id`: the part before `.dkr` is not exactly one 12-digit account id;
/// - `ecr.url.region`: the region is missing, malformed, or belongs to another partition.
pub fn parse_ecr_url(input: &str) -> Report<EcrRegistry> {
    let parts = match split(input, "ecr.url") {
        Ok(p) => p,
        Err(e) => return Report::fail(e),
    };
    if parts.scheme == Some(Scheme::Http) {
        return fail(ErrorCode::EcrUrlScheme, "ECR is served over HTTPS only");
    }
    if parts.port.is_some() {
        return fail(ErrorCode::EcrUrlPort, "an ECR registry address has no port");
    }
    if parts.is_ip {
        return fail(
            ErrorCode::EcrUrlNotEcr,
            "an IP address is not an ECR registry host",
        );
    }
    parse_host(crate::substring::trim_end_byte(&parts.host, b'.'))
}

fn parse_host(host: &str) -> Report<EcrRegistry> {
    if host == PUBLIC_HOST || host == PUBLIC_DUAL_HOST {
        let dual = host == PUBLIC_DUAL_HOST;
        return Report::ok(EcrRegistry {
            account_id: None,
            region: None,
            fips: false,
            dual_stack: dual,
            partition: "amazonaws.com".into(),
            host: host.into(),
            api_endpoint: if dual {
                "ecr-public.us-east-1.api.aws".into()
            } else {
                "api.ecr-public.us-east-1.amazonaws.com".into()
            },
            public: true,
        });
    }
    if is_api_host(host) {
        return fail(
            ErrorCode::EcrUrlApiHost,
            "this is the ECR API endpoint; enter the registry host, such as \"<account>.dkr.ecr.<region>.amazonaws.com\"",
        );
    }
    let Some((prefix, suffix, dual_suffix)) = find_suffix(host) else {
        let labels: Vec<&str> = crate::substring::split_byte(host, b'.').collect();
        if labels.iter().any(|l| is_service_label(l)) {
            return fail(
                ErrorCode::EcrUrlSuffix,
                "the host does not end in an AWS domain (amazonaws.com, amazonaws.com.cn, on.aws, ...)",
            );
        }
        return fail(
            ErrorCode::EcrUrlNotEcr,
            "not an ECR registry host; expected \"<account>.dkr.ecr.<region>.amazonaws.com\"",
        );
    };
    let labels: Vec<&str> = crate::substring::split_byte(prefix, b'.').collect();
    // Find the service part: `dkr` `ecr[-fips]` or `dkr-ecr[-fips]`.
    let mut service = None;
    for (i, l) in labels.iter().enumerate() {
        let next = labels.get(i + 1).copied();
        match (*l, next) {
            ("dkr", Some("ecr")) => service = Some((i, 2, false)),
            ("dkr", Some("ecr-fips")) => service = Some((i, 2, true)),
            ("dkr-ecr", _) => service = Some((i, 1, false)),
            ("dkr-ecr-fips", _) => service = Some((i, 1, true)),
            _ => continue,
        }
        break;
    }
    let Some((at, width, fips)) = service else {
        return fail(
            ErrorCode::EcrUrlNotEcr,
            "not an ECR registry host: \".dkr.ecr.\" is missing",
        );
    };
    let account: Vec<&str> = labels.iter().take(at).copied().collect();
    let region: Vec<&str> = labels.iter().skip(at + width).copied().collect();
    let account_ok =
        matches!(account.as_slice(), [a] if a.len() == 12 && a.bytes().all(|b| b.is_ascii_digit()));
    if !account_ok {
        return fail(
            ErrorCode::EcrUrlAccountId,
            "the account id before \".dkr\" must be exactly 12 digits",
        );
    }
    let [region] = region.as_slice() else {
        return fail(
            ErrorCode::EcrUrlRegion,
            "expected one region (such as \"us-east-1\") between \"ecr\" and the domain",
        );
    };
    if !is_region(region) {
        return fail(
            ErrorCode::EcrUrlRegion,
            "the region must look like \"us-east-1\": lowercase words and a number, joined by \"-\"",
        );
    }
    let Some(partition) = PARTITIONS
        .iter()
        .find(|p| region.starts_with(p.region_prefix))
    else {
        return fail(ErrorCode::EcrUrlRegion, "unknown region");
    };
    let expected = if dual_suffix {
        partition.dual_suffix
    } else {
        partition.suffix
    };
    if expected != suffix {
        return fail(
            ErrorCode::EcrUrlRegion,
            "the region belongs to another AWS partition than the host's domain",
        );
    }
    let api_endpoint = match (dual_suffix, fips) {
        (false, false) => format!("api.ecr.{region}.{suffix}"),
        (false, true) => format!("ecr-fips.{region}.{suffix}"),
        (true, f) => {
            let api = suffix.strip_prefix("on.").unwrap_or(suffix);
            let svc = if f { "ecr-fips" } else { "ecr" };
            format!("{svc}.{region}.api.{api}")
        }
    };
    Report::ok(EcrRegistry {
        account_id: account.first().map(|a| (*a).to_string()),
        region: Some((*region).to_string()),
        fips,
        dual_stack: dual_suffix,
        partition: suffix.to_string(),
        host: host.to_string(),
        api_endpoint,
        public: false,
    })
}

fn is_service_label(l: &str) -> bool {
    matches!(l, "dkr-ecr" | "dkr-ecr-fips" | "ecr" | "ecr-fips")
}

/// The host minus a known suffix: `(labels before it, suffix, is dual-stack suffix)`.
fn find_suffix(host: &str) -> Option<(&str, &'static str, bool)> {
    let mut best: Option<(&str, &'static str, bool)> = None;
    for p in &PARTITIONS {
        for (s, dual) in [(p.suffix, false), (p.dual_suffix, true)] {
            if let Some(prefix) = host.strip_suffix(s).and_then(|h| h.strip_suffix(".")) {
                let longer = match best {
                    Some((_, b, _)) => s.len() > b.len(),
                    None => true,
                };
                if longer {
                    best = Some((prefix, s, dual));
                }
            }
        }
    }
    best
}

/// ECR API hosts people paste by mistake.
fn is_api_host(host: &str) -> bool {
    let labels: Vec<&str> = crate::substring::split_byte(host, b'.').collect();
    match labels.as_slice() {
        ["api", "ecr" | "ecr-public", ..] => true,
        ["ecr" | "ecr-fips" | "ecr-public", region, rest @ ..] => {
            is_region(region) && matches!(rest.first(), Some(&("amazonaws" | "api")))
        }
        _ => false,
    }
}

/// `us-east-1`, `us-gov-west-1`, `eusc-de-east-1`, `us-isob-east-1`: 2 to 4 letters, one or
/// more `-word`s, then `-` and a number of 1 or 2 digits.
fn is_region(r: &str) -> bool {
    let parts: Vec<&str> = crate::substring::split_byte(r, b'-').collect();
    let Some((last, words)) = parts.split_last() else {
        return false;
    };
    let Some((first, middle)) = words.split_first() else {
        return false;
    };
    (1..=2).contains(&last.len())
        && last.bytes().all(|b| b.is_ascii_digit())
        && (2..=4).contains(&first.len())
        && !middle.is_empty()
        && words
            .iter()
            .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
}

impl crate::json::ToJson for EcrRegistry {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .field("accountId", &self.account_id)
            .field("region", &self.region)
            .field("fips", &self.fips)
            .field("dualStack", &self.dual_stack)
            .field("partition", &self.partition)
            .field("host", &self.host)
            .field("apiEndpoint", &self.api_endpoint)
            .field("public", &self.public)
            .end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_common_forms() {
        let r = parse_ecr_url("https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/")
            .value
            .unwrap();
        assert_eq!(r.api_endpoint, "api.ecr.us-east-1.amazonaws.com");
        let r = parse_ecr_url("123456789012.dkr-ecr-fips.us-east-1.on.aws")
            .value
            .unwrap();
        assert_eq!(r.api_endpoint, "ecr-fips.us-east-1.api.aws");
        assert!(r.dual_stack && r.fips);
        assert_eq!(
            parse_ecr_url("123456789012.dkr.ecr.us-east-1.amazonaws.com.evil.example")
                .error_codes(),
            ["ecr.url.suffix"]
        );
        assert_eq!(
            parse_ecr_url("api.ecr.us-east-1.amazonaws.com").error_codes(),
            ["ecr.url.api-host"]
        );
        assert_eq!(
            parse_ecr_url("123456789012.dkr.ecr.cn-north-1.amazonaws.com").error_codes(),
            ["ecr.url.region"]
        );
    }
}
