//! The answer to `GET /v2/`: anonymous access, a challenge to answer, or not a registry.

use crate::json::Value;
use crate::ErrorCode;

use super::{basic, Kind, Login, Pending};
use crate::verify::challenge::parse_challenges;
use crate::verify::http::Response;
use crate::verify::outcome::Status;
use crate::verify::policy::same_origin;

impl Login {
    pub(super) fn on_ping(&mut self, p: &Pending, resp: &Response) {
        let api = resp
            .header("docker-distribution-api-version")
            .is_some_and(|v| crate::substring::contains(&v.to_ascii_lowercase(), "registry/2"));
        match resp.status {
            200..=299 => {
                let json = matches!(resp.json_body(), Some(Value::Object(_)));
                if (api || json) && self.access.is_some() {
                    self.logged_in(None);
                } else if api || json {
                    let msg = if self.creds.is_some() {
                        "the registry answers without credentials; the credentials were not checked"
                    } else {
                        "the registry allows anonymous access"
                    };
                    self.finish(Status::Anonymous, None, msg);
                } else {
                    self.finish(
                        Status::NotARegistry,
                        Some(ErrorCode::VerifyNotARegistry),
                        "the URL answers, but not as a Docker Registry HTTP API v2 (/v2/)",
                    );
                }
            }
            401 => {
                let challenges = resp
                    .header("www-authenticate")
                    .map(parse_challenges)
                    .unwrap_or_default();
                let bearer = challenges.iter().find(|c| c.scheme == "bearer");
                let has_basic = challenges.iter().any(|c| c.scheme == "basic");
                let own = self
                    .registry
                    .as_ref()
                    .is_some_and(|r| same_origin(r, p.flight.url()));
                if self.creds.is_some() && !own {
                    return self.finish(
                        Status::Blocked,
                        Some(ErrorCode::PolicyCredentials),
                        "/v2/ was redirected to another origin; the credentials are not sent there",
                    );
                }
                if let Some(b) = bearer {
                    let realm = b.param("realm").and_then(|r| p.flight.url().join(r).ok());
                    let Some(realm) = realm else {
                        return self.finish(
                            Status::Unauthorized,
                            Some(ErrorCode::VerifyChallenge),
                            "the Bearer challenge names no usable realm",
                        );
                    };
                    let service = b.param("service").unwrap_or_default().to_owned();
                    let scope = match &self.access {
                        Some(a) => Some(a.plan.scope()),
                        None => b.param("scope").map(str::to_owned),
                    };
                    let mut url = realm.clone();
                    url.append_query_pair("service", &service);
                    if let Some(s) = &scope {
                        url.append_query_pair("scope", s);
                    }
                    self.realm = Some((realm.clone(), service, scope));
                    let auth = self.creds.as_ref().map(basic);
                    self.start(Kind::TokenGet, "GET", url.as_str(), auth, None, Vec::new());
                } else if has_basic {
                    match &self.creds {
                        Some(c) => {
                            let auth = basic(c);
                            let url = p.flight.url().as_str();
                            self.start(Kind::Basic, "GET", url, Some(auth), None, Vec::new());
                        }
                        None => self.finish(
                            Status::Unauthorized,
                            Some(ErrorCode::VerifyCredentialsRequired),
                            "the registry requires a username and password",
                        ),
                    }
                } else if api {
                    self.finish(
                        Status::Unauthorized,
                        Some(ErrorCode::VerifyChallenge),
                        "the registry asks for an authentication scheme other than Basic or Bearer",
                    );
                } else {
                    self.finish(
                        Status::NotARegistry,
                        Some(ErrorCode::VerifyNotARegistry),
                        "401 without a registry challenge",
                    );
                }
            }
            _ => self.unexpected(resp),
        }
    }
}
