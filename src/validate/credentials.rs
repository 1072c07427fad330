//! Credential fields: usernames, passwords and AWS access keys.
//!
//! Rules chosen (documented in the README's Validation section):
//!
//! - a username is 1 to 256 characters without `:` (docker's `auth` is
//!   `base64(username:password)`, so a `:` would split it in the wrong place) and without
//!   control characters; the GCP types require exactly `_json_key`;
//! - a password is 1 to 65536 bytes; its content is never checked except for the GCP types,
//!   where it is a service-account key ([`super::gcp_key`]);
//! - an access key id is `AKIA` (long-term) or `ASIA` (temporary) followed by 16 characters of
//!   `A-Z` and `2-7`;
//! - a secret access key is 1 to 128 characters; one that is not 40 characters of
//!   `A-Za-z0-9+/` only gets a warning (AWS has never promised that format);
//! - a session token goes with temporary (`ASIA`) keys: a mismatch is a warning.
//!
//! Messages never contain the value.

use crate::report::Issue;
use crate::ErrorCode;
use crate::JSON_KEY_USERNAME;

/// Longest username.
pub const USERNAME_MAX: usize = 256;
/// Longest password, in bytes.
pub const PASSWORD_MAX: usize = 65_536;
/// Longest secret access key.
pub const SECRET_KEY_MAX: usize = 128;
/// Longest session token.
pub const SESSION_TOKEN_MAX: usize = 4096;

fn err(code: ErrorCode, message: impl Into<String>) -> Issue {
    Issue::new("", code, message)
}

/// Checks a username. `json_key` says the registry type requires `_json_key`.
///
/// Errors: `username.empty`, `username.too-long` (more than 256 characters), `username.colon`
/// (a `:` cannot work in docker's `auth`), `username.control` (control characters),
/// `username.json-key` (a GCP type with another username than `_json_key`).
pub fn check_username(username: &str, json_key: bool) -> Result<(), Issue> {
    if json_key {
        return if username == JSON_KEY_USERNAME {
            Ok(())
        } else {
            Err(err(
                ErrorCode::UsernameJsonKey,
                "the username of a GCP registry is always \"_json_key\"",
            ))
        };
    }
    if username.is_empty() {
        return Err(err(ErrorCode::UsernameEmpty, "enter the username"));
    }
    if crate::substring::char_count(username) > USERNAME_MAX {
        return Err(err(
            ErrorCode::UsernameTooLong,
            format!("the username is longer than {USERNAME_MAX} characters"),
        ));
    }
    if crate::substring::contains_byte(username, b':') {
        return Err(err(
            ErrorCode::UsernameColon,
            "a username cannot contain \":\": docker joins username and password with \":\" in \"auth\"",
        ));
    }
    if crate::substring::has_control(username) {
        return Err(err(
            ErrorCode::UsernameControl,
            "the username contains a control character (such as a line break or tab)",
        ));
    }
    Ok(())
}

/// Checks a password or token (not a GCP key).
///
/// Errors: `password.empty`, `password.too-long` (more than 65536 bytes), `password.control`
/// (a NUL or DEL character: no registry accepts one, and it breaks config files).
pub fn check_password(password: &str) -> Result<(), Issue> {
    if password.is_empty() {
        return Err(err(ErrorCode::PasswordEmpty, "enter the password or token"));
    }
    if password.len() > PASSWORD_MAX {
        return Err(err(
            ErrorCode::PasswordTooLong,
            format!("the password is longer than {PASSWORD_MAX} bytes"),
        ));
    }
    if password.bytes().any(|b| b == 0 || b == 0x7f) {
        return Err(err(
            ErrorCode::PasswordControl,
            "the password contains a NUL or DEL character",
        ));
    }
    Ok(())
}

/// Checks an AWS access key id.
///
/// Errors: `aws.access-key-id.empty`, `aws.access-key-id.format` (not `AKIA`/`ASIA` followed by
/// 16 characters of `A-Z2-7`).
pub fn check_access_key_id(id: &str) -> Result<(), Issue> {
    if id.is_empty() {
        return Err(err(
            ErrorCode::AwsAccessKeyIdEmpty,
            "enter the access key id",
        ));
    }
    let body = id.strip_prefix("AKIA").or_else(|| id.strip_prefix("ASIA"));
    let ok = body.is_some_and(|b| {
        b.len() == 16
            && b.bytes()
                .all(|c| c.is_ascii_uppercase() || (b'2'..=b'7').contains(&c))
    });
    if ok {
        Ok(())
    } else {
        Err(err(
            ErrorCode::AwsAccessKeyIdFormat,
            "an access key id is 20 characters: \"AKIA\" or \"ASIA\" followed by 16 uppercase letters and digits 2-7",
        ))
    }
}

/// Checks a secret access key; `Ok(Some(warning))` when it is usable but unusual.
///
/// Errors: `aws.secret-access-key.empty`, `aws.secret-access-key.too-long` (more than 128
/// characters). Warning: `aws.secret-access-key.format` (not 40 characters of `A-Za-z0-9+/`).
pub fn check_secret_access_key(key: &str) -> Result<Option<Issue>, Issue> {
    if key.is_empty() {
        return Err(err(
            ErrorCode::AwsSecretAccessKeyEmpty,
            "enter the secret access key",
        ));
    }
    if key.len() > SECRET_KEY_MAX {
        return Err(err(
            ErrorCode::AwsSecretAccessKeyTooLong,
            format!("the secret access key is longer than {SECRET_KEY_MAX} characters"),
        ));
    }
    let usual = key.len() == 40
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/');
    Ok((!usual).then(|| {
        err(
            ErrorCode::AwsSecretAccessKeyFormat,
            "a secret access key is usually 40 characters of letters, digits, \"+\" and \"/\"",
        )
    }))
}

/// Checks a session token.
///
/// Errors: `aws.session-token.empty`, `aws.session-token.too-long` (more than 4096 bytes),
/// `aws.session-token.character` (whitespace or control characters inside).
pub fn check_session_token(token: &str) -> Result<(), Issue> {
    if token.is_empty() {
        return Err(err(
            ErrorCode::AwsSessionTokenEmpty,
            "enter the session token or leave the field out",
        ));
    }
    if token.len() > SESSION_TOKEN_MAX {
        return Err(err(
            ErrorCode::AwsSessionTokenTooLong,
            format!("the session token is longer than {SESSION_TOKEN_MAX} bytes"),
        ));
    }
    if crate::substring::has_space_or_control(token) {
        return Err(err(
            ErrorCode::AwsSessionTokenCharacter,
            "the session token contains whitespace or a control character",
        ));
    }
    Ok(())
}

/// Warnings about how an access key id and a session token go together:
/// `aws.session-token.missing` (temporary `ASIA` key without a token) and
/// `aws.session-token.unexpected` (long-term `AKIA` key with a token).
pub fn session_token_warning(key_id: &str, has_token: bool) -> Option<Issue> {
    match (key_id.starts_with("ASIA"), has_token) {
        (true, false) => Some(err(
            ErrorCode::AwsSessionTokenMissing,
            "temporary (\"ASIA...\") access keys only work together with their session token",
        )),
        (false, true) if key_id.starts_with("AKIA") => Some(err(
            ErrorCode::AwsSessionTokenUnexpected,
            "long-term (\"AKIA...\") access keys do not use a session token",
        )),
        _ => None,
    }
}
