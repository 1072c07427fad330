//! The registry model: every registry type, the fields of its form and the conditions under
//! which each field shows, declared once (ARCHITECTURE.md, "One model").
//!
//! Everything else is derived from these declarations: the catalog ([`crate::registry_types`]),
//! the JSON Schemas and uiSchemas ([`crate::schema`], the files under `schemas/`), the field
//! tables validation uses ([`is_config_key`], [`field_names`], [`shown`]) and the TypeScript
//! configuration types in `js/index.d.ts`. `tests/generated.rs` fails when a generated file is
//! stale (`REGCRED_BLESS=1 cargo test --test generated` rewrites them).
//!
//! # Adding a field or a type
//!
//! - A field: declare a [`FieldSpec`] in [`fields`] (key, label, help, widget, shape, default,
//!   fixed value, `when` conditions) and list it in the `fields` of every [`TypeSpec`] in
//!   [`types`] that has it (or in [`GROUPS`] for the nested injection policy). Its validation
//!   rule is the only other place that names it.
//! - A type: one line `Variant = "id",` in the `registry_types!` list of `src/catalog.rs`
//!   (the [`crate::RegistryType`] variant, its id, its place in [`crate::RegistryType::ALL`]),
//!   one [`TypeSpec`] in [`types`] and its arm in [`types::spec`] (the compiler asks for it).
//!   Then `REGCRED_BLESS=1 cargo test --test generated` regenerates every artefact.
//! - A condition: `.when(&[When { field, is }])` on the field; several conditions must all
//!   hold; an absent controlling field counts as its default. Schemas render it as
//!   `if`/`then`, validation ignores the field while it does not hold ([`shown`]).

mod conditions;
pub mod fields;
pub mod groups;
#[cfg(not(target_arch = "wasm32"))]
pub mod json_schema;
pub mod types;
#[cfg(not(target_arch = "wasm32"))]
pub mod typescript;
#[cfg(not(target_arch = "wasm32"))]
pub mod ui_schema;

use crate::json::Value;

use crate::catalog::RegistryType;

pub use conditions::{has_json_type, holds, shown, when_text};

/// How a form renders a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Widget {
    /// A one-line text input.
    Text,
    /// A secret on one line: a password input.
    Password,
    /// A multi-line text (a PEM certificate).
    Textarea,
    /// A multi-line secret (a GCP service-account key).
    SecretTextarea,
    /// A drop-down choice.
    Select,
    /// A choice shown as radio buttons.
    Radio,
    /// A checkbox.
    Checkbox,
    /// A list of strings (cluster ids).
    List,
}

/// Text only a form shows or a schema states: labels, help, placeholders, patterns. Natively a
/// `&'static str`, read by the generators and the catalog ([`crate::registry_types`]); in a
/// WebAssembly build `()`, so that none of it is in the module: nothing there reads it, and the
/// npm package ships it as generated form data (ARCHITECTURE.md, "Form data").
#[cfg(not(target_arch = "wasm32"))]
pub type FormText = &'static str;
/// Text only a form shows or a schema states: `()` in a WebAssembly build (see the native type).
#[cfg(target_arch = "wasm32")]
pub type FormText = ();

/// `text` as [`FormText`] (dropped in a WebAssembly build).
#[cfg(not(target_arch = "wasm32"))]
pub const fn form_text(text: &'static str) -> FormText {
    text
}

/// `text` as [`FormText`] (dropped in a WebAssembly build).
#[cfg(target_arch = "wasm32")]
pub const fn form_text(_text: &'static str) -> FormText {}

/// One option of a choice field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The value stored in the configuration.
    pub value: &'static str,
    /// The label shown to people.
    pub label: FormText,
}

/// The JSON value a field holds, with the constraints a JSON Schema can state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A string of `min..=max` characters, optionally matching `pattern` (ECMA-262, anchored).
    Text {
        /// Shortest length.
        min: u32,
        /// Longest length.
        max: u32,
        /// A pattern the text matches, when a schema can say it.
        pattern: Option<FormText>,
    },
    /// `true` or `false`.
    Flag,
    /// One of the listed values.
    Choice(&'static [Choice]),
    /// A list of distinct strings.
    List {
        /// Most entries.
        max_items: u32,
        /// Longest entry.
        item_max: u32,
    },
}

