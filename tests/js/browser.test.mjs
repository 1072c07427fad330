// The demo page (www/) and the portal example (examples/portal/, bundled by webpack 5 in its
// default configuration and by esbuild) in real Chromium. Screenshots go to tests/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as regcred from 'regcred';
import { startServer } from '../../scripts/serve.mjs';
import { artifacts, bin, cleanup, freePort, launchChromium, root, runOk } from './support/hosts.mjs';


let browser;
const servers = [];
const dirs = [];
before(async () => {
  mkdirSync(artifacts, { recursive: true });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  for (const s of servers) await new Promise((r) => s.close(r));
  dirs.forEach(cleanup);
});

async function serve(mounts) {
  const server = await startServer(await freePort(), mounts);
  servers.push(server);
  return `http://127.0.0.1:${server.address().port}/`;
}

/** A page that records everything it requests and every uncaught error. */
async function openPage(url, ready) {
  const page = await browser.context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector(ready, { timeout: 15_000 });
  return { page, requests, errors };
}

const shot = (page, name) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });

// ---------------------------------------------------------------------------------------------
// The demo page.

let demoUrl;
const demo = async () => (demoUrl ??= await serve(undefined));

test('demo: loads from 127.0.0.1 only, no page errors, keyboard picks the registry type', async () => {
  const { page, requests, errors } = await openPage(await demo(), 'body[data-ready="true"]');
  await shot(page, 'demo-initial');
  assert.deepEqual(errors, []);
  const origin = new URL(await demo()).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:')), []);
  // Type picker: focus the checked radio, arrow right moves to the next type.
  await page.focus('#types [aria-checked="true"]');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#types [aria-checked="true"]', 'data-id'), regcred.registryTypes()[1].id);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), regcred.registryTypes()[1].id);
  await page.close();
});

test('demo: an invalid ECR URL shows its error under the field; fixing it clears it', async () => {
  const { page } = await openPage(await demo(), 'body[data-ready="true"]');
  await page.click('#types [data-id="ecr"]');
  await page.fill('#f-registryUrl', '12345.dkr.ecr.us-east-1.amazonaws.com');
  const message = page.locator('#f-registryUrl-msg .error');
  await message.first().waitFor();
  const expected = regcred.validateField('ecr', 'registryUrl', '12345.dkr.ecr.us-east-1.amazonaws.com').errors;
  assert.ok(expected.length > 0);
  assert.equal(await message.first().textContent(), expected[0].message);
  assert.equal(await page.getAttribute('#f-registryUrl', 'aria-invalid'), 'true');
  await shot(page, 'demo-ecr-url-error');
  await page.fill('#f-registryUrl', '123456789012.dkr.ecr.us-east-1.amazonaws.com');
  await page.waitForFunction(() => !document.querySelector('#f-registryUrl-msg .error'));
  assert.equal(await page.getAttribute('#f-registryUrl', 'aria-invalid'), null);
  await page.close();
});

test('demo: a pasted CA certificate shows its expiry, fingerprint and CA flag', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'regcred-cert-'));
  dirs.push(dir);
  await runOk('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', join(dir, 'ca.key'), '-out', join(dir, 'ca.pem'), '-days', '400', '-subj', '/CN=regcred demo CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  const pem = readFileSync(join(dir, 'ca.pem'), 'utf8');
  const { stdout } = await runOk('openssl', ['x509', '-in', join(dir, 'ca.pem'), '-noout', '-enddate', '-fingerprint', '-sha256']);
  const notAfter = new Date(stdout.match(/notAfter=(.+)/)[1]);

  const { page } = await openPage(await demo(), 'body[data-ready="true"]');
  await page.click('#types [data-id="other"]');
  await page.fill('#f-registryUrl', 'registry.internal.example');
  await page.check('input[name="connection"][value="secure-with-cert"]');
  await page.fill('#f-cert', pem);
  await page.locator('#cert-details .expires').waitFor();
  const shown = await page.textContent('#cert-details .expires');
  const expected = regcred.inspectCertificates(pem, { host: 'registry.internal.example' }).value.certificates[0];
  assert.equal(shown, String(expected.notAfter));
  assert.equal(new Date(typeof expected.notAfter === 'number' ? expected.notAfter : expected.notAfter).getTime(), notAfter.getTime());
  assert.match(await page.textContent('#cert-details .is-ca'), /yes/);
  const fingerprint = stdout.match(/Fingerprint=(.+)/)[1].replace(/:/g, '').toLowerCase();
  assert.equal((await page.textContent('#cert-details .fingerprint')).replace(/:/g, '').toLowerCase(), fingerprint);
  await shot(page, 'demo-certificate');
  await page.close();
});

