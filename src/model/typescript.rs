//! The TypeScript configuration types of `js/index.d.ts`, generated from the model (the part
//! between the `BEGIN`/`END` marker lines of [`MARKERS`]).

use std::fmt::Write;

use super::{config_keys, fields, type_specs, FieldSpec, GroupSpec, Shape, GROUPS, TYPE_KEY};

/// The lines that open and close the generated part of `js/index.d.ts`.
pub const MARKERS: (&str, &str) = (
    "// BEGIN generated from the registry model (src/model); do not edit",
    "// END generated from the registry model",
);

fn union<'a>(values: impl Iterator<Item = &'a str>) -> String {
    values
        .map(|v| format!("'{v}'"))
        .collect::<Vec<_>>()
        .join(" | ")
}

fn ts_type(f: &FieldSpec) -> String {
    match f.shape {
        Shape::Text { .. } => "string".into(),
        Shape::Flag => "boolean".into(),
        Shape::Choice(c) => union(c.iter().map(|c| c.value)),
        Shape::List { .. } => "string[]".into(),
    }
}

fn member(out: &mut String, key: &str, optional: bool, ty: &str, doc: &str) {
    let q = if optional { "?" } else { "" };
    let _ = write!(out, "  /** {doc} */\n  {key}{q}: {ty};\n");
}

fn group(out: &mut String, g: &GroupSpec, name: &str) {
    let _ = writeln!(out, "/** {} */\nexport interface {name} {{", g.label);
    for f in g.fields {
        member(out, f.key, true, &ts_type(f), f.label);
    }
    out.push_str("}\n");
}

/// The generated part of `js/index.d.ts`, marker lines included.
pub fn config_types() -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", MARKERS.0);
    let ids = union(type_specs().map(|s| s.id.id()));
    let _ = writeln!(out, "export type RegistryTypeId = {ids};");
    let _ = writeln!(
        out,
        "export type ConnectionMode = {};\n",
        ts_type(&fields::CONNECTION)
    );
    group(&mut out, &fields::INJECTION, "Injection");
    out.push_str(
        "\n/** A registry configuration, as `schemas/registry.schema.json` describes it. */\n\
         export interface RegistryConfig {\n",
    );
    for key in config_keys() {
        if key == TYPE_KEY {
            member(&mut out, key, false, "RegistryTypeId", "Registry type");
            continue;
        }
        if let Some(g) = GROUPS.iter().find(|g| g.key == key) {
            member(&mut out, key, true, "Injection", g.label);
            continue;
        }
        let decls: Vec<(&str, &FieldSpec)> = type_specs()
            .filter_map(|s| s.field(key).map(|f| (s.id.id(), f)))
            .collect();
        let Some((_, first)) = decls.first() else {
            continue;
        };
        let ty = if key == "connection" {
            "ConnectionMode".to_string()
        } else {
            ts_type(first)
        };
        let doc = if decls.len() == type_specs().count() {
            first.label.to_string()
        } else {
            let ids: Vec<&str> = decls.iter().map(|(id, _)| *id).collect();
            format!("{} ({} only)", first.label, ids.join(", "))
        };
        member(&mut out, key, key != fields::NAME.key, &ty, &doc);
    }
    out.push_str("}\n");
    let _ = writeln!(out, "{}", MARKERS.1);
    out
}
