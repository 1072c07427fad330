// Cloudflare's runtime: workerd (from npm) serves real HTTP on 127.0.0.1. First the package's
// `workerd` entry on its own, then the edge-worker example (examples/worker/) answering
// /validate, /secret, /verify and /access — the last two against a real Distribution registry.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as regcred from 'regcred';
import { workerdConfig } from '../../examples/worker/make-config.mjs';
import { bin, cleanup, freePort, run, startProcess } from './support/hosts.mjs';
import { writeLayout } from './support/oci.mjs';
import { htpasswdRegistryFor } from './support/registry.mjs';

const dirs = [];
const stops = [];
after(async () => {
  for (const stop of stops) await stop();
  dirs.forEach(cleanup);
});

/** Serves `workerFile` with the package in workerd; returns its base URL. */
async function serveWorker(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'regcred-workerd-'));
  dirs.push(dir);
  const port = await freePort();
  writeFileSync(join(dir, 'config.capnp'), workerdConfig({ ...options, port, configDir: dir }));
  const base = `http://127.0.0.1:${port}`;
  const proc = await startProcess(bin('workerd'), ['serve', 'config.capnp'], { cwd: dir, readyUrl: base });
  stops.push(proc.stop);
  return { base, proc };
}

test('workerd: the package loads from its workerd entry (.wasm imported as a module) with eval forbidden', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'regcred-worker-src-'));
  dirs.push(dir);
  const workerFile = join(dir, 'probe.js');
  writeFileSync(workerFile, `import { registryTypes, RegcredError } from 'regcred';
export default {
  async fetch() {
    let evalForbidden = false;
    try { new Function('return 1')(); } catch { evalForbidden = true; }
    return Response.json({ ids: registryTypes().map((t) => t.id).join(), evalForbidden, errorOk: new RegcredError('a', 'b') instanceof Error });
  },
};
`);
  const { base } = await serveWorker({ workerFile });
  const body = await (await fetch(base)).json();
  assert.deepEqual(body, { ids: 'ecr,docker-hub,acr,artifact-registry,gcr,quay,gitlab,ghcr,harbor,other', evalForbidden: true, errorOk: true });
});


const dockerHub = { name: 'dockerhub', registryType: 'docker-hub', registryUrl: 'docker.io', username: 'alice', password: 'dckr_pat_example' };
const badEcr = { name: 'my-ecr', registryType: 'ecr', registryUrl: '12345.dkr.ecr.us-east-1.amazonaws.com', awsAuthType: 'iam-role' };
const post = (url, body) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

let example;
const exampleWorker = async () => (example ??= (await serveWorker()).base);

test('worker example: /validate answers the validation report', async () => {
  const base = await exampleWorker();
  const ok = await post(`${base}/validate`, dockerHub);
  assert.equal(ok.status, 200);
  assert.match(ok.headers.get('content-type'), /application\/json/);
  const okReport = await ok.json();
  assert.equal(okReport.valid, true);
  assert.deepEqual(okReport, regcred.validateRegistry(dockerHub));

  const bad = await (await post(`${base}/validate`, badEcr)).json();
  assert.equal(bad.valid, false);
  assert.ok(bad.errors.some((e) => e.path === '/registryUrl'), JSON.stringify(bad.errors));
  assert.deepEqual(bad, regcred.validateRegistry(badEcr));
});

test('worker example: /secret answers the manifest the library generates (YAML and JSON)', async () => {
  const base = await exampleWorker();
  for (const format of ['yaml', 'json']) {
    const res = await post(`${base}/secret?format=${format}&name=pull&namespace=apps`, dockerHub);
    assert.equal(res.status, 200, await res.clone().text());
    const expected = regcred.pullSecret({ name: 'pull', namespace: 'apps', registries: [dockerHub], format });
    assert.equal(await res.text(), expected);
  }
  const invalid = await post(`${base}/secret`, badEcr);
  assert.equal(invalid.status, 422);
  const body = await invalid.json();
  assert.equal(typeof body.code, 'string');
});

test('worker example: misuse gets a clear HTTP answer', async () => {
  const base = await exampleWorker();
  assert.equal((await fetch(`${base}/validate`)).status, 405);
  assert.equal((await fetch(`${base}/validate`, { method: 'POST', body: '{nope' })).status, 400);
  assert.equal((await post(`${base}/elsewhere`, dockerHub)).status, 404);
});

test('worker example: /verify refuses a loopback registry unless the deployment allows private networks', async () => {
  const base = await exampleWorker();
  const port = await freePort();
  const res = await post(`${base}/verify`, { ...dockerHub, name: 'local', registryType: 'other', registryUrl: `127.0.0.1:${port}` });
  assert.equal(res.status, 200);
  const result = await res.json();
  assert.equal(result.ok, false);
  assert.match(JSON.stringify(result), /polic|private|block/i);
});

