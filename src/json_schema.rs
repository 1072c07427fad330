//! Generic JSON Schema validation with the `jsonschema` crate (the `json-schema` feature), for
//! hosts that extend the shipped schema or want a draft-exact engine's verdict.
//!
//! Everything else in regcred validates with hand-written Rust ([`crate::validate`]), which the
//! schema-agreement tests keep equal to `schemas/registry.schema.json` and which also applies the
//! rules a schema cannot state. This engine is the optional extra: in WebAssembly it adds
//! ~675 KB gzip, and compiling a schema takes 100-250 ms, so compiled schemas are kept.
//!
//! The engine's own messages quote the instance (a password that fails a `pattern`, say), so
//! they are never passed on: each issue says which keyword failed where, not what the value was.

use crate::ErrorCode;
use std::sync::Mutex;

use jsonschema::Validator;
use serde_json::Value;

use crate::report::{Issue, Report};

/// Why a schema could not be used: code `schema.invalid`, never the schema engine's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaError {
    /// Always `schema.invalid`.
    pub code: ErrorCode,
    /// Where the schema is wrong (a JSON pointer into the schema) and which keyword.
    pub message: String,
}

/// The last compiled schema and its source (`None` for the shipped schema), so repeated calls
/// with the same schema (the shipped one, or a host's extended one) compile it once.
static COMPILED: Mutex<Option<(Option<Value>, Validator)>> = Mutex::new(None);

fn invalid(message: String) -> SchemaError {
    SchemaError {
        code: ErrorCode::SchemaInvalid,
        message,
    }
}

fn compile(schema: &Value) -> Result<Validator, SchemaError> {
    jsonschema::validator_for(schema).map_err(|e| {
        invalid(format!(
            "the schema is not valid: \"{}\" at \"{}\"",
            e.kind().keyword(),
            e.schema_path()
        ))
    })
}

/// Validates `instance` against `schema` (the shipped registry schema when `None`) with the
/// draft the schema's `$schema` names (draft 2020-12 when it names none). Every failing keyword
/// is an error with the instance's JSON-pointer `path`, code `schema.<keyword>` (`schema.type`,
/// `schema.pattern`, `schema.required`, ...) and a message naming the keyword and where in the
/// schema it is. The report's value is absent: this checks, it does not normalize.
///
/// # Errors
/// [`SchemaError`] when `schema` is not a valid JSON Schema (or names a `$ref` that cannot be
/// resolved without the network).
pub fn validate_with_schema(
    instance: &Value,
    schema: Option<&Value>,
) -> Result<Report<()>, SchemaError> {
    let mut cache = COMPILED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let cached = cache
        .as_ref()
        .is_some_and(|(source, _)| source.as_ref() == schema);
    if !cached {
        let validator = match schema {
            Some(s) => compile(s)?,
            None => compile(&crate::schema::registry_schema(None))?,
        };
        *cache = Some((schema.cloned(), validator));
    }
    let Some((_, validator)) = cache.as_ref() else {
        return Err(invalid("the schema could not be compiled".to_string()));
    };
    // The schema states a field's type both for every type and inside its type's branch, so one
    // problem can fail two schema places: each (path, code) is reported once, at its first place.
    let mut errors: Vec<Issue> = Vec::new();
    for e in validator.iter_errors(instance) {
        let keyword = e.kind().keyword();
        let path = e.instance_path().as_str().to_owned();
        let code = format!("schema.{keyword}");
        if errors.iter().any(|i| i.path == path && i.code == code) {
            continue;
        }
        let message = format!("fails the schema's {keyword} rule at {}", e.schema_path());
        errors.push(Issue::in_family(path, code, message));
    }
    Ok(Report::new(errors, Vec::new(), None))
}
