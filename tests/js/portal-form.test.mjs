// The portal example (examples/portal/: React 18 + react-jsonschema-form 5 with regcred/rjsf),
// bundled the way Backstage apps are (webpack 5, default configuration) and with esbuild, then
// driven in Chromium for every registry type: the fields and widgets of each type's form,
// conditions, one message per problem, nothing before the person touches the form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artifacts, bin, root, runOk } from './support/hosts.mjs';
import { chromiumSession } from './support/chromium-session.mjs';

const session = chromiumSession();

async function bundlePortal(bundler) {
  const out = mkdtempSync(join(tmpdir(), `regcred-portal-${bundler}-`));
  session.keep(out);
  const cwd = join(root, 'examples/portal');
  if (bundler === 'webpack') {
    // No config file: webpack's defaults (entry ./src/index.js), no experiments.
    await runOk(bin('webpack'), ['--mode', 'production', '--output-path', out], { cwd, timeout: 150_000 });
  } else {
    await runOk(bin('esbuild'), ['src/index.js', '--bundle', '--format=esm', '--minify', `--outfile=${join(out, 'main.js')}`], { cwd });
  }
  const html = readFileSync(join(cwd, 'index.html'), 'utf8');
  writeFileSync(join(out, 'index.html'), bundler === 'esbuild' ? html.replace('<script src=', '<script type="module" src=') : html);
  return session.serve([['/', out]]);
}

/** Every visible control of the form by field (`name`, `injection.credentialSource`): its
 * widget, read-only flag, value, label and the messages shown in the field's own container. */
function formFields(page) {
  return page.evaluate(() => {
    const out = {};
    for (const el of document.querySelectorAll('#root form input, #root form textarea, #root form select')) {
      if (el.type === 'hidden' || el.offsetParent === null || !el.id.startsWith('root_')) continue;
      if (el.id.endsWith('__anyof_select')) continue;
      const key = el.id.slice('root_'.length).replace(/-\d+$/, '').replace(/_/g, '.');
      const box = el.closest('.form-group.field');
      const label = box?.querySelector('label')?.textContent.replace(/\*$/, '') ?? '';
      const widget = el.tagName === 'INPUT' ? el.type : el.tagName.toLowerCase();
      const errors = [...(box?.querySelectorAll('.error-detail li') ?? [])].map((li) => li.textContent);
      out[key] ??= { widget, readOnly: el.readOnly, value: el.value, label, errors };
    }
    return out;
  });
}

const allErrors = (page) => page.evaluate(() => [...document.querySelectorAll('.error-detail li')].map((li) => li.textContent));

// The platform's form of each type, written out here (not read from the model).
const FORMS = {
  ecr: { name: 'text', registryUrl: 'text', awsAuthType: 'radio', assumeRoleArn: 'text', isDefault: 'checkbox' },
  'docker-hub': { name: 'text', registryUrl: 'text', username: 'text', password: 'password', isDefault: 'checkbox' },
  acr: { name: 'text', registryUrl: 'text', username: 'text', password: 'password', isDefault: 'checkbox' },
  'artifact-registry': { name: 'text', registryUrl: 'text', username: 'text', password: 'textarea', isDefault: 'checkbox' },
  gcr: { name: 'text', registryUrl: 'text', username: 'text', password: 'textarea', isDefault: 'checkbox' },
  quay: { name: 'text', registryUrl: 'text', username: 'text', password: 'password', isDefault: 'checkbox' },
  other: { name: 'text', registryUrl: 'text', username: 'text', password: 'password', isDefault: 'checkbox', connection: 'radio' },
  // GitLab.com (the default URL) is always secure and direct: no connection options.
  gitlab: { name: 'text', registryUrl: 'text', username: 'text', password: 'password', isDefault: 'checkbox' },
  ghcr: { name: 'text', registryUrl: 'text', username: 'text', password: 'password', isDefault: 'checkbox' },
  harbor: { name: 'text', registryUrl: 'text', username: 'text', password: 'password', isDefault: 'checkbox', connection: 'radio' },
};
// What every type's form shows besides its own fields: public registry, credential injection,
// the platform's usage (container images, Helm charts) and the remote connection method.
const INJECTION = {
  public: 'checkbox',
  'injection.credentialSource': 'radio',
  'usage.containers': 'radio',
  'usage.charts': 'radio',
  'remoteConnection.method': 'radio',
};
// What a type's form leaves out of those: GCR is no OCI chart store, GitLab.com is reached
// directly.
const WITHOUT = { gcr: ['usage.charts'], gitlab: ['remoteConnection.method'] };
const common = (type) => Object.fromEntries(Object.entries(INJECTION).filter(([k]) => !WITHOUT[type]?.includes(k)));
// Required fields that start empty in each type's form.
const REQUIRED_EMPTY = {
  ecr: ['name', 'registryUrl'],
  'docker-hub': ['name', 'username', 'password'],
  acr: ['name', 'registryUrl', 'username', 'password'],
  'artifact-registry': ['name', 'registryUrl', 'password'],
  gcr: ['name', 'password'],
  quay: ['name', 'username', 'password'],
  other: ['name', 'registryUrl', 'username', 'password'],
  gitlab: ['name', 'username', 'password'],
  ghcr: ['name', 'username', 'password'],
  harbor: ['name', 'registryUrl', 'username', 'password'],
};

