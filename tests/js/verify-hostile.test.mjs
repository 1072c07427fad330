// A hostile registry and a careless host against the wasm build, with scripted fetches: secret
// headers stay with their origin, deadlines hold whatever fetch does, only `true` opts in,
// metadata endpoints are never fetched, memory is bounded before it is spent, verdicts claim
// only what the registry answered, the TLS hint stays home, inputs are bounded, and no server
// text reaches a message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as regcred from 'regcred';

const { verifyCredentials, ecrAuthorizationToken, RegcredError } = regcred;
const hostile = JSON.parse(readFileSync(new URL('../fixtures/hostile-urls.json', import.meta.url), 'utf8'));
const PASSWORD = 's3cret-Pa55';
const SESSION = 'FwoGZXIvYXdzEXAMPLESESSIONTOKEN';
const config = (extra = {}) => ({ name: 'test-reg', registryType: 'other', registryUrl: 'registry.example.com', username: 'alice', password: PASSWORD, ...extra });
const ecr = { name: 'ecr-prod', registryType: 'ecr', registryUrl: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', awsAuthType: 'user-auth', awsAccessKeyId: 'AKIAIOSFODNN7EXAMPLE', awsSecretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', awsSessionToken: SESSION };
const API = 'https://api.ecr.eu-west-1.amazonaws.com/';
const ecrOk = () => new Response(JSON.stringify({ authorizationData: [{ authorizationToken: btoa('AWS:ecr-pass'), expiresAt: 1795776060, proxyEndpoint: `https://${ecr.registryUrl}` }] }), { status: 200 });
const challenge = (v) => new Response(null, { status: 401, headers: { 'www-authenticate': v, 'docker-distribution-api-version': 'registry/2.0' } });
const ok = () => new Response('{}', { status: 200, headers: { 'docker-distribution-api-version': 'registry/2.0' } });
const redirect = (location, status = 307) => new Response(null, { status, headers: { location } });

function spy(handler) {
  const calls = [];
  return { calls, fetch: async (url, init) => { calls.push({ url, init }); return handler(url, init, calls.length); } };
}
const secretFree = (init) => !Object.keys(init.headers).some((k) => /^(authorization|x-amz-security-token)$/i.test(k))
  && !String(init.body ?? '').includes(PASSWORD);

// Every origin change: host, port only, scheme only (the last one on an insecure registry).
const ELSEWHERE = ['https://elsewhere.example.net/v2/', 'https://registry.example.com:8443/v2/', 'https://sub.registry.example.com/v2/'];

test('1. ECR: the session token and signature never follow a redirect to another origin, in either export', async () => {
  for (const to of ['https://elsewhere.example.net/', 'https://api.ecr.eu-west-1.amazonaws.com:8443/', 'https://api.ecr.us-east-1.amazonaws.com/']) {
    const s = spy((url) => (url === API ? redirect(to) : ecrOk()));
    const r = await verifyCredentials(ecr, { fetch: s.fetch });
    assert.equal(s.calls[0].init.headers['X-Amz-Security-Token'], SESSION);
    assert.equal(s.calls.length, 2, to);
    assert.ok(secretFree(s.calls[1].init), `${to}: ${JSON.stringify(s.calls[1].init.headers)}`);
    assert.equal(r.code, 'verify.answered-elsewhere');
    assert.equal(r.ok, false);

    const t = spy((url) => (url === API ? redirect(to) : ecrOk()));
    await assert.rejects(ecrAuthorizationToken(ecr, { fetch: t.fetch }), (e) => e instanceof RegcredError && e.code === 'ecr.answered-elsewhere');
    assert.equal(t.calls.length, 2, 'ecrAuthorizationToken follows redirects');
    assert.ok(secretFree(t.calls[1].init));
  }
  const same = spy((url) => (url === API ? redirect('/?again', 308) : ecrOk()));
  const auth = await ecrAuthorizationToken(ecr, { fetch: same.fetch });
  assert.equal(auth.password, 'ecr-pass');
  assert.equal(same.calls[1].init.headers['X-Amz-Security-Token'], SESSION);
});

