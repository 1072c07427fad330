//! IAM role ARNs for ECR's "assume role" option: [`check_role_arn`] and the AWS partition of a
//! region ([`arn_partition`]).
//!
//! An IAM role ARN is `arn:<partition>:iam::<12-digit account>:role/<path/><name>` (IAM's
//! `Role.Arn`; `RoleArn` of STS `AssumeRole` takes 20 to 2048 characters). The name is 1 to 64 of
//! `A-Za-z0-9+=,.@_-`; the optional path is `segment/.../` of printable ASCII, under 512
//! characters. The partition must be the registry region's partition: a role of `aws-cn`
//! cannot be assumed through the STS endpoint of a commercial region.

use crate::report::Issue;
use crate::ErrorCode;

/// `(region prefix, ARN partition)`, most specific prefix first; the fallback is `aws`.
const PARTITIONS: [(&str, &str); 7] = [
    ("cn-", "aws-cn"),
    ("us-gov-", "aws-us-gov"),
    ("us-isob-", "aws-iso-b"),
    ("us-isof-", "aws-iso-f"),
    ("us-iso-", "aws-iso"),
    ("eu-isoe-", "aws-iso-e"),
    ("eusc-", "aws-eusc"),
];

/// The ARN partition of an AWS region (`aws`, `aws-cn`, `aws-us-gov`, `aws-iso`, `aws-iso-b`,
/// `aws-iso-e`, `aws-iso-f`, `aws-eusc`).
pub fn arn_partition(region: &str) -> &'static str {
    PARTITIONS
        .iter()
        .find(|(prefix, _)| region.starts_with(prefix))
        .map_or("aws", |(_, partition)| partition)
}

fn is_name_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"+=,.@_-".contains(&b)
}

fn fail(code: ErrorCode, message: &str) -> Result<(), Issue> {
    Err(Issue::new("", code, message))
}

/// Checks an IAM role ARN; with `region`, also that the ARN's partition is that region's.
///
/// Errors (path `""`): `ecr.role-arn.format` when it is not `arn:<partition>:iam::<account>:
/// role/<name>` (wrong prefix, service, region part not empty, account not 12 digits, not a
/// role, bad name or path, longer than 2048); `ecr.role-arn.partition` when the partition is
/// unknown or differs from the region's.
pub fn check_role_arn(arn: &str, region: Option<&str>) -> Result<(), Issue> {
    let format = "an IAM role ARN looks like \"arn:aws:iam::123456789012:role/name\"";
    if arn.len() < 20 || arn.len() > 2048 {
        return fail(ErrorCode::EcrRoleArnFormat, format);
    }
    let mut parts = crate::substring::split_byte(arn, b':');
    let (Some("arn"), Some(partition), Some("iam"), Some(""), Some(account), Some(resource)) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.remainder(),
    ) else {
        return fail(ErrorCode::EcrRoleArnFormat, format);
    };
    if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
        return fail(
            ErrorCode::EcrRoleArnFormat,
            "the account id in a role ARN is exactly 12 digits",
        );
    }
    let Some(path_and_name) = resource.strip_prefix("role/") else {
        return fail(
            ErrorCode::EcrRoleArnFormat,
            "the ARN does not name an IAM role (\":role/...\")",
        );
    };
    let (path_ok, name) = match crate::substring::rsplit_once_byte(path_and_name, b'/') {
        None => (true, path_and_name),
        Some((path, name)) => (
            path.len() < 511
                && crate::substring::split_byte(path, b'/')
                    .all(|seg| !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_graphic())),
            name,
        ),
    };
    if name.is_empty() || name.len() > 64 || !name.bytes().all(is_name_char) || !path_ok {
        return fail(
            ErrorCode::EcrRoleArnFormat,
            "a role name is 1 to 64 of letters, digits and \"+=,.@_-\" (after an optional path)",
        );
    }
    let known = partition == "aws" || PARTITIONS.iter().any(|(_, p)| *p == partition);
    if !known {
        return fail(
            ErrorCode::EcrRoleArnPartition,
            "unknown AWS partition in the role ARN",
        );
    }
    match region {
        Some(r) if arn_partition(r) != partition => fail(
            ErrorCode::EcrRoleArnPartition,
            "the role belongs to another AWS partition than the registry's region",
        ),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(arn: &str, region: Option<&str>) -> Option<String> {
        check_role_arn(arn, region).err().map(|i| i.code)
    }

    #[test]
    fn role_arns() {
        let ok = [
            ("arn:aws:iam::123456789012:role/ecr-pull", "us-east-1"),
            (
                "arn:aws:iam::123456789012:role/team/ci/ecr+pull=x,y.z@w_v-u",
                "eu-west-1",
            ),
            ("arn:aws-cn:iam::123456789012:role/r1", "cn-north-1"),
            ("arn:aws-us-gov:iam::123456789012:role/r1", "us-gov-west-1"),
            ("arn:aws-iso-b:iam::123456789012:role/r1", "us-isob-east-1"),
            ("arn:aws-iso:iam::123456789012:role/r1", "us-iso-east-1"),
            ("arn:aws-iso-f:iam::123456789012:role/r1", "us-isof-south-1"),
            ("arn:aws-iso-e:iam::123456789012:role/r1", "eu-isoe-west-1"),
            ("arn:aws-eusc:iam::123456789012:role/r1", "eusc-de-east-1"),
        ];
        for (arn, region) in ok {
            assert_eq!(code(arn, Some(region)), None, "{arn}");
        }
        let format = [
            "arn:aws:iam::12345678901:role/x",
            "arn:aws:iam::123456789012:user/x",
            "arn:aws:sts::123456789012:role/x",
            "arn:aws:iam:us-east-1:123456789012:role/x",
            "arn:aws:iam::123456789012:role/",
            "arn:aws:iam::123456789012:role/a b",
            "arn:aws:iam::123456789012:role//x",
            "aws:iam::123456789012:role/xxxxxxxx",
        ];
        for arn in format {
            assert_eq!(
                code(arn, None).as_deref(),
                Some("ecr.role-arn.format"),
                "{arn}"
            );
        }
        let long = format!("arn:aws:iam::123456789012:role/{}", "a".repeat(65));
        assert_eq!(code(&long, None).as_deref(), Some("ecr.role-arn.format"));
        assert_eq!(
            code("arn:aws:iam::123456789012:role/x", Some("cn-north-1")).as_deref(),
            Some("ecr.role-arn.partition")
        );
        assert_eq!(
            code("arn:aws-mars:iam::123456789012:role/x", None).as_deref(),
            Some("ecr.role-arn.partition")
        );
    }
}
