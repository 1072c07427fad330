// Trap recovery: if the wasm instance traps (a `WebAssembly.RuntimeError`), the entry re-creates
// it, throws a `RegcredError` with code `internal.trap`, and later calls work. The trap is forced
// with the test-only `__forceTrap` export of the `test-exports` build (`make pkg-test`, into
// target/pkg-test; built here when missing); the shipped package must not contain it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const testPkg = new URL('../../target/pkg-test/', import.meta.url);
if (!existsSync(new URL('node.js', testPkg))) {
  execFileSync(process.execPath, ['scripts/build-pkg.mjs'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, REGCRED_FEATURES: 'test-exports', REGCRED_OUT: 'target/pkg-test' },
  });
}
const api = await import(new URL('node.js', testPkg));
const { RegcredError } = api;

const config = { name: 'dockerhub', registryType: 'docker-hub', username: 'alice', password: 'dckr_pat_example' };

/** A scripted registry: 200 on /v2/ with Basic auth, 401 with a Basic challenge without. */
function scriptedFetch() {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push(url);
    const auth = init?.headers?.Authorization ?? init?.headers?.authorization;
    return auth
      ? new Response('{}', { status: 200, headers: { 'Docker-Distribution-API-Version': 'registry/2.0' } })
      : new Response('', { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="registry"' } });
  };
  return { fetch, calls };
}

function assertTrapError(e) {
  assert.ok(e instanceof RegcredError, `not a RegcredError: ${e}`);
  assert.equal(e.code, 'internal.trap');
  assert.equal(e.name, 'RegcredError');
  assert.doesNotMatch(e.message, /unreachable|RuntimeError/i, 'the message is ours, not the engine text');
  return true;
}

async function assertWorks() {
  assert.equal(api.registryTypes().length, 7);
  const report = api.validateRegistry(config);
  assert.equal(report.valid, true, JSON.stringify(report.errors));
  const secret = api.pullSecret({ name: 'pull', registries: [report.value], format: 'yaml' });
  assert.match(secret, /kubernetes\.io\/dockerconfigjson/);
  const { fetch, calls } = scriptedFetch();
  const outcome = await api.verifyCredentials(config, { fetch, now: 1_700_000_000_000 });
  assert.equal(outcome.status, 'authenticated', JSON.stringify(outcome));
  assert.equal(calls.length, 2);
}

test('the test package exports the guarded __forceTrap', () => {
  assert.equal(typeof api.__forceTrap, 'function');
});

test('a trap becomes RegcredError internal.trap, and the next calls work', async () => {
  await assertWorks();
  assert.throws(() => api.__forceTrap(), assertTrapError);
  await assertWorks();
});

test('repeated traps recover each time', async () => {
  for (let i = 0; i < 5; i++) {
    assert.throws(() => api.__forceTrap(), assertTrapError);
    await assertWorks();
  }
  // Back to back, with no call in between.
  assert.throws(() => api.__forceTrap(), assertTrapError);
  assert.throws(() => api.__forceTrap(), assertTrapError);
  await assertWorks();
});

test('after a reset, calls that grow memory work (the glue drops its cached memory views)', () => {
  const before = api.registryTypes();
  const configJson = (password) => api.dockerConfigJson([{ server: 'r.example.com', username: 'u', password }]);
  // Grow the old instance's memory well past its initial size first, so stale views of it
  // would be large and wrong.
  assert.ok(configJson('x'.repeat(4 * 1024 * 1024)).length > 4 * 1024 * 1024);
  assert.throws(() => api.__forceTrap(), assertTrapError);
  // The new instance starts small: these calls allocate (and grow memory) on it.
  const huge = 'y'.repeat(8 * 1024 * 1024);
  assert.equal(JSON.parse(configJson(huge)).auths['r.example.com'].password, huge);
  const report = api.validateField('other', 'password', 'z'.repeat(4096));
  assert.equal(report.valid, true);
  assert.equal(report.value, 'z'.repeat(4096));
  assert.deepEqual(api.registryTypes(), before);
});

test('errors that are not traps pass through unchanged', async () => {
  assert.throws(() => api.validateField('nope', 'password', 'x'), (e) => e instanceof RegcredError && e.code === 'argument.registry-type');
  assert.throws(() => api.pullSecret({ name: 'Bad Name', registries: [config] }), (e) => e instanceof RegcredError && e.code !== 'internal.trap');
  await assert.rejects(api.verifyCredentials(config, { fetch: 'not a function' }), (e) => e instanceof RegcredError && e.code === 'argument.fetch');
  // A fetch that throws is the registry's problem, reported as a result, not a trap.
  const outcome = await api.verifyCredentials(config, { fetch: () => { throw new TypeError('fetch failed'); } });
  assert.equal(outcome.status, 'unreachable');
  await assertWorks();
});

test('the shipped package (pkg/) has no test-only export', async () => {
  const shipped = new URL('../../pkg/', import.meta.url);
  for (const f of readdirSync(shipped).filter((f) => f.endsWith('.js') || f.endsWith('.d.ts'))) {
    assert.doesNotMatch(readFileSync(new URL(f, shipped), 'utf8'), /__forceTrap|force_trap/, `pkg/${f}`);
  }
  const wasm = readFileSync(new URL('regcred_bg.wasm', shipped));
  assert.equal(wasm.includes('__forceTrap'), false, 'pkg/regcred_bg.wasm exports __forceTrap');
  const pkgApi = await import('regcred');
  assert.equal('__forceTrap' in pkgApi, false);
  // ...but it is guarded: every exported function of the shipped entry is the guarded one.
  assert.equal(typeof pkgApi.registryTypes, 'function');
  assert.equal(pkgApi.registryTypes().length, 7);
});
