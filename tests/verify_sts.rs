//! STS AssumeRole (ECR `assumeRoleArn`): the signed request equals what botocore's own STS client
//! sends; the XML answer is read into role credentials or a stable code without leaking them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;

mod support;

use regcred::time::Timestamp;
use regcred::verify::sigv4::AwsCredentials;
use regcred::verify::sts::{assume_role_request, parse_assume_role_response, SESSION_NAME};
use regcred::verify::Response;
use serde_json::{json, Value};

fn creds(token: Option<&str>) -> AwsCredentials {
    AwsCredentials {
        access_key_id: "AKIDEXAMPLE".into(),
        secret_access_key: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".into(),
        session_token: token.map(Into::into),
    }
}

fn botocore(region: &str, c: &AwsCredentials, role_arn: &str, ts: &str) -> Value {
    let input = json!({
        "access_key_id": c.access_key_id, "secret_access_key": c.secret_access_key.expose(),
        "session_token": c.session_token.as_ref().map(|t| t.expose()), "region": region, "role_arn": role_arn,
        "session_name": SESSION_NAME, "timestamp": ts,
    });
    support::botocore::run("botocore_sts.py", &input)
}

#[test]
fn assume_role_request_equals_botocore() {
    let cases = [
        (
            "us-east-1",
            "arn:aws:iam::123456789012:role/ecr-pull",
            None,
            "2026-11-29T06:00:00Z",
        ),
        (
            "eu-west-1",
            "arn:aws:iam::210987654321:role/team/ci/ecr+pull=x,y.z@w_v-u",
            Some("FwoGZXIvYXdzEXAMPLE//token+/="),
            "2015-08-30T12:36:00Z",
        ),
        (
            "cn-north-1",
            "arn:aws-cn:iam::123456789012:role/r",
            None,
            "2024-02-29T23:59:59Z",
        ),
        (
            "us-gov-west-1",
            "arn:aws-us-gov:iam::123456789012:role/r",
            Some("tok"),
            "2030-01-01T00:00:00Z",
        ),
        (
            "us-iso-east-1",
            "arn:aws-iso:iam::123456789012:role/r",
            None,
            "2026-01-01T00:00:00Z",
        ),
        (
            "eusc-de-east-1",
            "arn:aws-eusc:iam::123456789012:role/r",
            None,
            "2026-06-30T12:00:00Z",
        ),
    ];
    for (region, arn, token, ts) in cases {
        let c = creds(token);
        let req = assume_role_request(region, &c, arn, Timestamp::parse_iso8601(ts).unwrap());
        let reference = botocore(region, &c, arn, ts);
        assert_eq!(req.method, "POST");
        assert_eq!(
            Some(req.url.as_str()),
            reference["url"].as_str(),
            "{region}"
        );
        assert_eq!(req.body.as_deref(), reference["body"].as_str(), "{region}");
        let ours: BTreeMap<String, String> = req
            .headers
            .iter()
            .map(|h| (h.name.clone(), h.value.clone()))
            .collect();
        let theirs: BTreeMap<String, String> =
            serde_json::from_value(reference["headers"].clone()).unwrap();
        assert_eq!(ours, theirs, "{region}");
    }
}

const ROLE_KEY: &str = "ASIAROLEEXAMPLE12345";
const ROLE_SECRET: &str = "role-secret-marker-1234567890";
const ROLE_TOKEN: &str = "role-token-marker&lt;x&gt;";

fn ok_answer() -> Response {
    let xml = format!(
        r#"<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/ecr-pull/regcred</Arn><AssumedRoleId>AROA:regcred</AssumedRoleId></AssumedRoleUser>
    <Credentials>
      <AccessKeyId>{ROLE_KEY}</AccessKeyId>
      <SecretAccessKey>{ROLE_SECRET}</SecretAccessKey>
      <SessionToken>{ROLE_TOKEN}</SessionToken>
      <Expiration>2026-11-29T07:00:00Z</Expiration>
    </Credentials>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
</AssumeRoleResponse>"#
    );
    Response::new(200, &[("content-type", "text/xml")]).with_body(xml)
}

#[test]
fn answer_is_read_into_role_credentials() {
    let s = parse_assume_role_response(&ok_answer()).unwrap();
    assert_eq!(s.credentials.access_key_id, ROLE_KEY);
    assert_eq!(s.credentials.secret_access_key.expose(), ROLE_SECRET);
    assert_eq!(
        s.credentials.session_token.as_ref().map(|t| t.expose()),
        Some("role-token-marker<x>")
    );
    assert_eq!(
        s.expires_at,
        Timestamp::parse_iso8601("2026-11-29T07:00:00Z").unwrap()
    );
    let debug = format!("{s:?}");
    assert!(!debug.contains("marker"), "{debug}");
}

