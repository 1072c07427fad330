//! `ecrAuthorizationToken` with an optional role: STS `AssumeRole` first when the configuration
//! names one, then ECR `GetAuthorizationToken` signed with the role's session credentials, as
//! one [`Exchange`]. Without a role it is the plain [`TokenExchange`].

use super::ecr::{EcrAuthorization, EcrEndpoint, EcrError, TokenExchange};
use super::flight::{Flight, Hop};
use super::http::{Response, Transport};
use super::outcome::{Exchange, Step};
use super::policy::Policy;
use super::sigv4::AwsCredentials;
use super::sts::{assume_role_request, parse_assume_role_response, sts_host, transport_error};
use crate::time::Timestamp;
use crate::ErrorCode;

/// The ECR token exchange, behind STS `AssumeRole` when a role is given. Both requests follow
/// the one redirect policy ([`Flight`]). Errors keep their area: `sts.*` codes for the role
/// step (`sts.access-denied`, `sts.blocked`, `sts.answered-elsewhere`, ...), `ecr.*` codes for
/// the token step. `Debug` shows no credential.
#[derive(Debug)]
pub struct RoleTokenExchange {
    endpoint: EcrEndpoint,
    now: Timestamp,
    role_flight: Option<Flight>,
    token: Option<TokenExchange>,
    result: Option<Result<EcrAuthorization, EcrError>>,
}

fn sts_error(code: ErrorCode, message: String) -> EcrError {
    EcrError { code, message }
}

impl RoleTokenExchange {
    /// Prepares the first request: `AssumeRole` for `role` (its URL checked by the network
    /// policy; a refused URL ends the exchange with `sts.blocked`), or the token request.
    pub fn new(
        endpoint: &EcrEndpoint,
        keys: &AwsCredentials,
        role: Option<&str>,
        now: Timestamp,
    ) -> RoleTokenExchange {
        let mut x = RoleTokenExchange {
            endpoint: endpoint.clone(),
            now,
            role_flight: None,
            token: None,
            result: None,
        };
        match role {
            None => x.token = Some(TokenExchange::new(endpoint, keys, now)),
            Some(role) => {
                let req = assume_role_request(&endpoint.region, keys, role, now);
                match Flight::new(&Policy::for_api(&sts_host(&endpoint.region)), req) {
                    Ok(f) => x.role_flight = Some(f),
                    Err(b) => {
                        x.result = Some(Err(sts_error(ErrorCode::StsBlocked, b.reason.into())))
                    }
                }
            }
        }
        x
    }
}

impl Exchange for RoleTokenExchange {
    type Output = Result<EcrAuthorization, EcrError>;

    fn next(&mut self) -> Step<Self::Output> {
        if let Some(r) = &self.result {
            return Step::Done(r.clone());
        }
        if let Some(t) = self.token.as_mut() {
            return t.next();
        }
        match &self.role_flight {
            Some(f) => Step::Send(f.request().clone()),
            None => Step::Done(Err(sts_error(ErrorCode::StsError, "no request".into()))),
        }
    }

    fn receive(&mut self, response: Response) {
        if let Some(t) = self.token.as_mut() {
            return t.receive(response);
        }
        let Some(flight) = self.role_flight.as_mut() else {
            return;
        };
        match flight.follow(&response) {
            Hop::Redirected => return,
            Hop::Refused(b, _) => {
                self.result = Some(Err(sts_error(ErrorCode::StsBlocked, b.reason.into())));
                return;
            }
            Hop::Arrived if !flight.answered_by_origin() => {
                self.result = Some(Err(sts_error(
                    ErrorCode::StsAnsweredElsewhere,
                    "the STS API redirected the request to another origin; that answer is not used"
                        .into(),
                )));
                return;
            }
            Hop::Arrived => self.role_flight = None,
        }
        match parse_assume_role_response(&response) {
            Ok(session) => {
                self.token = Some(TokenExchange::new(
                    &self.endpoint,
                    &session.credentials,
                    self.now,
                ))
            }
            Err(e) => self.result = Some(Err(sts_error(e.code, e.message))),
        }
    }

    fn fail(&mut self, failure: Transport) {
        if let Some(t) = self.token.as_mut() {
            return t.fail(failure);
        }
        let e = transport_error(failure);
        self.result = Some(Err(sts_error(e.code, e.message)));
    }
}
