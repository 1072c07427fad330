// The network policy through the wasm build: every hostile URL ends `blocked` and the host's
// fetch is never called for it, neither as the registry URL nor as a redirect target.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { verifyCredentials, ecrAuthorizationToken, RegcredError } from 'regcred';

const hostile = JSON.parse(readFileSync(new URL('../fixtures/hostile-urls.json', import.meta.url), 'utf8'));

function spy(handler) {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url, init });
    return handler(url, init);
  };
  return { fetch, calls };
}

const config = (registryUrl) => ({ name: 'test-reg', registryType: 'other', registryUrl, username: 'u', password: 'p4ss' });

test('at least 100 hostile URLs, each blocked before fetch is called', async () => {
  assert.ok(hostile.length >= 100);
  for (const { url, why } of hostile) {
    const s = spy(() => { throw new Error('must not be called'); });
    let result;
    try {
      result = await verifyCredentials(config(url), { fetch: s.fetch });
    } catch (e) {
      // A registry URL that does not parse at all is misuse, reported before any request.
      assert.ok(e instanceof RegcredError, `${url}: ${e}`);
      assert.ok(['verify.registry-url', 'config.invalid'].includes(e.code), `${url}: ${e.code}`);
      assert.equal(s.calls.length, 0);
      continue;
    }
    assert.equal(result.status, 'blocked', `${url} (${why}): ${JSON.stringify(result)}`);
    assert.equal(result.ok, false);
    assert.equal(s.calls.length, 0, `${url} reached fetch`);
    assert.ok(!JSON.stringify(result).includes('p4ss'));
  }
});

test('redirects into hostile URLs are blocked: only the legitimate first hop is fetched', async () => {
  for (const { url, why } of hostile) {
    const s = spy(() => new Response(null, { status: 302, headers: { location: url } }));
    const result = await verifyCredentials(config('registry.example.com'), { fetch: s.fetch });
    const followed = s.calls.slice(1).map((c) => c.url);
    // A junk Location may resolve to a path on the registry itself (never elsewhere).
    assert.ok(followed.every((u) => u.startsWith('https://registry.example.com/')), `${url} (${why}) followed to ${followed}`);
    if (followed.length === 0) assert.equal(result.status, 'blocked', `${url} (${why})`);
    assert.equal(s.calls[0].url, 'https://registry.example.com/v2/');
    assert.equal(s.calls[0].init.redirect, 'manual');
  }
});

test('legitimate hosts pass and the fetch init is what the README says', async () => {
  const s = spy(() => new Response('{}', { status: 200, headers: { 'docker-distribution-api-version': 'registry/2.0' } }));
  for (const host of ['quay.io', 'myreg.azurecr.io', 'europe-west1-docker.pkg.dev', 'registry.example.com:5000']) {
    const r = await verifyCredentials(config(host), { fetch: s.fetch, now: '2026-11-26T22:41:00Z' });
    assert.equal(r.status, 'anonymous', host);
    assert.deepEqual(r.steps, [{ method: 'GET', url: `https://${host}/v2/`, status: 200 }]);
  }
  const init = s.calls[0].init;
  assert.equal(init.method, 'GET');
  assert.equal(init.redirect, 'manual');
  assert.ok(init.signal instanceof AbortSignal);
  assert.equal(init.regcred, undefined);
});

test('misuse throws RegcredError with a code; the global fetch is never used', async () => {
  const saved = globalThis.fetch;
  globalThis.fetch = () => { throw new Error('global fetch used'); };
  try {
    for (const [opts, code] of [[undefined, 'argument.missing'], [{}, 'argument.missing'], [{ fetch: 'nope' }, 'argument.type'], [{ fetch: {} }, 'argument.type']]) {
      await assert.rejects(verifyCredentials(config('quay.io'), opts), (e) => e instanceof RegcredError && e.code === code);
      await assert.rejects(ecrAuthorizationToken(config('quay.io'), opts), (e) => e instanceof RegcredError && e.code === code);
    }
    await assert.rejects(verifyCredentials(42, { fetch: async () => new Response() }), (e) => e.code === 'argument.type');
  } finally {
    globalThis.fetch = saved;
  }
});

test('fetch failures map to unreachable, tls and timeout', async () => {
  const cases = [
    [() => { throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }); }, 'unreachable'],
    [() => { throw new TypeError('fetch failed', { cause: Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }) }); }, 'tls'],
    [() => { throw new TypeError('fetch failed', { cause: { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' } }); }, 'tls'],
    [() => { throw new TypeError('fetch failed', { cause: { code: 'CERT_HAS_EXPIRED' } }); }, 'tls'],
    [(url, init) => new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))), 'timeout'],
  ];
  for (const [handler, status] of cases) {
    const s = spy(handler);
    const r = await verifyCredentials(config('registry.example.com'), { fetch: s.fetch, timeoutMs: 50 });
    assert.equal(r.status, status);
    assert.equal(r.steps[0].status, null);
  }
});

test('bodies are read up to 64 KiB only', async () => {
  let pulled = 0;
  const stream = new ReadableStream({
    pull(controller) { pulled += 16384; controller.enqueue(new Uint8Array(16384).fill(32)); if (pulled > 10 * 1024 * 1024) controller.close(); },
  });
  const s = spy(() => new Response(stream, { status: 200 }));
  const r = await verifyCredentials(config('registry.example.com'), { fetch: s.fetch });
  assert.equal(r.status, 'not-a-registry');
  assert.ok(pulled < 256 * 1024, `read ${pulled} bytes`);
});

