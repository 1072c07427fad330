// Trap recovery: if the wasm instance traps (a `WebAssembly.RuntimeError`), the entry re-creates
// it, throws a `RegcredError` with code `internal.trap`, and later calls work. The trap is forced
// with the test-only `__forceTrap` export of the `test-exports` build (`make pkg-test`, into
// target/pkg-test; built here when missing); the shipped package must not contain it.
// `__forceAsyncTrap` traps inside an async task (after an `.await`, in a microtask the host
// runs): its promise rejects with `internal.trap`, so does every other async call in flight,
// and nothing escapes as an uncaught exception or unhandled rejection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { variantPackage } from './support/variant.mjs';

const { api } = await variantPackage('test-exports', 'pkg-test');
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
  assert.equal(api.registryTypes().length, 10);
  const report = api.validateRegistry(config);
  assert.equal(report.valid, true, JSON.stringify(report.errors));
  const secret = api.pullSecret({ name: 'pull', registries: [report.value], format: 'yaml' });
  assert.match(secret, /kubernetes\.io\/dockerconfigjson/);
  const { fetch, calls } = scriptedFetch();
  const outcome = await api.verifyCredentials(config, { fetch, now: 1_700_000_000_000 });
  assert.equal(outcome.status, 'authenticated', JSON.stringify(outcome));
  assert.equal(calls.length, 2);
}

test('the test package exports the guarded __forceTrap and __forceAsyncTrap', () => {
  assert.equal(typeof api.__forceTrap, 'function');
  assert.equal(typeof api.__forceAsyncTrap, 'function');
});

/**
 * Runs `body` with listeners for 'uncaughtException' and 'unhandledRejection' installed (which
 * also keeps Node from crashing on them), then waits for timers and stray reactions to run and
 * asserts neither fired.
 */
async function noStrayErrors(body) {
  const stray = [];
  const onUncaught = (e) => stray.push(['uncaughtException', e]);
  const onUnhandled = (e) => stray.push(['unhandledRejection', e]);
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUnhandled);
  try {
    await body();
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUnhandled);
  }
  assert.deepEqual(stray.map(([kind, e]) => `${kind}: ${e}`), []);
}

/**
 * A fetch that answers only when `release()` is called (200, authenticated), so a
 * `verifyCredentials` call stays in flight, its future parked in the instance.
 */
function heldFetch() {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  let called;
  const started = new Promise((resolve) => { called = resolve; });
  const fetch = async () => {
    called();
    await released;
    return new Response('{}', { status: 200, headers: { 'Docker-Distribution-API-Version': 'registry/2.0' } });
  };
  return { fetch, started, release };
}

/** Asserts that `promise` rejects with internal.trap soon (rather than hanging or resolving). */
async function assertTrapRejects(promise, what = 'the call') {
  let timer;
  const outcome = await Promise.race([
    promise.then((value) => ({ value }), (error) => ({ error })),
    new Promise((resolve) => { timer = setTimeout(() => resolve('pending'), 500); }),
  ]);
  clearTimeout(timer);
  assert.notEqual(outcome, 'pending', `${what} still pending 500 ms after the trap`);
  assert.ok('error' in outcome, `${what} resolved: ${JSON.stringify(outcome.value)}`);
  assertTrapError(outcome.error);
}

test('a trap inside an async task rejects with internal.trap, and the next calls work', async () => {
  await noStrayErrors(async () => {
    await assertWorks();
    await assertTrapRejects(api.__forceAsyncTrap());
    await assertWorks();
  });
});

test('repeated async traps recover each time', async () => {
  await noStrayErrors(async () => {
    for (let i = 0; i < 5; i++) {
      await assertTrapRejects(api.__forceAsyncTrap());
      await assertWorks();
    }
    // Several at once: the first trap resets the instance and rejects the others too.
    await Promise.all([api.__forceAsyncTrap(), api.__forceAsyncTrap(), api.__forceAsyncTrap()].map((p) => assertTrapRejects(p)));
    // Mixed with sync traps.
    assert.throws(() => api.__forceTrap(), assertTrapError);
    await assertTrapRejects(api.__forceAsyncTrap());
    assert.throws(() => api.__forceTrap(), assertTrapError);
    await assertWorks();
  });
});

const trapKinds = [
  ['an async trap', () => assertTrapRejects(api.__forceAsyncTrap())],
  ['a sync trap', async () => assert.throws(() => api.__forceTrap(), assertTrapError)],
];
for (const [kind, trap] of trapKinds) {
  test(`${kind} rejects the async calls in flight with internal.trap`, async () => {
    await noStrayErrors(async () => {
      const held = heldFetch();
      const inFlight = api.verifyCredentials(config, { fetch: held.fetch, now: 1_700_000_000_000, timeoutMs: 1000 });
      await held.started;
      await trap();
      await assertTrapRejects(inFlight, 'the verifyCredentials call in flight');
      // Its fetch answers only now: the old instance's callbacks must do nothing (no
      // "closure from previous WASM instance" error escaping, no effect on the new instance).
      held.release();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await assertWorks();
    });
  });
}

