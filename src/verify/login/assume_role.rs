//! The ECR steps of a login: STS `AssumeRole` when the configuration names a role, then the
//! signed `GetAuthorizationToken` (with the role's session credentials when one was assumed).
//! Both requests fly under the one redirect policy ([`Flight`], API origins: https, public, no
//! insecure mode); the role's credentials live only in the signed token request, whose
//! `Authorization` and `X-Amz-Security-Token` headers are bound to the ECR API's origin.

use super::{Kind, Login, Pending};
use crate::verify::ecr::{authorization_token_request, EcrEndpoint};
use crate::verify::flight::Flight;
use crate::verify::http::{Request, Response};
use crate::verify::outcome::Status;
use crate::verify::policy::Policy;
use crate::verify::sigv4::AwsCredentials;
use crate::verify::sts::{assume_role_request, parse_assume_role_response};
use crate::ErrorCode;

impl Login {
    fn start_api(&mut self, kind: Kind, host: &str, req: Request) {
        match Flight::new(&Policy::for_api(host), req) {
            Ok(flight) => {
                self.pending = Some(Pending {
                    kind,
                    flight,
                    sent: false,
                })
            }
            Err(b) => self.finish(Status::Blocked, Some(b.code), b.reason),
        }
    }

    /// Queues the signed `GetAuthorizationToken` request.
    pub(super) fn start_ecr(&mut self, endpoint: &EcrEndpoint, keys: &AwsCredentials) {
        let req = authorization_token_request(endpoint, keys, self.now);
        self.start_api(Kind::Ecr, &endpoint.api_host, req);
    }

    /// Queues STS `AssumeRole` for `role` in the registry's region.
    pub(super) fn start_sts(&mut self, endpoint: &EcrEndpoint, keys: &AwsCredentials, role: &str) {
        let req = assume_role_request(&endpoint.region, keys, role, self.now);
        let host = crate::verify::sts::sts_host(&endpoint.region);
        self.start_api(Kind::Sts, &host, req);
    }

    /// The STS answer: the role's credentials sign the token request; an STS error ends the
    /// login (`unreachable` for a server error, `unauthorized` otherwise).
    pub(super) fn on_sts(&mut self, resp: &Response) {
        let crate::verify::target::Auth::EcrKeys(endpoint, _) = self.target.auth.clone() else {
            return self.finish(
                Status::Unreachable,
                Some(ErrorCode::VerifyInternal),
                "no ECR endpoint",
            );
        };
        match parse_assume_role_response(resp) {
            Ok(session) => self.start_ecr(&endpoint, &session.credentials),
            Err(e) if e.code == ErrorCode::StsUnavailable => {
                self.finish(Status::Unreachable, Some(e.code), &e.message)
            }
            Err(e) => self.finish(Status::Unauthorized, Some(e.code), &e.message),
        }
    }
}
