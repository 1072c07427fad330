//! What a form needs to know about each registry type: labels, help, placeholders and the
//! fields in form order, from the model ([`crate::model`]). Native only: a WebAssembly build
//! carries none of the model's form text ([`crate::model::FormText`]); the npm package answers
//! `registryTypes()` from this catalog, generated as `src/model/registry-types.json`
//! (ARCHITECTURE.md, "Form data").

use serde::Serialize;

use super::RegistryType;

/// How the form should render a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldKind {
    /// A one-line text input.
    Text,
    /// A secret: rendered as a password input, never echoed.
    Password,
    /// A multi-line secret (GCP service-account key JSON).
    SecretTextarea,
    /// A multi-line text (PEM certificate).
    Textarea,
    /// A choice among fixed options.
    Select,
    /// A checkbox.
    Checkbox,
}

/// One option of a [`FieldKind::Select`] field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldOption {
    /// The value stored in the configuration.
    pub value: &'static str,
    /// The label shown to people.
    pub label: &'static str,
}

/// One input of a registry type's form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Field {
    /// The configuration key (`registryUrl`, `username`, ...).
    pub key: String,
    /// The label shown next to the input.
    pub label: &'static str,
    /// How to render it.
    pub kind: FieldKind,
    /// Whether a value is required (fields under a condition say so in `requiredWhen`).
    pub required: bool,
    /// The condition (`"awsAuthType=user-auth"`, `"connection=secure-with-cert"`) under which
    /// the field is shown and required; `None` when always shown or never required.
    pub required_when: Option<String>,
    /// The condition under which the field is shown; `None` when always shown.
    pub shown_when: Option<String>,
    /// A fixed value the user cannot change (`_json_key`).
    pub fixed_value: Option<&'static str>,
    /// The default value a new form starts with.
    pub default_value: Option<&'static str>,
    /// Placeholder text for an empty input.
    pub placeholder: Option<&'static str>,
    /// Help text shown under the input.
    pub help: Option<&'static str>,
    /// Choices of a select field.
    pub options: Vec<FieldOption>,
}

/// Everything a form needs to know about one registry type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RegistryTypeInfo {
    /// The stable id (`ecr`, ...).
    pub id: RegistryType,
    /// The label shown to people.
    pub label: &'static str,
    /// The registry URL a new form starts with (`None` when the user must type one).
    pub default_url: Option<&'static str>,
    /// Whether the user may change the registry URL.
    pub url_editable: bool,
    /// The key under which credentials go in `.dockerconfigjson` when it differs from the URL.
    pub docker_config_server: Option<&'static str>,
    /// A one-line description of the credentials this type takes.
    pub credentials_help: &'static str,
    /// Every form field of this type in form order: name, the type's own fields, the default
    /// flag, connection and certificate, then the injection policy (`injection.*` keys).
    pub fields: Vec<Field>,
}

/// The whole catalog: every registry type in form order. Serialized, it is
/// `src/model/registry-types.json`, what the npm package's `registryTypes()` returns
/// (ARCHITECTURE.md, "Form data").
pub fn registry_types() -> Vec<RegistryTypeInfo> {
    crate::model::type_specs().map(type_info).collect()
}

fn kind(w: crate::model::Widget) -> FieldKind {
    use crate::model::Widget;
    match w {
        Widget::Text | Widget::List => FieldKind::Text,
        Widget::Password => FieldKind::Password,
        Widget::Textarea => FieldKind::Textarea,
        Widget::SecretTextarea => FieldKind::SecretTextarea,
        Widget::Select | Widget::Radio => FieldKind::Select,
        Widget::Checkbox => FieldKind::Checkbox,
    }
}

fn field(f: &crate::model::FieldSpec, prefix: Option<&str>) -> Field {
    use crate::model::{when_text, Literal, Shape};
    let shown_when = when_text(f.when).map(|w| match prefix {
        Some(p) => format!("{p}.{w}"),
        None => w,
    });
    Field {
        key: match prefix {
            Some(p) => format!("{p}.{}", f.key),
            None => f.key.to_string(),
        },
        label: f.label,
        kind: kind(f.widget),
        required: f.required && f.when.is_empty(),
        required_when: shown_when.clone().filter(|_| f.required),
        shown_when,
        fixed_value: f.fixed,
        default_value: match f.default {
            Some(Literal::Text(s)) => Some(s),
            _ => None,
        },
        placeholder: f.placeholder,
        help: f.help,
        options: match f.shape {
            Shape::Choice(c) => c
                .iter()
                .map(|c| FieldOption {
                    value: c.value,
                    label: c.label,
                })
                .collect(),
            _ => Vec::new(),
        },
    }
}

fn type_info(spec: &crate::model::TypeSpec) -> RegistryTypeInfo {
    let mut fields: Vec<Field> = spec.fields.iter().map(|f| field(f, None)).collect();
    for g in crate::model::GROUPS {
        let group_when = crate::model::when_text(spec.group_when(g.key));
        for f in spec.group_fields(g) {
            let mut info = field(&f, Some(g.key));
            if let Some(w) = &group_when {
                // The group shows under `w`: so do its fields, and they are required only then.
                let shown = info
                    .shown_when
                    .take()
                    .map_or_else(|| w.clone(), |own| format!("{w} and {own}"));
                info.required = false;
                info.required_when = f.required.then(|| shown.clone());
                info.shown_when = Some(shown);
            }
            fields.push(info);
        }
    }
    RegistryTypeInfo {
        id: spec.id,
        label: spec.label,
        default_url: spec.id.default_url(),
        url_editable: spec.field("registryUrl").is_some_and(|f| f.fixed.is_none()),
        docker_config_server: spec.docker_config_server,
        credentials_help: spec.credentials_help,
        fields,
    }
}

crate::json::ids_as_json!(FieldKind {
    Text => "text",
    Password => "password",
    SecretTextarea => "secret-textarea",
    Textarea => "textarea",
    Select => "select",
    Checkbox => "checkbox",
});

impl crate::json::ToJson for FieldOption {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .field("value", self.value)
            .field("label", self.label)
            .end();
    }
}

impl crate::json::ToJson for Field {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .field("key", &self.key)
            .field("label", self.label)
            .field("kind", &self.kind)
            .field("required", &self.required)
            .field("requiredWhen", &self.required_when)
            .field("shownWhen", &self.shown_when)
            .field("fixedValue", &self.fixed_value)
            .field("defaultValue", &self.default_value)
            .field("placeholder", &self.placeholder)
            .field("help", &self.help)
            .field("options", &self.options)
            .end();
    }
}

impl crate::json::ToJson for RegistryTypeInfo {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .field("id", &self.id)
            .field("label", self.label)
            .field("defaultUrl", &self.default_url)
            .field("urlEditable", &self.url_editable)
            .field("dockerConfigServer", &self.docker_config_server)
            .field("credentialsHelp", self.credentials_help)
            .field("fields", &self.fields)
            .end();
    }
}
