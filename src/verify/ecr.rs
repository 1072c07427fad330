//! ECR `GetAuthorizationToken`: the signed request that turns access keys into a 12-hour
//! registry password, and the reading of its answer (token or AWS error).

use crate::base64_codec::{decode, Alphabet, Padding};
use crate::json::Value;
use crate::substring::contains;
use crate::ErrorCode;

use super::flight::{Flight, Hop};
use super::http::{Header, Request, Response, TlsHint, Transport};
use super::outcome::{Exchange, Step};
use super::policy::Policy;
use super::sigv4::{sign_canonical, AwsCredentials, SignableRequest, SigningParams};
use crate::time::Timestamp;

/// The `X-Amz-Target` of `GetAuthorizationToken`.
pub const TARGET: &str = "AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken";
/// The content type of the AWS JSON 1.1 protocol.
pub const CONTENT_TYPE: &str = "application/x-amz-json-1.1";

/// Where the ECR API of a registry lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EcrEndpoint {
    /// The region, `eu-west-1`.
    pub region: String,
    /// The API host, `api.ecr.eu-west-1.amazonaws.com`.
    pub api_host: String,
}

impl EcrEndpoint {
    /// Derives the endpoint from a private ECR registry host, with
    /// [`crate::validate::parse_ecr_url`] (every partition, FIPS, dual-stack). `None` for
    /// anything that is not a private ECR registry (public ECR has no token exchange here).
    pub fn from_registry_host(host: &str) -> Option<EcrEndpoint> {
        let ecr = crate::validate::parse_ecr_url(host).value?;
        if ecr.public {
            return None;
        }
        Some(EcrEndpoint {
            region: ecr.region?,
            api_host: ecr.api_endpoint,
        })
    }
}

/// A registry login obtained from ECR: the same type secret generation consumes
/// ([`crate::secret::EcrToken`]; `Debug` redacts the password).
pub use crate::secret::ecr_token::EcrToken as EcrAuthorization;

/// Why ECR did not hand out a token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EcrError {
    /// `ecr.invalid-key`, `ecr.bad-signature`, `ecr.expired-token`, `ecr.access-denied`,
    /// `ecr.clock-skew`, `ecr.throttled`, `ecr.unavailable`, `ecr.bad-response`, `ecr.error`,
    /// `ecr.blocked` (the policy refused the API URL or a redirect),
    /// `ecr.answered-elsewhere` (a redirect to another origin answered), or a transport code
    /// (`ecr.unreachable`, `ecr.tls`, `ecr.timeout`).
    pub code: ErrorCode,
    /// What happened, in our words: no text of the server's (AWS's `__type` or message) is ever
    /// part of it; known AWS error types map to a sentence, anything else is summarized by its
    /// HTTP status.
    pub message: String,
}

fn err(code: ErrorCode, message: impl Into<String>) -> EcrError {
    EcrError {
        code,
        message: message.into(),
    }
}

/// A `POST https://<host>/` with `headers` and `body`, signed with SigV4 for `service` in
/// `region` (the request shape of ECR `GetAuthorizationToken` and STS `AssumeRole`).
pub(crate) fn signed_post(
    host: &str,
    region: &str,
    service: &str,
    headers: Vec<Header>,
    body: String,
    creds: &AwsCredentials,
    now: Timestamp,
) -> Request {
    let mut to_sign = vec![("Host".to_owned(), host.to_owned())];
    to_sign.extend(headers.iter().map(|h| (h.name.clone(), h.value.clone())));
    let sig = sign_canonical(
        &SignableRequest {
            method: "POST",
            path_and_query: "/",
            headers: &to_sign,
            body: body.as_bytes(),
        },
        "/",
        "",
        creds,
        &SigningParams::new(region, service, now),
    );
    let mut all = headers;
    all.extend(sig.added_headers);
    Request {
        method: "POST",
        url: format!("https://{host}/"),
        headers: all,
        body: Some(body),
        secret_body: false,
        tls: TlsHint::default(),
    }
}

/// The signed `POST https://<api_host>/` request with body `{}`.
pub fn authorization_token_request(
    endpoint: &EcrEndpoint,
    creds: &AwsCredentials,
    now: Timestamp,
) -> Request {
    let headers = vec![
        Header::plain("Content-Type", CONTENT_TYPE),
        Header::plain("X-Amz-Target", TARGET),
    ];
    signed_post(
        &endpoint.api_host,
        &endpoint.region,
        "ecr",
        headers,
        "{}".to_owned(),
        creds,
        now,
    )
}

fn error_type(resp: &Response, body: &Value) -> Option<String> {
    let raw = body
        .get("__type")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .or_else(|| resp.header("x-amzn-ErrorType").map(str::to_owned))?;
    let t = crate::substring::split_byte(&raw, b'#')
        .next_back()
        .unwrap_or(&raw);
    let t = crate::substring::split_byte(t, b':').next().unwrap_or(t);
    Some(t.trim().to_owned())
}

