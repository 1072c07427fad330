// Validation through the built package (run: make pkg && node --test tests/js/validate.test.mjs).
// Shares tests/fixtures/ with the Rust tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validateRegistry, validateField, parseEcrUrl, parseServiceAccountKey, RegcredError } from 'regcred';
import { fixtureConfigs, fixturesDir } from './fixtures.mjs';

const load = (rel) => JSON.parse(readFileSync(new URL(rel, fixturesDir), 'utf8'));
const text = (rel) => readFileSync(new URL(rel, fixturesDir), 'utf8');

test('accepted registry URLs normalize', () => {
  const cases = load('urls/accepted.json');
  assert.ok(cases.length >= 40);
  for (const c of cases) {
    const r = validateField(c.type, 'registryUrl', c.url, { config: { connection: c.connection } });
    assert.equal(r.valid, true, `${c.url}: ${JSON.stringify(r.errors)}`);
    assert.equal(r.value, c.normalized, c.url);
  }
});

test('rejected registry URLs give their code', () => {
  const cases = load('urls/rejected.json');
  assert.ok(cases.length >= 60);
  for (const c of cases) {
    const r = validateField(c.type, 'registryUrl', c.url, { config: { connection: c.connection } });
    assert.equal(r.valid, false, c.url);
    assert.deepEqual(r.errors.map((e) => e.code), [c.code], c.url);
    assert.equal(r.errors[0].path, '/registryUrl');
    assert.equal(r.value, undefined);
  }
});

test('parseEcrUrl gives the expected parts', () => {
  for (const c of load('urls/ecr.json')) {
    const r = parseEcrUrl(c.url);
    assert.equal(r.valid, true, c.url);
    assert.deepEqual(r.value, c.expect, c.url);
  }
  const bad = parseEcrUrl('123456789012.dkr.ecr.us-east-1.amazonaws.com.evil.example');
  assert.deepEqual(bad.errors.map((e) => e.code), ['ecr.url.suffix']);
});

test('GCP keys: every fixture gives its code; compact form keeps the private key', () => {
  for (const c of load('gcp-keys/cases.json')) {
    const r = parseServiceAccountKey(text(`gcp-keys/${c.file}`));
    if (c.code === null) assert.equal(r.valid, true, `${c.file}: ${JSON.stringify(r.errors)}`);
    else assert.deepEqual(r.errors.map((e) => e.code), [c.code], c.file);
  }
  const original = JSON.parse(text('gcp-keys/good.json'));
  const { value } = parseServiceAccountKey(text('gcp-keys/bom.json'));
  assert.equal(value.compact, JSON.stringify(original));
  assert.deepEqual(Object.keys(JSON.parse(value.compact)), Object.keys(original));
  assert.equal(JSON.parse(value.compact).private_key, original.private_key);
  assert.equal(value.quoted, `'${value.compact}'`);
  assert.equal(value.projectId, 'regcred-test-project');
});

test('config fixtures: valid and invalid as the directory says', () => {
  for (const { file, dir, config } of fixtureConfigs()) {
    const r = validateRegistry(config, { now: '2026-01-01T00:00:00Z' });
    assert.equal(r.valid, dir === 'valid', `${file}: ${JSON.stringify(r.errors)}`);
    assert.equal('value' in r, r.valid, file);
    for (const i of [...r.errors, ...r.warnings]) {
      assert.equal(typeof i.path, 'string');
      assert.match(i.code, /^[a-z0-9.-]+$/);
    }
  }
});

