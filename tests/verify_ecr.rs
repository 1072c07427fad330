//! ECR GetAuthorizationToken: the signed request equals botocore's; answers and AWS errors are
//! read into a password or a stable code; the login machine uses it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;

mod support;

use base64::Engine;
use regcred::time::Timestamp;
use regcred::verify::ecr::{
    authorization_token_request, parse_authorization_response, EcrEndpoint, TokenExchange,
};
use regcred::verify::login::{Login, LoginOptions};
use regcred::verify::outcome::{Exchange, Status, Step};
use regcred::verify::sigv4::AwsCredentials;
use regcred::verify::Response;
use regcred::RegistryConfig;

fn creds(token: Option<&str>) -> AwsCredentials {
    AwsCredentials {
        access_key_id: "AKIDEXAMPLE".into(),
        secret_access_key: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".into(),
        session_token: token.map(Into::into),
    }
}

fn botocore(endpoint: &EcrEndpoint, c: &AwsCredentials, ts: &str) -> BTreeMap<String, String> {
    let input = serde_json::json!({
        "access_key_id": c.access_key_id, "secret_access_key": c.secret_access_key.expose(),
        "session_token": c.session_token.as_ref().map(|t| t.expose()), "region": endpoint.region,
        "api_host": endpoint.api_host, "timestamp": ts,
    });
    support::botocore::run("botocore_sign.py", &input)
}

#[test]
fn signed_request_equals_botocore() {
    let cases = [
        (
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com",
            None,
            "2026-11-26T22:41:00Z",
        ),
        (
            "123456789012.dkr.ecr.us-east-1.amazonaws.com",
            Some("FwoGZXIvYXdzEXAMPLE//token+/="),
            "2015-08-30T12:36:00Z",
        ),
        (
            "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn",
            None,
            "2024-02-29T23:59:59Z",
        ),
        (
            "123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com",
            Some("tok"),
            "2030-01-01T00:00:00Z",
        ),
    ];
    for (host, token, ts) in cases {
        let endpoint = EcrEndpoint::from_registry_host(host).unwrap();
        let c = creds(token);
        let req = authorization_token_request(&endpoint, &c, Timestamp::parse_iso8601(ts).unwrap());
        assert_eq!(req.method, "POST");
        assert_eq!(req.url, format!("https://{}/", endpoint.api_host));
        assert_eq!(req.body.as_deref(), Some("{}"));
        let ours: BTreeMap<String, String> = req
            .headers
            .iter()
            .map(|h| (h.name.clone(), h.value.clone()))
            .collect();
        assert_eq!(ours, botocore(&endpoint, &c, ts), "{host}");
    }
}

#[test]
fn endpoint_from_registry_host() {
    let e =
        EcrEndpoint::from_registry_host("123456789012.dkr.ecr.eu-west-1.amazonaws.com").unwrap();
    assert_eq!(
        (e.region.as_str(), e.api_host.as_str()),
        ("eu-west-1", "api.ecr.eu-west-1.amazonaws.com")
    );
    let e = EcrEndpoint::from_registry_host("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn")
        .unwrap();
    assert_eq!(e.api_host, "api.ecr.cn-north-1.amazonaws.com.cn");
    let e = EcrEndpoint::from_registry_host("123456789012.dkr-ecr.us-east-1.on.aws").unwrap();
    assert_eq!(e.api_host, "ecr.us-east-1.api.aws");
    for bad in [
        "docker.io",
        "12345678901.dkr.ecr.eu-west-1.amazonaws.com",
        "123456789012.dkr.ecr..amazonaws.com",
        "public.ecr.aws",
    ] {
        assert!(EcrEndpoint::from_registry_host(bad).is_none(), "{bad}");
    }
}

fn token_body(user_pass: &str, expires: &str) -> String {
    let tok = base64::engine::general_purpose::STANDARD.encode(user_pass);
    format!(
        r#"{{"authorizationData":[{{"authorizationToken":"{tok}","expiresAt":{expires},"proxyEndpoint":"https://123456789012.dkr.ecr.eu-west-1.amazonaws.com"}}]}}"#
    )
}

