//! The errors of secret and config-file generation: a typed enum with stable `secret.*` codes.
//!
//! Messages name the field (by JSON pointer) and never contain the value: no password, token,
//! key or `auth` string can leak through an error.

use crate::report::Issue;
use crate::ErrorCode;

/// Why a secret, docker config or injection input could not be generated.
///
/// Every variant that concerns one field carries its JSON-pointer `path` (relative to the input
/// of the function that failed, e.g. `/registries/1/password`). [`SecretError::code`] is stable API.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SecretError {
    /// No registry was given: a docker config needs at least one entry.
    NoRegistries {
        /// Where the list was expected.
        path: String,
    },
    /// The server (registry host) of an entry is empty or contains control characters.
    Server {
        /// The offending field.
        path: String,
    },
    /// Two entries name the same server, so one would silently replace the other.
    DuplicateServer {
        /// The second occurrence.
        path: String,
    },
    /// The username is empty.
    Username {
        /// The offending field.
        path: String,
    },
    /// The username contains `:`, which makes `auth` (base64 of `username:password`) ambiguous.
    UsernameColon {
        /// The offending field.
        path: String,
    },
    /// The password (or token, or key) is empty.
    Password {
        /// The offending field.
        path: String,
    },
    /// The secret name is not a DNS-1123 subdomain (lowercase, `-`/`.`, at most 253 characters,
    /// 242 with `appendHash`).
    Name {
        /// The offending field.
        path: String,
        /// The longest name allowed here.
        max: usize,
    },
    /// The namespace is not a DNS-1123 label (at most 63 characters).
    Namespace {
        /// The offending field.
        path: String,
    },
    /// A label or annotation key is not a Kubernetes qualified name (`[prefix/]name`).
    MetadataKey {
        /// The offending key.
        path: String,
    },
    /// A label value is not valid (at most 63 letters, digits, `-`, `_`, `.`, alphanumeric ends).
    LabelValue {
        /// The offending value.
        path: String,
    },
    /// A registry configuration has no registry URL and its type has no default.
    RegistryUrl {
        /// The offending field.
        path: String,
    },
    /// ECR with access keys: the secret needs a registry token (from `GetAuthorizationToken`,
    /// see the verification API); none was given.
    EcrTokenRequired {
        /// The configuration that needs a token.
        path: String,
    },
    /// ECR with the nodes' IAM role: there is nothing to put in a secret.
    EcrIamRole {
        /// The configuration.
        path: String,
    },
    /// A public registry: it has no credentials to put in a secret.
    PublicRegistry {
        /// The configuration.
        path: String,
    },
    /// The ECR token given belongs to a different registry host than the configuration.
    EcrTokenRegistry {
        /// The token.
        path: String,
    },
    /// The input does not have the expected shape (wrong JSON type, unknown field, missing field).
    Shape {
        /// The offending value.
        path: String,
        /// What was expected there (never the value itself).
        expected: &'static str,
    },
    /// A list is longer than the library accepts (registries, clusters, labels, ...).
    TooMany {
        /// The list.
        path: String,
        /// The cap.
        max: usize,
    },
    /// A registry configuration failed validation: the validator's own issue (path, stable
    /// code such as `ecr.url.account-id`, message), see [`crate::validate::validate_registry`].
    Invalid(Issue),
    /// Several problems at once, in input order.
    Several(Vec<SecretError>),
}

/// Messages name the field by its path, then say what is wrong: `<path>: <message>`, except
/// [`SecretError::NoRegistries`] (no path) and [`SecretError::Several`] (a count and the first).
impl std::fmt::Display for SecretError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SecretError::NoRegistries { .. } => f.write_str(&self.message()),
            SecretError::Several(all) => {
                write!(f, "{} problems; the first: ", all.len())?;
                match all.first() {
                    Some(first) => first.fmt(f),
                    None => Ok(()),
                }
            }
            one => write!(f, "{}: {}", one.path(), one.message()),
        }
    }
}

impl std::error::Error for SecretError {}

/// The `path` of whichever variant `$error` (a `&SecretError` or `&mut SecretError`) is, by
/// the same reference kind; `None` for [`SecretError::Several`]. One list of variants for
/// [`SecretError::path`] and `path_mut`.
macro_rules! path_of {
    ($error:expr) => {
        match $error {
            SecretError::NoRegistries { path }
            | SecretError::Server { path }
            | SecretError::DuplicateServer { path }
            | SecretError::Username { path }
            | SecretError::UsernameColon { path }
            | SecretError::Password { path }
            | SecretError::Name { path, .. }
            | SecretError::Namespace { path }
            | SecretError::MetadataKey { path }
            | SecretError::LabelValue { path }
            | SecretError::RegistryUrl { path }
            | SecretError::EcrTokenRequired { path }
            | SecretError::EcrIamRole { path }
            | SecretError::PublicRegistry { path }
            | SecretError::EcrTokenRegistry { path }
            | SecretError::Shape { path, .. }
            | SecretError::TooMany { path, .. }
            | SecretError::Invalid(Issue { path, .. }) => Some(path),
            SecretError::Several(_) => None,
        }
    };
}