test('validateRegistry normalizes', () => {
  const r = validateRegistry({ name: 'hub', registryType: 'docker-hub', registryUrl: ' https://registry-1.docker.io/v2/ ', username: 'a', password: 'b', cert: '' }, { now: 0 });
  assert.equal(r.valid, true);
  assert.deepEqual(r.value, { name: 'hub', registryType: 'docker-hub', registryUrl: 'docker.io', isDefault: false, connection: 'secure', username: 'a', password: 'b' });
  const gcr = validateRegistry({ name: 'gcr', registryType: 'gcr', password: text('gcp-keys/good.json') });
  assert.equal(gcr.value.username, '_json_key');
  assert.equal(gcr.value.registryUrl, 'gcr.io');
  assert.equal(gcr.value.password, JSON.stringify(JSON.parse(text('gcp-keys/good.json'))));
});

test('misuse throws RegcredError with a code', () => {
  const codeOf = (f) => { try { f(); } catch (e) { assert.ok(e instanceof RegcredError); assert.ok(e instanceof Error); return e.code; } return null; };
  assert.equal(codeOf(() => parseEcrUrl(42)), 'argument.type');
  assert.equal(codeOf(() => parseServiceAccountKey({})), 'argument.type');
  assert.equal(codeOf(() => validateField('nope', 'name', 'x')), 'argument.registry-type');
  assert.equal(codeOf(() => validateField('quay', 'nope', 'x')), 'argument.field');
  assert.equal(codeOf(() => validateRegistry({}, { now: 'yesterday' })), 'argument.now');
  assert.equal(codeOf(() => validateRegistry({}, { now: () => 1 })), null); // functions vanish in JSON: now is absent
  assert.equal(codeOf(() => validateRegistry(10n)), 'argument.type');
  assert.equal(validateRegistry(undefined).errors[0].code, 'config.type');
});

// Deterministic pseudo-random inputs, so a failure can be replayed.
function rng(seed) { let s = seed >>> 0; return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; }; }
const pieces = ['', ' ', 'https://', 'http://', '[', ']', ':', '/', '@', '?', '#', '.', '-', '..', '123456789012', 'dkr', 'ecr', 'dkr-ecr', 'us-east-1', 'amazonaws.com', 'on.aws', '.cn', 'xn--', 'ü', '\u0000', '\n', '\ud800', '{', '}', '"', "'", '\\n', '-----BEGIN PRIVATE KEY-----', 'service_account', 'type', 'private_key', ',', '999999', '::1', 'azurecr.io', '-docker.pkg.dev', 'gcr.io', 'docker.io', '\ufeff', '=', 'eyJ0'];
function randomString(r) { let s = ''; const n = Math.floor(r() * 12); for (let i = 0; i < n; i++) s += r() < 0.8 ? pieces[Math.floor(r() * pieces.length)] : String.fromCharCode(Math.floor(r() * 0x3000)); return s; }
function randomJson(r, depth = 0) {
  const k = Math.floor(r() * (depth > 3 ? 5 : 7));
  switch (k) {
    case 0: return null;
    case 1: return r() < 0.5;
    case 2: return Math.floor(r() * 1e6) * (r() < 0.5 ? -1 : 1);
    case 3: case 4: return randomString(r);
    case 5: return Array.from({ length: Math.floor(r() * 4) }, () => randomJson(r, depth + 1));
    default: {
      const keys = ['name', 'registryType', 'registryUrl', 'username', 'password', 'connection', 'cert', 'awsAuthType', 'awsAccessKeyId', 'awsSecretAccessKey', 'awsSessionToken', 'injection', 'doNotInject', 'autoInject', 'credentialSource', 'secretName', 'isDefault', 'x'];
      const o = {};
      for (let i = Math.floor(r() * 8); i > 0; i--) o[keys[Math.floor(r() * keys.length)]] = randomJson(r, depth + 1);
      return o;
    }
  }
}

