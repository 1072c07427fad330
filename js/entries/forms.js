// The catalog and the forms: `registryTypes()`, `registrySchema(type?)`, `registryUiSchema(type?)`,
// answered from the generated form data (form-data.js, written at `make pkg` from the registry
// model's generated files; Node's entry reads form-data.json instead) rather than from the .wasm:
// static data costs the module bytes, and a bundle that never calls these drops it
// (ARCHITECTURE.md, "Form data"). Misuse throws what every export throws for it
// (wasm/src/args.rs): `argument.type` for a type that is not a string, `argument.registry-type`
// for an unknown id.
import { RegcredError } from './errors.js';
import { registryTypesJson, typeForms, wholeForm } from './form-data.js';

/** The form of `registryType` as `[schemaJson, uiJson]`; the whole configuration's when absent. */
function formOf(registryType) {
  if (registryType === undefined || registryType === null) return wholeForm();
  if (typeof registryType !== 'string') throw new RegcredError('argument.type', 'registryType must be a string');
  const forms = typeForms();
  if (!Object.hasOwn(forms, registryType)) throw new RegcredError('argument.registry-type', 'unknown registry type id');
  return forms[registryType];
}

// Each call parses the JSON text again: a fresh object a caller may change.

/** The registry types with labels, defaults and form fields. */
export function registryTypes() {
  return JSON.parse(registryTypesJson());
}

/** The whole JSON Schema of a registry configuration, or one type's form. */
export function registrySchema(registryType) {
  return JSON.parse(formOf(registryType)[0]);
}

/** The react-jsonschema-form uiSchema of the whole schema, or of one type's form. */
export function registryUiSchema(registryType) {
  return JSON.parse(formOf(registryType)[1]);
}
