//! One error vocabulary: the codes declared in `src/error_code/`, the codes the README
//! documents and the codes the code emits are the same set, and Rust code names a code by its
//! `ErrorCode` variant, never by a string (see ARCHITECTURE.md, "Errors").

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use regcred::ErrorCode;

/// Code-shaped texts that are not codes: host names, file names and a code prefix.
const NOT_CODES: &[&str] = &[
    "config.json",
    "gcr.io",
    "ecr.url",
    "ecr.us-east-1.api.aws",
    "public.ecr.aws",
    "ghcr.io",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn declared() -> BTreeSet<String> {
    ErrorCode::ALL
        .iter()
        .map(|c| c.as_str().to_string())
        .collect()
}

/// `area.thing(.more)`, lowercase, whose area is one the vocabulary has.
fn is_code(text: &str, areas: &BTreeSet<String>) -> bool {
    let mut parts = text.split('.');
    let area = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    !NOT_CODES.contains(&text)
        && areas.contains(area)
        && !rest.is_empty()
        && text.split('.').all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

fn areas() -> BTreeSet<String> {
    ErrorCode::ALL
        .iter()
        .map(|c| c.as_str().split('.').next().unwrap().to_string())
        .collect()
}

/// The codes the README documents: backticked, in a table or in prose (code blocks aside);
/// `` `aws.session-token.empty` / `.too-long` `` is shorthand for `aws.session-token.too-long`.
fn documented() -> BTreeSet<String> {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let areas = areas();
    let mut out = BTreeSet::new();
    let mut fenced = false;
    // Paragraphs (and table rows) as single lines, code blocks left out.
    let mut paragraphs = vec![String::new()];
    for line in readme.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        if line.trim().is_empty() || line.starts_with('|') {
            paragraphs.push(String::new());
        }
        if let Some(current) = paragraphs.last_mut() {
            current.push(' ');
            current.push_str(line);
        }
    }
    for line in &paragraphs {
        let mut last: Option<String> = None;
        let pieces: Vec<&str> = line.split('`').collect();
        for (i, token) in pieces.iter().enumerate().skip(1).step_by(2) {
            // Shorthand only right after a code: `a.b.c` / `.d`.
            let separator = pieces.get(i - 1).map_or("", |p| p.trim());
            let shorthand = separator.ends_with('/') || separator.ends_with(',');
            let code = match (token.strip_prefix('.'), &last) {
                (Some(tail), Some(prev)) if shorthand => {
                    format!("{}.{tail}", prev.rsplit_once('.').unwrap().0)
                }
                _ => token.to_string(),
            };
            if is_code(&code, &areas) {
                last = Some(code.clone());
                out.insert(code);
            } else {
                last = None;
            }
        }
    }
    out
}

fn sources(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, exts, out);
        } else if exts
            .iter()
            .any(|e| path.extension().is_some_and(|x| x == *e))
        {
            out.push(path);
        }
    }
}

/// Every code-shaped string literal (`"..."` or `'...'`) in the core, the binding and the
/// package's JavaScript, with the file it is in.
fn emitted() -> Vec<(String, String)> {
    let mut files = Vec::new();
    sources(&root().join("src"), &["rs"], &mut files);
    sources(&root().join("wasm/src"), &["rs"], &mut files);
    sources(&root().join("wasm/js"), &["js"], &mut files);
    sources(&root().join("js"), &["js"], &mut files);
    let areas = areas();
    let mut out = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        let shown = file.strip_prefix(root()).unwrap().display().to_string();
        for quote in ['"', '\''] {
            for (i, piece) in text.split(quote).enumerate() {
                if i % 2 == 1 && is_code(piece, &areas) {
                    out.push((piece.to_string(), shown.clone()));
                }
            }
        }
    }
    out
}

/// Every code-shaped `"..."` literal in the Rust of the core and the binding outside the
/// declaration itself, unit tests (from `#[cfg(test)]` on, and `wasm/src/tests.rs`) and comments,
/// with its file and line: Rust names a code by its `ErrorCode` variant.
fn spelled_in_rust() -> Vec<(String, String)> {
    let mut files = Vec::new();
    sources(&root().join("src"), &["rs"], &mut files);
    sources(&root().join("wasm/src"), &["rs"], &mut files);
    let declaration = root().join("src/error_code");
    let areas = areas();
    let mut out = Vec::new();
    for file in files {
        if file.starts_with(&declaration) || file.ends_with("wasm/src/tests.rs") {
            continue;
        }
        let text = fs::read_to_string(&file).unwrap();
        let shown = file.strip_prefix(root()).unwrap().display().to_string();
        let code = text.split("\n#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for (i, piece) in line.split('"').enumerate() {
                if i % 2 == 1 && is_code(piece, &areas) {
                    out.push((piece.to_string(), format!("{shown}:{}", n + 1)));
                }
            }
        }
    }
    out
}

#[test]
fn rust_names_codes_by_their_variant() {
    let spelled = spelled_in_rust();
    assert!(
        spelled.is_empty(),
        "codes spelled as strings; use the ErrorCode variant (src/error_code/): {spelled:?}"
    );
}

#[test]
fn the_readme_documents_exactly_the_declared_codes() {
    let declared = declared();
    let documented = documented();
    let undocumented: Vec<_> = declared.difference(&documented).collect();
    let undeclared: Vec<_> = documented.difference(&declared).collect();
    assert!(
        undocumented.is_empty(),
        "declared in src/error_code/ but not in the README's code tables: {undocumented:?}"
    );
    assert!(
        undeclared.is_empty(),
        "documented in the README but not declared in src/error_code/: {undeclared:?}"
    );
}

#[test]
fn every_emitted_code_is_declared() {
    let declared = declared();
    let stray: Vec<_> = emitted()
        .into_iter()
        .filter(|(code, _)| !declared.contains(code))
        .collect();
    assert!(
        stray.is_empty(),
        "codes emitted but not declared in src/error_code/ (add them, see its docs): {stray:?}"
    );
}

#[test]
fn codes_are_sorted_unique_and_round_trip() {
    let texts: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    let mut sorted = texts.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(
        texts, sorted,
        "keep src/error_code/ sorted, one variant per code"
    );
    for code in ErrorCode::ALL {
        assert_eq!(ErrorCode::from_code(code.as_str()), Some(*code));
        assert_eq!(code.to_string(), code.as_str());
    }
    assert_eq!(ErrorCode::from_code("no.such-code"), None);
}
