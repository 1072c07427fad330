// Cloudflare's runtime: workerd (from npm) serves real HTTP on 127.0.0.1. First the package's
// `workerd` entry on its own, then the edge-worker example (examples/worker/) answering
// /validate, /secret and /verify — the last against a real Distribution registry.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as regcred from 'regcred';
import { workerdConfig } from '../../examples/worker/make-config.mjs';
import { bin, cleanup, freePort, startProcess } from './support/hosts.mjs';

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
  assert.deepEqual(body, { ids: 'ecr,docker-hub,acr,artifact-registry,gcr,quay,other', evalForbidden: true, errorOk: true });
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
