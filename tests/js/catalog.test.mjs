// The built package, imported by name exactly as a Node user does (no init, no bytes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import { registryTypes, registrySchema, registryUiSchema, RegcredError } from 'regcred';

test('registryTypes() returns every type with their ids as plain objects', () => {
  const types = registryTypes();
  assert.deepEqual(types.map((t) => t.id), ['ecr', 'docker-hub', 'acr', 'artifact-registry', 'gcr', 'quay', 'gitlab', 'ghcr', 'harbor', 'other']);
  for (const t of types) {
    assert.equal(Object.getPrototypeOf(t), Object.prototype);
    assert.ok(Array.isArray(t.fields) && t.fields.length > 0);
    assert.ok(!(t instanceof Map));
  }
  assert.equal(types.find((t) => t.id === 'docker-hub').defaultUrl, 'docker.io');
});

test('registrySchema() compiles in ajv strict mode under draft-07 and 2020-12', () => {
  for (const Cls of [Ajv, Ajv2020]) {
    const ajv = new Cls({ strict: true, allErrors: true });
    const validate = ajv.compile(registrySchema());
    assert.equal(typeof validate, 'function');
  }
});

test('the schema shipped as JSON in the package equals registrySchema()', () => {
  const shipped = JSON.parse(readFileSync(new URL('../../pkg/schemas/registry.schema.json', import.meta.url)));
  assert.deepEqual(shipped, registrySchema());
  const ui = JSON.parse(readFileSync(new URL('../../pkg/schemas/registry.ui.json', import.meta.url)));
  assert.deepEqual(ui, registryUiSchema());
});

test('every fixture gets the same verdict from ajv draft-07 and ajv 2020-12', async () => {
  const { fixtureConfigs } = await import('./fixtures.mjs');
  const v07 = new Ajv({ strict: true, allErrors: true }).compile(registrySchema());
  const v20 = new Ajv2020({ strict: true, allErrors: true }).compile(registrySchema());
  const all = fixtureConfigs();
  assert.ok(all.length > 0);
  for (const { file, config, expectValid } of all) {
    const a = v07(config);
    const b = v20(config);
    assert.equal(a, b, `${file}: draft-07 and 2020-12 disagree`);
    assert.equal(a, expectValid, `${file}: schema verdict ${a}`);
  }
});

test('registrySchema(type) / registryUiSchema(type): each type its own form, shipped as JSON, in keys RJSF reads', async () => {
  const { fixtureConfigs } = await import('./fixtures.mjs');
  const noCustomKeys = (v, where) => {
    if (Array.isArray(v)) return v.forEach((x) => noCustomKeys(x, where));
    if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        assert.ok(!k.startsWith('x-'), `${where}: custom key ${k}`);
        noCustomKeys(x, where);
      }
    }
  };
  for (const { id } of registryTypes()) {
    const schema = registrySchema(id);
    const ui = registryUiSchema(id);
    const dir = new URL('../../pkg/schemas/', import.meta.url);
    assert.deepEqual(JSON.parse(readFileSync(new URL(`${id}.schema.json`, dir))), schema, id);
    assert.deepEqual(JSON.parse(readFileSync(new URL(`${id}.ui.json`, dir))), ui, id);
    assert.equal(schema.properties.registryType.const, id);
    assert.equal(ui.registryType['ui:widget'], 'hidden');
    noCustomKeys(schema, id);
    noCustomKeys(ui, id);
    for (const Cls of [Ajv, Ajv2020]) {
      const validate = new Cls({ strict: true, allErrors: true }).compile(schema);
      // The type's valid fixtures are valid for its own form too.
      for (const { file, config, expectValid } of fixtureConfigs()) {
        if (expectValid && config.registryType === id) assert.ok(validate(config), `${file}: ${JSON.stringify(validate.errors)}`);
      }
    }
  }
  noCustomKeys(registryUiSchema(), 'whole uiSchema');
  assert.throws(() => registrySchema('harbour'), (e) => e instanceof RegcredError && e.code === 'argument.registry-type');
  assert.throws(() => registryUiSchema('nope'), (e) => e instanceof RegcredError && e.code === 'argument.registry-type');
});

test('RegcredError is an Error subclass', () => {
  const e = new RegcredError('x.y', 'msg');
  assert.ok(e instanceof Error);
  assert.equal(e.code, 'x.y');
  assert.equal(e.name, 'RegcredError');
});