#[test]
fn reads_the_token() {
    let r = Response::new(200, &[("content-type", "application/x-amz-json-1.1")])
        .with_body(token_body("AWS:s3cr3t-pass:with-colon", "1.795775260123E9"));
    let a = parse_authorization_response(&r).unwrap();
    assert_eq!(a.username, "AWS");
    assert_eq!(a.password, "s3cr3t-pass:with-colon");
    assert_eq!(a.expires_at, Timestamp(1_795_775_260));
    assert_eq!(
        a.proxy_endpoint,
        "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com"
    );
    assert!(!format!("{a:?}").contains("s3cr3t"));
    for bad in [
        r#"{}"#,
        r#"{"authorizationData":[]}"#,
        "not json",
        r#"{"authorizationData":[{"authorizationToken":"!!","expiresAt":1}]}"#,
    ] {
        let e = parse_authorization_response(&Response::new(200, &[]).with_body(bad)).unwrap_err();
        assert_eq!(e.code, "ecr.bad-response");
    }
}

#[test]
fn maps_aws_errors() {
    type Case<'a> = (u16, &'a [(&'a str, &'a str)], &'a str, &'a str);
    let cases: [Case; 11] = [
        (
            400,
            &[],
            r#"{"__type":"UnrecognizedClientException","message":"The security token included in the request is invalid."}"#,
            "ecr.invalid-key",
        ),
        (
            400,
            &[],
            r#"{"__type":"InvalidSignatureException","message":"The request signature we calculated does not match the signature you provided."}"#,
            "ecr.bad-signature",
        ),
        (
            400,
            &[],
            r#"{"__type":"InvalidSignatureException","message":"Signature expired: 20150830T123600Z is now earlier than 20150830T124600Z (20150830T125100Z - 5 min.)"}"#,
            "ecr.clock-skew",
        ),
        (
            400,
            &[],
            r#"{"__type":"InvalidSignatureException","message":"Signature not yet current: 20300830T123600Z is still later than 20150830T124600Z"}"#,
            "ecr.clock-skew",
        ),
        (
            400,
            &[],
            r#"{"__type":"com.amazon.coral.service#ExpiredTokenException","message":"The security token included in the request is expired"}"#,
            "ecr.expired-token",
        ),
        (
            400,
            &[],
            r#"{"__type":"AccessDeniedException","Message":"User is not authorized to perform: ecr:GetAuthorizationToken"}"#,
            "ecr.access-denied",
        ),
        (
            400,
            &[(
                "x-amzn-ErrorType",
                "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/",
            )],
            "",
            "ecr.access-denied",
        ),
        (
            403,
            &[("x-amzn-ErrorType", "RequestTimeTooSkewed")],
            "{}",
            "ecr.clock-skew",
        ),
        (
            503,
            &[],
            r#"{"__type":"ServiceUnavailableException"}"#,
            "ecr.unavailable",
        ),
        (
            400,
            &[],
            r#"{"__type":"ThrottlingException"}"#,
            "ecr.throttled",
        ),
        (
            400,
            &[],
            r#"{"__type":"PleaseReEnterYourPasswordAt#https://phish.example.com/","message":"Please re-enter your password at https://phish.example.com/"}"#,
            "ecr.error",
        ),
    ];
    for (status, headers, body, code) in cases {
        let e = parse_authorization_response(&Response::new(status, headers).with_body(body))
            .unwrap_err();
        assert_eq!(e.code, code, "{body}");
        assert!(!e.message.contains("wJalr"));
        // No server text: not the `__type`, not the message, only our words and the status.
        let lower = e.message.to_ascii_lowercase();
        for server_word in [
            "phish",
            "please",
            "exception",
            "coral",
            "amazon.com",
            "security token",
        ] {
            assert!(!lower.contains(server_word), "{}: {}", code, e.message);
        }
    }
}

#[test]
fn token_exchange_drives_one_request() {
    let endpoint =
        EcrEndpoint::from_registry_host("123456789012.dkr.ecr.eu-west-1.amazonaws.com").unwrap();
    let mut x = TokenExchange::new(&endpoint, &creds(None), Timestamp(1_700_000_000));
    let Step::Send(req) = x.next() else { panic!() };
    assert!(!format!("{req:?}").contains("Signature="));
    x.receive(Response::new(200, &[]).with_body(token_body("AWS:pw", "1700043200")));
    let Step::Done(Ok(a)) = x.next() else {
        panic!()
    };
    assert_eq!(a.expires_at, Timestamp(1_700_043_200));
}

fn ecr_config() -> RegistryConfig {
    support::scripted::ecr_config(None)
}

