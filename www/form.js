// The demo's form model: the fields of one registry type's form, read from the package's
// registrySchema(type) and registryUiSchema(type) (the same per-type form RJSF renders), and which
// of them show for the current values (the schema's `if`/`then` conditions, and one of the
// `anyOf` choices such as the two cluster lists). No registry knowledge lives here.

/** Whether `values` satisfies an `if` of the form `{ properties: { f: { const } or { not: { const } } },
 * required }`. */
function holds(condition, values) {
  for (const key of condition.required ?? []) if (values?.[key] === undefined) return false;
  for (const [key, sub] of Object.entries(condition.properties ?? {})) {
    if (values?.[key] === undefined) continue;
    if ('const' in sub && values[key] !== sub.const) return false;
    if (sub.not && 'const' in sub.not && values[key] === sub.not.const) return false;
  }
  return true;
}

function describe(key, prop, ui, required) {
  const widget = ui['ui:widget'];
  let kind = 'text';
  if (prop.type === 'boolean') kind = 'checkbox';
  else if (prop.type === 'array') kind = 'list';
  else if (prop.oneOf || prop.enum) kind = widget === 'radio' ? 'radio' : 'select';
  else if (widget === 'textarea' || widget === 'password') kind = widget;
  return {
    key,
    title: prop.title ?? key,
    kind,
    // Choices are `oneOf` consts with titles, or (when they may stay unset) an `enum` whose
    // labels are the uiSchema's `ui:enumNames`.
    options: prop.enum
      ? prop.enum.map((v, i) => ({ value: v, label: ui['ui:enumNames']?.[i] ?? v }))
      : (prop.oneOf ?? []).map((o) => ({ value: o.const, label: o.title ?? o.const })),
    required,
    help: ui['ui:help'] ?? null,
    placeholder: ui['ui:placeholder'] ?? ui.items?.['ui:placeholder'] ?? null,
    readOnly: ui['ui:readonly'] === true,
    rows: ui['ui:options']?.rows ?? 6,
    default: prop.default,
  };
}

/** The fields of an object schema in `ui:order`, each with `visible` for `values`. `prefix` is
 * the group key (`injection.`) for nested fields; `choices` collects one-of selectors; `shown`
 * is false inside a group its own condition hides. */
function objectFields(schema, ui, values, prefix, out, choices, picks, shown = true) {
  const conditional = (schema.allOf ?? []).filter((c) => c.if && c.then?.properties);
  const oneOf = schema.anyOf ?? [];
  const chosen = oneOf.findIndex((o) => Object.keys(o.properties ?? {}).some((k) => values?.[k] !== undefined));
  const pick = picks[prefix.slice(0, -1)] ?? Math.max(0, chosen);
  const entries = [];
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    entries.push({ key, prop, visible: true, required: (schema.required ?? []).includes(key) });
  }
  for (const c of conditional) {
    const on = holds(c.if, values);
    for (const [key, prop] of Object.entries(c.then.properties)) {
      // A `then` that only constrains a field shown elsewhere (the exclusive cluster lists) adds none.
      if (prop.title !== undefined) entries.push({ key, prop, visible: on, required: (c.then.required ?? []).includes(key) });
    }
  }
  if (oneOf.length) {
    choices.push({ group: prefix.slice(0, -1), options: oneOf.map((o) => o.title), picked: pick });
    oneOf.forEach((o, i) => {
      for (const [key, prop] of Object.entries(o.properties ?? {})) entries.push({ key, prop, visible: i === pick, required: false });
    });
  }
  const order = ui['ui:order'] ?? [];
  const rank = (k) => (order.includes(k) ? order.indexOf(k) : order.length);
  entries.sort((a, b) => rank(a.key) - rank(b.key));
  for (const e of entries) {
    if ((ui[e.key] ?? {})['ui:widget'] === 'hidden') continue;
    const visible = shown && e.visible;
    if (e.prop.type === 'object') {
      out.push({ key: prefix + e.key, kind: 'group', title: e.prop.title ?? e.key, help: e.prop.description ?? null, visible });
      objectFields(e.prop, ui[e.key] ?? {}, values?.[e.key], `${prefix}${e.key}.`, out, choices, picks, visible);
      continue;
    }
    out.push({ ...describe(prefix + e.key, e.prop, ui[e.key] ?? {}, e.required), visible });
  }
}

/**
 * The form of one type: `{ fields, choices }`. `fields` in form order (group headings as
 * `kind: 'group'`), each with `visible` for `values`; `choices` are the one-of selectors (such as
 * "Do not inject / Auto-inject"), `picked` from `picks[group]` (the person's choice) or else
 * the option whose field has a value.
 */
export function formOf(schema, uiSchema, values, picks = {}) {
  const fields = [];
  const choices = [];
  objectFields(schema, uiSchema, values, '', fields, choices, picks);
  return { fields, choices };
}

/** The values a new form of this schema starts with: every default (fixed values included). */
export function initialValues(schema) {
  const out = {};
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    if (prop.type === 'object') {
      const inner = initialValues(prop);
      if (Object.keys(inner).length) out[key] = inner;
    } else if (prop.default !== undefined) {
      out[key] = prop.default;
    }
  }
  return out;
}
