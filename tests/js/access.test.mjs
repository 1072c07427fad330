// verifyAccess against a real Distribution registry (Debian `docker-registry`) with token auth
// whose token service grants scopes per repository (an ACL), holding images pushed in set-up
// with skopeo from an OCI layout built offline. The set-up proves itself with skopeo first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { verifyAccess, resolveCredentials } from 'regcred';
import { makePki, startRegistry } from './support/registry.mjs';
import { startTokenServer } from './support/token-server.mjs';
import { writeLayout } from './support/oci.mjs';
import { run } from './support/hosts.mjs';

const PASSWORDS = { admin: 'admin pw 1', alice: 'alice pw 2' };
/** The token service's ACL: admin may do anything, alice may pull `team/*`, anyone `public/*`. */
const acl = (user, repo) => {
  if (user === 'admin') return ['pull', 'push'];
  if (user === 'alice' && repo.startsWith('team/')) return ['pull'];
  if (repo.startsWith('public/')) return ['pull'];
  return [];
};

test('verifyAccess against a token registry with per-repository grants', { timeout: 120000 }, async (t) => {
  const jobs = [];
  t.after(async () => { for (const job of jobs.reverse()) { try { await job(); } catch { /* keep cleaning */ } } });
  const pki = makePki();
  jobs.push(pki.remove);
  const service = 'regcred-access-registry';
  const issuer = 'regcred-access-issuer';
  const tokens = await startTokenServer({ pki, issuer, service, users: PASSWORDS, acl });
  jobs.push(tokens.stop);
  const reg = await startRegistry({ pki, auth: { token: { realm: tokens.realm, service, issuer, rootcertbundle: join(pki.dir, 'token-ca.pem') } } });
  jobs.push(reg.stop);
  const agent = new Agent({ connect: { ca: pki.caPem } });
  jobs.push(() => agent.close());
  const fetch = (url, { regcred, ...init } = {}) => undiciFetch(url, { ...init, dispatcher: agent });

  // Set-up: push three images with skopeo as admin, then prove the grants with skopeo itself.
  const home = mkdtempSync(join(pki.dir, 'home-'));
  const env = { HOME: home, XDG_RUNTIME_DIR: home, REGISTRY_AUTH_FILE: join(home, 'auth.json') };
  const layout = join(home, 'layout');
  writeLayout(layout, 'v1');
  const skopeo = (args) => run('skopeo', args, { env, timeout: 60000 });
  for (const repo of ['team/app', 'private/secret', 'public/tool']) {
    const r = await skopeo(['copy', '--insecure-policy', '--dest-tls-verify=false', '--dest-creds', `admin:${PASSWORDS.admin}`,
      `oci:${layout}:v1`, `docker://${reg.host}/${repo}:1.0`]);
    assert.equal(r.code, 0, `push ${repo}: ${r.stderr}\n${reg.logs()}`);
  }
  const inspect = (repo, creds) => skopeo(['inspect', '--raw', '--tls-verify=false',
    ...(creds ? ['--creds', creds] : ['--no-creds']), `docker://${reg.host}/${repo}`]);
  assert.equal((await inspect('team/app:1.0', `alice:${PASSWORDS.alice}`)).code, 0, 'skopeo: alice pulls team/app');
  assert.notEqual((await inspect('private/secret:1.0', `alice:${PASSWORDS.alice}`)).code, 0, 'skopeo: alice may not pull private/secret');
  assert.equal((await inspect('public/tool:1.0')).code, 0, 'skopeo: anonymous pulls public/tool');
  assert.notEqual((await inspect('team/app:nope', `alice:${PASSWORDS.alice}`)).code, 0, 'skopeo: no such tag');

  const config = (username, password) => ({
    name: 'local-registry', registryType: 'other', registryUrl: reg.host,
    connection: 'secure-with-cert', cert: pki.caPem, ...(username ? { username, password } : {}),
  });
  const alice = config('alice', PASSWORDS.alice);
  const opts = (repository, more = {}) => ({ fetch, allowPrivateNetworks: true, repository, ...more });
  const check = async (cfg, repository, more) => {
    const r = await verifyAccess(cfg, opts(repository, more));
    const text = JSON.stringify(r);
    for (const secret of Object.values(PASSWORDS)) assert.ok(!text.includes(secret), text);
    assert.ok(!/eyJ[\w-]+\./.test(text), `no token in ${text}`);
    return r;
  };

  const granted = await check(alice, 'team/app:1.0');
  assert.equal(granted.status, 'granted', `${JSON.stringify(granted)}\n${reg.logs()}`);
  assert.equal(granted.ok, true);
  assert.deepEqual(granted.steps.map((s) => `${s.method} ${s.status}`), ['GET 401', 'GET 200', 'GET 200', 'GET 200']);
  assert.ok(granted.steps[3].url.endsWith('/v2/team/app/manifests/1.0'));
  assert.equal(tokens.requests.at(-1).query.scope, 'repository:team/app:pull');

  // The same as an image reference on this registry, and by digest.
  const byRef = await check(alice, `${reg.host}/team/app:1.0`);
  assert.equal(byRef.status, 'granted');

  const denied = await check(alice, 'private/secret:1.0');
  assert.equal(denied.status, 'denied', JSON.stringify(denied));
  assert.equal(denied.code, 'access.denied');

  const noRepo = await check(alice, 'team/unknown');
  assert.equal(noRepo.status, 'not-found', JSON.stringify(noRepo));
  assert.match(noRepo.code, /^access\.(name|manifest)-unknown$/);
  const noTag = await check(alice, 'team/app:nope');
  assert.equal(noTag.status, 'not-found', JSON.stringify(noTag));
  assert.equal(noTag.code, 'access.manifest-unknown');

  const wrong = await check(config('alice', 'not the password'), 'team/app:1.0');
  assert.equal(wrong.status, 'unauthorized', JSON.stringify(wrong));
  assert.equal(wrong.steps.length, 3, 'token GET, then the password-grant POST, and no manifest request');

  const anonymous = await check(config(), 'public/tool:1.0');
  assert.equal(anonymous.status, 'granted', JSON.stringify(anonymous));
  const anonymousPrivate = await check(config(), 'private/secret:1.0');
  assert.equal(anonymousPrivate.status, 'unauthorized', JSON.stringify(anonymousPrivate));
  assert.equal(anonymousPrivate.code, 'access.credentials-required');

  // Push: alice's token carries no push grant; admin's does, and the opt-in probe proves it.
  const alicePush = await check(alice, 'team/app:1.0', { actions: ['pull', 'push'] });
  assert.equal(alicePush.status, 'denied', JSON.stringify(alicePush));
  assert.equal(alicePush.code, 'access.push-denied');
  const admin = config('admin', PASSWORDS.admin);
  const adminPush = await check(admin, 'team/app', { actions: ['push'], probeWrite: true });
  assert.equal(adminPush.status, 'granted', JSON.stringify(adminPush));
  // Distribution wants the `delete` action to cancel an upload, which a pull,push token lacks:
  // the probe's upload is opened (push proven), its cancellation refused, and the result says so.
  assert.deepEqual(adminPush.steps.slice(3).map((s) => `${s.method} ${s.status}`), ['POST 202', 'DELETE 401']);
  assert.equal(adminPush.code, 'access.upload-not-cancelled');

  await assert.rejects(verifyAccess(alice, opts('ghcr.io/acme/app')), { code: 'access.other-registry' });

  // Which credential would pull it: the configuration's, for this registry's images only.
  const resolved = resolveCredentials(`${reg.host}/team/app:1.0`, [alice, config('admin', PASSWORDS.admin)]);
  assert.deepEqual(resolved.value, [
    { server: reg.host, username: 'alice', source: 0 },
    { server: reg.host, username: 'admin', source: 1 },
  ]);
  assert.deepEqual(resolveCredentials('nginx', [alice]).value, []);
});

test('the real components are installed', () => {
  for (const cmd of ['docker-registry', 'skopeo', 'openssl']) execFileSync('sh', ['-c', `command -v ${cmd}`]);
});
