// resolveCredentials reads plain sources without JSON text (wasm/js/images.js `packSources`):
// every answer must be the one the JSON reading gives. The same documents as JSON text go
// through serde_json in the module, so object and text must agree, on odd inputs too; inputs
// only JSON can judge (BigInt, cycles, class instances) fall back to it. Entries that cannot
// matter for the image are left out of the packing: random documents check that nothing shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveCredentials } from 'regcred';

const b64 = (s) => Buffer.from(s).toString('base64');
const IMAGE = 'registry.example.com/team/app:1';

/** The answer for `docs` as objects, and for the same documents as JSON text. */
function both(image, docs) {
  return [resolveCredentials(image, docs), resolveCredentials(image, docs.map((d) => JSON.stringify(d)))];
}

test('documents as objects and as JSON text give the same report', () => {
  const docs = [
    { auths: { 'registry.example.com': { username: 'a', password: 'p' }, 'https://registry.example.com/v1/': { auth: b64('b:p') } } },
    // Integer-like keys come first in JavaScript's own order; the kubelet's order is by bytes.
    { auths: { 'registry.example.com/team': { username: 'c' }, 10: { username: 'd' }, 9: { username: 'e' }, '*.example.com': { username: 'f' } } },
    { auths: { 'registry.example.com': { username: 5, auth: '' }, 'x.example.com': [], 'y.example.com': 'text', 'z.example.com': null } },
    { auths: { 'registry.example.com': { auth: '%%%' }, 'bad host.example.com': { username: 'g' } } },
    { auths: { 'registry.example.com': { username: 'h', auth: b64('i:p'), email: 'e', extra: [1, { x: true }] } }, credsStore: 'desktop' },
    { auths: [] },
    { nothing: 1 },
    { kind: 'Secret', stringData: { '.dockerconfigjson': JSON.stringify({ auths: { 'registry.example.com': { username: 'j' } } }) } },
    Object.assign(Object.create(null), { auths: { 'registry.example.com': { username: 'l' } } }),
  ];
  for (const image of [IMAGE, 'nginx', 'registry.example.com:5000/app']) {
    const [objects, texts] = both(image, docs);
    assert.deepEqual(objects.value, texts.value, image);
    assert.deepEqual(objects.warnings, texts.warnings, image);
    // Paths differ only where a source is not a document (`/sources/<i>` either way).
    assert.deepEqual(objects.errors.map((e) => e.code), texts.errors.map((e) => e.code), image);
  }
  // A registry configuration among them is validated as one (as JSON text it is no document).
  const config = { name: 'reg', registryType: 'other', registryUrl: 'registry.example.com', username: 'k', password: 'p' };
  const r = resolveCredentials(IMAGE, [...docs.slice(0, 8), config, docs[8]]);
  assert.deepEqual(r.value.map((m) => [m.username, m.source]), [
    ['c', 1], ['b', 0], ['a', 0], ['', 2], ['i', 4], ['j', 7], ['k', 8], ['l', 9], ['f', 1],
  ]);
  assert.deepEqual(r.errors.map((e) => [e.path, e.code]).slice(0, 4), [
    ['/sources/2/auths/x.example.com', 'images.source.entry'],
    ['/sources/2/auths/y.example.com', 'images.source.entry'],
    ['/sources/2/auths/z.example.com', 'images.source.entry'],
    ['/sources/3/auths/registry.example.com/auth', 'images.source.auth'],
  ]);
});

