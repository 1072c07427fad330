//! [`SecretString`]: a password, secret key, token or private key whose `Debug` and `Display`
//! never show it (see ARCHITECTURE.md, "Secrets"). A struct holding one derives `Debug` and
//! stays safe: a leak becomes something the type system prevents instead of something only
//! the leak sweeps catch. The text is reached only through [`SecretString::expose`].

use core::fmt;

/// A secret text. `Debug` and `Display` print `<redacted>`.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct SecretString(String);

impl SecretString {
    /// The secret itself, for the code whose job is to use it (signing, `auth`, headers).
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The secret itself, owned (for output that carries it).
    pub fn into_exposed(self) -> String {
        self.0
    }

    /// Whether the secret is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl fmt::Display for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Serialized as the plain text: the documents and the normalized configuration carry the
/// secret itself (serializing is building output, as [`SecretString::expose`] is).
impl serde::Serialize for SecretString {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// Read from a JSON string, as a `String` is.
impl<'de> serde::Deserialize<'de> for SecretString {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(SecretString)
    }
}

/// Comparing with a text shows nothing (`token.password == "..."` in a test).
impl PartialEq<&str> for SecretString {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for SecretString {
    fn eq(&self, other: &String) -> bool {
        self.0 == *other
    }
}

impl From<String> for SecretString {
    fn from(s: String) -> Self {
        SecretString(s)
    }
}

impl From<&str> for SecretString {
    fn from(s: &str) -> Self {
        SecretString(s.to_owned())
    }
}

/// A borrowed secret text (a field of a document being read without copying it). `Debug` and
/// `Display` print `<redacted>`; the text is reached only through [`SecretStr::expose`].
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub struct SecretStr<'a>(&'a str);

impl<'a> SecretStr<'a> {
    /// Marks `text` as a secret.
    pub fn new(text: &'a str) -> Self {
        SecretStr(text)
    }

    /// The secret itself.
    pub fn expose(self) -> &'a str {
        self.0
    }

    /// Whether the secret is empty.
    pub fn is_empty(self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for SecretStr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&SecretString::default(), f)
    }
}

impl fmt::Display for SecretStr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&SecretString::default(), f)
    }
}

/// Written as the plain text: the documents and the normalized configuration carry the secret
/// itself (writing JSON is building output, as [`SecretString::expose`] is).
impl crate::json::ToJson for SecretString {
    fn write_json(&self, out: &mut String) {
        crate::json::write_str(out, &self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_redact() {
        let s = SecretString::from("hunter2");
        assert_eq!(
            format!("{s:?} {s} {:?}", Some(&s)),
            "<redacted> <redacted> Some(<redacted>)"
        );
        assert_eq!(s.expose(), "hunter2");
        let b = SecretStr::new("hunter2");
        assert_eq!(format!("{b:?} {b}"), "<redacted> <redacted>");
        assert_eq!(b.expose(), "hunter2");
    }
}
