//! Answers that end a login whatever the request was: unexpected statuses, and answers that
//! came from another origin than the request was made for.

use super::Login;
use crate::verify::http::Response;
use crate::verify::outcome::Status;
use crate::ErrorCode;

impl Login {
    pub(super) fn unexpected(&mut self, resp: &Response) {
        match resp.status {
            0 => self.finish(
                Status::Unreachable,
                Some(ErrorCode::VerifyOpaqueRedirect),
                "the host's fetch hid a redirect (browsers do with redirect: 'manual')",
            ),
            500..=599 => self.finish(
                Status::Unreachable,
                Some(ErrorCode::VerifyServerError),
                &format!("the server answered with error {}", resp.status),
            ),
            s => self.finish(
                Status::NotARegistry,
                None,
                &format!("the server answered with status {s}, not as a container registry"),
            ),
        }
    }

    /// A request was redirected to another origin (losing its credentials on the way, if it had
    /// any) and that origin answered: nothing is claimed about the registry or the credentials.
    pub(super) fn answered_elsewhere(&mut self) {
        self.finish(
            Status::NotARegistry,
            Some(ErrorCode::VerifyAnsweredElsewhere),
            "the request was redirected to another origin, which answered instead of the server it was meant for; the credentials were not checked",
        );
    }
}
