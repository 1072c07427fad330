// The optional generic JSON Schema build (`make pkg-jsonschema`: Cargo feature `json-schema`,
// into target/pkg-jsonschema, built here when missing): `validateJsonSchema` runs the jsonschema
// crate's engine in WebAssembly. It gives the schema's verdict on every configuration fixture
// (the same verdicts ajv gives), quotes no value, and is absent from the shipped package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import Ajv from 'ajv';
import * as shipped from 'regcred';
import { variantPackage } from './support/variant.mjs';

const { url: dir, api } = await variantPackage('json-schema', 'pkg-jsonschema');
const { RegcredError } = api;

const schema = JSON.parse(readFileSync(new URL('../../schemas/registry.schema.json', import.meta.url), 'utf8'));
const fixtures = (sub) => {
  const d = new URL(`../fixtures/configs/${sub}/`, import.meta.url);
  return readdirSync(d).filter((f) => f.endsWith('.json')).map((f) => [`${sub}/${f}`, JSON.parse(readFileSync(new URL(f, d), 'utf8'))]);
};

test('validateJsonSchema gives the schema verdict ajv gives on every configuration fixture', () => {
  const ajv = new Ajv({ strict: true, allErrors: true }).compile(schema);
  let n = 0;
  for (const sub of ['valid', 'invalid', 'semantic']) {
    for (const [name, config] of fixtures(sub)) {
      const report = api.validateJsonSchema(config);
      assert.equal(report.valid, ajv(config), `${name}: ${JSON.stringify(report.errors)}`);
      assert.equal(report.valid, sub !== 'invalid', name);
      for (const e of report.errors) {
        assert.match(e.code, /^schema\.[A-Za-z]+$/, name);
        assert.match(e.path, /^(\/.*)?$/, name);
      }
      n++;
    }
  }
  assert.ok(n >= 80, `${n} fixtures`);
});

test('issues name the keyword and the place, never the value', () => {
  const marker = 'MARKERjs-91c2';
  const report = api.validateJsonSchema({ name: 'dockerhub', registryType: 'docker-hub', username: marker, password: [marker], isDefault: marker });
  assert.equal(report.valid, false);
  assert.ok(!JSON.stringify(report).includes('MARKER'), JSON.stringify(report));
  assert.deepEqual(report.errors.filter((e) => e.path === '/password').map((e) => e.code), ['schema.type']);
});

test('a host\'s own schema: compiled once and kept; a broken schema throws schema.invalid', () => {
  const own = { type: 'object', required: ['b'], properties: { a: { pattern: '^[0-9]+$' } } };
  assert.deepEqual(api.validateJsonSchema({ a: 'x' }, { schema: own }).errors.map((e) => [e.path, e.code]),
    [['', 'schema.required'], ['/a', 'schema.pattern']]);
  assert.equal(api.validateJsonSchema({ a: '12', b: 1 }, { schema: own }).valid, true);
  assert.throws(() => api.validateJsonSchema({}, { schema: { type: 'nonsense' } }),
    (e) => e instanceof RegcredError && e.code === 'schema.invalid');
  assert.throws(() => api.validateJsonSchema({}, { schema: 'not a schema' }),
    (e) => e instanceof RegcredError && e.code === 'argument.type');
  // The rest of the API is the same library.
  assert.equal(api.validateRegistry({ name: 'dockerhub', registryType: 'docker-hub', username: 'a', password: 'b' }).valid, true);
});

test('the shipped package has no generic engine: validateJsonSchema and its weight are only in this build', () => {
  assert.equal(shipped.validateJsonSchema, undefined);
  assert.equal(typeof api.validateJsonSchema, 'function');
  const size = (u) => gzipSync(readFileSync(u), { level: 9 }).length;
  const optional = size(new URL('regcred_bg.wasm', dir));
  const lean = size(new URL('../../pkg/regcred_bg.wasm', import.meta.url));
  assert.ok(optional > lean + 300 * 1024, `optional ${optional} vs shipped ${lean}`);
});
