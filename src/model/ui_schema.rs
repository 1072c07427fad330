//! react-jsonschema-form uiSchemas generated from the model, in keys RJSF honours only:
//! `ui:order`, `ui:widget`, `ui:placeholder`, `ui:help`, `ui:readonly`, `ui:options`,
//! `ui:autocomplete`, `ui:enumNames`.

use serde_json::{json, Map, Value};

use super::{config_keys, type_spec, type_specs, FieldSpec, Shape, Widget, GROUPS, TYPE_KEY};
use crate::catalog::RegistryType;

fn widget(m: &mut Map<String, Value>, w: Widget) {
    let (name, rows) = match w {
        Widget::Password => ("password", None),
        Widget::Textarea => ("textarea", Some(6)),
        Widget::SecretTextarea => ("textarea", Some(8)),
        Widget::Radio => ("radio", None),
        // Booleans render as a checkbox by default; naming the widget would print the label
        // twice. Lists render as RJSF's array field; selects from the schema's `oneOf`.
        Widget::Text | Widget::Select | Widget::Checkbox | Widget::List => return,
    };
    m.insert("ui:widget".into(), Value::from(name));
    if w == Widget::Password {
        m.insert("ui:autocomplete".into(), Value::from("new-password"));
    }
    if let Some(rows) = rows {
        m.insert("ui:options".into(), json!({ "rows": rows }));
    }
}

/// Whether `f` is a choice of several options that may stay unset (optional, no default): its
/// schema is an `enum` and its labels are `ui:enumNames` (see `field_schema`).
pub fn unset_choice(f: &FieldSpec) -> bool {
    matches!(f.shape, Shape::Choice(c) if c.len() > 1) && !f.required && f.default.is_none()
}

/// The uiSchema of one field as a type's form shows it.
pub fn field_ui(f: &FieldSpec) -> Value {
    let mut m = Map::new();
    widget(&mut m, f.widget);
    if let (true, Shape::Choice(c)) = (unset_choice(f), f.shape) {
        let labels = c.iter().map(|c| Value::from(c.label)).collect();
        m.insert("ui:enumNames".into(), Value::Array(labels));
    }
    match (f.placeholder, f.widget) {
        (Some(p), Widget::List) => {
            m.insert("items".into(), json!({ "ui:placeholder": p }));
            m.insert("ui:options".into(), json!({ "orderable": false }));
        }
        (Some(p), _) => {
            m.insert("ui:placeholder".into(), Value::from(p));
        }
        (None, _) => {}
    }
    if let Some(h) = f.help {
        m.insert("ui:help".into(), Value::from(h));
    }
    if f.fixed.is_some() {
        m.insert("ui:readonly".into(), Value::Bool(true));
    }
    Value::Object(m)
}

fn group_ui(fields: &[FieldSpec]) -> Value {
    let mut m = Map::new();
    let order: Vec<Value> = fields.iter().map(|f| Value::from(f.key)).collect();
    m.insert("ui:order".into(), Value::Array(order));
    for f in fields {
        m.insert(f.key.into(), field_ui(f));
    }
    Value::Object(m)
}

/// The uiSchema of one type's form (`schemas/<type>.ui.json`): its fields in order, the type
/// id hidden, fixed values read-only, secrets masked, the GCP key as a textarea.
pub fn for_type(t: RegistryType) -> Value {
    let spec = type_spec(t);
    let mut m = Map::new();
    let mut order = vec![Value::from(TYPE_KEY)];
    order.extend(spec.fields.iter().map(|f| Value::from(f.key)));
    order.extend(GROUPS.iter().map(|g| Value::from(g.key)));
    m.insert("ui:order".into(), Value::Array(order));
    m.insert(TYPE_KEY.into(), json!({ "ui:widget": "hidden" }));
    for f in spec.fields {
        m.insert(f.key.into(), field_ui(f));
    }
    for g in GROUPS {
        m.insert(g.key.into(), group_ui(&spec.group_fields(g)));
    }
    Value::Object(m)
}

/// The uiSchema of the whole schema (`schemas/registry.ui.json`): a field declared alike by
/// every type keeps its placeholder and help; secrets are masked wherever declared as such.
pub fn whole() -> Value {
    let mut m = Map::new();
    let order: Vec<Value> = config_keys().into_iter().map(Value::from).collect();
    m.insert("ui:order".into(), Value::Array(order));
    for key in config_keys() {
        let decls: Vec<&FieldSpec> = type_specs().filter_map(|s| s.field(key)).collect();
        let Some(first) = decls.first() else {
            continue;
        };
        // Declarations that render alike (their conditions may differ) keep their help.
        let ui = if decls.iter().all(|d| field_ui(d) == field_ui(first)) {
            field_ui(first)
        } else if decls.iter().any(|d| d.is_secret()) {
            json!({ "ui:widget": "password" })
        } else {
            let mut m = Map::new();
            widget(&mut m, first.widget);
            Value::Object(m)
        };
        if ui.as_object().is_some_and(|o| !o.is_empty()) {
            m.insert(key.into(), ui);
        }
    }
    for g in GROUPS {
        m.insert(g.key.into(), group_ui(g.fields));
    }
    Value::Object(m)
}
