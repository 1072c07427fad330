// Node's form data: scripts/build-pkg.mjs bundles this into node.js in place of form-data.js.
// The data (about 180 KB of JSON text) is read from form-data.json beside node.js at the first
// call of a form function instead of being parsed with the entry: parsing it at import would add
// about 1.3 ms of CPU to every cold start, most of which never asks for a form.
let data;
const read = () =>
  (data ??= JSON.parse(process.getBuiltinModule('node:fs').readFileSync(new URL('./form-data.json', import.meta.url), 'utf8')));

// The accessors of form-data.js (scripts/form-data.mjs).
export const registryTypesJson = () => read().registryTypesJson;
export const wholeForm = () => read().wholeForm;
export const typeForms = () => read().typeForms;