test('a U+0000 or a key beyond U+FFFF is read as in JSON text; a class instance or a toJSON as JSON', () => {
  const nul = { auths: { 'registry.example.com\u0000E\u0000registry.example.com\u0000x\u0000': { username: 'a' } } };
  const [withNul, nulText] = both(IMAGE, [nul]);
  assert.deepEqual(withNul, nulText);
  // JavaScript sorts keys by UTF-16 code units, the kubelet by bytes: they differ past U+FFFF.
  const astral = { auths: { '\u{1F600}.example.com': 1, '\uFF00.example.com': 2 } };
  const [astralObject, astralText] = both(IMAGE, [astral]);
  assert.deepEqual(astralObject, astralText);
  assert.deepEqual(astralObject.errors.map((e) => e.path), ['/sources/0/auths/\uFF00.example.com', '/sources/0/auths/\u{1F600}.example.com']);
  const dated = { auths: { 'registry.example.com': { username: 'a', created: new Date(0) } } };
  assert.deepEqual(resolveCredentials(IMAGE, [dated]).value, [{ server: 'registry.example.com', username: 'a', source: 0 }]);
  const custom = { auths: { 'registry.example.com': { username: 'a' } }, toJSON: () => ({ auths: { 'registry.example.com': { username: 'b' } } }) };
  assert.deepEqual(resolveCredentials(IMAGE, [custom]).value.map((m) => m.username), ['b']);
  class Doc { constructor() { this.auths = { 'registry.example.com': { username: 'c' } }; } }
  assert.deepEqual(resolveCredentials(IMAGE, [new Doc()]).value.map((m) => m.username), ['c']);
  const hidden = { auths: { 'registry.example.com': { username: 'd' } } };
  Object.defineProperty(hidden.auths['registry.example.com'], 'username', { enumerable: false });
  assert.deepEqual(resolveCredentials(IMAGE, [hidden]).value.map((m) => m.username), ['']);
});

test('values JSON cannot carry are misuse, as for every export', () => {
  const cyclic = { auths: { 'registry.example.com': { username: 'a' } } };
  cyclic.self = cyclic;
  assert.throws(() => resolveCredentials(IMAGE, [cyclic]), { name: 'RegcredError', code: 'argument.type' });
  assert.throws(() => resolveCredentials(IMAGE, [{ auths: { 'registry.example.com': { password: 1n } } }]), { code: 'argument.type' });
  assert.throws(() => resolveCredentials(IMAGE, [{ auths: {}, big: 'x'.repeat(1 << 20) }]), { code: 'argument.too-large' });
  assert.throws(() => resolveCredentials(IMAGE, [{ auths: { a: { password: 'x'.repeat(1 << 20) } } }]), { code: 'argument.too-large' });
});

test('entries left out for the image change nothing: random documents, objects against text', () => {
  // A small generator (xorshift): keys plain or not, on the image's host or not, with a port, a
  // glob, a path, Docker Hub's; entries with or without a (broken) auth, or no object at all.
  let seed = 0x2545f491;
  const next = (n) => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  const pick = (xs) => xs[next(xs.length)];
  const hosts = ['registry.example.com', 'other.example.com', 'registry.example.co', 'index.docker.io', 'docker.io',
    'localhost:5000', 'registry.example.com:5000', '*.example.com', 'registry.*.com', 'Registry.example.com',
    'registry.example.com.', 'a b.example.com', 'x%41.example.com', 'user@registry.example.com', '[::1]:5000', ''];
  const schemes = ['', '', 'https://', 'http://', 'HTTPS://', 'ftp://'];
  const paths = ['', '', '/', '/v1/', '/v2/', '/team', '/team/app', '/team/app2', '/%7e', '/a?b', '/a#b', '/x_y~'];
  const entries = [() => ({ username: pick(['u', '', 'v']) }), () => ({ auth: pick([b64('a:p'), 'broken', '', b64('nocolon')]) }),
    () => ({ username: 'w', password: 'p', email: 'e' }), () => pick([null, 'text', 1, []]), () => ({})];
  const images = ['registry.example.com/team/app:1', 'nginx', 'docker.io/library/busybox', 'localhost:5000/app',
    'registry.example.com:5000/team/app', 'other.example.com/x', 'index.docker.io/library/redis'];
  for (let round = 0; round < 300; round++) {
    const docs = Array.from({ length: 1 + next(6) }, () => ({
      auths: Object.fromEntries(Array.from({ length: next(5) }, () => [pick(schemes) + pick(hosts) + pick(paths), pick(entries)()])),
    }));
    const image = pick(images);
    const [objects, texts] = both(image, docs);
    assert.deepEqual(objects.value, texts.value, `${image} ${JSON.stringify(docs)}`);
    assert.deepEqual(objects.warnings, texts.warnings, `${image} ${JSON.stringify(docs)}`);
    assert.deepEqual(objects.errors, texts.errors, `${image} ${JSON.stringify(docs)}`);
  }
});
