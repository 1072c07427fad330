// inspectCertificates against the built package, with the shared openssl fixtures of
// tests/fixtures/certs/ (same expectations file as the Rust tests), plus random inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { inspectCertificates, registryTypes, RegcredError } from 'regcred';

const dir = new URL('../fixtures/certs/', import.meta.url);
const read = (f) => readFileSync(new URL(f, dir));
const expectations = JSON.parse(read('expectations.json'));
const now = expectations.now;
// Binary fixtures go in as bytes, text fixtures as strings (what a form field holds).
const input = (f) => (f.endsWith('.der') ? new Uint8Array(read(f)) : read(f).toString('utf8'));

test('every fixture gives the expected codes, as in the Rust tests', () => {
  const rootFp = inspectCertificates(input('root.pem'), { now }).value.certificates[0].sha256Fingerprint;
  for (const c of expectations.cases) {
    const r = inspectCertificates(input(c.file), { now, host: c.host, requireCa: c.requireCa });
    assert.deepEqual(r.errors.map((e) => e.code), c.errors, `${c.file} errors`);
    assert.deepEqual(r.warnings.map((e) => e.code), c.warnings, `${c.file} warnings`);
    assert.equal(r.valid, c.errors.length === 0);
    assert.equal(r.value?.certificates.length ?? 0, c.certificates, c.file);
    if (c.sameAsRoot) assert.equal(r.value.certificates[0].sha256Fingerprint, rootFp);
    for (const issue of [...r.errors, ...r.warnings]) {
      assert.equal(typeof issue.path, 'string');
      assert.ok(issue.path === '' || issue.path.startsWith('/'));
      assert.ok(issue.message.length > 0);
    }
  }
});

test('fields are plain JSON values with the documented shapes', () => {
  const r = inspectCertificates(input('bag-attributes.pem'), { now, requireCa: false });
  const [leaf, inter, root] = r.value.certificates;
  assert.equal(Object.getPrototypeOf(r), Object.prototype);
  assert.equal(root.subject, 'C=US,O=Regcred Tests,CN=Regcred Test Root CA');
  assert.equal(root.serialNumber, '1000');
  assert.equal(root.notBefore, '2025-01-01T00:00:00Z');
  assert.match(root.sha256Fingerprint, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  assert.deepEqual([root.isCa, root.selfSigned, root.keyAlgorithm, root.keySize, root.version], [true, true, 'RSA', 2048, 3]);
  assert.equal(root.pathLength, null);
  assert.equal(inter.pathLength, 0);
  assert.deepEqual(leaf.subjectAltNames, ['DNS:registry.example.com', 'DNS:*.apps.example.com', 'IP:10.0.0.5']);
  assert.equal(leaf.keyCurve, 'P-256');
});

test('now is ISO text or epoch milliseconds; it decides expiry', () => {
  const pem = input('expired.pem');
  assert.deepEqual(inspectCertificates(pem, { now: '2024-06-01T00:00:00Z' }).errors, []);
  assert.deepEqual(inspectCertificates(pem, { now: Date.parse('2024-06-01T00:00:00Z') }).errors, []);
  assert.equal(inspectCertificates(pem, { now: Date.parse('2026-01-01T00:00:00Z') }).errors[0].code, 'cert.expired');
  // Default: the host clock (the expired fixture ended in 2025).
  assert.equal(inspectCertificates(pem).errors[0].code, 'cert.expired');
});

test('misuse throws RegcredError with a code', () => {
  for (const [args, code] of [
    [[42], 'argument.type'],
    [[null], 'argument.missing'],
    [[{}], 'argument.type'],
    [['x', { now: 'yesterday' }], 'argument.now'],
    [['x', { now: true }], 'argument.type'],
    [['x', { host: 5 }], 'argument.type'],
    [['x', 5], 'argument.type'],
  ]) {
    assert.throws(() => inspectCertificates(...args), (e) => e instanceof RegcredError && e.code === code, code);
  }
});

test('a pasted private key is reported, never echoed', () => {
  const text = input('leaf-with-key.pem');
  const r = inspectCertificates(text, { now });
  const out = JSON.stringify(r);
  const keyLines = text.split('-----BEGIN PRIVATE KEY-----')[1].split('\n').filter((l) => l.length > 8 && !l.startsWith('-----'));
  for (const line of keyLines) assert.ok(!out.includes(line.slice(0, 12)));
  assert.equal(r.errors[0].code, 'cert.private-key');
});

test('input over the cap is refused with the cap in the message', () => {
  const big = ' '.repeat(256 * 1024 + 1);
  const r = inspectCertificates(big, { now });
  assert.deepEqual(r.errors.map((e) => e.code), ['cert.too-large']);
  assert.match(r.errors[0].message, /256 KiB/);
  const bytes = new Uint8Array(5 * 1024 * 1024).fill(0x30);
  assert.equal(inspectCertificates(bytes, { now }).errors[0].code, 'cert.too-large');
});

test('thousands of random bytes and strings never trap the instance', () => {
  let seed = 0x9e3779b9;
  const rand = () => ((seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
  const der = read('root.der');
  const pemLines = input('chain.pem');
  for (let i = 0; i < 3000; i++) {
    let r;
    switch (i % 4) {
      case 0: { // random bytes
        const b = new Uint8Array(Math.floor(rand() * 600));
        for (let j = 0; j < b.length; j++) b[j] = Math.floor(rand() * 256);
        if (i % 8 === 0 && b.length) b[0] = 0x30;
        r = inspectCertificates(b, { now });
        break;
      }
      case 1: { // mutated real DER
        const b = new Uint8Array(der);
        for (let k = 0; k < 1 + rand() * 6; k++) b[Math.floor(rand() * b.length)] = Math.floor(rand() * 256);
        r = inspectCertificates(b.subarray(0, Math.floor(b.length * (0.5 + rand() / 2)) + 1), { now, host: 'a.example.com' });
        break;
      }
      case 2: { // mutated PEM text
        const chars = [...pemLines];
        for (let k = 0; k < 1 + rand() * 8; k++) chars[Math.floor(rand() * chars.length)] = String.fromCharCode(Math.floor(rand() * 0x3000));
        r = inspectCertificates(chars.join(''), { now, requireCa: rand() < 0.5 });
        break;
      }
      default: { // random strings, lone surrogates included
        let s = '';
        const n = Math.floor(rand() * 300);
        for (let j = 0; j < n; j++) s += String.fromCharCode(Math.floor(rand() * 0x10000));
        r = inspectCertificates(rand() < 0.3 ? `-----BEGIN CERTIFICATE-----\n${s}\n-----END CERTIFICATE-----` : s, { now });
      }
    }
    assert.equal(typeof r.valid, 'boolean');
  }
  // The instance still works after all of that.
  assert.equal(registryTypes().length, 10);
  assert.equal(inspectCertificates(input('root.pem'), { now }).valid, true);
});

test('the README example of the CA certificates section runs and prints what it says', async () => {
  const { execFileSync } = await import('node:child_process');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.split('## CA certificates')[1];
  const code = section.split('```js\n')[1].split('```')[0];
  const expected = code.match(/\/\/ (.+)$/m)[1];
  const dirUrl = new URL('../artifacts/', import.meta.url);
  mkdirSync(dirUrl, { recursive: true });
  const file = new URL('readme-cert.mjs', dirUrl);
  writeFileSync(file, code);
  const out = execFileSync(process.execPath, [file.pathname], { encoding: 'utf8' }).trim();
  assert.equal(out, expected);
});
