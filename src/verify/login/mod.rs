//! The login state machine: what `docker login` does, one request at a time.
//!
//! 1. (ECR access keys only) with `assumeRoleArn`, STS `AssumeRole` first ([`assume_role`]);
//!    then `GetAuthorizationToken`, signed (with the role's session credentials when a role
//!    was assumed); its password is used below.
//! 2. `GET https://host/v2/`: a 2xx from a registry means anonymous access; a 401 carries the
//!    challenges.
//! 3. Basic: the same `GET` with `Authorization: Basic`. Bearer: a token request to the realm
//!    named by the challenge, with `service` (and `scope`): `GET` with Basic auth, and on
//!    400/401/404/405 the OAuth2 password grant as a `POST` form; `token` or `access_token`,
//!    `expires_in` (at least 60 s), `issued_at`.
//! 4. `GET /v2/` with `Authorization: Bearer`.
//!
//! Redirects (3xx with `Location`) are followed hop by hop under the one redirect policy of
//! [`super::flight`]: each hop checked by the [`Policy`], secret headers dropped on any change
//! of origin, the password form never sent to another origin, the TLS hint only for the
//! registry's own origin. Credentials go only to the registry's own origin and to the token realm
//! its own challenge names.
//!
//! A verdict claims only what the registry answered: an answer from another origin than the one
//! a credential-carrying request was made for (or to a request that lost its credentials on the
//! way) ends the check as `not-a-registry` with `verify.answered-elsewhere`.
//!
//! "Not a registry": a 2xx on `/v2/` counts as a registry when it has the
//! `Docker-Distribution-API-Version: registry/2.0` header or a JSON object body (an HTML page
//! does not); a 401 without a Basic or Bearer challenge and without that header, a 404 or any
//! other unexpected 4xx is not a registry; a 5xx is `unreachable`.

use crate::url::Url;
use crate::ErrorCode;

use super::ecr::parse_authorization_response;
use super::flight::Flight;
use super::http::{redact_url, Header, Request, Response};
use super::outcome::{Outcome, Status, TrailStep};
use super::policy::Policy;
use super::target::{Auth, Credentials, Target};
use crate::time::Timestamp;

mod access;
mod answers;
mod assume_role;
mod exchange;
mod ping;
mod token;

use super::access::AccessPlan;
use access::AccessState;

pub use super::flight::MAX_REDIRECTS;
/// The shortest token lifetime assumed (seconds), as Docker does.
pub const MIN_TOKEN_LIFETIME: i64 = 60;

/// Inputs of a login besides the configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoginOptions {
    /// The current time (token expiry, SigV4 date).
    pub now: Timestamp,
    /// The host allows loopback, private and link-local addresses.
    pub allow_private_networks: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Sts,
    Ecr,
    Ping,
    Basic,
    TokenGet,
    TokenPost,
    BearerPing,
    Manifest,
    Upload,
    CancelUpload,
}

#[derive(Debug)]
struct Pending {
    kind: Kind,
    flight: Flight,
    sent: bool,
}

/// The login state machine; drive it through [`Exchange`]. `Debug` shows URLs as the request
/// trail does (no userinfo, query values redacted) and no credential or token.
pub struct Login {
    policy: Policy,
    target: Target,
    now: Timestamp,
    creds: Option<Credentials>,
    pending: Option<Pending>,
    trail: Vec<TrailStep>,
    done: Option<Outcome>,
    expires_at: Option<Timestamp>,
    registry: Option<Url>,
    realm: Option<(Url, String, Option<String>)>,
    tried_http: bool,
    access: Option<AccessState>,
}

impl std::fmt::Debug for Login {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Login")
            .field("policy", &self.policy)
            .field("target", &self.target)
            .field("now", &self.now)
            .field("creds", &self.creds)
            .field("pending", &self.pending)
            .field("trail", &self.trail)
            .field("done", &self.done)
            .field("expires_at", &self.expires_at)
            .field("registry", &self.registry.as_ref().map(redact_url))
            .field(
                "realm",
                &self
                    .realm
                    .as_ref()
                    .map(|(url, service, scope)| (redact_url(url), service, scope)),
            )
            .field("tried_http", &self.tried_http)
            .field("access", &self.access)
            .finish()
    }
}

fn basic(c: &Credentials) -> String {
    let raw = format!("{}:{}", c.username, c.password.expose());
    format!("Basic {}", crate::base64_codec::encode(raw))
}

impl Login {
    /// Starts a login for `target`.
    pub fn new(target: Target, options: LoginOptions) -> Login {
        Login::start_with(target, options, None)
    }

    /// Starts a login for `target` that goes on to check repository access ([`AccessPlan`]):
    /// the token is requested for the plan's scope.
    pub fn with_access(target: Target, options: LoginOptions, plan: AccessPlan) -> Login {
        Login::start_with(target, options, Some(AccessState::new(plan)))
    }

