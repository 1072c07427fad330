//! ARCHITECTURE.md is the repository's own map: every path it names exists, every section the
//! code cites exists, and nothing cites a document the repository does not hold.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn architecture() -> String {
    fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md at the root")
}

/// The backticked spans of `text` that name a path: a `/` in them (not a package specifier
/// such as `regcred/rjsf`, nor the build output `pkg/`), or a root file such as `Cargo.toml`.
fn named_paths(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| !s.contains(char::is_whitespace) && !s.is_empty())
        .filter(|s| {
            let root_file = s.ends_with(".toml") || s.ends_with(".md") || *s == "Makefile";
            let path = s.contains('/') && !s.starts_with("regcred/") && !s.starts_with("pkg/");
            path || (root_file && !s.contains('/') && s.starts_with(char::is_uppercase))
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn every_path_architecture_md_names_exists() {
    let text = architecture();
    let paths = named_paths(&text);
    assert!(paths.len() > 50, "the code map names the files: {paths:?}");
    let missing: Vec<_> = paths
        .iter()
        .filter(|p| !root().join(p.trim_end_matches('/')).exists())
        .collect();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md names paths that do not exist (fix the map): {missing:?}"
    );
}

#[test]
fn every_source_folder_is_on_the_map() {
    let text = architecture();
    let mut folders = vec![PathBuf::from("src"), PathBuf::from("wasm/src")];
    let mut i = 0;
    while let Some(dir) = folders.get(i).cloned() {
        for entry in fs::read_dir(root().join(&dir)).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                folders.push(dir.join(entry.file_name()));
            }
        }
        i += 1;
    }
    let unmapped: Vec<_> = folders
        .iter()
        .map(|d| format!("{}/", d.display()))
        .filter(|d| !text.contains(&format!("`{d}")))
        .collect();
    assert!(
        unmapped.is_empty(),
        "add these folders to ARCHITECTURE.md's code map: {unmapped:?}"
    );
}

/// The repository's text files outside generated and vendored trees.
fn repository_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let skip = [
        "target",
        "node_modules",
        "pkg",
        "fixtures",
        "corpus",
        "artifacts",
        ".git",
    ];
    for entry in fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type().unwrap().is_dir() {
            if !skip.contains(&name.as_str()) {
                repository_files(&path, out);
            }
        } else if [
            ".rs", ".mjs", ".js", ".ts", ".md", ".toml", ".sh", ".html", ".css",
        ]
        .iter()
        .any(|ext| name.ends_with(ext))
            || name == "Makefile"
        {
            out.push(path);
        }
    }
}

#[test]
fn citations_name_sections_architecture_md_has_and_no_other_documents() {
    let text = architecture();
    let headings: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("### ").or_else(|| l.strip_prefix("## ")))
        .collect();
    let mut files = Vec::new();
    repository_files(&root(), &mut files);
    let design = ["DESIGN", ".md"].concat();
    let shared = ["../", "shared/"].concat();
    let mut problems = Vec::new();
    for file in files {
        let Ok(body) = fs::read_to_string(&file) else {
            continue;
        };
        let shown = file.strip_prefix(root()).unwrap().display().to_string();
        if shown == "tests/architecture.rs" {
            continue;
        }
        if body.contains(&design) || body.contains(&shared) {
            problems.push(format!(
                "{shown} cites a document the repository does not hold"
            ));
        }
        let lower = body.to_ascii_lowercase();
        let cites_issue = lower.match_indices("issue ").any(|(i, m)| {
            lower
                .get(i + m.len()..)
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        });
        if cites_issue {
            problems.push(format!(
                "{shown} cites an issue number (cite ARCHITECTURE.md)"
            ));
        }
        // A citation of one section, or of two joined by " and ".
        for (i, _) in body.match_indices("ARCHITECTURE.md, \"") {
            let rest = body.get(i + "ARCHITECTURE.md, ".len()..).unwrap_or("");
            let mut cited = Vec::new();
            let mut tail = rest;
            while let Some(quoted) = tail.strip_prefix('"') {
                let Some(end) = quoted.find('"') else { break };
                cited.push(quoted.get(..end).unwrap_or(""));
                tail = quoted.get(end + 1..).unwrap_or("");
                tail = tail.strip_prefix(" and ").unwrap_or("");
            }
            for section in cited {
                if !headings.contains(&section) {
                    problems.push(format!(
                        "{shown} cites ARCHITECTURE.md, \"{section}\", which has no such section"
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
