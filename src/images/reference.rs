//! Image references as docker/distribution parses and normalizes them (`reference.go` and
//! `normalize.go` of github.com/distribution/reference): [`parse`] is `reference.Parse`,
//! [`parse_normalized`] is `ParseNormalizedNamed` (familiar names such as `nginx` become
//! `docker.io/library/nginx`). See ARCHITECTURE.md, "Images".

use crate::ErrorCode;
use serde::Serialize;

use super::grammar::{is_identifier, split_reference};
use crate::report::{Issue, Report};

/// Docker Hub's canonical domain.
pub const DEFAULT_DOMAIN: &str = "docker.io";
/// Docker Hub's legacy domain, rewritten to [`DEFAULT_DOMAIN`].
pub const LEGACY_DEFAULT_DOMAIN: &str = "index.docker.io";
/// The namespace of Docker Hub's official images.
pub const OFFICIAL_REPO_PREFIX: &str = "library/";
/// The tag a runtime pulls when a reference names none.
pub const DEFAULT_TAG: &str = "latest";
/// The longest repository path (`RepositoryNameTotalLengthMax`).
pub const MAX_PATH_LENGTH: usize = 255;

/// Why a text is not an image reference. Each variant is one stable code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReferenceError {
    /// `image.reference.empty`: the text is empty.
    Empty,
    /// `image.reference.format`: the text does not follow the reference grammar.
    Format,
    /// `image.reference.uppercase`: the repository name has uppercase letters.
    Uppercase,
    /// `image.reference.name-too-long`: the repository path is longer than 255 characters.
    NameTooLong,
    /// `image.reference.identifier`: the text is a 64-character hexadecimal image id.
    Identifier,
    /// `image.reference.digest-algorithm`: the digest's algorithm is not sha256, sha384 or
    /// sha512.
    DigestAlgorithm,
    /// `image.reference.digest-length`: the digest's hex part has the wrong length for its
    /// algorithm.
    DigestLength,
    /// `image.reference.digest-format`: the digest's hex part is not lowercase hexadecimal.
    DigestFormat,
}

impl ReferenceError {
    /// The stable code.
    pub fn code(self) -> ErrorCode {
        match self {
            ReferenceError::Empty => ErrorCode::ImageReferenceEmpty,
            ReferenceError::Format => ErrorCode::ImageReferenceFormat,
            ReferenceError::Uppercase => ErrorCode::ImageReferenceUppercase,
            ReferenceError::NameTooLong => ErrorCode::ImageReferenceNameTooLong,
            ReferenceError::Identifier => ErrorCode::ImageReferenceIdentifier,
            ReferenceError::DigestAlgorithm => ErrorCode::ImageReferenceDigestAlgorithm,
            ReferenceError::DigestLength => ErrorCode::ImageReferenceDigestLength,
            ReferenceError::DigestFormat => ErrorCode::ImageReferenceDigestFormat,
        }
    }

    /// What is wrong, in words (never the input itself).
    pub fn message(self) -> &'static str {
        match self {
            ReferenceError::Empty => "an image reference is required",
            ReferenceError::Format => {
                "not an image reference: expected [registry/]repository[:tag][@digest]"
            }
            ReferenceError::Uppercase => "the repository name must be lowercase",
            ReferenceError::NameTooLong => "the repository name is longer than 255 characters",
            ReferenceError::Identifier => {
                "a 64-character hexadecimal image id cannot be used as a repository name"
            }
            ReferenceError::DigestAlgorithm => {
                "the digest algorithm is not supported (sha256, sha384 or sha512)"
            }
            ReferenceError::DigestLength => "the digest has the wrong length for its algorithm",
            ReferenceError::DigestFormat => "the digest must be lowercase hexadecimal",
        }
    }
}

/// A parsed image reference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImageReference {
    /// The registry host and port (`docker.io` after normalization; `""` when [`parse`] found
    /// none).
    pub domain: String,
    /// The repository path on the registry (`library/nginx`).
    pub path: String,
    /// The tag, if the reference has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// The digest (`sha256:...`), if the reference has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
    /// `domain/path` (`docker.io/library/nginx`): what the kubelet looks credentials up for.
    pub name: String,
    /// The short form people type (`nginx`).
    pub familiar_name: String,
    /// The whole reference in canonical form.
    pub reference: String,
    /// The whole reference in its short form.
    pub familiar_reference: String,
    /// What a runtime pulls ([`ImageReference::pull_reference`]).
    pub pull_reference: String,
}

fn join(domain: &str, path: &str) -> String {
    if domain.is_empty() {
        path.to_owned()
    } else {
        format!("{domain}/{path}")
    }
}

fn with_tag_and_digest(name: &str, tag: Option<&str>, digest: Option<&str>) -> String {
    let mut s = name.to_owned();
    if let Some(t) = tag {
        s.push(':');
        s.push_str(t);
    }
    if let Some(d) = digest {
        s.push('@');
        s.push_str(d);
    }
    s
}

impl ImageReference {
    fn new(domain: &str, path: &str, tag: &str, digest: &str) -> ImageReference {
        let tag = Some(tag.to_owned()).filter(|t| !t.is_empty());
        let digest = Some(digest.to_owned()).filter(|d| !d.is_empty());
        let name = join(domain, path);
        let (fd, fp) = familiarize(domain, path);
        let familiar_name = join(fd, fp);
        let pull_reference = match &digest {
            Some(d) => with_tag_and_digest(&name, None, Some(d)),
            None => with_tag_and_digest(&name, Some(tag.as_deref().unwrap_or(DEFAULT_TAG)), None),
        };
        ImageReference {
            pull_reference,
            reference: with_tag_and_digest(&name, tag.as_deref(), digest.as_deref()),
            familiar_reference: with_tag_and_digest(
                &familiar_name,
                tag.as_deref(),
                digest.as_deref(),
            ),
            domain: domain.to_owned(),
            path: path.to_owned(),
            tag,
            digest,
            name,
            familiar_name,
        }
    }

