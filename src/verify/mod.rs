//! Credential verification, sans-IO: what `docker login` does, as a state machine the host
//! drives with its own `fetch` (see ARCHITECTURE.md, "Verification" and "Network policy").
//!
//! - [`challenge`] parses `WWW-Authenticate` values;
//! - [`policy`] decides which URLs may be fetched at all;
//! - [`flight`] carries one request hop by hop: the one redirect policy of every request;
//! - [`login`] is the login state machine ([`login::Login`]);
//! - [`access`] checks repository access (the login, then the manifest; `verifyAccess`);
//! - [`sigv4`] signs AWS requests; [`ecr`] builds and reads ECR `GetAuthorizationToken`.
//!
//! Nothing here performs I/O or reads a clock: each machine yields a [`http::Request`], the host
//! sends it and feeds back a [`http::Response`] (or a [`http::Transport`] failure).

pub mod access;
pub mod challenge;
pub mod ecr;
pub mod flight;
pub mod http;
pub mod login;
pub mod outcome;
pub mod policy;
pub mod role_token;
pub mod sigv4;
pub mod sts;
pub mod target;

pub use crate::url::{Host, Url, UrlError};
pub use http::{Request, Response, Transport};
pub use login::Login;
pub use outcome::{Outcome, Status, Step, TrailStep};
