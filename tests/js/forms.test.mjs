// The catalog and the forms come from the package's JavaScript, not from the .wasm
// (js/entries/forms.js over the generated form data; ARCHITECTURE.md, "Form data"): every
// caller gets its own copy, misuse throws the codes every export throws, every entry's data
// (form-data.js; Node's form-data.json) gives the same answers, the module carries none of it,
// and a bundle keeps only the data its calls reach.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import * as regcred from 'regcred';
import * as shared from '../../pkg/forms.js';
import { RegcredError as SharedError } from '../../pkg/errors.js';

const { registryTypes, registrySchema, registryUiSchema, RegcredError } = regcred;
const ids = registryTypes().map((t) => t.id);

test('every call returns a fresh object: changing one result does not change the next', () => {
  const types = registryTypes();
  types[0].label = 'changed';
  types[0].fields.length = 0;
  types.pop();
  assert.notEqual(registryTypes()[0].label, 'changed');
  assert.ok(registryTypes()[0].fields.length > 0);
  assert.equal(registryTypes().length, ids.length);
  for (const fn of [registrySchema, registryUiSchema]) {
    for (const type of [undefined, 'ecr']) {
      const first = fn(type);
      const copy = structuredClone(first);
      assert.notEqual(fn(type), first);
      for (const key of Object.keys(first)) delete first[key];
      assert.deepEqual(fn(type), copy, `${fn.name}(${type})`);
    }
  }
});

test('the whole form without a type (undefined or null), each type its own', () => {
  const whole = registrySchema();
  assert.equal(whole.type, 'object');
  assert.deepEqual(registrySchema(null), whole);
  assert.deepEqual(registryUiSchema(null), registryUiSchema());
  assert.ok(Array.isArray(registryUiSchema()['ui:order']));
  for (const id of ids) {
    assert.equal(registrySchema(id).properties.registryType.const, id);
    assert.equal(registryUiSchema(id).registryType['ui:widget'], 'hidden');
  }
  const ecr = registryTypes()[0];
  assert.equal(ecr.id, 'ecr');
  assert.equal(ecr.defaultUrl, null);
});

test('misuse: argument.type for a type that is not a string, argument.registry-type for an unknown id', () => {
  const thrown = (fn, arg) => {
    try {
      fn(arg);
    } catch (e) {
      assert.ok(e instanceof RegcredError, `${fn.name}(${String(arg)}): ${e}`);
      return `${e.code}: ${e.message}`;
    }
    assert.fail(`${fn.name}(${String(arg)}) did not throw`);
  };
  for (const fn of [registrySchema, registryUiSchema]) {
    for (const wrong of [5, true, {}, ['ecr'], new String('ecr'), Symbol('ecr'), 1n]) {
      assert.equal(thrown(fn, wrong), 'argument.type: registryType must be a string');
    }
    // Names every object has, the whole form's own key, and near misses are not type ids.
    for (const unknown of ['harbour', 'ECR', '', ' ecr', 'registry', 'toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      assert.equal(thrown(fn, unknown), 'argument.registry-type: unknown registry type id', unknown);
    }
  }
});

test('every entry answers alike: form-data.js (every host but Node) and form-data.json (Node)', () => {
  assert.deepEqual(shared.registryTypes(), registryTypes());
  for (const type of [undefined, ...ids]) {
    assert.deepEqual(shared.registrySchema(type), registrySchema(type), String(type));
    assert.deepEqual(shared.registryUiSchema(type), registryUiSchema(type), String(type));
  }
  assert.throws(() => shared.registrySchema('nope'), (e) => e instanceof SharedError && e.code === 'argument.registry-type');
  // Keys in the same order too (what JSON.stringify of a result shows).
  assert.equal(JSON.stringify(shared.registryTypes()), JSON.stringify(registryTypes()));
});

test('the .wasm carries no form data', () => {
  const wasm = readFileSync(new URL('../../pkg/regcred_bg.wasm', import.meta.url));
  // The uiSchema keys, the schemas' keywords, the catalog's key names.
  for (const text of ['ui:order', 'ui:widget', '"allOf"', 'credentialsHelp', 'requiredWhen']) {
    assert.equal(wasm.includes(text), false, text);
  }
  // Nor the model's form text (src/model/mod.rs, `FormText`): no help sentence, no pattern.
  const help = registryTypes().flatMap((t) => [t.credentialsHelp, ...t.fields.map((f) => f.help)]).filter(Boolean);
  assert.ok(help.length > 50);
  for (const text of help) assert.equal(wasm.includes(text), false, text);
  assert.equal(wasm.includes(registrySchema('ecr').properties.registryUrl.pattern), false, 'the ECR URL pattern');
});

/** The bundle esbuild makes of `program` (for browsers, minified), without the inlined module. */
async function bundled(program) {
  const out = await build({
    stdin: { contents: program, resolveDir: new URL('.', import.meta.url).pathname },
    bundle: true, format: 'esm', minify: true, platform: 'browser', write: false, logLevel: 'error',
  });
  const text = out.outputFiles[0].text;
  const inlined = text.match(/"[A-Za-z0-9+/=]{100000,}"/g) ?? [];
  assert.equal(inlined.length, 1, 'the module inlined once');
  return text.replace(inlined[0], '""');
}

test('a bundle keeps only the form data its calls reach', async () => {
  const [none, types, forms] = await Promise.all([
    bundled("import { validateRegistry } from 'regcred'; console.log(validateRegistry({}).valid);"),
    bundled("import { registryTypes } from 'regcred'; console.log(registryTypes());"),
    bundled("import { registryUiSchema } from 'regcred'; console.log(registryUiSchema('ecr'));"),
  ]);
  const catalog = '"credentialsHelp"'; // a key of the catalog's JSON text only
  assert.ok(!none.includes(catalog) && !none.includes('ui:order'), 'no form function called: no data');
  assert.ok(types.includes(catalog) && !types.includes('ui:order'), 'registryTypes(): the catalog only');
  assert.ok(!forms.includes(catalog) && forms.includes('ui:order'), 'a uiSchema: the forms only');
  assert.ok(forms.length > none.length + 50_000, `${forms.length} vs ${none.length}`);
});
