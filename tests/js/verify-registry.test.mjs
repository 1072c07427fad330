// Against a real Distribution registry (Debian `docker-registry`) with TLS from a test CA:
// htpasswd (Basic) and token (Bearer) auth, verified through the wasm build with Node's fetch
// (undici) trusting the CA that the configuration carries (`secure-with-cert`) — the host
// pattern the README documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { verifyCredentials } from 'regcred';
import { makePki, htpasswdFile, startRegistry } from './support/registry.mjs';
import { startTokenServer } from './support/token-server.mjs';

const have = (cmd) => { try { execFileSync('sh', ['-c', `command -v ${cmd}`]); return true; } catch { return false; } };
// Real components, installed by `scripts/setup.sh test`: their absence is a failure, not a skip.
const missing = ['docker-registry', 'htpasswd', 'openssl'].filter((c) => !have(c));
test('the real components are installed', () => assert.deepEqual(missing, []));

/** The documented Node host: honours `init.regcred` with an undici Agent per CA. */
// `systemCa` stands for the host's own trust store (what it trusts without any hint): regcred
// sends the TLS hint only to the registry's own origin, so a token service on another origin is
// trusted (or not) by the host alone.
function nodeHostFetch(systemCa) {
  const agents = new Map();
  const agentFor = (hint) => {
    const key = hint.caCertificate ?? (hint.insecure ? 'insecure' : '');
    if (!agents.has(key)) {
      agents.set(key, new Agent({ connect: hint.caCertificate ? { ca: hint.caCertificate } : { rejectUnauthorized: false } }));
    }
    return agents.get(key);
  };
  const hints = [];
  const fetch = (url, { regcred, ...init } = {}) => {
    hints.push({ url, regcred });
    const hint = regcred ?? (systemCa ? { caCertificate: systemCa } : undefined);
    return undiciFetch(url, hint ? { ...init, dispatcher: agentFor(hint) } : init);
  };
  const close = () => Promise.all([...agents.values()].map((a) => a.close()));
  return { fetch, close, hints };
}

function withCleanup(t) {
  const jobs = [];
  t.after(async () => { for (const job of jobs.reverse()) { try { await job(); } catch { /* keep cleaning */ } } });
  return (job) => jobs.push(job);
}

const configFor = (host, caPem, username, password) => ({
  name: 'local-registry', registryType: 'other', registryUrl: host,
  connection: 'secure-with-cert', cert: caPem, username, password,
});

test('htpasswd registry: right password authenticated, wrong unauthorized', { timeout: 60000 }, async (t) => {
  const cleanup = withCleanup(t);
  const pki = makePki();
  cleanup(pki.remove);
  const reg = await startRegistry({ pki, auth: { htpasswd: htpasswdFile(pki.dir, 'alice', 'correct horse') } });
  cleanup(reg.stop);
  const host = nodeHostFetch();
  cleanup(host.close);
  const opts = { fetch: host.fetch, allowPrivateNetworks: true };

  const ok = await verifyCredentials(configFor(reg.host, pki.caPem, 'alice', 'correct horse'), opts);
  assert.equal(ok.status, 'authenticated', JSON.stringify(ok));
  assert.deepEqual(ok.steps.map((s) => s.status), [401, 200]);

  const bad = await verifyCredentials(configFor(reg.host, pki.caPem, 'alice', 'wrong'), opts);
  assert.equal(bad.status, 'unauthorized', JSON.stringify(bad));
  assert.ok(!JSON.stringify(bad).includes('wrong'));

  // Without the CA the handshake fails as a TLS problem; without the opt-in the address is blocked.
  const noCa = await verifyCredentials({ ...configFor(reg.host, undefined, 'alice', 'correct horse'), connection: 'secure' }, opts);
  assert.equal(noCa.status, 'tls', JSON.stringify(noCa));
  const blocked = await verifyCredentials(configFor(reg.host, pki.caPem, 'alice', 'correct horse'), { fetch: host.fetch });
  assert.equal(blocked.status, 'blocked');
  // connection insecure: the host may tolerate the untrusted certificate.
  const insecure = await verifyCredentials({ ...configFor(reg.host, undefined, 'alice', 'correct horse'), connection: 'insecure' }, opts);
  assert.equal(insecure.status, 'authenticated', JSON.stringify(insecure));
});

