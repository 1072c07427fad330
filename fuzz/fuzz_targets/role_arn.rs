//! IAM role ARNs (ECR's `assumeRoleArn`): any text checks without panicking, against every
//! partition's regions; an accepted ARN has the shape and partition the rules promise, and the
//! whole-configuration validation agrees with the checker.
#![no_main]

use libfuzzer_sys::fuzz_target;
use regcred::time::Timestamp;
use regcred::validate::role_arn::{arn_partition, check_role_arn};

const REGIONS: [&str; 8] = [
    "eu-west-1",
    "cn-north-1",
    "us-gov-west-1",
    "us-iso-east-1",
    "us-isob-east-1",
    "us-isof-south-1",
    "eu-isoe-west-1",
    "eusc-de-east-1",
];

fuzz_target!(|data: &[u8]| {
    let Ok(arn) = std::str::from_utf8(data) else { return };
    let _ = arn_partition(arn);
    for region in REGIONS.iter().copied().map(Some).chain([None]) {
        check(arn, region);
    }
    // The same ARN in an ECR configuration of one of the regions.
    let region = REGIONS.get(arn.len() % REGIONS.len()).copied().unwrap_or("eu-west-1");
    let config = serde_json::json!({
        "name": "ecr", "registryType": "ecr",
        "registryUrl": format!("123456789012.dkr.ecr.{region}.{}", regcred::validate::ecr_url::partition_domain(region)),
        "awsAuthType": "iam-role", "assumeRoleArn": arn,
    });
    let report = regcred::validate_registry(&config.into(), Timestamp(1_795_732_860));
    let flagged = report.errors.iter().any(|i| i.path == "/assumeRoleArn");
    let trimmed = arn.trim();
    let url_ok = !report.errors.iter().any(|i| i.path == "/registryUrl");
    let region = url_ok.then_some(region);
    let expected = !trimmed.is_empty() && check_role_arn(trimmed, region).is_err();
    assert_eq!(flagged, expected, "validation and check_role_arn disagree on {arn:?}");
});

/// The checker's messages, one per way to fail (each from a canonical bad input).
fn fixed_messages() -> &'static Vec<String> {
    static MESSAGES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    MESSAGES.get_or_init(|| {
        [
            ("x", None),
            ("arn:aws:iam::12345678901:role/x", None),
            ("arn:aws:iam::123456789012:user/xxxx", None),
            ("arn:aws:iam::123456789012:role/a b", None),
            ("arn:aws-mars:iam::123456789012:role/x", None),
            ("arn:aws:iam::123456789012:role/x", Some("cn-north-1")),
        ]
        .iter()
        .filter_map(|(arn, region)| check_role_arn(arn, *region).err())
        .map(|i| i.message)
        .collect()
    })
}

/// An accepted ARN has the promised shape and the region's partition; a refused one has a
/// role-ARN code and a message that does not echo it.
fn check(arn: &str, region: Option<&str>) {
    match check_role_arn(arn, region) {
        Ok(()) => {
            assert!((20..=2048).contains(&arn.len()));
            let parts: Vec<&str> = arn.splitn(6, ':').collect();
            assert_eq!(parts.len(), 6);
            assert_eq!((parts[0], parts[2], parts[3]), ("arn", "iam", ""));
            assert!(parts[4].len() == 12 && parts[4].bytes().all(|b| b.is_ascii_digit()));
            assert!(parts[5].starts_with("role/"));
            if let Some(r) = region {
                assert_eq!(parts[1], arn_partition(r));
            }
            assert_eq!(check_role_arn(arn, None), Ok(()), "a region only narrows");
        }
        Err(issue) => {
            assert!(
                issue.code == "ecr.role-arn.format" || issue.code == "ecr.role-arn.partition",
                "{}",
                issue.code
            );
            // No echo of the input: the message is one of the checker's fixed texts.
            assert!(fixed_messages().contains(&issue.message), "{}", issue.message);
        }
    }
}
