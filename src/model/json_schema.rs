//! JSON Schemas generated from the model: the whole configuration (discriminated by
//! `registryType`) and each type's own form. Only keywords that read the same under draft-07
//! and 2020-12 (`if`/`then`, `const`, `anyOf`, plain constraints) and that react-jsonschema-form
//! renders.

use serde_json::{json, Map, Value};

use super::{type_spec, type_specs, FieldSpec, GroupSpec, Shape, TypeSpec, When, GROUPS, TYPE_KEY};
use crate::catalog::RegistryType;

fn choices_schema(choices: &[super::Choice]) -> Value {
    Value::Array(
        choices
            .iter()
            .map(|c| json!({ "const": c.value, "title": c.label }))
            .collect(),
    )
}

/// The JSON type, title and default of a field: what the whole schema says of a field outside
/// the types that show it (validation checks no more of a hidden field).
fn base_schema(f: &FieldSpec) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("title".into(), Value::from(f.label));
    let ty = match f.shape {
        Shape::Text { .. } | Shape::Choice(_) => "string",
        Shape::Flag => "boolean",
        Shape::List { .. } => "array",
    };
    m.insert("type".into(), Value::from(ty));
    if let Some(d) = f.default {
        m.insert("default".into(), d.to_json().into());
    }
    m
}

/// Everything a schema can say of a field: type, title, constraints, default, help.
pub fn field_schema(f: &FieldSpec) -> Value {
    let mut m = base_schema(f);
    if let Shape::Choice(c) = f.shape {
        if super::ui_schema::unset_choice(f) {
            // react-jsonschema-form fills an empty field with the first `const` of its `oneOf`
            // (its `constAsDefaults`), which would choose for the person: a choice that may stay
            // unset is a plain `enum`, its labels in the uiSchema's `ui:enumNames`.
            let values = c.iter().map(|c| Value::from(c.value)).collect();
            m.insert("enum".into(), Value::Array(values));
        } else {
            m.insert("oneOf".into(), choices_schema(c));
        }
    }
    match f.shape {
        Shape::Text { min, max, pattern } => {
            if min > 0 {
                m.insert("minLength".into(), Value::from(min));
            }
            m.insert("maxLength".into(), Value::from(max));
            if let Some(p) = pattern {
                m.insert("pattern".into(), Value::from(p));
            }
        }
        Shape::List {
            max_items,
            item_max,
        } => {
            m.insert("uniqueItems".into(), Value::Bool(true));
            m.insert("maxItems".into(), Value::from(max_items));
            m.insert(
                "items".into(),
                json!({ "type": "string", "minLength": 1, "maxLength": item_max }),
            );
        }
        Shape::Flag | Shape::Choice(_) => {}
    }
    Value::Object(m)
}

/// `if` of a condition: every controlling field has its value; absent counts as its default.
fn condition(when: &[When], siblings: &[FieldSpec]) -> Value {
    let mut props = Map::new();
    let mut required = Vec::new();
    for c in when {
        let value = json!({ "const": serde_json::Value::from(c.is.to_json()) });
        let schema = match c.negated {
            true => json!({ "not": value }),
            false => value,
        };
        props.insert(c.field.into(), schema);
        let default = siblings
            .iter()
            .find(|f| f.key == c.field)
            .and_then(|f| f.default);
        // An absent field counts as its default: required when the default does not hold.
        if (default == Some(c.is)) == c.negated {
            required.push(Value::from(c.field));
        }
    }
    json!({ "properties": props, "required": required })
}

/// Properties and required keys of `fields`.
fn properties<'a>(fields: impl Iterator<Item = &'a FieldSpec>) -> (Map<String, Value>, Vec<Value>) {
    let mut props = Map::new();
    let mut required = Vec::new();
    for f in fields {
        props.insert(f.key.into(), field_schema(f));
        if f.required {
            required.push(Value::from(f.key));
        }
    }
    (props, required)
}

/// One `if`/`then` per distinct condition of `fields`: the fields show (and are required)
/// only under it.
fn conditionals(fields: &[FieldSpec]) -> Vec<Value> {
    let mut seen: Vec<&[When]> = Vec::new();
    let mut out = Vec::new();
    for f in fields.iter().filter(|f| !f.when.is_empty()) {
        if seen.contains(&f.when) {
            continue;
        }
        seen.push(f.when);
        let (props, required) = properties(fields.iter().filter(|g| g.when == f.when));
        out.push(json!({
            "if": condition(f.when, fields),
            "then": { "properties": props, "required": required },
        }));
    }
    out
}

fn object(
    props: Map<String, Value>,
    required: Vec<Value>,
    all_of: Vec<Value>,
) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("type".into(), Value::from("object"));
    m.insert("properties".into(), Value::Object(props));
    if !required.is_empty() {
        m.insert("required".into(), Value::Array(required));
    }
    if !all_of.is_empty() {
        m.insert("allOf".into(), Value::Array(all_of));
    }
    m
}

/// The exclusivity rule of a group: a non-empty first list requires an empty second one.
fn exclusive(g: &GroupSpec) -> Option<Value> {
    let (a, b) = g.exclusive?;
    Some(json!({
        "if": { "properties": { a: { "type": "array", "minItems": 1 } }, "required": [a] },
        "then": { "properties": { b: { "type": "array", "maxItems": 0 } } },
    }))
}

