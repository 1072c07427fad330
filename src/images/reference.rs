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

/// A byte range of [`ReferenceLayout::text`].
pub type Span = (usize, usize);

/// A parsed reference laid out as one text: every field of [`ImageReference`] is a [`Span`] of
/// `text`, which is the canonical reference (`reference`) followed, where needed, by the rest of
/// the pull reference. Built with one allocation; `text` is always ASCII (the grammar admits
/// nothing else), so byte offsets are also UTF-16 offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferenceLayout {
    /// The canonical reference and, after it, what the pull reference needs besides.
    pub text: String,
    /// [`ImageReference::domain`].
    pub domain: Span,
    /// [`ImageReference::path`].
    pub path: Span,
    /// [`ImageReference::tag`].
    pub tag: Option<Span>,
    /// [`ImageReference::digest`].
    pub digest: Option<Span>,
    /// [`ImageReference::name`].
    pub name: Span,
    /// [`ImageReference::familiar_name`].
    pub familiar_name: Span,
    /// [`ImageReference::reference`].
    pub reference: Span,
    /// [`ImageReference::familiar_reference`].
    pub familiar_reference: Span,
    /// [`ImageReference::pull_reference`].
    pub pull_reference: Span,
}

impl ReferenceLayout {
    /// The text of `span`.
    pub fn get(&self, span: Span) -> &str {
        self.text.get(span.0..span.1).unwrap_or_default()
    }

    /// Lays out `text`, a whole reference (`[domain "/"] path [":" tag] ["@" digest]`) that
    /// `split_reference` accepted with these field lengths.
    fn new(mut text: String, domain: usize, path: usize, tag: usize, digest: usize) -> Self {
        let path_start = if domain == 0 { 0 } else { domain + 1 };
        let name = (0, path_start + path);
        let mut end = name.1;
        let mut after = |len: usize| {
            (len > 0).then(|| {
                let span = (end + 1, end + 1 + len);
                end = span.1;
                span
            })
        };
        let tag = after(tag);
        let digest = after(digest);
        let reference = (0, end);
        let domain_text = text.get(..domain).unwrap_or_default();
        let path_text = text.get(path_start..name.1).unwrap_or_default();
        let (fd, fp) = familiarize(domain_text, path_text);
        let familiar_len = if fd.is_empty() { fp.len() } else { name.1 };
        let familiar_name = (name.1 - familiar_len, name.1);
        let pull_reference = match (tag, digest) {
            (None, None) => {
                text.push(':');
                text.push_str(DEFAULT_TAG);
                (0, text.len())
            }
            (Some(_), Some(d)) => {
                // name@digest is not contiguous in the canonical text: append it.
                let canonical = text.clone();
                let start = text.len();
                text.push_str(canonical.get(..name.1).unwrap_or_default());
                text.push_str(canonical.get(d.0.saturating_sub(1)..).unwrap_or_default());
                (start, text.len())
            }
            _ => reference,
        };
        ReferenceLayout {
            text,
            domain: (0, domain),
            path: (path_start, name.1),
            tag,
            digest,
            name,
            familiar_name,
            familiar_reference: (familiar_name.0, end),
            reference,
            pull_reference,
        }
    }

    /// The reference with every field its own text.
    pub fn to_reference(&self) -> ImageReference {
        let owned = |span: Span| self.get(span).to_owned();
        ImageReference {
            domain: owned(self.domain),
            path: owned(self.path),
            tag: self.tag.map(owned),
            digest: self.digest.map(owned),
            name: owned(self.name),
            familiar_name: owned(self.familiar_name),
            reference: owned(self.reference),
            familiar_reference: owned(self.familiar_reference),
            pull_reference: owned(self.pull_reference),
        }
    }
}

impl ImageReference {
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
        Some(rest) if !crate::substring::contains_byte(rest, b'/') => ("", rest),
        _ => ("", path),
    }
}

/// `go-digest`'s `Validate` for the algorithms a runtime registers.
fn check_digest(digest: &str) -> Result<(), ReferenceError> {
    let (algorithm, hex) =
        crate::substring::split_once_byte(digest, b':').ok_or(ReferenceError::DigestFormat)?;
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
    parse_layout(s).map(|l| l.to_reference())
}

/// [`parse`], laid out as one text.
///
/// # Errors
/// Those of [`parse`].
pub fn parse_layout(s: &str) -> Result<ReferenceLayout, ReferenceError> {
    if s.is_empty() {
        return Err(ReferenceError::Empty);
    }
    lay_out(&[s])
}

