// parseImageReference and resolveCredentials through the wasm build, on the same ported
// fixtures as the Rust tests (distribution/reference and the kubelet keyring tables).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseImageReference, resolveCredentials, verifyAccess } from 'regcred';

const load = (name) => JSON.parse(readFileSync(new URL(`../fixtures/images/${name}`, import.meta.url), 'utf8'));

test('every ported reference case passes through wasm', () => {
  const { cases } = load('references.json');
  const failures = [];
  for (const c of cases) {
    const r = parseImageReference(c.input, { normalize: c.fn !== 'parse' });
    if (c.error) {
      if (r.valid || (c.error !== '*' && r.errors[0].code !== c.error)) failures.push(`${c.input}: ${JSON.stringify(r.errors)}`);
      assert.ok(r.valid || (r.errors.length === 1 && r.errors[0].path === '' && !r.value));
      continue;
    }
    if (!r.valid) { failures.push(`${c.input}: ${JSON.stringify(r.errors)}`); continue; }
    for (const key of ['domain', 'path', 'name', 'tag', 'digest', 'familiarName', 'reference', 'familiarReference', 'pullReference']) {
      if (key in c && r.value[key] !== c[key]) failures.push(`${c.input}: ${key} ${r.value[key]} != ${c[key]}`);
    }
    if ('notCanonical' in c && c.notCanonical === (r.value.reference === c.input)) failures.push(`${c.input}: canonical`);
  }
  assert.deepEqual(failures, []);
  assert.ok(cases.length > 150);
});

test('without options (the text-only path) every normalized case gives the options path\'s Report', () => {
  const { cases } = load('references.json');
  const inputs = cases.filter((c) => c.fn !== 'parse').map((c) => c.input);
  inputs.push('index.docker.io/x/y:1', 'docker.io/library/a@sha256:' + 'b'.repeat(64), 'nginx:1@sha256:' + 'c'.repeat(64),
    'library/busybox', 'localhost:5000/a', 'ngînx', 'a\uD800b', 'ghcr.io/ü/app:1', '\u0130ndex.docker.io/x');
  for (const input of inputs) {
    assert.deepEqual(parseImageReference(input), parseImageReference(input, { normalize: true }), input);
    assert.deepEqual(parseImageReference(input, null), parseImageReference(input, {}), input);
  }
  assert.ok(inputs.length > 100);
});

test('misuse throws a RegcredError; a report never echoes the input', () => {
  assert.throws(() => parseImageReference(42), { name: 'RegcredError', code: 'argument.type' });
  assert.throws(() => resolveCredentials(null, []), { code: 'argument.missing' });
  const r = parseImageReference('Secret-Looking/UPPER');
  assert.equal(r.errors[0].code, 'image.reference.uppercase');
  assert.ok(!r.errors[0].message.includes('UPPER'));
});

test('kubelet keyring cases through resolveCredentials', () => {
  const { lookups, own } = load('keyring.json');
  let checked = 0;
  for (const c of lookups) {
    // Only lookups that are already the normalized name of an image can be given as an image.
    const parsed = parseImageReference(c.lookup);
    if (!parsed.valid || parsed.value.name !== c.lookup) continue;
    const r = resolveCredentials(c.lookup, c.sources);
    assert.ok(r.valid, JSON.stringify(r.errors));
    if (c.expect) assert.deepEqual(r.value, c.expect, `${c.from} ${c.lookup}`);
    if (c.first) assert.deepEqual(r.value[0], c.first, `${c.from} ${c.lookup}`);
    checked += 1;
  }
  assert.ok(checked >= 10, `${checked}`);
  for (const c of own) {
    const r = resolveCredentials(c.image, c.sources);
    assert.ok(r.valid, JSON.stringify(r.errors));
    assert.deepEqual(r.value, c.expect, c.from);
  }
});

test('documents as text and Secret manifests; passwords never come back', () => {
  const doc = JSON.stringify({ auths: { 'ghcr.io': { auth: Buffer.from('user:s3cret').toString('base64') } } });
  const secret = { kind: 'Secret', type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': Buffer.from(doc).toString('base64') } };
  const r = resolveCredentials('ghcr.io/acme/app', [doc, secret, { auths: { 'ghcr.io': { auth: '%%%' } } }]);
  assert.deepEqual(r.value, [{ server: 'ghcr.io', username: 'user', source: 0 }, { server: 'ghcr.io', username: 'user', source: 1 }]);
  assert.deepEqual(r.errors.map((e) => [e.path, e.code]), [['/sources/2/auths/ghcr.io/auth', 'images.source.auth']]);
  assert.ok(!JSON.stringify(r).includes('s3cret'));
});

test('verifyAccess misuse rejects with a RegcredError before any request', async () => {
  const config = { name: 'reg-x', registryType: 'other', registryUrl: 'registry.example.com', username: 'u', password: 'p' };
  let fetched = 0;
  const fetch = async () => { fetched += 1; return new Response(null, { status: 500 }); };
  for (const [options, code] of [
    [{ fetch }, 'argument.missing'],
    [{ fetch, repository: 5 }, 'argument.type'],
    [{ fetch, repository: 'team/app', actions: 'pull' }, 'argument.type'],
    [{ fetch, repository: 'team/app', probeWrite: 'yes' }, 'argument.type'],
    [{ fetch, repository: 'team/app', actions: ['delete'] }, 'access.actions'],
    [{ fetch, repository: 'Not A Name' }, 'access.repository'],
    [{ fetch, repository: 'ghcr.io/acme/app' }, 'access.other-registry'],
    [{ repository: 'team/app' }, 'argument.missing'],
  ]) {
    await assert.rejects(verifyAccess(config, options), { name: 'RegcredError', code }, JSON.stringify(options));
  }
  assert.equal(fetched, 0);
  assert.throws(() => parseImageReference('nginx', { normalize: 'no' }), { code: 'argument.type' });
});
