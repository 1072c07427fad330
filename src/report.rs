//! The result of checking something a person typed: a [`Report`] of [`Issue`]s.
//!
//! Bad user data is never an `Err`: it is a report with `valid: false`, JSON-pointer paths and
//! stable codes. Messages never contain the input value itself, so a report is safe to log.

use serde::Serialize;

use crate::ErrorCode;

/// One problem (error or warning) found in user input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// JSON pointer to the offending field (`""` for the whole input, `/registryUrl`, ...).
    pub path: String,
    /// Stable, dotted error code such as `ecr.url.account-id`. Codes are API; messages are not.
    pub code: String,
    /// Human-readable explanation. Never contains secrets or echoes the input.
    pub message: String,
}

impl Issue {
    /// Builds an issue at `path` with a stable `code` and a human `message`.
    pub fn new(path: impl Into<String>, code: ErrorCode, message: impl Into<String>) -> Self {
        Issue::in_family(path, code.as_str().to_owned(), message)
    }

    /// Builds an issue whose code is a member of a documented family with a variable part
    /// (`schema.<keyword>` of the optional JSON Schema engine, `<prefix>.<kind>` of the URL
    /// splitter); every other code is an [`ErrorCode`], given to [`Issue::new`].
    pub fn in_family(path: impl Into<String>, code: String, message: impl Into<String>) -> Self {
        Issue {
            path: path.into(),
            code,
            message: message.into(),
        }
    }

    /// The same issue moved under `prefix` (a JSON pointer such as `/registryUrl`).
    pub fn under(mut self, prefix: &str) -> Self {
        self.path.insert_str(0, prefix);
        self
    }
}

/// The outcome of validating user input: errors, warnings and, when the input is usable, the
/// normalized value.
///
/// `Debug` shows the issues but not the value: a field's value may be the secret itself (the
/// report of `validate_field` for `password` carries the password), and a report is meant to be
/// safe to log.
#[derive(Clone, PartialEq, Serialize)]
pub struct Report<T> {
    /// `true` when there are no errors (warnings do not make input invalid).
    pub valid: bool,
    /// Problems that make the input unusable.
    pub errors: Vec<Issue>,
    /// Problems worth telling the user about that do not block saving.
    pub warnings: Vec<Issue>,
    /// The parsed or normalized value; present whenever it could be computed, even with warnings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<T>,
}

impl<T> std::fmt::Debug for Report<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Report")
            .field("valid", &self.valid)
            .field("errors", &self.errors)
            .field("warnings", &self.warnings)
            .field("value", &self.value.as_ref().map(|_| "<not shown>"))
            .finish()
    }
}

impl<T> Report<T> {
    /// A report with the given issues; `valid` is computed from `errors`.
    pub fn new(errors: Vec<Issue>, warnings: Vec<Issue>, value: Option<T>) -> Self {
        Report {
            valid: errors.is_empty(),
            errors,
            warnings,
            value,
        }
    }

    /// A valid report carrying `value`.
    pub fn ok(value: T) -> Self {
        Report::new(Vec::new(), Vec::new(), Some(value))
    }

    /// An invalid report with a single error and no value.
    pub fn fail(issue: Issue) -> Self {
        Report::new(vec![issue], Vec::new(), None)
    }

    /// Maps the value, keeping the issues.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Report<U> {
        Report {
            valid: self.valid,
            errors: self.errors,
            warnings: self.warnings,
            value: self.value.map(f),
        }
    }

    /// Moves every issue under the JSON pointer `prefix`.
    pub fn under(mut self, prefix: &str) -> Self {
        self.errors = self.errors.into_iter().map(|i| i.under(prefix)).collect();
        self.warnings = self.warnings.into_iter().map(|i| i.under(prefix)).collect();
        self
    }

    /// The error codes, in order (handy in tests and logs).
    pub fn error_codes(&self) -> Vec<&str> {
        self.errors.iter().map(|i| i.code.as_str()).collect()
    }

    /// The warning codes, in order.
    pub fn warning_codes(&self) -> Vec<&str> {
        self.warnings.iter().map(|i| i.code.as_str()).collect()
    }
}

impl crate::json::ToJson for Issue {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .field("path", &self.path)
            .field("code", &self.code)
            .field("message", &self.message)
            .end();
    }
}

impl<T: crate::json::ToJson> crate::json::ToJson for Report<T> {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .field("valid", &self.valid)
            .field("errors", &self.errors)
            .field("warnings", &self.warnings)
            .some("value", &self.value)
            .end();
    }
}