test('demo: the secret preview and config.json equal the library output for the same inputs', async () => {
  const { page } = await openPage(await demo(), 'body[data-ready="true"]');
  await page.click('#types [data-id="docker-hub"]');
  const typed = { name: 'dockerhub', username: 'alice', password: 'dckr_pat_example' };
  for (const [key, value] of Object.entries(typed)) await page.fill(`#f-${key}`, value);
  await page.fill('#secret-name', 'pull');
  await page.fill('#secret-namespace', 'apps');

  // The page's configuration: what was typed, plus the catalog's fixed values and defaults.
  const type = regcred.registryTypes().find((t) => t.id === 'docker-hub');
  const config = { registryType: 'docker-hub' };
  for (const f of type.fields) {
    const v = f.fixedValue ?? typed[f.key] ?? (f.key === 'registryUrl' ? type.defaultUrl : null) ?? f.defaultValue;
    if (v === null || v === undefined) continue;
    const [head, tail] = f.key.split('.');
    if (tail) (config[head] ??= {})[tail] = v; else config[head] = v;
  }
  for (const format of ['yaml', 'json']) {
    await page.check(`input[name="secret-format"][value="${format}"]`);
    const expected = regcred.pullSecret({ name: 'pull', namespace: 'apps', format, registries: [config] });
    assert.equal(await page.textContent('#secret-output'), expected, format);
  }
  assert.equal(await page.textContent('#config-output'), regcred.dockerConfigFile([config]));
  await shot(page, 'demo-secret');
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// The portal example, bundled the way Backstage apps are (webpack 5, default configuration) and
// with esbuild, then driven in Chromium.

async function bundlePortal(bundler) {
  const out = mkdtempSync(join(tmpdir(), `regcred-portal-${bundler}-`));
  dirs.push(out);
  const cwd = join(root, 'examples/portal');
  if (bundler === 'webpack') {
    // No config file: webpack's defaults (entry ./src/index.js), no experiments.
    await runOk(bin('webpack'), ['--mode', 'production', '--output-path', out], { cwd, timeout: 90_000 });
  } else {
    await runOk(bin('esbuild'), ['src/index.js', '--bundle', '--format=esm', '--minify', `--outfile=${join(out, 'main.js')}`], { cwd });
  }
  const html = readFileSync(join(cwd, 'index.html'), 'utf8');
  writeFileSync(join(out, 'index.html'), bundler === 'esbuild' ? html.replace('<script src=', '<script type="module" src=') : html);
  return out;
}

for (const bundler of ['webpack', 'esbuild']) {
  test(`portal (${bundler}): RJSF shows regcred's error under the ECR URL field, and clears it`, { timeout: 120_000 }, async () => {
    const out = await bundlePortal(bundler);
    const url = await serve([['/', out]]);
    const { page, errors, requests } = await openPage(url, '#root form');
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith(new URL(url).origin)), []);
    await page.selectOption('#root_registryType', { label: 'ECR' });
    await page.fill('#root_name', 'my-ecr');
    await page.fill('#root_registryUrl', '12345.dkr.ecr.us-east-1.amazonaws.com');
    const expected = regcred.validateRegistry({ name: 'my-ecr', registryType: 'ecr', registryUrl: '12345.dkr.ecr.us-east-1.amazonaws.com' })
      .errors.filter((e) => e.path === '/registryUrl');
    assert.ok(expected.length > 0);
    // RJSF renders a field's errors right after its input, inside the field's container.
    const fieldErrors = page.locator('.form-group.field', { has: page.locator('#root_registryUrl') }).locator('.error-detail');
    await fieldErrors.getByText(expected[0].message, { exact: true }).waitFor();
    await shot(page, `portal-${bundler}-ecr-error`);
    await page.fill('#root_registryUrl', '123456789012.dkr.ecr.us-east-1.amazonaws.com');
    await page.waitForFunction((msg) => ![...document.querySelectorAll('.error-detail li')].some((li) => li.textContent === msg), expected[0].message);
    await page.close();
  });
}