fn error_answer(status: u16, code: &str, message: &str) -> Response {
    let xml = format!(
        "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>\
         <Code>{code}</Code><Message>{message}</Message></Error><RequestId>x</RequestId></ErrorResponse>"
    );
    Response::new(status, &[]).with_body(xml)
}

#[test]
fn errors_have_stable_codes_and_our_words() {
    let cases = [
        (
            403,
            "AccessDenied",
            "User: arn:aws:iam::1:user/x is not authorized to perform: sts:AssumeRole",
            "sts.access-denied",
        ),
        (
            403,
            "InvalidClientTokenId",
            "The security token included in the request is invalid.",
            "sts.invalid-key",
        ),
        (
            403,
            "SignatureDoesNotMatch",
            "The request signature we calculated does not match",
            "sts.bad-signature",
        ),
        (
            403,
            "SignatureDoesNotMatch",
            "Signature expired: 20200101T000000Z is now earlier than",
            "sts.clock-skew",
        ),
        (
            400,
            "ExpiredToken",
            "The security token included in the request is expired",
            "sts.expired-token",
        ),
        (
            403,
            "RegionDisabledException",
            "STS is not activated in this region",
            "sts.region-disabled",
        ),
        (400, "Throttling", "Rate exceeded", "sts.throttled"),
        (503, "ServiceUnavailable", "x", "sts.unavailable"),
        (
            400,
            "ValidationError",
            "1 validation error detected: Value 'evil-marker' at 'roleArn'",
            "sts.error",
        ),
    ];
    for (status, code, message, expected) in cases {
        let e = parse_assume_role_response(&error_answer(status, code, message)).unwrap_err();
        assert_eq!(e.code, expected, "{code}");
        assert!(
            !e.message.contains("marker") && !e.message.contains("arn:"),
            "{}",
            e.message
        );
    }
    for body in [
        "",
        "<AssumeRoleResponse/>",
        "<Credentials><AccessKeyId>A</AccessKeyId></Credentials>",
        "\u{0}\u{ff}",
    ] {
        let e = parse_assume_role_response(&Response::new(200, &[]).with_body(body)).unwrap_err();
        assert_eq!(e.code, "sts.bad-response", "{body:?}");
    }
}

fn role_config() -> regcred::RegistryConfig {
    serde_json::from_value(json!({
        "name": "ecr-cross", "registryType": "ecr",
        "registryUrl": "123456789012.dkr.ecr.eu-west-1.amazonaws.com",
        "awsAuthType": "user-auth", "awsAccessKeyId": "AKIDEXAMPLE",
        "awsSecretAccessKey": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        "assumeRoleArn": "arn:aws:iam::210987654321:role/ecr-pull"
    }))
    .unwrap()
}

fn ecr_token_answer() -> Response {
    use base64::Engine;
    let tok = base64::engine::general_purpose::STANDARD.encode("AWS:ecr-password-marker");
    Response::new(200, &[]).with_body(format!(
        r#"{{"authorizationData":[{{"authorizationToken":"{tok}","expiresAt":1700043200,"proxyEndpoint":"https://123456789012.dkr.ecr.eu-west-1.amazonaws.com"}}]}}"#
    ))
}

/// The token request is signed with the role's session credentials, not the configured keys.
fn assert_signed_by_role(req: &regcred::verify::Request) {
    assert_eq!(req.url, "https://api.ecr.eu-west-1.amazonaws.com/");
    let auth = req.header("authorization").unwrap();
    assert!(
        auth.starts_with(&format!("AWS4-HMAC-SHA256 Credential={ROLE_KEY}/")),
        "{auth}"
    );
    assert_eq!(
        req.header("x-amz-security-token"),
        Some("role-token-marker<x>")
    );
    // The same request signed by us with the role's credentials at the same time.
    let role = AwsCredentials {
        access_key_id: ROLE_KEY.into(),
        secret_access_key: ROLE_SECRET.into(),
        session_token: Some("role-token-marker<x>".into()),
    };
    let endpoint = regcred::verify::ecr::EcrEndpoint::from_registry_host(
        "123456789012.dkr.ecr.eu-west-1.amazonaws.com",
    )
    .unwrap();
    let expected = regcred::verify::ecr::authorization_token_request(
        &endpoint,
        &role,
        Timestamp(1_700_000_000),
    );
    assert_eq!(req.headers, expected.headers);
}

