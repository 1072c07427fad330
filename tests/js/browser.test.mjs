// The demo page (www/) in real Chromium (the portal example: portal-form.test.mjs).
// Screenshots go to tests/artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as regcred from 'regcred';
import { artifacts, bin, freePort, root, runOk } from './support/hosts.mjs';
import { chromiumSession } from './support/chromium-session.mjs';

const session = chromiumSession();
const serve = (mounts) => session.serve(mounts);

/** A page that records everything it requests and every uncaught error. */
async function openPage(url, ready) {
  const page = await session.browser.context.newPage();
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
  session.keep(dir);
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
  assert.equal(await page.textContent('#cert-details .subject'), expected.subject);
  assert.equal(expected.subject, 'CN=regcred demo CA');
  assert.equal(await page.evaluate(() => document.getElementById('cert-details').closest('.field')?.dataset.key), 'cert');
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

const fixture = (path) => readFileSync(join(root, 'tests/fixtures', path), 'utf8');

/** Fills the demo's form for `registryType` (typing, as a person would). */
async function fillForm(page, registryType, values) {
  await page.click(`#types [data-id="${registryType}"]`);
  for (const [key, value] of Object.entries(values)) {
    if (key === 'connection') await page.check(`input[name="connection"][value="${value}"]`);
    else {
      // The two cluster lists show one at a time, picked by a choice above them.
      if (key === 'injection.autoInject') await page.selectOption('#f-injection-choice', { label: 'Auto-inject into clusters' });
      await page.fill(`#f-${key.replace('.', '-')}`, value);
    }
  }
}

test('demo: errors and warnings from validateField appear under their fields as you type', async () => {
  const { page, errors } = await openPage(await demo(), 'body[data-ready="true"]');
  const intermediate = fixture('certs/intermediate.pem');
  await fillForm(page, 'other', { name: 'X', registryUrl: 'registry.internal.example', username: 'ci:bot',
    connection: 'secure-with-cert', cert: intermediate });
  const config = { connection: 'secure-with-cert', registryUrl: 'registry.internal.example' };
  // Errors: the name and the username, each under its own field.
  for (const [key, value] of [['name', 'X'], ['username', 'ci:bot']]) {
    const expected = regcred.validateField('other', key, value).errors;
    assert.ok(expected.length > 0, key);
    await page.locator(`#f-${key}-msg .error`).first().waitFor();
    assert.deepEqual(await page.locator(`#f-${key}-msg .error`).allTextContents(), expected.map((e) => e.message), key);
    assert.equal(await page.getAttribute(`#f-${key}`, 'aria-invalid'), 'true');
    assert.match(await page.getAttribute(`#f-${key}`, 'aria-describedby'), new RegExp(`f-${key}-msg`));
  }
  // A warning (an intermediate CA without its root): shown as a warning, the field stays valid.
  const expected = regcred.validateField('other', 'cert', intermediate, { config });
  assert.equal(expected.valid, true);
  assert.equal(expected.warnings[0].code, 'cert.intermediate-without-root');
  const warning = page.locator('#f-cert-msg .warning');
  await warning.first().waitFor();
  assert.equal(await warning.first().textContent(), `Warning: ${expected.warnings[0].message}`);
  assert.equal(await page.getAttribute('#f-cert', 'aria-invalid'), null);
  await shot(page, 'demo-messages');
  // Fixing the name clears its error.
  await page.fill('#f-name', 'harbor');
  await page.waitForFunction(() => !document.querySelector('#f-name-msg .error'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('demo: a pasted GCP service-account key shows its compact form', async () => {
  const { page } = await openPage(await demo(), 'body[data-ready="true"]');
  const key = fixture('gcp-keys/good.json');
  assert.ok(key.includes('\n  '), 'the fixture is pretty-printed');
  await fillForm(page, 'gcr', { name: 'shop-gcr', password: key });
  const parsed = regcred.parseServiceAccountKey(key).value;
  await page.locator('#gcp-compact').waitFor();
  assert.equal(await page.textContent('#gcp-compact'), parsed.compact);
  assert.match(await page.textContent('#gcp-key'), new RegExp(parsed.clientEmail.replace(/[.+]/g, '\\$&')));
  // The panel sits right under the key field.
  assert.equal(await page.evaluate(() => document.getElementById('gcp-key').closest('.field')?.dataset.key), 'password');
  await page.locator('#gcp-key').scrollIntoViewIfNeeded();
  await shot(page, 'demo-gcp-key');
  await page.close();
});

test('demo: the copy buttons put the secret manifest and config.json on the clipboard', async () => {
  const url = await demo();
  await session.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const { page } = await openPage(url, 'body[data-ready="true"]');
  const values = { name: 'dockerhub', username: 'alice', password: 'dckr_pat_example' };
  await fillForm(page, 'docker-hub', values);
  const config = regcred.validateRegistry({ registryType: 'docker-hub', ...values }).value;
  for (const format of ['yaml', 'json']) {
    await page.check(`input[name="secret-format"][value="${format}"]`);
    await page.click('button.copy[data-target="secret-output"]');
    await page.waitForFunction(() => document.querySelector('button.copy[data-target="secret-output"]').textContent === 'Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, regcred.pullSecret({ name: 'regcred-pull', namespace: 'default', format, registries: [config] }), format);
  }
  await page.click('button.copy[data-target="config-output"]');
  await page.waitForFunction(() => document.querySelector('button.copy[data-target="config-output"]').textContent === 'Copied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), regcred.dockerConfigFile([config]));
  await page.close();
});

test('demo: the injection plan for the sample clusters is the library plan', async () => {
  const { page } = await openPage(await demo(), 'body[data-ready="true"]');
  await fillForm(page, 'quay', { name: 'quay', username: 'shop+ci', password: 'robot-token', 'injection.autoInject': '1, 3' });
  const clusters = [{ id: 1, name: 'default_cluster' }, { id: 2, name: 'prod-eu' }, { id: 3, name: 'staging' }, { id: 4, name: 'dev-sandbox' }];
  const plan = regcred.injectionPlan({ name: 'quay', registryType: 'quay', username: 'shop+ci', password: 'robot-token',
    injection: { autoInject: ['1', '3'], credentialSource: 'registry-credentials' } }, clusters);
  await page.waitForFunction(() => document.querySelectorAll('#plan tbody tr').length === 4);
  const rows = await page.$$eval('#plan tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
  assert.deepEqual(rows, plan.map((p) => [`${p.clusterName} (id ${p.clusterId})`, p.inject ? 'yes' : 'no', p.secretName ?? '—', p.reason.message]));
  assert.deepEqual(plan.map((p) => p.inject), [true, false, true, false]);
  await page.locator('#plan').scrollIntoViewIfNeeded();
  await shot(page, 'demo-plan');
  await page.close();
});

test('demo: "Test connection" runs verifyCredentials with the page fetch and explains why browsers rarely get through', async () => {
  const { page, requests, errors } = await openPage(await demo(), 'body[data-ready="true"]');
  const note = await page.textContent('section[aria-labelledby="verify-h"] .note');
  assert.match(note, /CORS/);
  assert.match(note, /edge worker/);
  assert.match(note, /examples\/worker\//);

  // A loopback registry: the network policy refuses it before any request (ends at once).
  const port = await freePort();
  const values = { name: 'local', registryUrl: `127.0.0.1:${port}`, username: 'alice', password: 'secret-pass' };
  await fillForm(page, 'other', values);
  await page.click('#verify');
  await page.waitForSelector('#verify-output[data-status]', { timeout: 15_000 });
  const expected = await regcred.verifyCredentials({ registryType: 'other', ...values }, { fetch: () => { throw new Error('no fetch'); } });
  assert.equal(expected.status, 'blocked');
  assert.equal(await page.getAttribute('#verify-output', 'data-status'), 'blocked');
  assert.equal(await page.textContent('#verify-output .status'), 'blocked');
  assert.equal(await page.textContent('#verify-output .code'), expected.code);
  assert.equal(await page.textContent('#verify-output .message'), expected.message);
  assert.ok(!requests.some((u) => u.includes(`:${port}`)), 'nothing was sent to the blocked address');
  await page.locator('#verify-output').scrollIntoViewIfNeeded();
  await shot(page, 'demo-verify-blocked');

  // A public registry, answered inside the browser (page.route: nothing leaves it), so the
  // request goes through the page's own fetch and Chromium's CORS rules.
  const origin = new URL(await demo()).origin;
  const registry = (cors) => async (route) => {
    const request = route.request();
    asked.push(`${request.method()} ${request.headers().authorization ? 'with credentials' : 'anonymous'}`);
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    if (request.headers().authorization) {
      return route.fulfill({ status: 200, headers: { ...cors, 'docker-distribution-api-version': 'registry/2.0', 'content-type': 'application/json' }, body: '{}' });
    }
    return route.fulfill({ status: 401, headers: { ...cors, 'www-authenticate': 'Basic realm="registry"' }, body: '' });
  };
  const testConnection = async () => {
    await page.click('#verify');
    await page.waitForSelector('#verify-output[data-status]', { timeout: 15_000 });
    return page.getAttribute('#verify-output', 'data-status');
  };
  let asked = [];
  await page.fill('#f-registryUrl', 'registry.example.com');
  // The usual case: the registry does not expose its WWW-Authenticate challenge to pages, so
  // the browser hides it and the check cannot go on.
  await page.route('https://registry.example.com/**', registry({ 'access-control-allow-origin': origin }));
  assert.equal(await testConnection(), 'not-a-registry');
  assert.deepEqual(asked, ['GET anonymous'], 'the page fetch sent the request');
  assert.match(await page.textContent('#verify-output .steps'), /GET https:\/\/registry\.example\.com\/v2\/ → 401/);
  // A registry that allows this origin and exposes its headers: the same call authenticates.
  await page.unrouteAll();
  asked = [];
  await page.route('https://registry.example.com/**', registry({ 'access-control-allow-origin': origin,
    'access-control-allow-headers': 'authorization', 'access-control-expose-headers': 'www-authenticate, docker-distribution-api-version' }));
  assert.equal(await testConnection(), 'authenticated');
  assert.ok(asked.includes('GET with credentials'), asked.join());
  await shot(page, 'demo-verify-cors');
  assert.ok(!(await page.textContent('#verify-output')).includes('secret-pass'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('demo: keyboard-usable: every control is labelled and Tab follows the page order', async () => {
  const { page } = await openPage(await demo(), 'body[data-ready="true"]');
  await fillForm(page, 'other', { name: 'harbor', registryUrl: 'harbor.example.com', username: 'ci', password: 'token' });
  const unlabelled = await page.$$eval('input, select, textarea, button', (nodes) => nodes
    .filter((n) => n.offsetParent !== null)
    .filter((n) => !(n.labels?.length || n.getAttribute('aria-label') || (n.tagName === 'BUTTON' && n.textContent.trim())))
    .map((n) => n.outerHTML.slice(0, 120)));
  assert.deepEqual(unlabelled, []);
  assert.deepEqual(await page.$$eval('[tabindex]', (n) => n.filter((e) => e.tabIndex > 0).map((e) => e.outerHTML.slice(0, 80))), []);

  // Tab from the top to the "Test connection" button: every stop comes later in the document.
  await page.click('header h1'); // the sequential focus navigation starts at the top
  const stops = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const a = document.activeElement;
      const all = [...document.querySelectorAll('*')];
      return { id: a.id || a.dataset.id || (a.dataset.target && `copy-${a.dataset.target}`) || a.name || a.tagName, index: all.indexOf(a) };
    });
    stops.push(stop);
    if (stop.id === 'verify') break;
  }
  const ids = stops.map((s) => s.id);
  for (const want of ['other', 'sample', 'f-name', 'f-registryUrl', 'f-username', 'f-password', 'f-isDefault', 'connection',
    'secret-name', 'secret-namespace', 'secret-format', 'copy-secret-output', 'secret-output', 'copy-config-output', 'config-output', 'verify']) {
    assert.ok(ids.includes(want), `Tab reaches ${want}: ${ids.join(' ')}`);
  }
  for (let i = 1; i < stops.length; i++) assert.ok(stops[i].index > stops[i - 1].index, `tab order follows the document: ${ids.join(' ')}`);
  // Space on a focused copy button works like a click (a real <button>).
  await page.focus('button.copy[data-target="secret-output"]');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => /Cop|Select/.test(document.querySelector('button.copy[data-target="secret-output"]').textContent)
    && document.querySelector('button.copy[data-target="secret-output"]').textContent !== 'Copy');
  await page.close();
});

test('demo: the image field shows the credential the kubelet would use; the access check runs', async () => {
  const { page, errors } = await openPage(await demo(), 'body[data-ready="true"]');
  await page.click('#types [data-id="docker-hub"]');
  for (const [key, value] of Object.entries({ name: 'dockerhub', username: 'alice', password: 'dckr_pat_example' })) {
    await page.fill(`#f-${key}`, value);
  }
  await page.fill('#image', 'nginx:1.27');
  await page.waitForSelector('#image-credentials[data-status="found"]');
  assert.equal(await page.textContent('#image-credentials .pull-reference'), 'docker.io/library/nginx:1.27');
  assert.equal(await page.textContent('#image-credentials .credential'), 'alice @ https://index.docker.io/v1/');
  await page.fill('#image', 'ghcr.io/acme/app');
  await page.waitForSelector('#image-credentials[data-status="none"]');
  await page.fill('#image', 'Bad/Name');
  await page.waitForSelector('#image-credentials[data-status="invalid"]');
  assert.match(await page.textContent('#image-credentials'), /image\.reference\.uppercase/);
  // A registry on this machine: the policy refuses it before any request (the page does not opt in).
  await page.click('#types [data-id="other"]');
  for (const [key, value] of Object.entries({ name: 'local', registryUrl: '127.0.0.1:5000', username: 'alice', password: 'x' })) {
    await page.fill(`#f-${key}`, value);
  }
  await page.fill('#image', '127.0.0.1:5000/team/app:1');
  await page.waitForSelector('#image-credentials[data-status="found"]');
  await page.click('#check-access');
  await page.waitForSelector('#access-output[data-status="blocked"]');
  await shot(page, 'demo-images');
  assert.deepEqual(errors, []);
  await page.close();
});

// The platform's form of each type, written out here (not read from the model): the fields the
// demo shows before anything is picked.
const DEMO_FORMS = {
  ecr: ['name', 'registryUrl', 'awsAuthType', 'assumeRoleArn', 'isDefault', 'public'],
  'docker-hub': ['name', 'registryUrl', 'username', 'password', 'isDefault', 'public'],
  acr: ['name', 'registryUrl', 'username', 'password', 'isDefault', 'public'],
  'artifact-registry': ['name', 'registryUrl', 'username', 'password', 'isDefault', 'public'],
  gcr: ['name', 'registryUrl', 'username', 'password', 'isDefault', 'public'],
  quay: ['name', 'registryUrl', 'username', 'password', 'isDefault', 'public'],
  // GitLab.com (the default URL) is always secure and direct: no connection options.
  gitlab: ['name', 'registryUrl', 'username', 'password', 'isDefault', 'public'],
  ghcr: ['name', 'registryUrl', 'username', 'password', 'isDefault', 'public'],
  harbor: ['name', 'registryUrl', 'username', 'password', 'isDefault', 'public', 'connection'],
  other: ['name', 'registryUrl', 'username', 'password', 'isDefault', 'public', 'connection'],
};

const shownFields = (page) => page.$$eval('#form .field[data-key]', (els) => els.filter((e) => !e.hidden).map((e) => e.dataset.key));

test('demo: each type renders its own form from the package, with people-facing summary and secret panels', async () => {
  const { page, errors } = await openPage(await demo(), 'body[data-ready="true"]');
  for (const [id, keys] of Object.entries(DEMO_FORMS)) {
    await page.click(`#types [data-id="${id}"]`);
    await page.waitForFunction((t) => document.querySelector(`#types [data-id="${t}"]`).getAttribute('aria-checked') === 'true', id);
    // Every form ends with the platform's groups; GCR is no OCI chart store, GitLab.com is
    // reached directly.
    const groups = ['injection.credentialSource', 'injection.doNotInject', 'usage.containers', 'usage.charts',
      'usage.chartRepositories', 'remoteConnection.method'].filter((k) =>
      !(id === 'gcr' && k.startsWith('usage.chart')) && !(id === 'gitlab' && k.startsWith('remoteConnection.')));
    assert.deepEqual(await shownFields(page), [...keys, ...groups], id);
    // Nothing has been typed: no raw JSON pointers, no problem count, no repeated message in the secret panel.
    const summary = await page.textContent('#summary');
    assert.doesNotMatch(summary, /\/(name|registryUrl)|to fix/, `${id}: ${summary}`);
    assert.equal(await page.textContent('#secret-output'), '# The secret appears once the configuration above is valid.');
    if (keys.includes('password')) {
      const gcp = id === 'gcr' || id === 'artifact-registry';
      assert.equal(await page.evaluate(() => document.getElementById('f-password').tagName), gcp ? 'TEXTAREA' : 'INPUT', id);
      const passwordLabel = { acr: 'Password', gitlab: 'Access token', ghcr: 'Personal access token', harbor: 'Password/Secret' }[id] ?? 'Password/Token';
      assert.equal(await page.textContent('[data-key="password"] label'), gcp ? 'Service account JSON key *' : `${passwordLabel} *`, id);
      assert.equal(await page.evaluate(() => document.getElementById('f-username').readOnly), gcp, id);
    }
  }
  await page.click('#types [data-id="docker-hub"]');
  assert.deepEqual(await page.$eval('#f-registryUrl', (e) => [e.readOnly, e.value]), [true, 'docker.io']);
  // Conditions: ECR access keys only with user auth; the CA only with secure-with-cert.
  await fillForm(page, 'ecr', { name: 'shop-ecr', registryUrl: '123456789012.dkr.ecr.eu-west-1.amazonaws.com' });
  await page.check('input[name="awsAuthType"][value="user-auth"]');
  await page.waitForFunction(() => !document.querySelector('[data-key="awsAccessKeyId"]').hidden);
  await page.fill('#f-awsAccessKeyId', 'AKIAIOSFODNN7EXAMPLE');
  await page.fill('#f-awsSecretAccessKey', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
  // Valid, and the summary says what to do instead of a secret; the secret panel agrees.
  await page.waitForSelector('#summary .ok');
  assert.match(await page.textContent('#summary .next'), /ecrAuthorizationToken\(\)/);
  assert.match(await page.textContent('#secret-output'), /exchange them for a registry token/);
  await page.check('input[name="awsAuthType"][value="iam-role"]');
  await page.waitForFunction(() => document.querySelector('[data-key="awsAccessKeyId"]').hidden);
  // Problems are listed by field title, not by JSON pointer.
  await page.fill('#f-name', 'X');
  await page.waitForSelector('#summary .error');
  assert.equal(await page.textContent('#summary .error'), '1 problem to fix: Name.');
  await shot(page, 'demo-ecr-summary');
  assert.deepEqual(errors, []);
  await page.close();
});

test('demo: a leaf certificate is described coherently; a verification result goes with its type', async () => {
  const { page } = await openPage(await demo(), 'body[data-ready="true"]');
  await fillForm(page, 'other', { name: 'corp', registryUrl: 'registry.example.com', username: 'ci', password: 'token' });
  assert.equal(await page.locator('#f-cert').isVisible(), false);
  await page.check('input[name="connection"][value="secure-with-cert"]');
  await page.fill('#f-cert', fixture('certs/leaf.pem'));
  await page.locator('#cert-details .is-ca').waitFor();
  assert.equal(await page.textContent('#cert-details h3'), '1 certificate pasted, 0 of them a CA');
  assert.match(await page.textContent('#cert-details .is-ca'), /^no: a server \(leaf\) certificate/);
  // A check on a private address is refused before any request; switching type clears it.
  await page.fill('#f-registryUrl', '10.1.2.3:5000');
  await page.click('#verify');
  await page.waitForSelector('#verify-output[data-status]', { timeout: 15_000 });
  await page.click('#types [data-id="quay"]');
  assert.equal(await page.getAttribute('#verify-output', 'data-status'), null);
  assert.equal(await page.textContent('#verify-output'), '');
  await page.close();
});
