// regcred/rjsf on its own (no React): where each problem goes, which ajv errors stay, and the
// form data for another type. The portal example drives it in Chromium (portal-form.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validateRegistry } from 'regcred';
import { changeType, customValidate, fieldOf, transformErrors } from 'regcred/rjsf';

/** An errors object as RJSF's createErrorHandler makes it (nodes only for keys present). */
function handler(formData) {
  const node = () => ({ __errors: [], addError(m) { this.__errors.push(m); } });
  const root = node();
  for (const k of Object.keys(formData)) root[k] = node();
  return root;
}

test('customValidate: every regcred error once, at the field that shows it', () => {
  const pem = readFileSync(new URL('../fixtures/certs/truncated.pem', import.meta.url), 'utf8');
  const formData = { name: 'corp', registryType: 'other', registryUrl: 'registry.example.com', username: 'ci',
    password: 'p', connection: 'secure-with-cert', cert: pem };
  const deep = validateRegistry(formData).errors;
  assert.ok(deep.some((e) => e.path.startsWith('/cert/')), JSON.stringify(deep));
  const errors = customValidate(formData, handler(formData));
  assert.deepEqual(errors.cert.__errors, [...new Set(deep.map((e) => e.message))]);
  assert.equal(Object.keys(errors.cert).filter((k) => k !== '__errors' && k !== 'addError').length, 0);
  // A required field absent from the form data gets its node.
  const empty = customValidate({ registryType: 'docker-hub' }, handler({ registryType: 'docker-hub' }));
  assert.equal(empty.name.__errors.length, 1);
  assert.equal(empty.username.__errors.length, 1);
});

test('customValidate: values of fields the type hides are not errors', () => {
  const formData = { name: 'shop', registryType: 'ecr', registryUrl: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
    awsAuthType: 'iam-role', username: 'left-over', password: 'left-over' };
  const errors = customValidate(formData, handler(formData));
  assert.deepEqual(errors.username.__errors, []);
  assert.deepEqual(errors.password.__errors, []);
  assert.deepEqual(validateRegistry(formData).warnings.map((w) => w.code), ['config.ignored', 'config.ignored']);
});

test('fieldOf: issues deeper than a field belong to the field', () => {
  assert.equal(fieldOf('/cert/blocks/0'), '/cert');
  assert.equal(fieldOf('/password/private_key'), '/password');
  assert.equal(fieldOf('/injection/autoInject/2'), '/injection/autoInject');
  assert.equal(fieldOf('/name'), '/name');
  assert.equal(fieldOf(''), '');
});

test("transformErrors: drops ajv errors on the keywords regcred checks, keeps a host's own", () => {
  const ajv = [{ name: 'required', property: '.name' }, { name: 'pattern', property: '.registryUrl' },
    { name: 'if', property: '' }, { name: 'minLength', property: '.name' }, { name: 'format', property: '.email' }];
  assert.deepEqual(transformErrors(ajv).map((e) => e.name), ['format']);
});

test("changeType: typed values stay, the old type's fixed and default values go", () => {
  const next = changeType({ registryType: 'gcr', name: 'shop', registryUrl: 'gcr.io', username: '_json_key', password: '{}' }, 'other');
  assert.deepEqual(next, { registryType: 'other', name: 'shop', password: '{}' });
  const kept = changeType({ registryType: 'quay', registryUrl: 'quay.example.com', username: 'me+bot' }, 'other');
  assert.deepEqual(kept, { registryType: 'other', registryUrl: 'quay.example.com', username: 'me+bot' });
});

test('regcred/rjsf declarations type-check under tsc --strict, and a wrong use fails', async () => {
  const { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { bin, cleanup, root, run } = await import('./support/hosts.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'regcred-rjsf-types-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(join(root, 'pkg'), join(dir, 'node_modules/regcred'), 'dir');
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext',
      moduleResolution: 'nodenext', noEmit: true, target: 'es2022', skipLibCheck: false }, files: ['a.ts'] }));
    writeFileSync(join(dir, 'a.ts'), `import { customValidate, transformErrors, changeType, fieldOf } from 'regcred/rjsf';
import type { RegistryConfig } from 'regcred';
const node = { __errors: [] as string[], addError(m: string) { this.__errors.push(m); } };
const e = customValidate({ registryType: 'ecr' }, node);
const t = transformErrors([{ name: 'required', message: 'x' }]);
const c: RegistryConfig = changeType({ name: 'a', registryType: 'gcr' } as RegistryConfig, 'other');
const p: string = fieldOf('/cert/blocks/0');
// @ts-expect-error: the errors object must be able to take errors
customValidate({}, {});
export { e, t, c, p };
`);
    const r = await run(bin('tsc'), ['-p', '.'], { cwd: dir });
    assert.equal(r.code, 0, r.stdout + r.stderr);
  } finally {
    cleanup(dir);
  }
});
