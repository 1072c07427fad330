//! When a field shows: the model's conditions evaluated on a configuration ([`holds`],
//! [`shown`]), the JSON type a field expects, and conditions as text for the catalog.

use crate::json::{Map, Value};

use super::{type_spec, type_specs, FieldSpec, Literal, Shape, When, GROUPS, TYPE_KEY};
use crate::catalog::RegistryType;

/// Whether `when` holds in `object`; an absent controlling field counts as its default.
pub fn holds(when: &[When], object: &Map<String, Value>, siblings: &[FieldSpec]) -> bool {
    when.iter().all(|c| {
        let default = siblings
            .iter()
            .find(|f| f.key == c.field)
            .and_then(|f| f.default);
        let equal = match object.get(c.field) {
            Some(v) => *v == c.is.to_json(),
            None => default == Some(c.is),
        };
        equal != c.negated
    })
}

/// Whether the form of `t` shows the top-level field `key` for the configuration `object`
/// (the type's field whose conditions hold, the type id, or a group).
pub fn shown(t: RegistryType, key: &str, object: &Map<String, Value>) -> bool {
    let spec = type_spec(t);
    if GROUPS.iter().any(|g| g.key == key) {
        return holds(spec.group_when(key), object, spec.fields);
    }
    if key == TYPE_KEY {
        return true;
    }
    spec.field(key)
        .is_some_and(|f| holds(f.when, object, spec.fields))
}

/// Whether `value` has the JSON type of the top-level field `key` (as any type declares it);
/// `true` for keys no type declares.
pub fn has_json_type(key: &str, value: &Value) -> bool {
    let Some(f) = type_specs().find_map(|s| s.field(key)) else {
        return true;
    };
    match f.shape {
        Shape::Text { .. } | Shape::Choice(_) => value.is_string(),
        Shape::Flag => value.is_boolean(),
        Shape::List { .. } => value.is_array(),
    }
}

/// The default values of a field and the conditions under which it shows, as text
/// (`awsAuthType=user-auth`, joined by ` and `), for the catalog.
pub fn when_text(when: &[When]) -> Option<String> {
    let parts: Vec<String> = when
        .iter()
        .map(|c| {
            let op = if c.negated { "!=" } else { "=" };
            let value = match c.is {
                Literal::Text(s) => s,
                Literal::Flag(true) => "true",
                Literal::Flag(false) => "false",
            };
            [c.field, op, value].concat()
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(" and "))
}