test('thousands of random inputs never trap the wasm', () => {
  const r = rng(20260101);
  const types = ['ecr', 'docker-hub', 'acr', 'artifact-registry', 'gcr', 'quay', 'gitlab', 'ghcr', 'harbor', 'other'];
  const fields = ['name', 'registryType', 'registryUrl', 'isDefault', 'connection', 'cert', 'awsAuthType', 'awsAccessKeyId', 'awsSecretAccessKey', 'awsSessionToken', 'username', 'password', 'injection', 'injection.doNotInject', 'injection.autoInject', 'injection.credentialSource', 'injection.secretName'];
  // A lone UTF-16 surrogate cannot be carried as JSON data: the facade throws a RegcredError
  // (argument.type) for it, which is a clean error, not a trap.
  const call = (f) => {
    try { return assert.equal(typeof f().valid, 'boolean'); } catch (e) {
      if (!(e instanceof RegcredError) || e.code !== 'argument.type') throw e;
    }
  };
  for (let i = 0; i < 5000; i++) {
    const s = randomString(r);
    const j = randomJson(r);
    call(() => parseEcrUrl(s));
    call(() => parseServiceAccountKey(s));
    call(() => validateRegistry(j, { now: i }));
    const cfg = { ...(typeof j === 'object' && j && !Array.isArray(j) ? j : {}), registryType: types[i % 7] };
    call(() => validateRegistry(cfg));
    call(() => validateField(types[i % 7], fields[i % fields.length], r() < 0.5 ? s : j, { config: cfg }));
  }
  // Still healthy afterwards.
  assert.equal(parseEcrUrl('123456789012.dkr.ecr.us-east-1.amazonaws.com').valid, true);
});

test('a secret planted in every secret field never appears in a message or code', () => {
  const M = 'ZZSECRETMARKER7Q';
  const key = JSON.parse(text('gcp-keys/good.json'));
  const variants = [
    { name: 'hub', registryType: 'docker-hub', username: 'u', password: M },
    { name: 'hub', registryType: 'docker-hub', username: 'u:' + M, password: M + ':x\n' },
    { name: 'ecr', registryType: 'ecr', registryUrl: '123456789012.dkr.ecr.us-east-1.amazonaws.com', awsAuthType: 'user-auth', awsAccessKeyId: 'AKIA' + M, awsSecretAccessKey: M, awsSessionToken: M + ' x' },
    { name: 'ecr', registryType: 'ecr', registryUrl: '123456789012.dkr.ecr.us-east-1.amazonaws.com', awsAuthType: 'iam-role', awsSecretAccessKey: M, awsSessionToken: M },
    { name: 'gcr', registryType: 'gcr', password: JSON.stringify({ ...key, private_key_id: M, client_email: M }) },
    { name: 'gcr', registryType: 'gcr', password: JSON.stringify({ ...key, private_key: `-----BEGIN PRIVATE KEY-----\n${M} x\n-----END PRIVATE KEY-----\n` }) },
    { name: 'gcr', registryType: 'gcr', password: JSON.stringify({ ...key, type: M }) },
    { name: 'gcr', registryType: 'gcr', password: `{"private_key": "${M}\n"}` },
    { name: 'gcr', registryType: 'gcr', password: `{"a": ${M}}` },
    { name: 'gcr', registryType: 'gcr', password: Buffer.from(`{"k":"${M}"}`).toString('base64') },
    { name: 'gcr', registryType: 'gcr', password: M },
    { name: 'q', registryType: 'quay', username: 'u', password: 1, registryUrl: `${M}:pw@x` },
  ];
  for (const v of variants) {
    const reports = [validateRegistry(v)];
    for (const f of ['password', 'awsSecretAccessKey', 'awsSessionToken', 'username', 'registryUrl']) {
      if (f in v) { try { reports.push(validateField(v.registryType, f, v[f])); } catch (e) { assert.ok(!String(e.message).includes(M)); } }
    }
    if (typeof v.password === 'string') reports.push(parseServiceAccountKey(v.password));
    for (const r of reports) {
      for (const i of [...r.errors, ...r.warnings]) {
        assert.ok(!i.message.includes(M) && !i.code.includes(M), `${JSON.stringify(i)}`);
      }
    }
  }
});