test('1/7. Basic and Bearer credentials stay with their origin; an answer from elsewhere is no verdict', async () => {
  for (const to of ELSEWHERE) {
    for (const status of [200, 401]) {
      const basic = spy((url, init) => {
        if (url.startsWith('https://registry.example.com/')) return init.headers.Authorization ? redirect(to) : challenge('Basic realm="r"');
        return new Response('{}', { status });
      });
      const r = await verifyCredentials(config(), { fetch: basic.fetch });
      assert.ok(secretFree(basic.calls[2].init), to);
      assert.equal(r.status, 'not-a-registry', `${to} ${status}: ${JSON.stringify(r)}`);
      assert.equal(r.code, 'verify.answered-elsewhere');
    }
    const bearer = spy((url, init) => {
      if (url.startsWith('https://registry.example.com/v2/')) return init.headers.Authorization ? redirect(to) : challenge('Bearer realm="https://auth.example.com/token",service="r"');
      if (url.startsWith('https://auth.example.com/')) return new Response(JSON.stringify({ token: 'tok-123' }), { status: 200 });
      return ok();
    });
    const r = await verifyCredentials(config(), { fetch: bearer.fetch });
    assert.ok(secretFree(bearer.calls.at(-1).init));
    assert.equal(r.code, 'verify.answered-elsewhere', JSON.stringify(r));
  }
  // Scheme only: an insecure registry's authorized ping redirected from https to http.
  const scheme = spy((url, init) => {
    if (url === 'https://registry.example.com:5000/v2/') return init.headers.Authorization ? redirect('http://registry.example.com:5000/v2/') : challenge('Basic realm="r"');
    return ok();
  });
  const r = await verifyCredentials(config({ registryUrl: 'registry.example.com:5000', connection: 'insecure' }), { fetch: scheme.fetch });
  assert.equal(scheme.calls[2].url, 'http://registry.example.com:5000/v2/');
  assert.ok(secretFree(scheme.calls[2].init));
  assert.equal(r.code, 'verify.answered-elsewhere');
});

test('8. the TLS hint goes only to the registry origin; plain http carries no credentials elsewhere', async () => {
  const pem = readFileSync(new URL('../fixtures/certs/root.pem', import.meta.url), 'utf8');
  const s = spy((url, init) => {
    if (url.startsWith('https://registry.example.com/v2/')) return init.headers.Authorization ? ok() : challenge('Bearer realm="https://auth.example.com/token",service="r"');
    return new Response(JSON.stringify({ token: 'tok-123' }), { status: 200 });
  });
  const r = await verifyCredentials(config({ connection: 'secure-with-cert', cert: pem }), { fetch: s.fetch });
  assert.equal(r.status, 'authenticated');
  assert.ok(s.calls[0].init.regcred.caCertificate);
  assert.equal(s.calls[1].init.regcred, undefined, 'the realm on another host got the CA hint');
  assert.ok(s.calls[2].init.regcred.caCertificate);
  for (const realm of ['http://registry.example.com:5001/token', 'http://auth.example.com:5000/token', 'http://registry.example.com/token']) {
    // https fails, the insecure registry answers over plain http on its own port, its realm
    // names plain http elsewhere: refused before anything (least of all Basic) is sent there.
    const h = spy((url) => {
      if (url.startsWith('https://registry.example.com:5000/')) throw new TypeError('fetch failed');
      return url.startsWith('http://registry.example.com:5000/v2/') ? challenge(`Bearer realm="${realm}",service="r"`) : new Response('{"token":"t"}');
    });
    const res = await verifyCredentials(config({ registryUrl: 'registry.example.com:5000', connection: 'insecure' }), { fetch: h.fetch });
    assert.deepEqual(h.calls.map((c) => c.url), ['https://registry.example.com:5000/v2/', 'http://registry.example.com:5000/v2/'], realm);
    assert.equal(res.code, 'policy.scheme');
  }
});

/** Every async export, with the options it needs besides fetch. */
const ASYNC = [
  ['verifyCredentials', () => config(), {}],
  ['ecrAuthorizationToken', () => ecr, {}],
  ['verifyAccess', () => config(), { repository: 'library/nginx' }],
].filter(([name]) => typeof regcred[name] === 'function');