/// A literal value of a field: a default, or the value a condition compares with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Literal {
    /// A string (choice id, URL, username).
    Text(&'static str),
    /// A boolean.
    Flag(bool),
}

impl Literal {
    /// The literal as JSON.
    pub fn to_json(self) -> Value {
        match self {
            Literal::Text(s) => Value::from(s),
            Literal::Flag(b) => Value::Bool(b),
        }
    }
}

/// "Shown when `field` is `is`" (or, `negated`, "is not `is`"): `field` is a sibling key (in the
/// same object) or, for a group shown under a condition ([`GroupUse`]), a top-level key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct When {
    /// The controlling field's key.
    pub field: &'static str,
    /// The value that shows the dependent field.
    pub is: Literal,
    /// Shown when the field does not have that value.
    pub negated: bool,
}

/// How one type's form differs from the shared nested group `key`: it shows the group only
/// under `when`, and leaves the group fields `omit` out (validation still judges them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupUse {
    /// The group's configuration key (`usage`).
    pub key: &'static str,
    /// Conditions on the type's top-level fields; empty: always shown.
    pub when: &'static [When],
    /// Keys of the group's fields the form leaves out.
    pub omit: &'static [&'static str],
}

/// One field of a form, declared once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    /// The configuration key (`registryUrl`; `secretName` inside a group).
    pub key: &'static str,
    /// The label shown next to the input.
    pub label: FormText,
    /// Help shown under the input, for people.
    pub help: Option<FormText>,
    /// Placeholder text of an empty input.
    pub placeholder: Option<FormText>,
    /// How to render it.
    pub widget: Widget,
    /// Its JSON value and constraints.
    pub shape: Shape,
    /// Whether a value is required whenever the field shows.
    pub required: bool,
    /// The value a new form starts with.
    pub default: Option<Literal>,
    /// A value the form fills in and people cannot change (Docker Hub's URL, `_json_key`).
    pub fixed: Option<&'static str>,
    /// The field shows only when every condition holds (all sibling fields).
    pub when: &'static [When],
}

impl FieldSpec {
    /// A required one-line text field.
    pub const fn text(key: &'static str, label: &'static str, shape: Shape) -> FieldSpec {
        FieldSpec {
            key,
            label: form_text(label),
            help: None,
            placeholder: None,
            widget: Widget::Text,
            shape,
            required: true,
            default: None,
            fixed: None,
            when: &[],
        }
    }

    /// The same field with help text.
    pub const fn help(mut self, help: &'static str) -> FieldSpec {
        self.help = Some(form_text(help));
        self
    }

    /// The same field with a placeholder.
    pub const fn placeholder(mut self, placeholder: &'static str) -> FieldSpec {
        self.placeholder = Some(form_text(placeholder));
        self
    }

    /// The same field rendered with `widget`.
    pub const fn widget(mut self, widget: Widget) -> FieldSpec {
        self.widget = widget;
        self
    }

    /// The same field, optional.
    pub const fn optional(mut self) -> FieldSpec {
        self.required = false;
        self
    }

    /// The same field with a default value.
    pub const fn default(mut self, value: Literal) -> FieldSpec {
        self.default = Some(value);
        self
    }

    /// The same field with a fixed value (filled in and read-only).
    pub const fn fixed(mut self, value: &'static str) -> FieldSpec {
        self.fixed = Some(value);
        self.default = Some(Literal::Text(value));
        self
    }

    /// The same field, shown only when all of `when` hold.
    pub const fn when(mut self, when: &'static [When]) -> FieldSpec {
        self.when = when;
        self
    }

    /// Whether the field holds a secret (never echoed, rendered masked or as a key).
    pub fn is_secret(&self) -> bool {
        matches!(self.widget, Widget::Password | Widget::SecretTextarea)
    }
}

/// Exactly one of several list fields at a time (the two cluster lists), with a title each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OneOfFields {
    /// `(title, field key)` per option, in form order.
    pub options: &'static [(FormText, &'static str)],
}

