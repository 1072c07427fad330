//! The login machine as an [`Exchange`]: what it sends next, and how each response (or
//! transport failure) moves it on. The steps themselves are in the parent module.

use super::super::flight::Hop;
use super::super::http::{redact_url, Response, Transport};
use super::super::outcome::{Exchange, Outcome, Status, Step, TrailStep};
use super::{Kind, Login};
use crate::ErrorCode;

impl Exchange for Login {
    type Output = Outcome;

    fn next(&mut self) -> Step<Outcome> {
        if let Some(o) = &self.done {
            return Step::Done(o.clone());
        }
        match &mut self.pending {
            Some(p) => {
                if !p.sent {
                    p.sent = true;
                    self.trail.push(TrailStep {
                        method: p.flight.request().method,
                        url: redact_url(p.flight.url()),
                        status: None,
                        error: None,
                    });
                }
                Step::Send(p.flight.request().clone())
            }
            None => {
                self.finish(
                    Status::Unreachable,
                    Some(ErrorCode::VerifyInternal),
                    "nothing left to do",
                );
                self.next()
            }
        }
    }

    fn receive(&mut self, response: Response) {
        let Some(mut p) = self.pending.take() else {
            return;
        };
        if let Some(last) = self.trail.last_mut() {
            last.status = Some(response.status);
        }
        match p.flight.follow(&response) {
            Hop::Arrived => self.on_response(p, response),
            Hop::Redirected => {
                p.sent = false;
                self.pending = Some(p);
            }
            Hop::Refused(b, Some(next)) => {
                let method = p.flight.request().method;
                let reason = format!("a redirect was refused: {}", b.reason);
                self.block(method, next.as_str(), b.code, &reason);
            }
            Hop::Refused(b, None) => self.finish(Status::Blocked, Some(b.code), b.reason),
        }
    }

    fn fail(&mut self, failure: Transport) {
        let Some(p) = self.pending.take() else { return };
        let (status, word, code, message) = match failure {
            Transport::Unreachable => (
                Status::Unreachable,
                "unreachable",
                ErrorCode::VerifyUnreachable,
                "the server could not be reached",
            ),
            Transport::Tls => (
                Status::Tls,
                "tls",
                ErrorCode::VerifyTls,
                "the TLS handshake failed (certificate not trusted, expired or for another host)",
            ),
            Transport::Timeout => (
                Status::Timeout,
                "timeout",
                ErrorCode::VerifyTimeout,
                "no answer within the timeout",
            ),
        };
        if let Some(last) = self.trail.last_mut() {
            last.error = Some(word);
        }
        if p.kind == Kind::Ping
            && self.target.tls.insecure
            && p.flight.url().scheme() == "https"
            && !self.tried_http
            && failure != Transport::Timeout
        {
            self.tried_http = true;
            let mut http = p.flight.url().clone();
            if http.set_scheme("http").is_ok() {
                return self.ping(Some(http.as_str()));
            }
        }
        self.finish(status, Some(code), message);
    }
}
