//! The generated artefacts are up to date with the registry model (`src/model`): the schemas
//! and uiSchemas under `schemas/`, the form data the package's JavaScript answers with
//! (`src/model/forms.json`, `src/model/registry-types.json`) and the configuration types in
//! `js/index.d.ts`.
//!
//! `REGCRED_BLESS=1 cargo test --test generated` rewrites them from the model.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::string_slice
)]

use std::path::PathBuf;

use regcred::model::typescript::{config_types, MARKERS};
use regcred::schema::{registry_schema, registry_ui_schema};
use regcred::RegistryType;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn pretty(v: &serde_json::Value) -> String {
    serde_json::to_string_pretty(v).unwrap() + "\n"
}

/// `(path, generated text)` of every schema file.
fn schema_files() -> Vec<(String, String)> {
    let mut files = vec![
        (
            "src/model/forms.json".to_string(),
            regcred::schema::forms_json(),
        ),
        (
            "src/model/registry-types.json".to_string(),
            // Serialized from the structs, not a `Value`: keys in field order, as the API gives them.
            serde_json::to_string_pretty(&regcred::registry_types()).unwrap() + "\n",
        ),
        (
            "schemas/registry.schema.json".to_string(),
            pretty(&registry_schema(None)),
        ),
        (
            "schemas/registry.ui.json".to_string(),
            pretty(&registry_ui_schema(None)),
        ),
    ];
    for t in RegistryType::ALL {
        let id = t.id();
        files.push((
            format!("schemas/{id}.schema.json"),
            pretty(&registry_schema(Some(t))),
        ));
        files.push((
            format!("schemas/{id}.ui.json"),
            pretty(&registry_ui_schema(Some(t))),
        ));
    }
    files
}

/// `js/index.d.ts` with its generated part replaced by the model's.
fn declarations() -> (String, String) {
    let path = "js/index.d.ts".to_string();
    let text = std::fs::read_to_string(root().join(&path)).unwrap();
    let start = text
        .find(MARKERS.0)
        .expect("the BEGIN marker in js/index.d.ts");
    let end_marker = text
        .find(MARKERS.1)
        .expect("the END marker in js/index.d.ts");
    let end = text[end_marker..]
        .find('\n')
        .map_or(text.len(), |n| end_marker + n + 1);
    let generated = format!("{}{}{}", &text[..start], config_types(), &text[end..]);
    (path, generated)
}

#[test]
fn generated_files_match_the_model() {
    let bless = std::env::var_os("REGCRED_BLESS").is_some();
    let mut stale = Vec::new();
    let mut files = schema_files();
    files.push(declarations());
    for (path, text) in files {
        let full = root().join(&path);
        if std::fs::read_to_string(&full).ok().as_deref() == Some(text.as_str()) {
            continue;
        }
        if bless {
            std::fs::write(&full, text).unwrap();
        } else {
            stale.push(path);
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files (run `REGCRED_BLESS=1 cargo test --test generated`): {stale:?}"
    );
}

/// Every file under `schemas/` is generated (no hand-kept schema remains).
#[test]
fn every_schema_file_is_generated() {
    let generated: Vec<String> = schema_files().into_iter().map(|(p, _)| p).collect();
    assert!(generated.iter().any(|p| p == "src/model/forms.json"));
    for entry in std::fs::read_dir(root().join("schemas")).unwrap() {
        let name = format!("schemas/{}", entry.unwrap().file_name().to_string_lossy());
        assert!(
            generated.contains(&name),
            "{name} is not generated from the model"
        );
    }
}