test('connection hints reach the host in init.regcred', async () => {
  const s = spy(() => new Response('{}', { status: 200, headers: { 'docker-distribution-api-version': 'registry/2.0' } }));
  await verifyCredentials({ ...config('registry.example.com'), connection: 'insecure' }, { fetch: s.fetch });
  assert.deepEqual(s.calls[0].init.regcred, { insecure: true });
  const pem = readFileSync(new URL('../fixtures/certs/root.pem', import.meta.url), 'utf8');
  await verifyCredentials({ ...config('registry.example.com'), connection: 'secure-with-cert', cert: pem }, { fetch: s.fetch });
  assert.deepEqual(s.calls[1].init.regcred, { caCertificate: pem.trim() });
});

test('ECR: verifyCredentials signs GetAuthorizationToken then logs in; iam-role is unsupported', async () => {
  const ecr = { name: 'ecr-prod', registryType: 'ecr', registryUrl: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', awsAuthType: 'user-auth', awsAccessKeyId: 'AKIAIOSFODNN7EXAMPLE', awsSecretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
  const token = Buffer.from('AWS:ecr-pass').toString('base64');
  const s = spy((url, init) => {
    if (url.startsWith('https://api.ecr.')) {
      return new Response(JSON.stringify({ authorizationData: [{ authorizationToken: token, expiresAt: 1795776060.5, proxyEndpoint: 'https://123456789012.dkr.ecr.eu-west-1.amazonaws.com' }] }), { status: 200 });
    }
    if (!init.headers.Authorization) return new Response(null, { status: 401, headers: { 'www-authenticate': 'Basic realm="ecr"' } });
    return new Response('{}', { status: 200 });
  });
  const r = await verifyCredentials(ecr, { fetch: s.fetch, now: Date.UTC(2026, 10, 26, 22, 41) });
  assert.equal(r.status, 'authenticated');
  assert.equal(r.expiresAt, '2026-11-27T10:41:00Z');
  const signed = s.calls[0].init;
  assert.equal(signed.method, 'POST');
  assert.equal(signed.body, '{}');
  assert.equal(signed.headers['X-Amz-Target'], 'AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken');
  assert.match(signed.headers.Authorization, /^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/20261126\/eu-west-1\/ecr\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$/);
  assert.equal(s.calls[2].init.headers.Authorization, `Basic ${Buffer.from('AWS:ecr-pass').toString('base64')}`);

  const auth = await ecrAuthorizationToken(ecr, { fetch: s.fetch, now: '2026-11-26T22:41:00Z' });
  assert.deepEqual(auth, { username: 'AWS', password: 'ecr-pass', expiresAt: '2026-11-27T10:41:00Z', proxyEndpoint: 'https://123456789012.dkr.ecr.eu-west-1.amazonaws.com' });

  const denied = spy(() => new Response(JSON.stringify({ __type: 'AccessDeniedException', message: 'no' }), { status: 400 }));
  await assert.rejects(ecrAuthorizationToken(ecr, { fetch: denied.fetch }), (e) => e instanceof RegcredError && e.code === 'ecr.access-denied');

  const iam = { name: 'ecr-prod', registryType: 'ecr', registryUrl: ecr.registryUrl, awsAuthType: 'iam-role' };
  const none = spy(() => { throw new Error('no'); });
  const u = await verifyCredentials(iam, { fetch: none.fetch });
  assert.equal(u.status, 'unsupported');
  assert.equal(none.calls.length, 0);
});

test('README example: a Quay robot account through the Bearer flow', async () => {
  const token = 'robot-token';
  const fetch = async (url, init) => {
    if (url === 'https://quay.io/v2/' && !init.headers.Authorization) {
      return new Response(null, { status: 401, headers: { 'www-authenticate': 'Bearer realm="https://quay.io/v2/auth",service="quay.io"' } });
    }
    if (url.startsWith('https://quay.io/v2/auth?')) {
      assert.equal(init.headers.Authorization, `Basic ${Buffer.from(`org+robot:${token}`).toString('base64')}`);
      return new Response(JSON.stringify({ token: 'jwt' }), { status: 200 });
    }
    return new Response('{}', { status: init.headers.Authorization === 'Bearer jwt' ? 200 : 401 });
  };
  const result = await verifyCredentials(
    { name: 'my-registry', registryType: 'quay', username: 'org+robot', password: token },
    { fetch, now: '2026-11-26T22:45:00Z' },
  );
  assert.equal(result.ok, true);
  assert.equal(result.status, 'authenticated');
  assert.deepEqual(result.steps[0], { method: 'GET', url: 'https://quay.io/v2/', status: 401 });
  assert.equal(result.steps[1].url, 'https://quay.io/v2/auth?service=REDACTED');
  assert.equal(result.expiresAt, '2026-11-26T22:46:00Z');
});

test('IDN registries: the check fetches the punycode host; a non-ASCII Location is not followed', async () => {
  const ok = spy(() => new Response('{}', { status: 200, headers: { 'docker-distribution-api-version': 'registry/2.0' } }));
  const r = await verifyCredentials(config('Registry.Bücher.example.com:5000'), { fetch: ok.fetch, now: '2026-11-26T22:41:00Z' });
  assert.equal(r.status, 'anonymous', JSON.stringify(r));
  assert.equal(ok.calls[0].url, 'https://registry.xn--bcher-kva.example.com:5000/v2/');
  // The shipped module has no Unicode tables: a server pointing at a Unicode host name is
  // refused (it fails closed), never fetched, and the password stays home.
  for (const location of ['https://bücher.example/v2/', 'https://ｅｖｉｌ.example/v2/', 'https://１２７.０.０.１/v2/']) {
    const s = spy(() => new Response(null, { status: 302, headers: { location } }));
    const result = await verifyCredentials(config('registry.example.com'), { fetch: s.fetch });
    assert.equal(s.calls.length, 1, `${location} was followed`);
    assert.equal(result.ok, false);
    assert.ok(!JSON.stringify(result).includes('p4ss'));
  }
});
