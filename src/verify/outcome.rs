//! What a verification ends with: a [`Status`], the request trail and a message; and the
//! [`Exchange`] interface every sans-IO machine here implements.

use serde::{Serialize, Serializer};

use super::http::{Request, Response, Transport};
use crate::time::Timestamp;

/// What the machine wants next.
#[derive(Clone, Debug, PartialEq)]
pub enum Step<O> {
    /// Send this request with the host's `fetch` and feed back the response or the failure.
    Send(Request),
    /// Finished.
    Done(O),
}

/// A sans-IO exchange: ask [`Exchange::next`] what to do; after a [`Step::Send`], call exactly
/// one of [`Exchange::receive`] or [`Exchange::fail`]. `next` may be called again at any time
/// and repeats the pending request until it is answered.
pub trait Exchange {
    /// The final result.
    type Output;
    /// The next request to send, or the result.
    fn next(&mut self) -> Step<Self::Output>;
    /// The response to the pending request (body capped at 64 KiB).
    fn receive(&mut self, response: Response);
    /// The pending request failed in transport.
    fn fail(&mut self, failure: Transport);
}

/// How a verification ended. Serialized as its kebab-case id (`not-a-registry`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The credentials were accepted.
    Authenticated,
    /// The registry answers without credentials (the credentials, if any, were not checked).
    Anonymous,
    /// The registry or its token service refused the credentials (or none were given).
    Unauthorized,
    /// The URL answers, but not as a Docker Registry HTTP API v2.
    NotARegistry,
    /// No answer: DNS, connection or network failure, a server error, a hidden redirect.
    Unreachable,
    /// The TLS handshake failed.
    Tls,
    /// No answer within the timeout.
    Timeout,
    /// The network policy refused a URL (nothing was sent to it).
    Blocked,
    /// This configuration cannot be checked from here (ECR with the nodes' IAM role).
    Unsupported,
    /// Access check: the registry grants the requested access to the repository.
    Granted,
    /// Access check: the login worked, but the registry refuses this repository or action.
    Denied,
    /// Access check: the repository or the tag/digest does not exist.
    NotFound,
    /// Access check: the registry does not say whether push is allowed (no token claim, and
    /// the write probe was not requested).
    Unverified,
}

impl Status {
    /// Whether the status means the configuration works (or the access is granted).
    pub fn is_ok(self) -> bool {
        matches!(
            self,
            Status::Authenticated | Status::Anonymous | Status::Granted
        )
    }
}

/// One request of the trail: method, redacted URL and the response status (none when the
/// request failed in transport or was blocked).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TrailStep {
    /// `GET` or `POST`.
    pub method: &'static str,
    /// The URL without userinfo, every query value replaced by `REDACTED`.
    pub url: String,
    /// The HTTP status, or `null`.
    pub status: Option<u16>,
    /// `blocked`, `unreachable`, `tls` or `timeout` when there was no response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<&'static str>,
}

fn iso<S: Serializer>(t: &Option<Timestamp>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.serialize_str(&t.to_string()),
        None => s.serialize_none(),
    }
}

/// The result of a verification. Contains no secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    /// `true` for [`Status::Authenticated`] and [`Status::Anonymous`].
    pub ok: bool,
    /// What happened.
    pub status: Status,
    /// Every request sent (or refused), in order.
    pub steps: Vec<TrailStep>,
    /// When the obtained token or password expires (Bearer token, ECR password).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "iso")]
    pub expires_at: Option<Timestamp>,
    /// A stable code refining the status (`policy.private-address`, `ecr.clock-skew`, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// What happened, in words.
    pub message: String,
}

crate::json::ids_as_json!(Status {
    Authenticated => "authenticated",
    Anonymous => "anonymous",
    Unauthorized => "unauthorized",
    NotARegistry => "not-a-registry",
    Unreachable => "unreachable",
    Tls => "tls",
    Timeout => "timeout",
    Blocked => "blocked",
    Unsupported => "unsupported",
    Granted => "granted",
    Denied => "denied",
    NotFound => "not-found",
    Unverified => "unverified",
});

impl crate::json::ToJson for TrailStep {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .field("method", self.method)
            .field("url", &self.url)
            .field("status", &self.status)
            .some("error", &self.error)
            .end();
    }
}

impl crate::json::ToJson for Outcome {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .field("ok", &self.ok)
            .field("status", &self.status)
            .field("steps", &self.steps)
            .some("expiresAt", &self.expires_at.map(|t| t.to_string()))
            .some("code", &self.code)
            .field("message", &self.message)
            .end();
    }
}