impl SecretError {
    /// The stable error code (`secret.server`, `secret.ecr-token-required`, ...;
    /// `config.invalid` when a registry configuration failed validation, whose own codes are in
    /// [`SecretError::issues`]). For [`SecretError::Several`], the code of the first problem.
    pub fn code(&self) -> ErrorCode {
        match self {
            SecretError::Invalid(_) => ErrorCode::ConfigInvalid,
            SecretError::NoRegistries { .. } => ErrorCode::SecretNoRegistries,
            SecretError::Server { .. } => ErrorCode::SecretServer,
            SecretError::DuplicateServer { .. } => ErrorCode::SecretDuplicateServer,
            SecretError::Username { .. } => ErrorCode::SecretUsername,
            SecretError::UsernameColon { .. } => ErrorCode::SecretUsernameColon,
            SecretError::Password { .. } => ErrorCode::SecretPassword,
            SecretError::Name { .. } => ErrorCode::SecretName,
            SecretError::Namespace { .. } => ErrorCode::SecretNamespace,
            SecretError::MetadataKey { .. } => ErrorCode::SecretMetadataKey,
            SecretError::LabelValue { .. } => ErrorCode::SecretLabelValue,
            SecretError::RegistryUrl { .. } => ErrorCode::SecretRegistryUrl,
            SecretError::EcrTokenRequired { .. } => ErrorCode::SecretEcrTokenRequired,
            SecretError::EcrIamRole { .. } => ErrorCode::SecretEcrIamRole,
            SecretError::PublicRegistry { .. } => ErrorCode::SecretPublicRegistry,
            SecretError::EcrTokenRegistry { .. } => ErrorCode::SecretEcrTokenRegistry,
            SecretError::Shape { .. } => ErrorCode::SecretShape,
            SecretError::TooMany { .. } => ErrorCode::SecretTooMany,
            SecretError::Several(all) => all.first().map_or(ErrorCode::SecretInvalid, |e| e.code()),
        }
    }

    /// Every problem as a report [`Issue`] (`path`, `code`, `message`); safe to log.
    pub fn issues(&self) -> Vec<Issue> {
        match self {
            SecretError::Several(all) => all.iter().flat_map(SecretError::issues).collect(),
            SecretError::Invalid(issue) => vec![issue.clone()],
            one => vec![Issue::new(one.path(), one.code(), one.message())],
        }
    }

    /// The message without the leading path (for [`Issue::message`]).
    fn message(&self) -> String {
        match self {
            SecretError::Name { max, .. } => format!(
                "the secret name must be a DNS-1123 subdomain (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most {max} characters)"
            ),
            SecretError::TooMany { max, .. } => format!("at most {max} items are accepted here"),
            SecretError::Shape { expected, .. } => (*expected).to_owned(),
            SecretError::Invalid(issue) => issue.message.clone(),
            SecretError::Several(_) => self.to_string(),
            fixed => fixed.text().to_owned(),
        }
    }

    /// The fixed message of a variant whose message has no variable part.
    fn text(&self) -> &'static str {
        match self {
            SecretError::NoRegistries { .. } => "at least one registry is required",
            SecretError::Server { .. } => "the registry server must be a non-empty host[:port][/path] without control characters",
            SecretError::DuplicateServer { .. } => "this registry server is already listed; each server may appear once",
            SecretError::Username { .. } => "a username is required",
            SecretError::UsernameColon { .. } => "a username cannot contain ':' (the auth field could not be decoded)",
            SecretError::Password { .. } => "a password or token is required",
            SecretError::Namespace { .. } => "the namespace must be a DNS-1123 label (lowercase letters, digits and '-', at most 63 characters)",
            SecretError::MetadataKey { .. } => "keys must be qualified names ([DNS-1123 prefix/]name of at most 63 letters, digits, '-', '_' or '.')",
            SecretError::LabelValue { .. } => "label values must be empty or at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
            SecretError::RegistryUrl { .. } => "this registry type needs a registry URL",
            SecretError::EcrTokenRequired { .. } => "ECR access keys are not registry credentials; fetch an ECR authorization token and pass it as ecrToken",
            SecretError::EcrIamRole { .. } => "this ECR registry uses the worker nodes' IAM role; the nodes pull with their role and no secret is needed",
            SecretError::PublicRegistry { .. } => "a public registry has no credentials; no secret is needed",
            SecretError::EcrTokenRegistry { .. } => "the ECR token's proxy endpoint is not this registry's host",
            _ => "",
        }
    }

    /// The JSON pointer of the problem (`""` for [`SecretError::Several`]).
    pub fn path(&self) -> &str {
        path_of!(self).map_or("", |p| p.as_str())
    }

    /// The same error with every path moved under the JSON pointer `prefix`.
    pub fn under(self, prefix: &str) -> SecretError {
        match self {
            SecretError::Several(all) => {
                SecretError::Several(all.into_iter().map(|e| e.under(prefix)).collect())
            }
            mut one => {
                if let Some(p) = one.path_mut() {
                    p.insert_str(0, prefix);
                }
                one
            }
        }
    }

    fn path_mut(&mut self) -> Option<&mut String> {
        path_of!(self)
    }

    /// Folds a list of problems into one error: `None` when empty, the error itself when there
    /// is one, [`SecretError::Several`] otherwise (nested lists are flattened).
    pub fn collect(errors: Vec<SecretError>) -> Option<SecretError> {
        let mut flat = Vec::new();
        for e in errors {
            match e {
                SecretError::Several(inner) => flat.extend(inner),
                one => flat.push(one),
            }
        }
        match flat.len() {
            0 => None,
            1 => flat.pop(),
            _ => Some(SecretError::Several(flat)),
        }
    }
}

pub(crate) use crate::json_read::pointer_token as pointer_segment;
