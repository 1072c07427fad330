//! Redirects (followed hop by hop, policy-checked, credentials scoped) and unexpected answers.

use super::{Kind, Login, Pending, MAX_REDIRECTS};
use crate::verify::http::Response;
use crate::verify::outcome::Status;
use crate::verify::policy::same_origin;

impl Login {
    pub(super) fn redirect(&mut self, mut p: Pending, location: &str, status: u16) {
        if p.hops >= MAX_REDIRECTS {
            return self.finish(
                Status::Blocked,
                Some("policy.redirects"),
                "more than 10 redirects",
            );
        }
        let Ok(next) = p.url.join(location) else {
            return self.finish(
                Status::Blocked,
                Some("policy.url"),
                "a redirect pointed to a URL that does not parse",
            );
        };
        if let Err(b) = self.policy.check_url(&next) {
            return self.block(
                p.req.method,
                next.as_str(),
                b.code,
                &format!("a redirect was refused: {}", b.reason),
            );
        }
        if status == 303 || (matches!(status, 301 | 302) && p.req.method == "POST") {
            p.req.method = "GET";
            p.req.body = None;
            p.req
                .headers
                .retain(|(k, _)| !k.eq_ignore_ascii_case("content-type"));
        }
        if !same_origin(&next, &p.cred_origin) {
            if p.kind == Kind::TokenPost && p.req.body.is_some() {
                return self.block(
                    p.req.method,
                    next.as_str(),
                    "policy.credentials",
                    "the token service redirected the password form to another host",
                );
            }
            p.req
                .headers
                .retain(|(k, _)| !k.eq_ignore_ascii_case("authorization"));
        }
        p.req.url = next.to_string();
        p.url = next;
        p.hops += 1;
        p.sent = false;
        self.pending = Some(p);
    }

    pub(super) fn unexpected(&mut self, resp: &Response) {
        match resp.status {
            0 => self.finish(
                Status::Unreachable,
                Some("verify.opaque-redirect"),
                "the host's fetch hid a redirect (browsers do with redirect: 'manual')",
            ),
            500..=599 => self.finish(
                Status::Unreachable,
                Some("verify.server-error"),
                &format!("the server answered with error {}", resp.status),
            ),
            s => self.finish(
                Status::NotARegistry,
                None,
                &format!("the server answered with status {s}, not as a container registry"),
            ),
        }
    }
}