#[test]
fn verify_ecr_user_auth_uses_the_token_then_basic_login() {
    let opts = LoginOptions {
        now: Timestamp(1_700_000_000),
        allow_private_networks: false,
    };
    let mut m = Login::from_config(&ecr_config(), opts).unwrap();
    let Step::Send(r) = m.next() else { panic!() };
    assert_eq!(r.url, "https://api.ecr.eu-west-1.amazonaws.com/");
    m.receive(Response::new(200, &[]).with_body(token_body("AWS:ecr-password", "1700043200")));
    let Step::Send(r) = m.next() else { panic!() };
    assert_eq!(
        r.url,
        "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/"
    );
    m.receive(Response::new(401, &[("www-authenticate", r#"Basic realm="https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/",service="ecr.amazonaws.com""#), ("docker-distribution-api-version", "registry/2.0")]));
    let Step::Send(r) = m.next() else { panic!() };
    let expected = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode("AWS:ecr-password")
    );
    assert_eq!(r.header("authorization"), Some(expected.as_str()));
    m.receive(Response::new(200, &[]));
    let Step::Done(o) = m.next() else { panic!() };
    assert_eq!(o.status, Status::Authenticated);
    assert_eq!(o.expires_at, Some(Timestamp(1_700_043_200)));
    assert_eq!(o.steps.len(), 3);
    let text = serde_json::to_string(&o).unwrap();
    assert!(!text.contains("ecr-password") && !text.contains("wJalr"));
}

#[test]
fn verify_ecr_errors_and_iam_role() {
    let opts = LoginOptions {
        now: Timestamp(1_700_000_000),
        allow_private_networks: false,
    };
    let mut m = Login::from_config(&ecr_config(), opts).unwrap();
    let _ = m.next();
    m.receive(Response::new(400, &[]).with_body(r#"{"__type":"ExpiredTokenException"}"#));
    let Step::Done(o) = m.next() else { panic!() };
    assert_eq!(
        (o.status, o.code.as_deref()),
        (Status::Unauthorized, Some("ecr.expired-token"))
    );

    let mut iam = ecr_config();
    iam.aws_auth_type = Some(regcred::AwsAuthType::IamRole);
    iam.aws_access_key_id = None;
    iam.aws_secret_access_key = None;
    let mut m = Login::from_config(&iam, opts).unwrap();
    let Step::Done(o) = m.next() else { panic!() };
    assert_eq!(o.status, Status::Unsupported);
    assert!(o.message.contains("IAM role"));
    assert!(o.steps.is_empty());
}

/// A public ECR registry (`public.ecr.aws`, `public: true`) has no keys: verification takes the
/// registry's anonymous token flow and reports `anonymous`, with no request to the ECR API.
#[test]
fn verify_public_ecr_anonymously() {
    let opts = LoginOptions {
        now: Timestamp(1_700_000_000),
        allow_private_networks: false,
    };
    let public: RegistryConfig = serde_json::from_value(serde_json::json!({
        "name": "ecr-public", "registryType": "ecr", "registryUrl": "public.ecr.aws",
        "public": true, "usage": {"charts": "pull", "chartRepositories": ["bitnami/redis"]}
    }))
    .unwrap();
    let mut m = Login::from_config(&public, opts).unwrap();
    let Step::Send(r) = m.next() else { panic!() };
    assert_eq!(r.url, "https://public.ecr.aws/v2/");
    assert_eq!(r.header("authorization"), None);
    let challenge =
        r#"Bearer realm="https://public.ecr.aws/token",service="public.ecr.aws",scope="aws""#;
    m.receive(Response::new(
        401,
        &[
            ("www-authenticate", challenge),
            ("docker-distribution-api-version", "registry/2.0"),
        ],
    ));
    let Step::Send(r) = m.next() else { panic!() };
    assert!(
        r.url.starts_with("https://public.ecr.aws/token"),
        "{}",
        r.url
    );
    assert_eq!(r.header("authorization"), None);
    m.receive(Response::new(200, &[]).with_body(r#"{"token":"anonymous-token"}"#));
    let Step::Send(r) = m.next() else { panic!() };
    assert_eq!(r.url, "https://public.ecr.aws/v2/");
    assert_eq!(r.header("authorization"), Some("Bearer anonymous-token"));
    m.receive(Response::new(200, &[]));
    let Step::Done(o) = m.next() else { panic!() };
    assert_eq!(o.status, Status::Anonymous, "{}", o.message);
    assert!(o.steps.iter().all(|s| !s.url.contains("api.ecr")));
}
