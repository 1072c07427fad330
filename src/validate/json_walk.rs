//! Walking a JSON value field by field, collecting issues with JSON-pointer paths and stable
//! codes. serde's own error texts echo input values, so they are never used.

use crate::json::{Map, Value};
use crate::ErrorCode;

use crate::report::{Issue, Report};

/// Collects errors and warnings while a JSON value is walked.
#[derive(Debug, Default)]
pub struct Walker {
    /// Errors found so far.
    pub errors: Vec<Issue>,
    /// Warnings found so far.
    pub warnings: Vec<Issue>,
}

use crate::json_read::{expect, Expected, Mismatch};

impl Walker {
    /// Records an error.
    pub fn error(&mut self, path: &str, code: ErrorCode, message: impl Into<String>) {
        self.errors.push(Issue::new(path, code, message));
    }

    /// Records a warning.
    pub fn warning(&mut self, path: &str, code: ErrorCode, message: impl Into<String>) {
        self.warnings.push(Issue::new(path, code, message));
    }

    /// Records an already-built error.
    pub fn push_error(&mut self, issue: Issue) {
        self.errors.push(issue);
    }

    /// Records an already-built warning.
    pub fn push_warning(&mut self, issue: Issue) {
        self.warnings.push(issue);
    }

    /// Takes over the issues of a report (already under their final paths).
    pub fn absorb<T>(&mut self, report: Report<T>) -> Option<T> {
        self.errors.extend(report.errors);
        self.warnings.extend(report.warnings);
        report.value
    }

    /// A `config.type` error for a value of the wrong JSON type.
    fn mismatch(&mut self, m: Mismatch) {
        let message = format!("must be {}, not {}", m.expected.words(), m.found);
        self.error(&m.path, ErrorCode::ConfigType, message);
    }

    /// `v` read as `expected` at `path`; a `config.type` error when it is of another type.
    fn typed<'v>(&mut self, path: &str, v: &'v Value, expected: Expected) -> Option<&'v Value> {
        expect(v, path, expected).map_err(|m| self.mismatch(m)).ok()
    }

    /// The object at `path`, or a `config.type` error.
    pub fn object<'v>(&mut self, path: &str, v: &'v Value) -> Option<&'v Map<String, Value>> {
        self.typed(path, v, Expected::Object)?.as_object()
    }

    /// The string at `path` when present; a `config.type` error when it is not a string.
    pub fn string<'v>(&mut self, path: &str, v: Option<&'v Value>) -> Option<&'v str> {
        self.typed(path, v?, Expected::Text)?.as_str()
    }

    /// The boolean at `path` when present; a `config.type` error when it is not one.
    pub fn boolean(&mut self, path: &str, v: Option<&Value>) -> Option<bool> {
        self.typed(path, v?, Expected::Flag)?.as_bool()
    }

    /// A `config.required` error at `path`.
    pub fn required(&mut self, path: &str, what: &str) {
        self.error(
            path,
            ErrorCode::ConfigRequired,
            format!("{what} is required"),
        );
    }

    /// A `config.unknown-field` error for every key of `obj` not in `known`.
    pub fn unknown_fields(&mut self, base: &str, obj: &Map<String, Value>, known: &[&str]) {
        self.unknown_fields_where(base, obj, |key| known.contains(&key));
    }

    /// A `config.unknown-field` error for every key of `obj` that `known` refuses.
    pub fn unknown_fields_where(
        &mut self,
        base: &str,
        obj: &Map<String, Value>,
        known: impl Fn(&str) -> bool,
    ) {
        for key in obj.keys() {
            if !known(key) {
                self.error(
                    &crate::json_read::child_path(base, key),
                    ErrorCode::ConfigUnknownField,
                    "unknown field",
                );
            }
        }
    }

    /// The collected issues as a report carrying `value` only when there are no errors.
    pub fn finish<T>(self, value: Option<T>) -> Report<T> {
        let value = if self.errors.is_empty() { value } else { None };
        Report::new(self.errors, self.warnings, value)
    }
}