test('worker example: /verify against a real Distribution registry (TLS from a test CA, htpasswd)', { timeout: 60_000 }, async (t) => {
  // Everything started here is stopped when the test ends, also when an assertion fails.
  const { pki, reg, defer } = await htpasswdRegistryFor(t);
  // The deployment opts in to private networks (the ALLOW_PRIVATE_NETWORKS binding and the
  // network service's allow list) and trusts the test CA on the network service's TLS options.
  const startWorker = async (options) => {
    const dir = mkdtempSync(join(tmpdir(), 'regcred-workerd-'));
    defer(() => cleanup(dir));
    const port = await freePort();
    writeFileSync(join(dir, 'config.capnp'), workerdConfig({ port, configDir: dir, allowPrivateNetworks: true, ...options }));
    const base = `http://127.0.0.1:${port}`;
    const proc = await startProcess(bin('workerd'), ['serve', 'config.capnp'], { cwd: dir, readyUrl: base });
    defer(proc.stop);
    return { base, proc };
  };
  const { base, proc } = await startWorker({ trustedCertificates: [pki.caPem] });

  const config = (password, extra = {}) => ({ name: 'local-registry', registryType: 'other', registryUrl: reg.host,
    connection: 'secure-with-cert', cert: pki.caPem, username: 'alice', password, ...extra });
  const verify = async (body, at = base) => {
    const res = await post(`${at}/verify`, body);
    assert.equal(res.status, 200, await res.clone().text());
    return res.json();
  };
  const ok = await verify(config('correct horse'));
  assert.equal(ok.status, 'authenticated', `${JSON.stringify(ok)}\n${proc.output()}\n${reg.logs()}`);
  assert.equal(ok.ok, true);
  assert.deepEqual(ok.steps.map((s) => `${s.method} ${s.url} ${s.status}`),
    [`GET https://${reg.host}/v2/ 401`, `GET https://${reg.host}/v2/ 200`]);

  const bad = await verify(config('wrong password'));
  assert.equal(bad.status, 'unauthorized', JSON.stringify(bad));
  assert.equal(bad.ok, false);
  assert.ok(!JSON.stringify(bad).includes('wrong password'), 'the password is not echoed');

  // `secure` works too: the trust comes from the deployment, not from the request.
  const secure = await verify(config('correct horse', { connection: 'secure', cert: undefined }));
  assert.equal(secure.status, 'authenticated', JSON.stringify(secure));

  // The control: a deployment that does not trust the CA fails the handshake (the worker's
  // fetch ignores `init.regcred`; the trust store is the deployment's). workerd hands the worker
  // only an opaque "internal error" for it, so regcred can say `unreachable`, not `tls`; the
  // reason is in workerd's log.
  const untrusting = await startWorker({});
  const failed = await verify(config('correct horse'), untrusting.base);
  assert.equal(failed.status, 'unreachable', JSON.stringify(failed));
  assert.deepEqual(failed.steps.map((s) => s.error), ['unreachable']);
  assert.match(untrusting.proc.output(), /TLS handshake failed: invalid peer certificate/);
});

test('worker example: /access against a real Distribution registry holding a pushed image', { timeout: 90_000 }, async (t) => {
  const { pki, reg } = await htpasswdRegistryFor(t, 'alice', 'correct horse');
  const home = mkdtempSync(join(tmpdir(), 'regcred-access-'));
  t.after(() => cleanup(home));
  writeLayout(join(home, 'layout'), 'v1');
  const push = await run('skopeo', ['copy', '--insecure-policy', '--dest-tls-verify=false', '--dest-creds', 'alice:correct horse',
    `oci:${join(home, 'layout')}:v1`, `docker://${reg.host}/team/app:1.0`], { env: { HOME: home, XDG_RUNTIME_DIR: home } });
  assert.equal(push.code, 0, push.stderr);
  const { base, proc } = await serveWorker({ allowPrivateNetworks: true, trustedCertificates: [pki.caPem] });
  const config = (password) => ({ name: 'local-registry', registryType: 'other', registryUrl: reg.host,
    connection: 'secure-with-cert', cert: pki.caPem, username: 'alice', password });
  const access = async (body) => {
    const res = await post(`${base}/access`, body);
    assert.equal(res.status, 200, await res.clone().text());
    return res.json();
  };
  const granted = await access({ config: config('correct horse'), repository: 'team/app:1.0' });
  assert.equal(granted.status, 'granted', `${JSON.stringify(granted)}\n${proc.output()}`);
  assert.deepEqual(granted.steps.map((s) => `${s.method} ${s.status}`), ['GET 401', 'GET 200', 'GET 200']);
  const noTag = await access({ config: config('correct horse'), repository: `${reg.host}/team/app:2.0` });
  assert.equal(noTag.status, 'not-found', JSON.stringify(noTag));
  assert.equal(noTag.code, 'access.manifest-unknown');
  const wrong = await access({ config: config('wrong password'), repository: 'team/app:1.0' });
  assert.equal(wrong.status, 'unauthorized', JSON.stringify(wrong));
  assert.ok(!JSON.stringify(wrong).includes('wrong password'));
  // Misuse is a 422 with the error's code.
  const other = await post(`${base}/access`, { config: config('correct horse'), repository: 'ghcr.io/acme/app' });
  assert.equal(other.status, 422);
  assert.equal((await other.json()).code, 'access.other-registry');
});