for (const mode of ['GET', 'POST fallback']) {
  test(`token registry (${mode}): Bearer flow authenticated, wrong password unauthorized`, { timeout: 60000 }, async (t) => {
    const cleanup = withCleanup(t);
    const pki = makePki();
    cleanup(pki.remove);
    const service = 'regcred-test-registry';
    const issuer = 'regcred-test-issuer';
    const tokens = await startTokenServer({ pki, issuer, service, users: { bob: 's3cret pass' }, getStatus: mode === 'GET' ? undefined : 404 });
    cleanup(tokens.stop);
    const reg = await startRegistry({ pki, auth: { token: { realm: tokens.realm, service, issuer, rootcertbundle: join(pki.dir, 'token-ca.pem') } } });
    cleanup(reg.stop);
    // Without the host trusting the token service's CA itself, the realm's handshake fails:
    // the registry's CA hint is not sent to the realm's origin (another port).
    const strict = nodeHostFetch();
    cleanup(strict.close);
    const untrusted = await verifyCredentials(configFor(reg.host, pki.caPem, 'bob', 's3cret pass'), { fetch: strict.fetch, allowPrivateNetworks: true });
    assert.equal(untrusted.status, 'tls', JSON.stringify(untrusted));
    assert.ok(strict.hints[0].regcred.caCertificate);
    assert.equal(strict.hints[1].regcred, undefined);

    const host = nodeHostFetch(pki.caPem);
    cleanup(host.close);
    const opts = { fetch: host.fetch, allowPrivateNetworks: true };

    const ok = await verifyCredentials(configFor(reg.host, pki.caPem, 'bob', 's3cret pass'), opts);
    assert.equal(ok.status, 'authenticated', `${JSON.stringify(ok)}\n${reg.logs()}`);
    assert.ok(ok.expiresAt, 'expiresAt from expires_in');
    const methods = ok.steps.map((s) => `${s.method} ${s.status}`);
    assert.deepEqual(methods, mode === 'GET'
      ? ['GET 401', 'GET 200', 'GET 200']
      : ['GET 401', 'GET 404', 'POST 200', 'GET 200']);
    assert.ok(ok.steps[1].url.includes('service=REDACTED'));
    assert.equal(tokens.requests[0].query.service, service);

    const bad = await verifyCredentials(configFor(reg.host, pki.caPem, 'bob', 'nope'), opts);
    assert.equal(bad.status, 'unauthorized', JSON.stringify(bad));
  });
}

test('harbor (a robot$project+name account) and a self-managed gitlab against the real registry', { timeout: 60000 }, async (t) => {
  const cleanup = withCleanup(t);
  const pki = makePki();
  cleanup(pki.remove);
  const robot = 'robot$library+ci';
  const reg = await startRegistry({ pki, auth: { htpasswd: htpasswdFile(pki.dir, robot, 'robot secret') } });
  cleanup(reg.stop);
  const host = nodeHostFetch();
  cleanup(host.close);
  const opts = { fetch: host.fetch, allowPrivateNetworks: true };
  for (const registryType of ['harbor', 'gitlab']) {
    const config = { ...configFor(reg.host, pki.caPem, robot, 'robot secret'), registryType };
    const ok = await verifyCredentials(config, opts);
    assert.equal(ok.status, 'authenticated', `${registryType}: ${JSON.stringify(ok)}`);
    const bad = await verifyCredentials({ ...config, password: 'nope' }, opts);
    assert.equal(bad.status, 'unauthorized', `${registryType}: ${JSON.stringify(bad)}`);
  }
});
