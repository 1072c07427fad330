//! An ECR registry token: what `GetAuthorizationToken` returns, decoded.
//!
//! The verification module produces it (SigV4-signed call through the host's `fetch`); secret
//! generation consumes it, because ECR access keys are not registry credentials.

use crate::secret_string::SecretString;
use crate::time::Timestamp;

/// A 12-hour ECR registry credential.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EcrToken {
    /// Always `AWS` for tokens from `GetAuthorizationToken`.
    pub username: String,
    /// The token itself. Secret.
    pub password: SecretString,
    /// When the token stops working.
    pub expires_at: Timestamp,
    /// The registry it belongs to, as ECR reports it (`https://<account>.dkr.ecr.<region>.amazonaws.com`).
    pub proxy_endpoint: String,
}
