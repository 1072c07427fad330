//! STS `AssumeRole`: the signed request that turns an ECR configuration's access keys into the
//! temporary credentials of the role named by `assumeRoleArn`, and the reading of its XML answer.
//!
//! The request is what botocore sends for `sts.assume_role(RoleArn=..., RoleSessionName=...)`
//! (AWS Query protocol, version `2011-06-15`): `POST https://sts.<region>.<partition domain>/`
//! with a form body, signed with SigV4 for service `sts` in the registry's region
//! (`tests/verify_sts.rs` compares it with botocore's own client). The answer is read by a small
//! reader that looks for the few elements it needs in the size-capped body; the role's
//! credentials are secrets ([`AwsCredentials`] redacts them in `Debug`) and never reach a
//! message or a result.

use super::http::{Header, Request, Response, Transport};
use super::sigv4::{uri_encode, AwsCredentials};
use crate::substring::{contains, split_once};
use crate::time::Timestamp;
use crate::ErrorCode;

/// The content type botocore sends for the Query protocol.
pub const CONTENT_TYPE: &str = "application/x-www-form-urlencoded; charset=utf-8";
/// The session name regcred gives the role session (CloudTrail shows it).
pub const SESSION_NAME: &str = "regcred";

/// Why STS did not hand out role credentials.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StsError {
    /// `sts.access-denied` (the keys may not assume this role, or its trust policy refuses
    /// them), `sts.invalid-key`, `sts.bad-signature`, `sts.expired-token`, `sts.clock-skew`,
    /// `sts.region-disabled`, `sts.throttled`, `sts.unavailable`, `sts.bad-response`,
    /// `sts.error`, or a transport code (`sts.unreachable`, `sts.tls`, `sts.timeout`).
    pub code: ErrorCode,
    /// What happened, in our words (no text of the server's answer).
    pub message: String,
}

fn err(code: ErrorCode, message: impl Into<String>) -> StsError {
    StsError {
        code,
        message: message.into(),
    }
}

/// The STS host of a region: `sts.<region>.<the partition's domain>` (botocore's regional
/// endpoint: `sts.us-east-1.amazonaws.com`, `sts.cn-north-1.amazonaws.com.cn`, ...).
pub fn sts_host(region: &str) -> String {
    format!(
        "sts.{region}.{}",
        crate::validate::ecr_url::partition_domain(region)
    )
}

/// The signed `AssumeRole` request for `role_arn`, with `creds` (the configuration's keys).
pub fn assume_role_request(
    region: &str,
    creds: &AwsCredentials,
    role_arn: &str,
    now: Timestamp,
) -> Request {
    let host = sts_host(region);
    let body = format!(
        "Action=AssumeRole&Version=2011-06-15&RoleArn={}&RoleSessionName={}",
        uri_encode(role_arn.as_bytes(), false),
        uri_encode(SESSION_NAME.as_bytes(), false)
    );
    let headers = vec![Header::plain("Content-Type", CONTENT_TYPE)];
    super::ecr::signed_post(&host, region, "sts", headers, body, creds, now)
}

/// The text of the first `<tag>...</tag>` element in `xml`, entities decoded; `None` when
/// absent, nested markup inside, or longer than 8 KiB (no STS value is).
fn element(xml: &str, tag: &str) -> Option<String> {
    let (_, rest) = split_once(xml, &format!("<{tag}>"))?;
    let (text, _) = split_once(rest, &format!("</{tag}>"))?;
    if text.len() > 8 * 1024 || crate::substring::contains_byte(text, b'<') {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, after)) = crate::substring::split_once_byte(rest, b'&') {
        out.push_str(before);
        let (entity, tail) = crate::substring::split_once_byte(after, b';')?;
        out.push(match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => return None,
        });
        rest = tail;
    }
    out.push_str(rest);
    Some(out.trim().to_owned())
}

/// The role session's credentials and when they expire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleSession {
    /// Temporary credentials (`ASIA...`, secret, session token). Secret; `Debug` redacts.
    pub credentials: AwsCredentials,
    /// `Expiration` of the session.
    pub expires_at: Timestamp,
}

/// Reads the answer to [`assume_role_request`].
pub fn parse_assume_role_response(resp: &Response) -> Result<RoleSession, StsError> {
    let xml = String::from_utf8_lossy(resp.capped_body());
    if !(200..300).contains(&resp.status) {
        let code = element(&xml, "Code").unwrap_or_default();
        let message = element(&xml, "Message")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let skew = contains(&message, "signature expired")
            || contains(&message, "not yet current")
            || code == "RequestExpired";
        return Err(match code.as_str() {
            _ if skew => err(ErrorCode::StsClockSkew, "STS rejected the request time: the clock of this host is off by more than 5 minutes"),
            "AccessDenied" => err(ErrorCode::StsAccessDenied, "the access key may not assume this role (its permissions or the role's trust policy refuse it)"),
            "InvalidClientTokenId" => err(ErrorCode::StsInvalidKey, "STS does not know this access key id (or the session token is invalid)"),
            "SignatureDoesNotMatch" | "IncompleteSignature" => err(ErrorCode::StsBadSignature, "STS rejected the signature: the secret access key does not match the access key id"),
            "ExpiredToken" | "ExpiredTokenException" => err(ErrorCode::StsExpiredToken, "the session token has expired"),
            "RegionDisabledException" => err(ErrorCode::StsRegionDisabled, "STS is not activated in this region for the account"),
            "Throttling" | "ThrottlingException" => err(ErrorCode::StsThrottled, "STS throttled the request; try again later"),
            _ if resp.status >= 500 => err(ErrorCode::StsUnavailable, format!("STS answered with server error {}", resp.status)),
            _ => err(ErrorCode::StsError, format!("STS answered with status {}", resp.status)),
        });
    }
    let bad = || {
        err(
            ErrorCode::StsBadResponse,
            "the STS answer has no usable role credentials",
        )
    };
    let (_, creds) = split_once(&xml, "<Credentials>").ok_or_else(bad)?;
    let field = |tag: &str| {
        element(creds, tag)
            .filter(|v| !v.is_empty())
            .ok_or_else(bad)
    };
    let credentials = AwsCredentials {
        access_key_id: field("AccessKeyId")?,
        secret_access_key: field("SecretAccessKey")?.into(),
        session_token: Some(field("SessionToken")?.into()),
    };
    let expires_at = Timestamp::parse_iso8601(&field("Expiration")?).ok_or_else(bad)?;
    Ok(RoleSession {
        credentials,
        expires_at,
    })
}

/// The code of a transport failure of the STS request.
pub fn transport_error(t: Transport) -> StsError {
    match t {
        Transport::Unreachable => err(
            ErrorCode::StsUnreachable,
            "the STS API could not be reached",
        ),
        Transport::Tls => err(
            ErrorCode::StsTls,
            "the TLS handshake with the STS API failed",
        ),
        Transport::Timeout => err(ErrorCode::StsTimeout, "the STS API did not answer in time"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn element_reader() {
        assert_eq!(
            element("<a><B>x&amp;y</B></a>", "B").as_deref(),
            Some("x&y")
        );
        assert_eq!(element("<B>x&bogus;</B>", "B"), None);
        assert_eq!(element("<B>x", "B"), None);
        assert_eq!(element("<B><C/></B>", "B"), None);
        assert_eq!(element("", "B"), None);
    }
}