test('2. every async export settles by its deadline whatever fetch does', async () => {
  assert.ok(ASYNC.length >= 2);
  for (const name of Object.keys(regcred)) {
    if (/^verify|^ecr/.test(name) && typeof regcred[name] === 'function') assert.ok(ASYNC.some(([n]) => n === name), `${name} is not covered`);
  }
  const never = () => new Promise(() => {});
  const stalledBody = () => new Response(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('{')); } }), { status: 200 });
  const slowThenLate = () => new Promise((resolve) => setTimeout(() => resolve(ok()), 400));
  const readerNeverReads = () => ({ status: 200, headers: new Headers(), body: { getReader: () => ({ read: never, cancel: never }) } });
  const bufferNever = () => ({ status: 200, headers: new Headers(), body: null, arrayBuffer: never });
  for (const [name, cfg, extra] of ASYNC) {
    for (const behaviour of [never, stalledBody, slowThenLate, readerNeverReads, bufferNever]) {
      const timeoutMs = 150;
      const started = performance.now();
      let outcome;
      try {
        outcome = await regcred[name](cfg(), { fetch: async () => behaviour(), timeoutMs, ...extra });
      } catch (e) {
        outcome = e;
      }
      const took = performance.now() - started;
      assert.ok(took < timeoutMs + 100, `${name} with ${behaviour.name} took ${took} ms`);
      const code = outcome.code ?? outcome.status;
      assert.match(String(code), /timeout/, `${name} with ${behaviour.name}: ${JSON.stringify(outcome)} ${outcome}`);
    }
  }
});

test('2. out-of-range timeoutMs is an argument error naming the range', async () => {
  for (const [name, cfg, extra] of ASYNC) {
    for (const timeoutMs of [2 ** 31, -1, 0, NaN, Infinity, -Infinity, 600_001, '100', {}, true]) {
      const code = typeof timeoutMs === 'number' ? 'argument.timeout' : 'argument.type';
      await assert.rejects(regcred[name](cfg(), { fetch: async () => ok(), timeoutMs, ...extra }), (e) =>
        e instanceof RegcredError && e.code === code && /1 to 600000/.test(e.message), `${name} ${String(timeoutMs)}`);
    }
  }
});

test('4. only true opts in: other non-booleans are argument errors, in every export', async () => {
  const fetch = async () => ok();
  for (const [name, cfg, extra] of ASYNC) {
    for (const allowPrivateNetworks of ['false', '0', 'true', 1, 0, [], {}, 'yes']) {
      await assert.rejects(regcred[name](cfg(), { fetch, allowPrivateNetworks, ...extra }), (e) => e instanceof RegcredError && e.code.startsWith('argument.'), `${name} ${JSON.stringify(allowPrivateNetworks)}`);
    }
  }
  for (const allowPrivateNetworks of [undefined, null, false]) {
    const s = spy(ok);
    const r = await verifyCredentials(config({ registryUrl: 'kubernetes.default.svc' }), { fetch: s.fetch, allowPrivateNetworks });
    assert.equal(r.code, 'policy.private-address');
    assert.equal(s.calls.length, 0);
  }
  const s = spy(ok);
  const r = await verifyCredentials(config({ registryUrl: 'kubernetes.default.svc' }), { fetch: s.fetch, allowPrivateNetworks: true });
  assert.equal(r.status, 'anonymous');
  // The other boolean options of other exports are just as strict.
  const entry = [{ server: 'r.example.com', username: 'u', password: 'p' }];
  const pem = readFileSync(new URL('../fixtures/certs/root.pem', import.meta.url), 'utf8');
  for (const v of ['false', 1, [], {}]) {
    if (regcred.verifyAccess) {
      await assert.rejects(regcred.verifyAccess(config(), { fetch, repository: 'team/app', probeWrite: v }), (e) => e.code?.startsWith('argument.'), `probeWrite ${JSON.stringify(v)}`);
    }
    assert.throws(() => regcred.inspectCertificates(pem, { requireCa: v }), (e) => e.code?.startsWith('argument.'), `requireCa ${JSON.stringify(v)}`);
    assert.throws(() => regcred.dockerConfigJson(entry, { goEscaping: v }), (e) => e.code?.length > 0, `goEscaping ${JSON.stringify(v)}`);
    assert.throws(() => regcred.dockerConfigFile(entry, { credHelpers: v }), (e) => e.code?.length > 0, `credHelpers ${JSON.stringify(v)}`);
    assert.throws(() => regcred.pullSecret({ name: 's', registries: entry, format: 'json', appendHash: v }), (e) => e.code?.length > 0, `appendHash ${JSON.stringify(v)}`);
  }
});

