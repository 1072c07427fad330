//! The steps after a successful login when repository access is checked: the manifest request,
//! the push decision (token claim or write probe) and the cancelled upload. See
//! `verify::access` for what each answer means.

use crate::json::Value;
use crate::ErrorCode;
use crate::SecretString;

use super::{Kind, Login, Pending};
use crate::verify::access::{token_actions, AccessPlan, MANIFEST_ACCEPT};
use crate::verify::http::{Header, Response};
use crate::verify::outcome::Status;
use crate::verify::policy::same_origin;

/// The access check's plan and the `Authorization` value the login ended with.
#[derive(Debug)]
pub(super) struct AccessState {
    pub(super) plan: AccessPlan,
    authorization: Option<SecretString>,
    pulled: bool,
}

impl AccessState {
    pub(super) fn new(plan: AccessPlan) -> AccessState {
        AccessState {
            plan,
            authorization: None,
            pulled: false,
        }
    }
}

/// The registry error codes of a 404 body (`{"errors":[{"code":"MANIFEST_UNKNOWN"}]}`).
fn error_codes(resp: &Response) -> Vec<String> {
    let body: Value = resp.json_body().unwrap_or(Value::Null);
    body.get("errors")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|e| e.get("code").and_then(Value::as_str).map(str::to_owned))
        .collect()
}

impl Login {
    /// The login worked with `authorization` (none for an open registry): check the access.
    pub(super) fn logged_in(&mut self, authorization: Option<&str>) {
        let Some(state) = &mut self.access else {
            return;
        };
        state.authorization = authorization.map(SecretString::from);
        if state.plan.pull {
            let path = format!("{}/manifests/{}", state.plan.path, state.plan.reference);
            self.access_request(Kind::Manifest, "GET", &path);
        } else {
            self.push_check();
        }
    }

    /// Queues a request to `<registry>/v2/<relative>` with the login's authorization.
    fn access_request(&mut self, kind: Kind, method: &'static str, relative: &str) {
        let base = self
            .registry
            .clone()
            .or_else(|| crate::url::Url::parse(&self.target.ping_url).ok());
        let Some(url) = base.and_then(|b| b.join(relative).ok()) else {
            return self.finish(
                Status::Blocked,
                Some(ErrorCode::PolicyUrl),
                "the repository URL does not parse",
            );
        };
        self.start_absolute(kind, method, url.as_str());
    }

    fn start_absolute(&mut self, kind: Kind, method: &'static str, url: &str) {
        let auth = self
            .access
            .as_ref()
            .and_then(|a| a.authorization.as_ref())
            .map(|a| a.expose().to_owned());
        let accept = match kind {
            Kind::Manifest => vec![Header::plain("Accept", MANIFEST_ACCEPT)],
            _ => Vec::new(),
        };
        self.start(kind, method, url, auth, None, accept);
    }

    pub(super) fn on_access(&mut self, p: &Pending, resp: &Response) {
        let s = resp.status;
        let authenticated = self.creds.is_some();
        match (p.kind, s) {
            (Kind::Manifest, 200..=299) => {
                if let Some(a) = &mut self.access {
                    a.pulled = true;
                }
                if self.access.as_ref().is_some_and(|a| a.plan.push) {
                    self.push_check();
                } else {
                    self.finish(Status::Granted, None, "the registry serves this repository's manifest to these credentials: pull is granted");
                }
            }
            (Kind::Manifest | Kind::Upload, 401 | 403) if !authenticated => self.finish(
                Status::Unauthorized,
                Some(ErrorCode::AccessCredentialsRequired),
                "the registry refuses anonymous access to this repository",
            ),
            (Kind::Manifest, 401 | 403) => self.finish(
                Status::Denied,
                Some(ErrorCode::AccessDenied),
                "the credentials are valid, but the registry refuses them for this repository",
            ),
            (Kind::Manifest | Kind::Upload, 404) => {
                let codes = error_codes(resp);
                let (code, message) = if codes.iter().any(|c| c == "NAME_UNKNOWN") {
                    (
                        ErrorCode::AccessNameUnknown,
                        "the registry does not know this repository",
                    )
                } else if codes.iter().any(|c| c == "MANIFEST_UNKNOWN") {
                    (
                        ErrorCode::AccessManifestUnknown,
                        "the repository has no manifest for this tag or digest",
                    )
                } else {
                    (
                        ErrorCode::AccessNotFound,
                        "the registry answered 404 for this repository",
                    )
                };
                self.finish(Status::NotFound, Some(code), message);
            }
            (Kind::Upload, 200..=299) => self.cancel_upload(p, resp),
            (Kind::Upload, 401 | 403) => self.finish(
                Status::Denied,
                Some(ErrorCode::AccessPushDenied),
                "the registry refuses to open an upload: push is not granted",
            ),
            (Kind::CancelUpload, 200..=299) => self.finish(
                Status::Granted,
                None,
                &self.granted_message(
                    "the registry opened an upload (cancelled again): push is granted",
                ),
            ),
            (Kind::CancelUpload, _) => self.finish(
                Status::Granted,
                Some(ErrorCode::AccessUploadNotCancelled),
                &self.granted_message("the registry opened an upload: push is granted; cancelling it was refused (Distribution wants the delete action for that), so the empty upload stays until the registry purges stale uploads"),
            ),
            _ => self.unexpected(resp),
        }
    }

    fn granted_message(&self, push: &str) -> String {
        if self.access.as_ref().is_some_and(|a| a.pulled) {
            format!("pull is granted; {push}")
        } else {
            push.to_owned()
        }
    }

    /// Push: the token's claim, the write probe, or no verdict.
    fn push_check(&mut self) {
        let Some(state) = &self.access else { return };
        let claim = state
            .authorization
            .as_ref()
            .and_then(|a| a.expose().strip_prefix("Bearer "))
            .and_then(|t| token_actions(t, &state.plan.path));
        let claims_push = claim
            .as_ref()
            .map(|actions| actions.iter().any(|a| a == "push" || a == "*"));
        match (claims_push, state.plan.probe_write) {
            (Some(false), _) => self.finish(
                Status::Denied,
                Some(ErrorCode::AccessPushDenied),
                "the registry's token does not grant push on this repository (its access claim, read without verifying the signature)",
            ),
            (_, true) => {
                let path = format!("{}/blobs/uploads/", state.plan.path);
                self.access_request(Kind::Upload, "POST", &path);
            }
            (Some(true), false) => {
                let msg = self.granted_message("the registry's token grants push on this repository (its access claim, read without verifying the signature)");
                self.finish(Status::Granted, None, &msg);
            }
            (None, false) => self.finish(
                Status::Unverified,
                Some(ErrorCode::AccessPushUnverified),
                "the registry does not say whether these credentials may push; the write probe (probeWrite) would open and cancel an upload",
            ),
        }
    }

    /// The upload was opened: cancel it with `DELETE` on its `Location` (same origin only).
    fn cancel_upload(&mut self, p: &Pending, resp: &Response) {
        let here = p.flight.url();
        let location = resp.header("location").and_then(|l| here.join(l).ok());
        match location {
            Some(url) if same_origin(&url, here) => {
                self.start_absolute(Kind::CancelUpload, "DELETE", url.as_str())
            }
            _ => {
                let msg = self.granted_message("the registry opened an upload: push is granted (the upload could not be cancelled: no Location on the registry's own origin)");
                self.finish(
                    Status::Granted,
                    Some(ErrorCode::AccessUploadNotCancelled),
                    &msg,
                );
            }
        }
    }
}