test('with the task queue\'s promise fallback (no queueMicrotask), async traps recover too', async () => {
  await noStrayErrors(async () => {
    // A new instance's task queue checks for queueMicrotask when it is first used (by the
    // first async call) and otherwise schedules its runs with `promise.then`. Hide it for the
    // first call after a reset only: Node's own fetch/Response machinery needs it.
    const saved = globalThis.queueMicrotask;
    let first;
    const { fetch, calls } = scriptedFetch();
    try {
      globalThis.queueMicrotask = undefined;
      assert.throws(() => api.__forceTrap(), assertTrapError);
      first = api.verifyCredentials(config, { fetch, now: 1_700_000_000_000 });
    } finally {
      globalThis.queueMicrotask = saved;
    }
    assert.equal((await first).status, 'authenticated');
    assert.equal(calls.length, 2);
    // This instance's queue uses the fallback: the trap happens in a promise reaction.
    await assertTrapRejects(api.__forceAsyncTrap());
    await assertWorks();
  });
});

test('async calls in flight that are not hit by a trap still complete', async () => {
  await noStrayErrors(async () => {
    const held = heldFetch();
    const inFlight = api.verifyCredentials(config, { fetch: held.fetch, now: 1_700_000_000_000, timeoutMs: 1000 });
    await held.started;
    await assertWorks();
    held.release();
    const outcome = await inFlight;
    // heldFetch answers 200 without a challenge: the registry is open.
    assert.equal(outcome.status, 'anonymous', JSON.stringify(outcome));
  });
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
  // Within the input caps (1 MiB of JSON per argument, 64 KiB per password): 15 entries whose
  // secret is more than 2 MiB of output.
  const configJson = (ch) => api.dockerConfigJson(Array.from({ length: 15 }, (_, i) =>
    ({ server: `r${i}.example.com`, username: 'u', password: ch.repeat(60_000) })));
  // Grow the old instance's memory well past its initial size first, so stale views of it
  // would be large and wrong.
  assert.ok(configJson('x').length > 2 * 1024 * 1024);
  assert.throws(() => api.__forceTrap(), assertTrapError);
  // The new instance starts small: these calls allocate (and grow memory) on it.
  assert.equal(JSON.parse(configJson('y')).auths['r14.example.com'].password, 'y'.repeat(60_000));
  const report = api.validateField('other', 'password', 'z'.repeat(4096));
  assert.equal(report.valid, true);
  assert.equal(report.value, 'z'.repeat(4096));
  assert.deepEqual(api.registryTypes(), before);
});

test('errors that are not traps pass through unchanged', async () => {
  assert.throws(() => api.validateField('nope', 'password', 'x'), (e) => e instanceof RegcredError && e.code === 'argument.registry-type');
  assert.throws(() => api.pullSecret({ name: 'Bad Name', registries: [config] }), (e) => e instanceof RegcredError && e.code !== 'internal.trap');
  await assert.rejects(api.verifyCredentials(config, { fetch: 'not a function' }), (e) => e instanceof RegcredError && e.code === 'argument.type');
  // A fetch that throws is the registry's problem, reported as a result, not a trap.
  const outcome = await api.verifyCredentials(config, { fetch: () => { throw new TypeError('fetch failed'); } });
  assert.equal(outcome.status, 'unreachable');
  await assertWorks();
});

test('the shipped package (pkg/) has no test-only export', async () => {
  const shipped = new URL('../../pkg/', import.meta.url);
  for (const f of readdirSync(shipped).filter((f) => f.endsWith('.js') || f.endsWith('.d.ts'))) {
    assert.doesNotMatch(readFileSync(new URL(f, shipped), 'utf8'), /__force\w*Trap|force_\w*trap/, `pkg/${f}`);
  }
  const wasm = readFileSync(new URL('regcred_bg.wasm', shipped));
  assert.equal(wasm.includes('__forceTrap'), false, 'pkg/regcred_bg.wasm exports __forceTrap');
  assert.equal(wasm.includes('__forceAsyncTrap'), false, 'pkg/regcred_bg.wasm exports __forceAsyncTrap');
  const pkgApi = await import('regcred');
  assert.equal('__forceTrap' in pkgApi, false);
  assert.equal('__forceAsyncTrap' in pkgApi, false);
  // ...but it is guarded: every exported function of the shipped entry is the guarded one.
  assert.equal(typeof pkgApi.registryTypes, 'function');
  assert.equal(pkgApi.registryTypes().length, 10);
});