test('3/5. private names need the opt-in; metadata endpoints are never fetched, opt-in or not', async () => {
  const never = hostile.filter((h) => h.never);
  assert.ok(never.length >= 40);
  for (const { url } of never) {
    const direct = spy(ok);
    try {
      const r = await verifyCredentials(config({ registryUrl: url }), { fetch: direct.fetch, allowPrivateNetworks: true });
      assert.equal(r.status, 'blocked', url);
    } catch (e) {
      assert.ok(['config.invalid', 'verify.registry-url'].includes(e.code), `${url}: ${e.code}`);
    }
    assert.equal(direct.calls.length, 0, `${url} was fetched with the opt-in`);
    const hop = spy((u) => (u.startsWith('https://registry.example.com/') ? redirect(url) : ok()));
    await verifyCredentials(config(), { fetch: hop.fetch, allowPrivateNetworks: true });
    assert.ok(hop.calls.every((c) => c.url.startsWith('https://registry.example.com/')), `redirect to ${url} followed`);
  }
  for (const host of ['kubernetes.default.svc', 'kubernetes.default', 'registry.tools.svc.cluster.local', 'nexus.corp', 'harbor.lan', 'nas.home', 'reg.intranet', 'reg.localdomain', 'reg.internal', 'registry', 'reg.k8s', 'reg.consul']) {
    const s = spy(ok);
    const r = await verifyCredentials(config({ registryUrl: host }), { fetch: s.fetch });
    assert.equal(r.code, 'policy.private-address', host);
    assert.equal(s.calls.length, 0);
    const opted = await verifyCredentials(config({ registryUrl: host }), { fetch: s.fetch, allowPrivateNetworks: true });
    assert.equal(opted.status, 'anonymous', host);
  }
});

test('6. memory is bounded before it is spent: chunks sliced in the host, non-byte chunks refused', async () => {
  const body = (chunks) => ({ status: 200, headers: new Headers(), body: { getReader: () => { let i = 0; return { read: async () => (i < chunks.length ? { done: false, value: chunks[i++] } : { done: true }), cancel: async () => {} }; } } });
  const before = process.memoryUsage().rss;
  const started = performance.now();
  // 1 GiB, never touched by the host: copying it would cost seconds and a GiB of resident memory.
  const huge = new Uint8Array(2 ** 30);
  const r = await verifyCredentials(config(), { fetch: async () => body([huge]) });
  const took = performance.now() - started;
  assert.equal(r.status, 'not-a-registry');
  assert.ok(took < 1000, `took ${took} ms`);
  assert.ok(process.memoryUsage().rss - before < 256 * 2 ** 20, 'the chunk was copied');
  for (const value of [2 ** 31, 1e9, 'x'.repeat(10), [1, 2, 3], { length: 2 ** 30 }, new ArrayBuffer(8), null]) {
    const res = await verifyCredentials(config(), { fetch: async () => body([value]) });
    assert.equal(res.status, 'unreachable', `${String(value).slice(0, 20)}: ${JSON.stringify(res)}`);
  }
  // Error texts are read only in part: a 64 MiB message costs nothing; its start still counts.
  const long = 'x'.repeat(2 ** 26);
  const t0 = performance.now();
  const huge1 = await verifyCredentials(config(), { fetch: async () => { throw new TypeError(long, { cause: { code: long } }); } });
  assert.equal(huge1.status, 'unreachable');
  const huge2 = await verifyCredentials(config(), { fetch: async () => { throw new TypeError(`self-signed certificate ${long}`); } });
  assert.equal(huge2.status, 'tls');
  assert.ok(performance.now() - t0 < 1000, `${performance.now() - t0} ms`);
  // Headers are read up to a bound too: an endless iterator ends, an oversized value is left out.
  const endless = { status: 401, body: null, headers: { *[Symbol.iterator]() { for (;;) yield ['x-junk', 'y']; } } };
  const e = await verifyCredentials(config(), { fetch: async () => endless });
  assert.equal(e.status, 'not-a-registry');
  const big = new Response(null, { status: 401, headers: { 'www-authenticate': `Basic realm="${'r'.repeat(1 << 20)}"` } });
  const b = await verifyCredentials(config(), { fetch: async () => big });
  assert.equal(b.status, 'not-a-registry');
});