    fn start_with(target: Target, options: LoginOptions, access: Option<AccessState>) -> Login {
        let policy = Policy {
            registry_host: target.host.clone(),
            registry_port: Url::parse(&target.ping_url).ok().and_then(|u| u.port()),
            tls: target.tls.clone(),
            allow_private_networks: options.allow_private_networks,
        };
        let mut m = Login {
            policy,
            now: options.now,
            creds: None,
            pending: None,
            trail: Vec::new(),
            done: None,
            expires_at: None,
            registry: None,
            realm: None,
            tried_http: false,
            access,
            target,
        };
        match m.target.auth.clone() {
            Auth::EcrIamRole => m.finish(Status::Unsupported, Some(ErrorCode::EcrIamRole), "this registry uses the worker nodes' IAM role: there are no keys to check here, and that role can only be exercised from the nodes themselves"),
            Auth::EcrKeys(endpoint, keys) => match m.target.assume_role_arn.clone() {
                Some(role) => m.start_sts(&endpoint, &keys, &role),
                None => m.start_ecr(&endpoint, &keys),
            },
            Auth::Password(c) => {
                m.creds = c;
                m.ping(None);
            }
        }
        m
    }

    /// The outcome of [`Login::new`] for a configuration, ready to drive.
    pub fn from_config(
        config: &crate::RegistryConfig,
        options: LoginOptions,
    ) -> Result<Login, super::target::TargetError> {
        Target::from_config(config).map(|t| Login::new(t, options))
    }

    fn finish(&mut self, status: Status, code: Option<ErrorCode>, message: &str) {
        self.pending = None;
        self.done = Some(Outcome {
            ok: status.is_ok(),
            status,
            steps: self.trail.clone(),
            expires_at: if status.is_ok() {
                self.expires_at
            } else {
                None
            },
            code: code.map(|c| c.as_str().to_owned()),
            message: message.to_owned(),
        });
    }

    /// Queues a request after the policy check; a refused URL ends the login as `blocked`.
    /// `auth` is a credential: a secret header, bound to the URL's origin; so is a `form`.
    /// `headers` are more, non-secret headers.
    fn start(
        &mut self,
        kind: Kind,
        method: &'static str,
        url: &str,
        auth: Option<String>,
        form: Option<String>,
        mut headers: Vec<Header>,
    ) {
        if let Some(a) = auth {
            headers.push(Header::secret("Authorization", a));
        }
        if form.is_some() {
            headers.push(Header::plain(
                "Content-Type",
                "application/x-www-form-urlencoded",
            ));
        }
        let req = Request {
            method,
            url: url.to_owned(),
            headers,
            secret_body: form.is_some(),
            body: form,
            tls: super::http::TlsHint::default(),
        };
        match Flight::new(&self.policy, req) {
            Ok(flight) => {
                self.pending = Some(Pending {
                    kind,
                    flight,
                    sent: false,
                })
            }
            Err(b) => self.block(method, url, b.code, b.reason),
        }
    }

    fn block(&mut self, method: &'static str, url: &str, code: ErrorCode, reason: &str) {
        let shown = Url::parse(url)
            .map(|u| redact_url(&u))
            .unwrap_or_else(|_| "(unparsable URL)".to_owned());
        self.trail.push(TrailStep {
            method,
            url: shown,
            status: None,
            error: Some("blocked"),
        });
        self.finish(Status::Blocked, Some(code), reason);
    }

    fn ping(&mut self, over_http: Option<&str>) {
        let url = over_http
            .map(str::to_owned)
            .unwrap_or_else(|| self.target.ping_url.clone());
        if let Ok(u) = Url::parse(&url) {
            self.registry = Some(u);
        }
        self.start(Kind::Ping, "GET", &url, None, None, Vec::new());
    }

    fn on_response(&mut self, p: Pending, resp: Response) {
        let s = resp.status;
        let elsewhere = !p.flight.answered_by_origin();
        if elsewhere && (p.flight.made_with_secret() || (200..300).contains(&s)) {
            return self.answered_elsewhere();
        }
        match p.kind {
            Kind::Sts => self.on_sts(&resp),
            Kind::Ecr => match parse_authorization_response(&resp) {
                Ok(a) => {
                    self.creds = Some(Credentials {
                        username: a.username,
                        password: a.password,
                    });
                    self.expires_at = Some(a.expires_at);
                    self.ping(None);
                }
                Err(e) if e.code == ErrorCode::EcrUnavailable => {
                    self.finish(Status::Unreachable, Some(e.code), &e.message)
                }
                Err(e) => self.finish(Status::Unauthorized, Some(e.code), &e.message),
            },
            Kind::Ping => self.on_ping(&p, &resp),
            Kind::Manifest | Kind::Upload | Kind::CancelUpload => self.on_access(&p, &resp),
            Kind::Basic | Kind::BearerPing if (200..300).contains(&s) => {
                if self.access.is_some() {
                    self.logged_in(p.flight.request().header("authorization"));
                } else if self.creds.is_some() {
                    self.finish(
                        Status::Authenticated,
                        None,
                        "the registry accepted the credentials",
                    );
                } else {
                    self.finish(
                        Status::Anonymous,
                        None,
                        "the registry allows anonymous access with an anonymous token",
                    );
                }
            }
            Kind::Basic | Kind::BearerPing if s == 401 || s == 403 => self.finish(
                Status::Unauthorized,
                Some(ErrorCode::VerifyUnauthorized),
                "the registry refused the credentials",
            ),
            Kind::TokenGet | Kind::TokenPost if (200..300).contains(&s) => self.on_token(&resp),
            Kind::TokenGet if matches!(s, 400 | 401 | 404 | 405) && self.creds.is_some() => {
                self.token_post()
            }
            Kind::TokenGet | Kind::TokenPost if matches!(s, 400 | 401 | 403) => self.finish(
                Status::Unauthorized,
                Some(ErrorCode::VerifyUnauthorized),
                "the token service refused the credentials",
            ),
            _ => self.unexpected(&resp),
        }
    }
}