#[test]
fn login_assumes_the_role_then_uses_its_credentials_for_the_token() {
    use regcred::verify::login::{Login, LoginOptions};
    use regcred::verify::outcome::{Exchange, Status, Step};
    let opts = LoginOptions {
        now: Timestamp(1_700_000_000),
        allow_private_networks: false,
    };
    let mut m = Login::from_config(&role_config(), opts).unwrap();
    let Step::Send(r) = m.next() else { panic!() };
    assert_eq!(r.url, "https://sts.eu-west-1.amazonaws.com/");
    let expected = assume_role_request(
        "eu-west-1",
        &creds(None),
        "arn:aws:iam::210987654321:role/ecr-pull",
        Timestamp(1_700_000_000),
    );
    assert_eq!((&r.headers, &r.body), (&expected.headers, &expected.body));
    m.receive(ok_answer());
    let Step::Send(r) = m.next() else { panic!() };
    assert_signed_by_role(&r);
    m.receive(ecr_token_answer());
    let Step::Send(r) = m.next() else { panic!() };
    assert_eq!(
        r.url,
        "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/"
    );
    m.receive(Response::new(
        200,
        &[("docker-distribution-api-version", "registry/2.0")],
    ));
    let Step::Done(o) = m.next() else { panic!() };
    assert_eq!(o.status, Status::Anonymous);
    assert_eq!(o.steps.len(), 3);
    assert_eq!(o.steps[0].url, "https://sts.eu-west-1.amazonaws.com/");
    let text = format!("{} {m:?}", serde_json::to_string(&o).unwrap());
    for secret in ["marker", ROLE_KEY, "wJalr"] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
}

#[test]
fn login_reports_a_refused_role() {
    use regcred::verify::login::{Login, LoginOptions};
    use regcred::verify::outcome::{Exchange, Status, Step};
    let opts = LoginOptions {
        now: Timestamp(1_700_000_000),
        allow_private_networks: false,
    };
    let mut m = Login::from_config(&role_config(), opts).unwrap();
    let _ = m.next();
    m.receive(error_answer(403, "AccessDenied", "not authorized"));
    let Step::Done(o) = m.next() else { panic!() };
    assert_eq!(
        (o.status, o.code.as_deref()),
        (Status::Unauthorized, Some("sts.access-denied"))
    );
    assert_eq!(o.steps.len(), 1);
}

#[test]
fn token_exchange_with_a_role() {
    use regcred::verify::ecr::EcrEndpoint;
    use regcred::verify::outcome::{Exchange, Step};
    use regcred::verify::role_token::RoleTokenExchange;
    let endpoint =
        EcrEndpoint::from_registry_host("123456789012.dkr.ecr.eu-west-1.amazonaws.com").unwrap();
    let role = Some("arn:aws:iam::210987654321:role/ecr-pull");
    let mut x = RoleTokenExchange::new(&endpoint, &creds(None), role, Timestamp(1_700_000_000));
    let Step::Send(r) = x.next() else { panic!() };
    assert_eq!(r.url, "https://sts.eu-west-1.amazonaws.com/");
    x.receive(ok_answer());
    let Step::Send(r) = x.next() else { panic!() };
    assert_signed_by_role(&r);
    x.receive(ecr_token_answer());
    let Step::Done(Ok(a)) = x.next() else {
        panic!()
    };
    assert_eq!(a.password, "ecr-password-marker");
    assert!(!format!("{x:?}").contains("marker"));

    let mut x = RoleTokenExchange::new(&endpoint, &creds(None), role, Timestamp(1_700_000_000));
    let _ = x.next();
    x.receive(error_answer(403, "AccessDenied", "no"));
    let Step::Done(Err(e)) = x.next() else {
        panic!()
    };
    assert_eq!(e.code, "sts.access-denied");
    let mut x = RoleTokenExchange::new(&endpoint, &creds(None), role, Timestamp(1_700_000_000));
    let _ = x.next();
    x.fail(regcred::verify::Transport::Timeout);
    let Step::Done(Err(e)) = x.next() else {
        panic!()
    };
    assert_eq!(e.code, "sts.timeout");
    // Without a role it is the plain token exchange.
    let mut x = RoleTokenExchange::new(&endpoint, &creds(None), None, Timestamp(1_700_000_000));
    let Step::Send(r) = x.next() else { panic!() };
    assert_eq!(r.url, "https://api.ecr.eu-west-1.amazonaws.com/");
}