fn error_message(body: &Value) -> String {
    body.get("message")
        .or_else(|| body.get("Message"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// Reads the answer to [`authorization_token_request`].
pub fn parse_authorization_response(resp: &Response) -> Result<EcrAuthorization, EcrError> {
    let body: Value = resp.json_body().unwrap_or(Value::Null);
    if !(200..300).contains(&resp.status) {
        let kind = error_type(resp, &body).unwrap_or_default();
        let msg = error_message(&body);
        let skew = contains(&msg, "signature expired")
            || contains(&msg, "signature not yet current")
            || kind == "RequestTimeTooSkewed"
            || kind == "RequestExpired";
        return Err(match kind.as_str() {
            _ if skew => err(ErrorCode::EcrClockSkew, "AWS rejected the request time: the clock of this host is off by more than 5 minutes"),
            "UnrecognizedClientException" | "InvalidClientTokenId" => err(ErrorCode::EcrInvalidKey, "AWS does not know this access key id (or the session token is invalid)"),
            "InvalidSignatureException" | "SignatureDoesNotMatch" | "IncompleteSignatureException" | "MissingAuthenticationTokenException" => err(ErrorCode::EcrBadSignature, "AWS rejected the signature: the secret access key does not match the access key id"),
            "ExpiredTokenException" | "ExpiredToken" => err(ErrorCode::EcrExpiredToken, "the session token has expired"),
            "AccessDeniedException" | "AccessDenied" => err(ErrorCode::EcrAccessDenied, "the key is valid but may not call ecr:GetAuthorizationToken"),
            "ThrottlingException" | "Throttling" | "TooManyRequestsException" => err(ErrorCode::EcrThrottled, "AWS throttled the request; try again later"),
            _ if resp.status >= 500 => err(ErrorCode::EcrUnavailable, format!("ECR answered with server error {}", resp.status)),
            _ => err(ErrorCode::EcrError, format!("ECR answered with status {}", resp.status)),
        });
    }
    let bad = || {
        err(
            ErrorCode::EcrBadResponse,
            "the ECR answer has no usable authorization data",
        )
    };
    let data = body
        .get("authorizationData")
        .and_then(Value::as_array)
        .and_then(|a| a.first())
        .ok_or_else(bad)?;
    let token = data
        .get("authorizationToken")
        .and_then(Value::as_str)
        .ok_or_else(bad)?;
    let decoded = decode(token.trim(), Alphabet::Standard, Padding::Required).ok_or_else(bad)?;
    let decoded = String::from_utf8(decoded).map_err(|_| bad())?;
    let (username, password) = crate::substring::split_once_byte(&decoded, b':').ok_or_else(bad)?;
    let expires = data
        .get("expiresAt")
        .and_then(Value::as_f64)
        .ok_or_else(bad)?;
    if !expires.is_finite() || !(0.0..1e11).contains(&expires) {
        return Err(bad());
    }
    let proxy_endpoint = data
        .get("proxyEndpoint")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    Ok(EcrAuthorization {
        username: username.to_owned(),
        password: password.into(),
        expires_at: Timestamp(expires.floor() as i64),
        proxy_endpoint,
    })
}

/// The code of a transport failure of the ECR request.
pub fn transport_error(t: Transport) -> EcrError {
    match t {
        Transport::Unreachable => err(
            ErrorCode::EcrUnreachable,
            "the ECR API could not be reached",
        ),
        Transport::Tls => err(
            ErrorCode::EcrTls,
            "the TLS handshake with the ECR API failed",
        ),
        Transport::Timeout => err(ErrorCode::EcrTimeout, "the ECR API did not answer in time"),
    }
}

/// `ecrAuthorizationToken` as an [`Exchange`]: one signed request (following redirects under
/// the one redirect policy, [`Flight`]), one answer — which counts only when the API's own origin
/// gave it.
#[derive(Debug)]
pub struct TokenExchange {
    flight: Option<Flight>,
    result: Option<Result<EcrAuthorization, EcrError>>,
}

impl TokenExchange {
    /// Prepares the signed request for `endpoint` at time `now`. The API URL goes through the
    /// network policy first; a refused URL ends the exchange with `ecr.blocked`.
    pub fn new(endpoint: &EcrEndpoint, creds: &AwsCredentials, now: Timestamp) -> TokenExchange {
        let request = authorization_token_request(endpoint, creds, now);
        match Flight::new(&Policy::for_api(&endpoint.api_host), request) {
            Ok(flight) => TokenExchange {
                flight: Some(flight),
                result: None,
            },
            Err(b) => TokenExchange {
                flight: None,
                result: Some(Err(err(ErrorCode::EcrBlocked, b.reason))),
            },
        }
    }
}

/// The answer to a signed ECR request that a redirect took to another origin.
pub fn answered_elsewhere() -> EcrError {
    err(
        ErrorCode::EcrAnsweredElsewhere,
        "the ECR API redirected the request to another origin; that answer is not used",
    )
}

impl Exchange for TokenExchange {
    type Output = Result<EcrAuthorization, EcrError>;

    fn next(&mut self) -> Step<Self::Output> {
        match (&self.result, &self.flight) {
            (Some(r), _) => Step::Done(r.clone()),
            (None, Some(f)) => Step::Send(f.request().clone()),
            (None, None) => Step::Done(Err(err(ErrorCode::EcrError, "no request"))),
        }
    }

    fn receive(&mut self, response: Response) {
        let Some(flight) = self.flight.as_mut() else {
            return;
        };
        self.result = match flight.follow(&response) {
            Hop::Redirected => None,
            Hop::Refused(b, _) => Some(Err(err(ErrorCode::EcrBlocked, b.reason))),
            Hop::Arrived if !flight.answered_by_origin() => Some(Err(answered_elsewhere())),
            Hop::Arrived => Some(parse_authorization_response(&response)),
        };
    }

    fn fail(&mut self, failure: Transport) {
        self.result = Some(Err(transport_error(failure)));
    }
}
