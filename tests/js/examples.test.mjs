// README examples are files under examples/, quoted verbatim (checked here) and run here. The
// worker and portal examples run in workerd.test.mjs and browser.test.mjs.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import * as regcred from 'regcred';
import { startServer } from '../../scripts/serve.mjs';
import { bin, cleanup, freePort, launchChromium, makeConsumer, root, run, runOk } from './support/hosts.mjs';
import { htpasswdRegistryFor } from './support/registry.mjs';

const dirs = [];
after(() => dirs.forEach(cleanup));

/** `<!-- example: path -->` followed by a fenced block: [{ path, code }]. */
function readmeExamples() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  return [...readme.matchAll(/<!-- example: (\S+) -->\n```[a-z]*\n([\s\S]*?)```\n/g)].map((m) => ({ path: m[1], code: m[2] }));
}

test('every README example block is its file under examples/, verbatim', () => {
  const examples = readmeExamples();
  const paths = examples.map((e) => e.path);
  for (const required of ['examples/node/quickstart.mjs', 'examples/node/main.mjs', 'examples/deno/main.ts',
    'examples/node/verify.mjs', 'examples/deno/verify.ts', 'examples/node/images.mjs',
    'examples/browser/index.html', 'examples/portal/src/index.js', 'examples/worker/worker.js',
    'examples/rust/pull_secret.rs']) {
    assert.ok(paths.includes(required), `README quotes ${required}`);
  }
  for (const { path, code } of examples) {
    assert.ok(existsSync(join(root, path)), `${path} exists`);
    assert.equal(code, readFileSync(join(root, path), 'utf8'), `README block for ${path} differs from the file`);
  }
  // Every fenced block of the host sections is a quoted example (none is left unexecuted),
  // except shell commands.
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const hosts = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Repository layout'));
  const blocks = [...hosts.matchAll(/(<!-- example: \S+ -->\n)?```([a-z]*)\n/g)].filter((_, i) => i % 2 === 0);
  for (const b of blocks) if (b[2] !== 'sh') assert.ok(b[1], `an unquoted ${b[2]} block in the host sections`);
});

test('Node quick start runs', async () => {
  const { stdout } = await runOk(process.execPath, ['examples/node/quickstart.mjs']);
  assert.equal(stdout, 'ecr,docker-hub,acr,artifact-registry,gcr,quay,gitlab,ghcr,harbor,other\n');
});

test('Node images example: the runtime\'s reference and the kubelet\'s credentials, most specific first', async () => {
  const env = { DOCKER_TOKEN: 'dckr_pat_from_env' };
  const hub = await runOk(process.execPath, ['examples/node/images.mjs', 'nginx:1.27'], { env });
  assert.equal(hub.stdout, 'pulls docker.io/library/nginx:1.27\ntries alice @ https://index.docker.io/v1/ (source 0)\n');
  const ghcr = await runOk(process.execPath, ['examples/node/images.mjs', 'ghcr.io/acme/app'], { env });
  assert.equal(ghcr.stdout, 'pulls ghcr.io/acme/app:latest\ntries acme-bot @ ghcr.io/acme (source 1)\ntries me @ ghcr.io (source 1)\n');
  const quay = await runOk(process.execPath, ['examples/node/images.mjs', 'quay.io/x/y'], { env });
  assert.match(quay.stdout, /no credential matches/);
  const bad = await run(process.execPath, ['examples/node/images.mjs', 'Bad/Name'], { env });
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /image\.reference\.uppercase/);
});

test('Node example prints the pull secret of the validated configuration', async () => {
  const { stdout } = await runOk(process.execPath, ['examples/node/main.mjs'], { env: { DOCKER_TOKEN: 'dckr_pat_from_env' } });
  const config = { name: 'dockerhub', registryType: 'docker-hub', username: 'alice', password: 'dckr_pat_from_env' };
  const expected = regcred.pullSecret({ name: 'dockerhub-pull', namespace: 'apps', registries: [regcred.validateRegistry(config).value], format: 'yaml' });
  assert.equal(stdout, `${expected}\n`);
  assert.match(stdout, /kubernetes\.io\/dockerconfigjson/);
  const bad = await run(process.execPath, ['examples/node/main.mjs'], { env: { DOCKER_TOKEN: '' } });
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /\/password/);
});

test('Deno example runs against the installed package with no permissions', async () => {
  const dir = await makeConsumer({
    'package.json': JSON.stringify({ type: 'module', dependencies: { regcred: '*' } }),
    'main.ts': readFileSync(join(root, 'examples/deno/main.ts'), 'utf8'),
  });
  dirs.push(dir);
  const env = { DENO_DIR: join(dir, '.deno'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' };
  const args = ['run', '--no-prompt', '--node-modules-dir=manual', 'main.ts'];
  const ok = await runOk(bin('deno'), args, { cwd: dir, env });
  const expected = regcred.parseEcrUrl('123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com').value;
  assert.deepEqual(JSON.parse(ok.stdout), {
    accountId: '123456789012', region: 'us-gov-west-1', fips: true, partition: expected.partition, apiEndpoint: expected.apiEndpoint,
  });
  const bad = await runOk(bin('deno'), [...args, 'not-a-registry'], { cwd: dir, env });
  assert.deepEqual(JSON.parse(bad.stdout).errors, regcred.validateField('ecr', 'registryUrl', 'not-a-registry').errors.map((e) => e.code));
});

test('Browser example (no bundler, regcred/web) validates in Chromium', async () => {
  const server = await startServer(await freePort(), [
    ['/node_modules/regcred/', join(root, 'pkg')], ['/', join(root, 'examples/browser')],
  ]);
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => document.getElementById('result').textContent !== '');
    assert.equal(await page.textContent('#result'), 'valid');
    await page.fill('#url', '12345.dkr.ecr.eu-west-1.amazonaws.com');
    const expected = regcred.validateField('ecr', 'registryUrl', '12345.dkr.ecr.eu-west-1.amazonaws.com').errors[0].message;
    await page.waitForFunction((m) => document.getElementById('result').textContent === m, expected);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
});

test('Rust example prints the manifest pullSecret prints in JavaScript', { timeout: 180_000 }, async () => {
  const { stdout } = await runOk('cargo', ['run', '--quiet', '--example', 'pull_secret'], { timeout: 180_000 });
  const expected = regcred.pullSecret({ name: 'dockerhub-pull', namespace: 'apps', format: 'yaml',
    registries: [{ name: 'dockerhub', registryType: 'docker-hub', username: 'alice', password: 'dckr_pat_example' }] });
  assert.equal(stdout, `# registry types: ${regcred.registryTypes().map((t) => t.id).join(',')}\n${expected}\n`);
});

// ---- the host verification patterns, against a real Distribution registry (TLS from a test CA,
// htpasswd): Node's undici Agent and Deno's HttpClient honour `init.regcred`.

/** A registry with user alice; the CA written to ca.pem. Stopped when the test ends. */
async function registryFor(t) {
  const { pki, reg } = await htpasswdRegistryFor(t);
  return { host: reg.host, caFile: join(pki.dir, 'ca.pem'), logs: reg.logs };
}
const outcome = (r) => ({ ...JSON.parse(r.stdout.trim().split('\n').pop() || '{}'), exit: r.code });

test('Node verification example: undici Agent trusts the configuration CA (real registry)', { timeout: 60_000 }, async (t) => {
  const reg = await registryFor(t);
  const node = (args, password) => run(process.execPath, ['examples/node/verify.mjs', ...args],
    { env: { REGISTRY_PASSWORD: password, ALLOW_PRIVATE_NETWORKS: 'true' } });
  const ok = outcome(await node([reg.host, 'alice', reg.caFile], 'correct horse'));
  assert.equal(ok.status, 'authenticated', JSON.stringify(ok));
  assert.equal(ok.exit, 0);
  const bad = outcome(await node([reg.host, 'alice', reg.caFile], 'wrong'));
  assert.equal(bad.status, 'unauthorized', JSON.stringify(bad));
  assert.equal(bad.exit, 1);
  // Without the CA (connection `secure`) the handshake fails: the hint is what made it work.
  const noCa = outcome(await node([reg.host, 'alice'], 'correct horse'));
  assert.equal(noCa.status, 'tls', JSON.stringify(noCa));
});

test('Deno verification example: Deno.createHttpClient({ caCerts }) trusts the configuration CA (real registry)', { timeout: 60_000 }, async (t) => {
  const reg = await registryFor(t);
  const dir = await makeConsumer({
    'package.json': JSON.stringify({ type: 'module', dependencies: { regcred: '*' } }),
    'verify.ts': readFileSync(join(root, 'examples/deno/verify.ts'), 'utf8'),
  });
  dirs.push(dir);
  const env = { DENO_DIR: join(dir, '.deno'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1', ALLOW_PRIVATE_NETWORKS: 'true' };
  const deno = (args, password) => run(bin('deno'), ['run', '--no-prompt', '--node-modules-dir=manual',
    '--allow-net=127.0.0.1', '--allow-env=REGISTRY_PASSWORD,ALLOW_PRIVATE_NETWORKS', `--allow-read=${reg.caFile}`, 'verify.ts', ...args],
  { cwd: dir, env: { ...env, REGISTRY_PASSWORD: password } });
  // The example type-checks too (Deno's own TypeScript against the package's declarations).
  const check = await run(bin('deno'), ['check', '--node-modules-dir=manual', 'verify.ts'], { cwd: dir, env });
  assert.equal(check.code, 0, check.stdout + check.stderr);
  const okRun = await deno([reg.host, 'alice', reg.caFile], 'correct horse');
  const ok = outcome(okRun);
  assert.equal(ok.status, 'authenticated', `${JSON.stringify(ok)}\n${okRun.stderr}`);
  assert.equal(ok.exit, 0);
  const bad = outcome(await deno([reg.host, 'alice', reg.caFile], 'wrong'));
  assert.equal(bad.status, 'unauthorized', JSON.stringify(bad));
  assert.equal(bad.exit, 1);
  const noCa = outcome(await deno([reg.host, 'alice'], 'correct horse'));
  assert.equal(noCa.status, 'tls', JSON.stringify(noCa));
});