async function openPortal(url, type) {
  const page = await session.browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector('#root form');
  if (type) {
    await page.selectOption('#registry-type', type);
    await page.waitForSelector(`#root_registryType[value="${type}"]`, { state: 'attached' });
  }
  return { page, errors };
}

for (const bundler of ['webpack', 'esbuild']) {
  test(`portal (${bundler}): every type's form, its conditions, one message per problem`, { timeout: 300_000 }, async (t) => {
    const url = await bundlePortal(bundler);

    await t.test('each type shows its own fields and widgets, and nothing before it is touched', async () => {
      for (const type of Object.keys(FORMS)) {
        const { page, errors } = await openPortal(url, type);
        const fields = await formFields(page);
        const widgets = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.widget]));
        assert.deepEqual(widgets, { ...FORMS[type], ...common(type) }, type);
        assert.deepEqual(await allErrors(page), [], `${type}: messages before anything was touched`);
        if (type === 'docker-hub') assert.deepEqual([fields.registryUrl.readOnly, fields.registryUrl.value], [true, 'docker.io']);
        if (type === 'gcr' || type === 'artifact-registry') {
          assert.deepEqual([fields.username.readOnly, fields.username.value], [true, '_json_key'], type);
          assert.equal(fields.password.label, 'Service account JSON key', type);
        }
        if (!['docker-hub', 'gcr', 'artifact-registry'].includes(type) && fields.username) assert.equal(fields.username.readOnly, false);
        const labels = await page.locator('#root form label').allTextContents();
        assert.equal(labels.filter((l) => l === 'Set as default registry').length, 1, `${type}: ${labels}`);
        assert.deepEqual(errors, []);
        await page.close();
      }
    });

    await t.test('fields show under their conditions', async () => {
      const { page } = await openPortal(url, 'ecr');
      await page.check('#root_awsAuthType-1');
      await page.waitForSelector('#root_awsAccessKeyId');
      let fields = await formFields(page);
      assert.deepEqual([fields.awsAccessKeyId.widget, fields.awsSecretAccessKey.widget, fields.awsSessionToken.widget], ['text', 'password', 'password']);
      await page.check('#root_awsAuthType-0');
      await page.waitForSelector('#root_awsAccessKeyId', { state: 'detached' });
      await page.selectOption('#registry-type', 'other');
      await page.waitForSelector('#root_connection-1');
      assert.equal(await page.locator('#root_cert').count(), 0);
      await page.check('#root_connection-1');
      await page.waitForSelector('#root_cert');
      assert.equal((await formFields(page)).cert.widget, 'textarea');
      assert.equal(await page.locator('#root_injection_secretName').count(), 0);
      await page.check('#root_injection_credentialSource-1');
      await page.waitForSelector('#root_injection_secretName');
      // One cluster list at a time, picked by a choice.
      const lists = page.locator('#root_injection__anyof_select');
      assert.deepEqual(await lists.locator('option').allTextContents(), ['Do not inject into clusters', 'Auto-inject into clusters']);
      fields = await formFields(page);
      assert.equal(fields['injection.secretName'].widget, 'text');
      // GitLab: connection options and the remote connection only for a self-managed host.
      await page.selectOption('#registry-type', 'gitlab');
      await page.waitForSelector('#root_registryType[value="gitlab"]', { state: 'attached' });
      assert.equal(await page.locator('#root_connection-0').count(), 0);
      assert.equal(await page.locator('#root_remoteConnection_method-0').count(), 0);
      await page.fill('#root_registryUrl', 'registry.gitlab.example.com');
      await page.waitForSelector('#root_connection-1');
      await page.waitForSelector('#root_remoteConnection_method-0');
      await page.check('#root_connection-1');
      await page.waitForSelector('#root_cert');
      await page.fill('#root_registryUrl', 'registry.gitlab.com');
      await page.waitForSelector('#root_connection-0', { state: 'detached' });
      assert.equal(await page.locator('#root_cert').count(), 0);
      assert.equal(await page.locator('#root_remoteConnection_method-0').count(), 0);
      await page.close();
    });

    await t.test('Submit on an empty form: one message under each empty required field', async () => {
      for (const type of Object.keys(FORMS)) {
        const { page } = await openPortal(url, type);
        await page.click('button[type=submit]');
        await page.waitForSelector('.error-detail li');
        const fields = await formFields(page);
        for (const key of REQUIRED_EMPTY[type]) assert.equal(fields[key].errors.length, 1, `${type}.${key}: ${fields[key].errors}`);
        const withErrors = Object.keys(fields).filter((k) => fields[k].errors.length > 0).sort();
        assert.deepEqual(withErrors, [...REQUIRED_EMPTY[type]].sort(), type);
        assert.equal(await page.locator('#saved').count(), 0);
        await page.close();
      }
    });

    await t.test('Docker Hub credentials typed, type switched to ECR with IAM role: Submit saves', async () => {
      const { page, errors } = await openPortal(url, 'docker-hub');
      await page.fill('#root_name', 'my-registry');
      await page.fill('#root_username', 'someone');
      await page.fill('#root_password', 'dckr_pat_secret');
      await page.selectOption('#registry-type', 'ecr');
      await page.waitForSelector('#root_awsAuthType-0');
      await page.fill('#root_registryUrl', '123456789012.dkr.ecr.us-east-1.amazonaws.com');
      await page.click('button[type=submit]');
      const saved = JSON.parse(await page.locator('#saved').textContent());
      assert.equal(saved.registryType, 'ecr');
      assert.equal(saved.awsAuthType, 'iam-role');
      assert.equal(saved.username, undefined);
      assert.equal(saved.password, undefined);
      assert.deepEqual(await allErrors(page), []);
      assert.deepEqual(errors, []);
      await page.close();
    });

    await t.test('a broken certificate in secure-with-cert shows a message under the certificate', async () => {
      const { page } = await openPortal(url, 'other');
      await page.fill('#root_name', 'corp');
      await page.fill('#root_registryUrl', 'registry.example.com');
      await page.fill('#root_username', 'ci');
      await page.fill('#root_password', 'token');
      await page.check('#root_connection-1');
      await page.fill('#root_cert', '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n');
      await page.click('button[type=submit]');
      await page.waitForFunction(() => document.querySelector('#root_cert')?.closest('.form-group.field')?.querySelector('.error-detail li'));
      const cert = (await formFields(page)).cert;
      assert.equal(cert.errors.length, 1, String(cert.errors));
      assert.equal(await page.locator('#saved').count(), 0);
      await page.screenshot({ path: join(artifacts, `portal-${bundler}-broken-cert.png`), fullPage: true });
      await page.close();
    });

    await t.test('a bad ECR URL shows one message under Registry URL, gone when fixed', async () => {
      const { page } = await openPortal(url, 'ecr');
      await page.fill('#root_name', 'my-ecr');
      await page.fill('#root_registryUrl', '12345.dkr.ecr.us-east-1.amazonaws.com');
      await page.waitForFunction(() => document.querySelector('#root_registryUrl').closest('.form-group.field').querySelector('.error-detail li'));
      const url1 = (await formFields(page)).registryUrl;
      assert.equal(url1.errors.length, 1, String(url1.errors));
      assert.match(url1.errors[0], /12 digits/);
      assert.deepEqual(await allErrors(page), url1.errors);
      await page.screenshot({ path: join(artifacts, `portal-${bundler}-ecr-error.png`), fullPage: true });
      await page.fill('#root_registryUrl', '123456789012.dkr.ecr.us-east-1.amazonaws.com');
      await page.waitForFunction(() => document.querySelectorAll('.error-detail li').length === 0);
      await page.close();
    });
  });
}
