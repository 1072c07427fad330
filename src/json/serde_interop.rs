//! Natively, for the generators of `src/model/` and the tests: serde_json's values and ours,
//! both ways (through the JSON text, so numbers convert as they are written).

use super::Value;

impl From<serde_json::Value> for Value {
    fn from(v: serde_json::Value) -> Value {
        Value::from(&v)
    }
}

impl From<&serde_json::Value> for Value {
    fn from(v: &serde_json::Value) -> Value {
        super::parse(&v.to_string()).unwrap_or_default()
    }
}

impl From<&Value> for serde_json::Value {
    fn from(v: &Value) -> serde_json::Value {
        serde_json::from_str(&super::to_string(v)).unwrap_or_default()
    }
}

impl From<Value> for serde_json::Value {
    fn from(v: Value) -> serde_json::Value {
        serde_json::Value::from(&v)
    }
}

impl PartialEq<serde_json::Value> for Value {
    fn eq(&self, other: &serde_json::Value) -> bool {
        // Compared as serde_json's values: numbers by value (`-0` is `-0.0`).
        let this: serde_json::Value = self.into();
        this == *other
    }
}

impl PartialEq<Value> for serde_json::Value {
    fn eq(&self, other: &Value) -> bool {
        let other: serde_json::Value = other.into();
        *self == other
    }
}

/// serde's view of the text ([`super::ToJson`]), for the tests' serde_json values.
impl serde::Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serde_json::Value::from(self).serialize(serializer)
    }
}

/// serde_json's values written as ours are.
impl super::ToJson for serde_json::Value {
    fn write_json(&self, out: &mut String) {
        Value::from(self).write_json(out);
    }
}