/// A group's schema with `fields` (all of the group's, or those a type's form shows). In a form
/// (`form`), conditional fields live only under their condition and the one-of fields under an
/// `anyOf` whose options a form offers as a choice.
fn group_schema(g: &GroupSpec, fields: &[FieldSpec], form: bool) -> Value {
    let in_one_of = |f: &FieldSpec| {
        g.one_of
            .is_some_and(|o| o.options.iter().any(|(_, k)| *k == f.key))
    };
    let mut all_of: Vec<Value> = exclusive(g).into_iter().collect();
    let mut m = if form {
        let base = fields.iter().filter(|f| f.when.is_empty() && !in_one_of(f));
        let (props, required) = properties(base);
        all_of.extend(conditionals(fields));
        object(props, required, all_of)
    } else {
        let (props, _) = properties(fields.iter());
        // The whole schema already constrains every field; a condition only requires.
        for mut c in conditionals(fields) {
            let props = c
                .pointer_mut("/then/properties")
                .and_then(Value::as_object_mut);
            for schema in props.into_iter().flat_map(|p| p.values_mut()) {
                *schema = json!({});
            }
            all_of.push(c);
        }
        let mut m = object(props, Vec::new(), all_of);
        m.insert("additionalProperties".into(), Value::Bool(false));
        m
    };
    m.insert("title".into(), Value::from(g.label));
    m.insert("description".into(), Value::from(g.help));
    if let (true, Some(o)) = (form, g.one_of) {
        let options: Vec<Value> = o
            .options
            .iter()
            .filter_map(|(title, key)| {
                let f = fields.iter().find(|f| f.key == *key)?;
                Some(json!({ "title": title, "properties": { *key: field_schema(f) } }))
            })
            .collect();
        m.insert("anyOf".into(), Value::Array(options));
    }
    Value::Object(m)
}

fn type_choice() -> Value {
    let ids: Vec<Value> = type_specs()
        .map(|s| json!({ "const": s.id.id(), "title": s.label }))
        .collect();
    json!({ "type": "string", "title": "Registry type", "default": "docker-hub", "oneOf": ids })
}

/// The rules of one type inside the whole schema: its fields' constraints and requirements.
fn type_rules(spec: &TypeSpec) -> Value {
    let (props, required) = properties(spec.fields.iter().filter(|f| f.when.is_empty()));
    Value::Object(object(props, required, conditionals(spec.fields)))
}

/// The whole configuration schema, discriminated by `registryType`
/// (`schemas/registry.schema.json`).
pub fn whole() -> Value {
    let mut props = Map::new();
    props.insert(TYPE_KEY.into(), type_choice());
    for spec in type_specs() {
        for f in spec.fields {
            props
                .entry(f.key)
                .or_insert_with(|| Value::Object(base_schema(f)));
        }
    }
    props.insert("name".into(), field_schema(&super::fields::NAME));
    for g in GROUPS {
        props.insert(g.key.into(), group_schema(g, g.fields, false));
    }
    let branches: Vec<Value> = type_specs()
        .map(|spec| {
            let mut then = type_rules(spec);
            if let Some(m) = then.as_object_mut() {
                m.remove("type");
            }
            json!({
                "if": { "properties": { TYPE_KEY: { "const": spec.id.id() } }, "required": [TYPE_KEY] },
                "then": then,
            })
        })
        .collect();
    let mut m = object(
        props,
        vec![Value::from("name"), Value::from(TYPE_KEY)],
        branches,
    );
    m.insert(
        "$id".into(),
        Value::from("https://regcred.invalid/schemas/registry.schema.json"),
    );
    m.insert("title".into(), Value::from("Container registry"));
    m.insert(
        "description".into(),
        Value::from("The registry's name, address and credentials, and which clusters get them."),
    );
    m.insert("additionalProperties".into(), Value::Bool(false));
    Value::Object(m)
}

/// The form of one type (`schemas/<type>.schema.json`): only its fields, `registryType` fixed,
/// fixed values filled in, conditional fields under `if`/`then`.
pub fn for_type(t: RegistryType) -> Value {
    let spec = type_spec(t);
    let (mut props, mut required) = properties(spec.fields.iter().filter(|f| f.when.is_empty()));
    props.insert(
        TYPE_KEY.into(),
        json!({ "type": "string", "title": "Registry type", "const": t.id(), "default": t.id() }),
    );
    required.insert(0, Value::from(TYPE_KEY));
    let mut all_of = conditionals(spec.fields);
    for g in GROUPS {
        let schema = group_schema(g, &spec.group_fields(g), true);
        match spec.group_when(g.key) {
            [] => {
                props.insert(g.key.into(), schema);
            }
            when => all_of.push(json!({
                "if": condition(when, spec.fields),
                "then": { "properties": { g.key: schema } },
            })),
        }
    }
    let mut m = object(props, required, all_of);
    m.insert(
        "title".into(),
        Value::from(format!("{} registry", spec.label)),
    );
    m.insert("description".into(), Value::from(spec.credentials_help));
    Value::Object(m)
}
