//! An ECR registry token: what `GetAuthorizationToken` returns, decoded.
//!
//! The verification module produces it (SigV4-signed call through the host's `fetch`); secret
//! generation consumes it, because ECR access keys are not registry credentials.

use std::fmt;

use crate::time::Timestamp;

/// A 12-hour ECR registry credential. `Debug` redacts the password.
#[derive(Clone, PartialEq, Eq)]
pub struct EcrToken {
    /// Always `AWS` for tokens from `GetAuthorizationToken`.
    pub username: String,
    /// The token itself. Secret.
    pub password: String,
    /// When the token stops working.
    pub expires_at: Timestamp,
    /// The registry it belongs to, as ECR reports it (`https://<account>.dkr.ecr.<region>.amazonaws.com`).
    pub proxy_endpoint: String,
}

impl fmt::Debug for EcrToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EcrToken")
            .field("username", &self.username)
            .field("password", &"<redacted>")
            .field("expires_at", &self.expires_at)
            .field("proxy_endpoint", &self.proxy_endpoint)
            .finish()
    }
}
