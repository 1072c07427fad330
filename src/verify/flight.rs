//! One request on its way, hop by hop: the one redirect policy every request the library makes
//! follows (registry pings, token realms, ECR, any API), see ARCHITECTURE.md, "Network policy".
//!
//! - every hop is checked by the [`Policy`] before it is sent; at most [`MAX_REDIRECTS`] hops;
//! - 303, and 301/302 after a `POST`, turn the request into a body-less `GET`;
//! - on any change of origin (host, port or scheme) every [`Header::secret`] header is dropped
//!   and a request with a secret body (a password form) is refused;
//! - the TLS hint is recomputed per hop: only the registry's own origin gets it;
//! - an answer counts as the answer of the origin a request was made for only when that origin
//!   gave it, to the request as it was made ([`Flight::answered_by_origin`]).
//!
//! [`Header::secret`]: super::http::Header::secret

use crate::url::Url;
use crate::ErrorCode;

use super::http::{redact_url, Request, Response};
use super::policy::{same_origin, Blocked, Policy};

/// Redirects followed per request.
pub const MAX_REDIRECTS: u8 = 10;

/// What [`Flight::follow`] made of a response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hop {
    /// Not a redirect: the response is the answer.
    Arrived,
    /// A redirect was accepted: send [`Flight::request`] again.
    Redirected,
    /// A redirect was refused: why, and where it pointed when that parsed.
    Refused(Blocked, Option<Box<Url>>),
}

/// A request and where it is: the origin its secrets were made for, the URL it goes to now,
/// the hops taken. `Debug` redacts as [`Request`]'s does.
#[derive(Clone)]
pub struct Flight {
    policy: Policy,
    request: Request,
    url: Url,
    origin: Url,
    hops: u8,
    made_with_secret: bool,
    stripped: bool,
}

impl std::fmt::Debug for Flight {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Flight")
            .field("policy", &self.policy)
            .field("request", &self.request)
            .field("url", &redact_url(&self.url))
            .field("origin", &redact_url(&self.origin))
            .field("hops", &self.hops)
            .field("made_with_secret", &self.made_with_secret)
            .field("stripped", &self.stripped)
            .finish()
    }
}

impl Flight {
    /// Checks `request.url` against `policy` and prepares the first hop: the normalized URL and
    /// the TLS hint of that origin. Fails with the policy's [`Blocked`] before anything is sent.
    pub fn new(policy: &Policy, mut request: Request) -> Result<Flight, Blocked> {
        let url = policy.check(&request.url)?;
        request.url = url.to_string();
        request.tls = policy.tls_for(&url);
        Ok(Flight {
            policy: policy.clone(),
            made_with_secret: request.carries_secret(),
            request,
            origin: url.clone(),
            url,
            hops: 0,
            stripped: false,
        })
    }

    /// The request to send now.
    pub fn request(&self) -> &Request {
        &self.request
    }

    /// The URL the request goes to now.
    pub fn url(&self) -> &Url {
        &self.url
    }

    /// Whether the request carried a credential when it was made.
    pub fn made_with_secret(&self) -> bool {
        self.made_with_secret
    }

    /// Whether the answer at hand comes from the origin the request was made for, to the request
    /// as it was made (no secret dropped on the way): only then does it say anything about the
    /// credentials or the server the request was meant for.
    pub fn answered_by_origin(&self) -> bool {
        !self.stripped && same_origin(&self.url, &self.origin)
    }

    /// Follows `response` when it is a redirect (3xx with `Location`), under the rules above.
    pub fn follow(&mut self, response: &Response) -> Hop {
        let location = match (response.status, response.header("location")) {
            (301 | 302 | 303 | 307 | 308, Some(l)) => l,
            _ => return Hop::Arrived,
        };
        let refused = |code, reason| Hop::Refused(Blocked { code, reason }, None);
        if self.hops >= MAX_REDIRECTS {
            return refused(ErrorCode::PolicyRedirects, "more than 10 redirects");
        }
        let Ok(next) = self.url.join(location) else {
            return refused(
                ErrorCode::PolicyUrl,
                "a redirect pointed to a URL that does not parse",
            );
        };
        if let Err(b) = self.policy.check_url(&next) {
            return Hop::Refused(b, Some(Box::new(next)));
        }
        let req = &mut self.request;
        if response.status == 303 || (matches!(response.status, 301 | 302) && req.method == "POST")
        {
            req.method = "GET";
            req.body = None;
            req.secret_body = false;
            req.headers
                .retain(|h| !h.name.eq_ignore_ascii_case("content-type"));
        }
        if !same_origin(&next, &self.origin) {
            if req.secret_body {
                let b = Blocked {
                    code: ErrorCode::PolicyCredentials,
                    reason:
                        "a request carrying a password form is never redirected to another origin",
                };
                return Hop::Refused(b, Some(Box::new(next)));
            }
            let before = req.headers.len();
            req.headers.retain(|h| !h.secret);
            self.stripped |= req.headers.len() != before;
        }
        req.tls = self.policy.tls_for(&next);
        req.url = next.to_string();
        self.url = next;
        self.hops = self.hops.saturating_add(1);
        Hop::Redirected
    }
}