test('9. every input is bounded; direct entries follow the configuration character rules', () => {
  for (const length of [100_000, 400_000]) {
    const many = Array.from({ length }, (_, i) => i);
    const started = performance.now();
    assert.throws(() => regcred.injectionPlan(config({ injection: { autoInject: ['*'] } }), many), (e) =>
      (e.code === 'secret.too-many' && /10000/.test(e.message)) || (e.code === 'argument.too-large' && /1048576/.test(e.message)));
    assert.ok(performance.now() - started < 1000);
  }
  const long = { id: 'c'.repeat(300) };
  assert.throws(() => regcred.injectionPlan(config(), [long]), (e) => e.code === 'secret.shape');
  for (const [entry, code] of [
    [{ server: 'r.example.com', username: 'a\u0000b', password: 'p' }, 'username.control'],
    [{ server: 'r.example.com', username: 'a\u007fb', password: 'p' }, 'username.control'],
    [{ server: 'r.example.com', username: 'u', password: 'p\u0000' }, 'password.control'],
    [{ server: 'r.example.com', username: 'u', password: 'p\u007f' }, 'password.control'],
    [{ server: 'r.example.com', username: 'u'.repeat(257), password: 'p' }, 'username.too-long'],
    [{ server: 'r.example.com', username: 'u', password: 'p'.repeat(65537) }, 'password.too-long'],
  ]) {
    for (const call of [() => regcred.dockerConfigJson([entry]), () => regcred.pullSecret({ name: 's', registries: [entry], format: 'yaml' })]) {
      assert.throws(call, (e) => e.errors?.some((i) => i.code === code), code);
    }
  }
  assert.throws(() => regcred.dockerConfigJson(Array.from({ length: 101 }, (_, i) => ({ server: `r${i}.example.com`, username: 'u', password: 'p' }))), (e) => e.code === 'secret.too-many' && /100/.test(e.message));
  const fifty = 'x'.repeat(50 * 2 ** 20);
  // The host's own cost of turning the argument into JSON text is the floor; the module adds
  // nothing proportional to the size (it never copies the text).
  let floor = performance.now();
  JSON.stringify([{ password: fifty }]);
  floor = performance.now() - floor;
  for (const call of [
    () => regcred.dockerConfigJson([{ server: 'r.example.com', username: 'u', password: fifty }]),
    () => regcred.validateRegistry({ ...config(), [fifty.slice(0, 2 ** 21)]: 1 }),
    () => regcred.injectionPlan(config(), [{ id: fifty }]),
  ]) {
    const t = performance.now();
    assert.throws(call, (e) => e.code === 'argument.too-large' && /1048576/.test(e.message));
    const took = performance.now() - t;
    assert.ok(took < 3 * floor + 200, `${took} ms (JSON.stringify alone: ${floor} ms)`);
  }
});

test('10. no server text in messages', async () => {
  const MARK = 'zq7markerzq';
  for (const body of [{ __type: `${MARK}#Please re-enter your password at https://${MARK}.example.com`, message: MARK }, { __type: 'AccessDeniedException', message: MARK }]) {
    await assert.rejects(ecrAuthorizationToken(ecr, { fetch: async () => new Response(JSON.stringify(body), { status: 400 }) }), (e) => !e.message.includes(MARK) && !/please/i.test(e.message));
    const r = await verifyCredentials(ecr, { fetch: async () => new Response(JSON.stringify(body), { status: 400 }) });
    assert.ok(!JSON.stringify(r.message).includes(MARK), r.message);
  }
  for (const to of [`https://${MARK}.corp/v2/`, `https://${MARK}.metadata.google.internal/`, `ftp://${MARK}.example.com/`]) {
    const r = await verifyCredentials(config(), { fetch: async () => redirect(to) });
    assert.ok(!r.message.includes(MARK), r.message);
  }
});