    /// What a runtime pulls (`ParseDockerRef`): with a digest, the name and digest only (a tag
    /// beside it is ignored); otherwise the name and the tag, `latest` when there is none.
    pub fn pull_reference(&self) -> &str {
        &self.pull_reference
    }
}

/// Docker Hub names lose their domain, official images their `library/`.
fn familiarize<'a>(domain: &'a str, path: &'a str) -> (&'a str, &'a str) {
    if domain != DEFAULT_DOMAIN {
        return (domain, path);
    }
    match path.strip_prefix(OFFICIAL_REPO_PREFIX) {
        Some(rest) if !rest.contains('/') => ("", rest),
        _ => ("", path),
    }
}

/// `go-digest`'s `Validate` for the algorithms a runtime registers.
fn check_digest(digest: &str) -> Result<(), ReferenceError> {
    let (algorithm, hex) = digest.split_once(':').ok_or(ReferenceError::DigestFormat)?;
    let size = match algorithm {
        "sha256" => 32,
        "sha384" => 48,
        "sha512" => 64,
        _ => return Err(ReferenceError::DigestAlgorithm),
    };
    if hex.len() != size * 2 {
        return Err(ReferenceError::DigestLength);
    }
    if !hex
        .bytes()
        .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c))
    {
        return Err(ReferenceError::DigestFormat);
    }
    Ok(())
}

/// `reference.Parse`: the reference as written, no normalization (the domain is `""` when the
/// first component is not one).
///
/// # Errors
/// [`ReferenceError::Empty`] for `""`; [`ReferenceError::Uppercase`] when only uppercase
/// letters keep it from matching; [`ReferenceError::Format`] when it does not match otherwise;
/// [`ReferenceError::NameTooLong`]; the digest errors.
pub fn parse(s: &str) -> Result<ImageReference, ReferenceError> {
    if s.is_empty() {
        return Err(ReferenceError::Empty);
    }
    let Some(parts) = split_reference(s) else {
        let lower = s.to_ascii_lowercase();
        if lower != s && split_reference(&lower).is_some() {
            return Err(ReferenceError::Uppercase);
        }
        return Err(ReferenceError::Format);
    };
    if parts.path.len() > MAX_PATH_LENGTH {
        return Err(ReferenceError::NameTooLong);
    }
    if !parts.digest.is_empty() {
        check_digest(parts.digest)?;
    }
    Ok(ImageReference::new(
        parts.domain,
        parts.path,
        parts.tag,
        parts.digest,
    ))
}

/// Whether `s` has an uppercase letter. Go's `strings.ToLower` also folds non-ASCII letters;
/// only ASCII is compared here (no Unicode case tables in the module): a non-ASCII letter can
/// never be part of a valid reference, so at most the code of an error differs.
pub fn has_ascii_uppercase(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_uppercase())
}

/// `splitDockerDomain`: the registry domain and the rest of `name`. The first component is a
/// domain only when it contains `.` or `:`, is `localhost`, or has an uppercase letter.
fn split_docker_domain(name: &str) -> (String, String) {
    let (domain, remote) = match name.split_once('/') {
        None => {
            return (
                DEFAULT_DOMAIN.to_owned(),
                format!("{OFFICIAL_REPO_PREFIX}{name}"),
            )
        }
        Some((first, rest)) if first == "localhost" => (first, rest),
        Some((first, rest)) if first == LEGACY_DEFAULT_DOMAIN => (DEFAULT_DOMAIN, rest),
        Some((first, rest)) if first.contains(['.', ':']) => (first, rest),
        Some((first, rest)) if has_ascii_uppercase(first) => (first, rest),
        Some(_) => (DEFAULT_DOMAIN, name),
    };
    if domain == DEFAULT_DOMAIN && !remote.contains('/') {
        return (domain.to_owned(), format!("{OFFICIAL_REPO_PREFIX}{remote}"));
    }
    (domain.to_owned(), remote.to_owned())
}

/// `ParseNormalizedNamed`: a reference as a person or a pod spec writes it, normalized
/// (`nginx` → `docker.io/library/nginx`, `index.docker.io/x/y` → `docker.io/x/y`).
///
/// # Errors
/// [`ReferenceError::Identifier`] for a bare 64-character image id; [`ReferenceError::Uppercase`]
/// when the repository part has uppercase letters; those of [`parse`].
pub fn parse_normalized(s: &str) -> Result<ImageReference, ReferenceError> {
    if is_identifier(s) {
        return Err(ReferenceError::Identifier);
    }
    let (domain, remainder) = split_docker_domain(s);
    let remote = remainder.split(':').next().unwrap_or_default();
    if has_ascii_uppercase(remote) {
        return Err(ReferenceError::Uppercase);
    }
    parse(&format!("{domain}/{remainder}"))
}

/// `parseImageReference(text)`: [`parse_normalized`] as a [`Report`] (one error at path `""`).
pub fn parse_image_reference(text: &str) -> Report<ImageReference> {
    report(parse_normalized(text))
}

/// A parse result as a [`Report`].
pub fn report(result: Result<ImageReference, ReferenceError>) -> Report<ImageReference> {
    match result {
        Ok(r) => Report::new(Vec::new(), Vec::new(), Some(r)),
        Err(e) => Report::new(
            vec![Issue::new("", e.code(), e.message())],
            Vec::new(),
            None,
        ),
    }
}