/// Parses the concatenation of `pieces` as a whole reference (no normalization).
fn lay_out(pieces: &[&str]) -> Result<ReferenceLayout, ReferenceError> {
    let len = pieces.iter().map(|p| p.len()).sum::<usize>();
    // Room for the longest pull-reference suffix (`:latest`) without a second allocation.
    let mut text = String::with_capacity(len + 1 + DEFAULT_TAG.len());
    for p in pieces.iter() {
        text.push_str(p);
    }
    let Some(parts) = split_reference(&text) else {
        let lower = text.to_ascii_lowercase();
        if lower != text && split_reference(&lower).is_some() {
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
    let lengths = (
        parts.domain.len(),
        parts.path.len(),
        parts.tag.len(),
        parts.digest.len(),
    );
    Ok(ReferenceLayout::new(
        text, lengths.0, lengths.1, lengths.2, lengths.3,
    ))
}

/// Whether `s` has an uppercase letter. Go's `strings.ToLower` also folds non-ASCII letters;
/// only ASCII is compared here (no Unicode case tables in the module): a non-ASCII letter can
/// never be part of a valid reference, so at most the code of an error differs.
pub fn has_ascii_uppercase(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_uppercase())
}

/// `splitDockerDomain`: the registry domain, a prefix for the path (`library/` or `""`) and
/// the rest of `name`. The first component is a domain only when it contains `.` or `:`, is
/// `localhost`, or has an uppercase letter.
fn split_docker_domain(name: &str) -> (&str, &'static str, &str) {
    let (domain, remote) = match crate::substring::split_once_byte(name, b'/') {
        None => return (DEFAULT_DOMAIN, OFFICIAL_REPO_PREFIX, name),
        Some((first, rest)) if first == "localhost" => (first, rest),
        Some((first, rest)) if first == LEGACY_DEFAULT_DOMAIN => (DEFAULT_DOMAIN, rest),
        Some((first, rest)) if first.bytes().any(|b| b == b'.' || b == b':') => (first, rest),
        Some((first, rest)) if has_ascii_uppercase(first) => (first, rest),
        Some(_) => (DEFAULT_DOMAIN, name),
    };
    if domain == DEFAULT_DOMAIN && !crate::substring::contains_byte(remote, b'/') {
        return (domain, OFFICIAL_REPO_PREFIX, remote);
    }
    (domain, "", remote)
}

/// `ParseNormalizedNamed`: a reference as a person or a pod spec writes it, normalized
/// (`nginx` → `docker.io/library/nginx`, `index.docker.io/x/y` → `docker.io/x/y`).
///
/// # Errors
/// [`ReferenceError::Identifier`] for a bare 64-character image id; [`ReferenceError::Uppercase`]
/// when the repository part has uppercase letters; those of [`parse`].
pub fn parse_normalized(s: &str) -> Result<ImageReference, ReferenceError> {
    parse_normalized_layout(s).map(|l| l.to_reference())
}

/// [`parse_normalized`], laid out as one text.
///
/// # Errors
/// Those of [`parse_normalized`].
pub fn parse_normalized_layout(s: &str) -> Result<ReferenceLayout, ReferenceError> {
    if is_identifier(s) {
        return Err(ReferenceError::Identifier);
    }
    let (domain, prefix, remainder) = split_docker_domain(s);
    let remote = crate::substring::split_byte(remainder, b':')
        .next()
        .unwrap_or_default();
    if has_ascii_uppercase(remote) {
        return Err(ReferenceError::Uppercase);
    }
    lay_out(&[domain, "/", prefix, remainder])
}

/// `parseImageReference(text)`: [`parse_normalized`] as a [`Report`] (one error at path `""`).
pub fn parse_image_reference(text: &str) -> Report<ImageReference> {
    report(parse_normalized(text))
}

/// A parse result as a [`Report`] (any value type: the binding reports errors without one).
pub fn report<T>(result: Result<T, ReferenceError>) -> Report<T> {
    match result {
        Ok(r) => Report::new(Vec::new(), Vec::new(), Some(r)),
        Err(e) => Report::new(
            vec![Issue::new("", e.code(), e.message())],
            Vec::new(),
            None,
        ),
    }
}

impl crate::json::ToJson for ImageReference {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .field("domain", &self.domain)
            .field("path", &self.path)
            .some("tag", &self.tag)
            .some("digest", &self.digest)
            .field("name", &self.name)
            .field("familiarName", &self.familiar_name)
            .field("reference", &self.reference)
            .field("familiarReference", &self.familiar_reference)
            .field("pullReference", &self.pull_reference)
            .end();
    }
}