/// A nested object of the configuration (the injection policy), with its own fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupSpec {
    /// The configuration key of the object (`injection`).
    pub key: &'static str,
    /// The title shown above it.
    pub label: FormText,
    /// Help shown under the title.
    pub help: FormText,
    /// Its fields in form order.
    pub fields: &'static [FieldSpec],
    /// Fields of which a form shows one at a time; `None` when all show.
    pub one_of: Option<OneOfFields>,
    /// `(a, b)`: a non-empty `a` list requires an empty `b` list.
    pub exclusive: Option<(&'static str, &'static str)>,
}

/// One registry type: its label, what it fixes, and the fields of its form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypeSpec {
    /// Which type.
    pub id: RegistryType,
    /// The label shown to people (validation messages name the form by it).
    pub label: &'static str,
    /// A sentence on the credentials this type takes.
    pub credentials_help: FormText,
    /// The `.dockerconfigjson` key when it differs from the registry URL.
    pub docker_config_server: Option<&'static str>,
    /// The top-level fields of the form in order (the type id itself is implied).
    pub fields: &'static [FieldSpec],
    /// Where its form differs from the shared groups ([`GROUPS`]).
    pub groups: &'static [GroupUse],
}

impl TypeSpec {
    /// The type's field `key`, if its form has one.
    pub fn field(&self, key: &str) -> Option<&'static FieldSpec> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The conditions under which the form shows group `key` (empty: always).
    pub fn group_when(&self, key: &str) -> &'static [When] {
        self.groups
            .iter()
            .find(|g| g.key == key)
            .map_or(&[], |g| g.when)
    }

    /// The fields of group `g` the form shows, in order.
    pub fn group_fields(&self, g: &GroupSpec) -> Vec<FieldSpec> {
        let omit = self
            .groups
            .iter()
            .find(|u| u.key == g.key)
            .map_or(&[][..], |u| u.omit);
        g.fields
            .iter()
            .filter(|f| !omit.contains(&f.key))
            .copied()
            .collect()
    }
}

/// The key of the discriminator field.
pub const TYPE_KEY: &str = "registryType";

/// The nested groups every form ends with.
pub const GROUPS: &[GroupSpec] = &[fields::INJECTION, fields::USAGE, fields::REMOTE_CONNECTION];

/// The declaration of type `t`.
pub fn type_spec(t: RegistryType) -> &'static TypeSpec {
    types::spec(t)
}

/// Every type's declaration, in form order.
pub fn type_specs() -> impl Iterator<Item = &'static TypeSpec> {
    RegistryType::ALL.into_iter().map(types::spec)
}

/// The type ids joined by `, ` (`ecr, docker-hub, ...`), for messages that list them.
pub fn type_ids_text() -> String {
    type_specs()
        .map(|s| s.id.id())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every top-level configuration key of any type, each once, in first-seen form order
/// (`name`, `registryType`, ..., the groups last).
pub fn config_keys() -> Vec<&'static str> {
    let mut keys = vec![fields::NAME.key, TYPE_KEY];
    for spec in type_specs() {
        for f in spec.fields {
            if !keys.contains(&f.key) {
                keys.push(f.key);
            }
        }
    }
    keys.extend(GROUPS.iter().map(|g| g.key));
    keys
}

/// Whether `key` is a top-level configuration key of some type.
pub fn is_config_key(key: &str) -> bool {
    key == TYPE_KEY
        || GROUPS.iter().any(|g| g.key == key)
        || type_specs().any(|s| s.field(key).is_some())
}

/// The field names `validate_field` takes: the configuration keys, then `group.field` for the
/// fields of each group (`injection.secretName`).
pub fn field_names() -> Vec<String> {
    let mut names: Vec<String> = config_keys().into_iter().map(String::from).collect();
    for g in GROUPS {
        names.extend(g.fields.iter().map(|f| format!("{}.{}", g.key, f.key)));
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Validation asks `is_config_key` (no list built per call); the forms list `config_keys`:
    /// the same keys.
    #[test]
    fn config_keys_are_the_config_keys() {
        let keys = config_keys();
        assert!(keys.iter().all(|k| is_config_key(k)));
        let mut candidates: Vec<String> = field_names();
        candidates.extend(["", "Name", "unknown", "x"].map(String::from));
        for c in candidates {
            assert_eq!(is_config_key(&c), keys.contains(&c.as_str()), "{c}");
        }
    }
}
