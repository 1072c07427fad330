// The RegcredRegistry field (backstage/frontend/) inside the scaffolder's real Stepper, next to
// its real Secret field, in Chromium: one esbuild bundle, one browser session. Expected messages
// come from regcred itself, so the page must show what regcred says for what was typed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import * as regcred from 'regcred';
import { startServer } from '../../scripts/serve.mjs';
import { artifacts, freePort, launchChromium, root } from './support/hosts.mjs';
import { bundleFrontendHarness, workspace } from './support/backstage.mjs';

const template = YAML.parse(readFileSync(join(workspace, 'template.yaml'), 'utf8'));
const registryStep = YAML.parse(readFileSync(join(workspace, 'registry-step.yaml'), 'utf8'));
const label = (id) => regcred.registryTypes().find((t) => t.id === id).label;
const issueAt = (config, path) => regcred.validateRegistry(config).errors.find((e) => e.path === path);

let browser;
let server;
let page;
const pageErrors = [];

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  const dir = await bundleFrontendHarness();
  server = await startServer(await freePort(), [['/', dir]]);
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForSelector('body[data-ready]', { state: 'attached', timeout: 30_000 });
});
after(async () => {
  await browser?.close();
  if (server) await new Promise((r) => server.close(r));
});

/** A fresh wizard for `parameters`; resolves when the registry form is there. */
async function wizard(parameters, system = 'legacy') {
  await page.evaluate(([p, s]) => window.renderStepper({ parameters: p, system: s }), [parameters, system]);
  await page.waitForSelector('#root_registry_name');
}
const body = () => page.textContent('body');
/** The wizard's text, without the harness's view of the secrets map. */
const wizardText = () => page.evaluate(() => {
  const copy = document.getElementById('root').cloneNode(true);
  copy.querySelector('[data-testid=secrets]')?.remove();
  return copy.textContent;
});
const secrets = async () => JSON.parse(await page.textContent('[data-testid=secrets]'));
const created = async () => JSON.parse(await page.textContent('#created'));
async function chooseType(id) {
  await page.locator('#root_registry-type').click();
  await page.getByRole('option', { name: label(id), exact: true }).click();
  await page.waitForFunction((l) => document.querySelector('#root_registry-type')?.textContent === l, label(id));
}
async function retype(selector, text) {
  await page.locator(selector).fill('');
  await page.locator(selector).pressSequentially(text);
}
/** Waits until the page shows (or no longer shows) `text`. */
async function shows(text, yes = true) {
  await page.waitForFunction(([t, y]) => document.body.textContent.includes(t) === y, [text, yes], { timeout: 10_000 });
}

test('messages as the person types; an invalid ECR URL keeps the step on Review with regcred\'s message', async () => {
  const step = { ...registryStep, properties: { ...registryStep.properties,
    webhookToken: { title: 'Webhook token', type: 'string', 'ui:field': 'Secret' } } };
  await wizard([step]);
  // The first type is chosen from the start, so Next always has a type to check.
  await page.waitForFunction((l) => document.querySelector('#root_registry-type')?.textContent === l,
    label(regcred.registryTypes()[0].id));
  await chooseType('ecr');
  // A name regcred refuses, typed key by key: its message shows without any button pressed.
  const badName = issueAt({ name: 'Aws', registryType: 'ecr' }, '/name');
  assert.ok(badName);
  await page.locator('#root_registry_name').pressSequentially('Aws');
  await shows(badName.message);
  await retype('#root_registry_name', 'aws-prod');
  await shows(badName.message, false);

  const badUrl = '12345.dkr.ecr.us-east-1.amazonaws.com';
  const urlIssue = issueAt({ name: 'aws-prod', registryType: 'ecr', registryUrl: badUrl, awsAuthType: 'iam-role' }, '/registryUrl');
  assert.ok(urlIssue, 'regcred refuses the short account id');
  await page.locator('#root_registry_registryUrl').pressSequentially(badUrl);
  await shows(urlIssue.message);
  // Review runs the field's validator: the step stays, with regcred's message (not ajv's pattern text).
  await page.getByRole('button', { name: 'Review' }).click();
  await shows(`Registry URL: ${urlIssue.message}`);
  assert.equal(await page.getByRole('button', { name: 'Create' }).count(), 0, 'the wizard stayed on the step');
  assert.doesNotMatch(await body(), /must match pattern|must match "then" schema/);
  await page.screenshot({ path: join(artifacts, 'backstage-invalid-ecr.png'), fullPage: true });

  // Corrected as the person types: the message goes away, and Review is reached.
  await retype('#root_registry_registryUrl', '123456789012.dkr.ecr.us-east-1.amazonaws.com');
  await page.getByLabel('Webhook token').pressSequentially('hook-secret-1');
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).waitFor();
  await page.getByRole('button', { name: 'Create' }).click();
  await page.waitForFunction(() => document.querySelector('#created').textContent !== '');
  const values = await created();
  assert.equal(values.registry.registryType, 'ecr');
  assert.equal(values.registry.registryUrl, '123456789012.dkr.ecr.us-east-1.amazonaws.com');
  assert.equal(regcred.validateRegistry(values.registry).valid, true, JSON.stringify(values.registry));
  // The scaffolder's own Secret field shares the secrets map with the registry field.
  assert.equal(values.webhookToken, '*'.repeat('hook-secret-1'.length));
  await page.waitForFunction(() => JSON.parse(document.querySelector('[data-testid=secrets]').textContent).webhookToken
    === 'hook-secret-1');
});

test('the two-step template passes the registry step after type switches; secrets only in the secrets map', async () => {
  await wizard(template.spec.parameters);
  await chooseType('ecr');
  await page.locator('#root_registry_name').pressSequentially('hub');
  await page.locator('#root_registry_registryUrl').pressSequentially('12345.dkr.ecr.us-east-1.amazonaws.com');
  await page.getByRole('button', { name: 'Next' }).click();
  await shows('Registry URL: ');
  // Switch away after a failed Next, through a third type, and back: nothing of ECR may stick.
  await chooseType('quay');
  await chooseType('docker-hub');
  const password = 'dckr_pat_s3cret-token';
  await page.locator('#root_registry_username').pressSequentially('alice');
  await page.locator('#root_registry_password').pressSequentially(password);
  assert.equal((await secrets())['registry.password'], password);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.waitForSelector('#root_secretName');
  await page.locator('#root_secretName').pressSequentially('hub-pull');
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).waitFor();
  assert.ok(!(await wizardText()).includes(password), 'the Review step shows no secret');
  await page.screenshot({ path: join(artifacts, 'backstage-review.png'), fullPage: true });
  await page.getByRole('button', { name: 'Create' }).click();
  await page.waitForFunction(() => document.querySelector('#created').textContent !== '');
  const values = await created();
  assert.equal(values.secretName, 'hub-pull');
  assert.equal(values.namespace, 'default');
  assert.equal(values.registry.registryType, 'docker-hub');
  assert.equal(values.registry.password, '*'.repeat(password.length), 'form data holds the mask');
  assert.equal(values.registry.awsAuthType, undefined, 'no ECR field left');
  assert.ok(!JSON.stringify(values).includes(password), 'no secret in the form data');
  const held = await secrets();
  assert.equal(held['registry.password'], password);
  // What the backend actions get: the form data with the secret from the task secrets is valid.
  assert.equal(regcred.validateRegistry({ ...values.registry, password: held['registry.password'] }).valid, true);
});

test('Artifact Registry: the fixed username read-only, the pasted JSON key a masked secret checked as it arrives', async () => {
  const fixture = (f) => readFileSync(join(root, 'tests/fixtures/gcp-keys', f), 'utf8');
  await wizard([registryStep]);
  await chooseType('artifact-registry');
  assert.equal(await page.locator('#root_registry_username').inputValue(), '_json_key');
  assert.equal(await page.locator('#root_registry_username').isEditable(), false);
  await page.locator('#root_registry_name').pressSequentially('gcp');
  await page.locator('#root_registry_registryUrl').pressSequentially('us-docker.pkg.dev');
  const config = { name: 'gcp', registryType: 'artifact-registry', registryUrl: 'us-docker.pkg.dev', username: '_json_key' };
  const wrong = fixture('wrong-type.json');
  const keyIssue = issueAt({ ...config, password: wrong }, '/password');
  assert.ok(keyIssue, 'regcred refuses a key that is not a service account key');
  await page.locator('#root_registry_password').fill(wrong);
  await shows(keyIssue.message);
  const good = fixture('good.json');
  await page.locator('#root_registry_password').fill(good);
  await shows(keyIssue.message, false);
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).waitFor();
  await page.getByRole('button', { name: 'Create' }).click();
  await page.waitForFunction(() => document.querySelector('#created').textContent !== '');
  const values = await created();
  assert.equal(values.registry.password, '*'.repeat(good.length));
  assert.equal((await secrets())['registry.password'], good);
  assert.equal(regcred.validateRegistry({ ...values.registry, password: good }).valid, true);
});

test('ui:options.types limits the offered types; the new frontend system\'s form field works the same', async () => {
  const limited = { ...registryStep, properties: { registry: { ...registryStep.properties.registry,
    'ui:options': { types: ['quay', 'docker-hub'] } } } };
  await wizard([limited], 'alpha');
  await page.waitForFunction((l) => document.querySelector('#root_registry-type')?.textContent === l, label('quay'));
  await page.locator('#root_registry-type').click();
  assert.deepEqual(await page.getByRole('option').allTextContents(), [label('quay'), label('docker-hub')]);
  await page.getByRole('option', { name: label('docker-hub'), exact: true }).click();
  await page.locator('#root_registry_name').pressSequentially('hub');
  await page.locator('#root_registry_username').pressSequentially('ali:ce');
  await page.locator('#root_registry_password').pressSequentially('token-1');
  // A username with ':' cannot work in docker's `auth`: regcred says so, under the field and on Review.
  const colon = issueAt({ name: 'hub', registryType: 'docker-hub', username: 'ali:ce', password: 'token-1' }, '/username');
  assert.ok(colon);
  await shows(colon.message);
  await page.getByRole('button', { name: 'Review' }).click();
  await shows(`: ${colon.message}`);
  await retype('#root_registry_username', 'alice');
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).waitFor();
  assert.deepEqual(pageErrors, []);
});

test('regcredTransformErrors words ajv\'s pattern errors with regcred\'s help and keeps the form invalid', async () => {
  // The scaffolder's validator: RJSF's ajv8 one in its default (draft-07) configuration (CommonJS).
  const { default: { customizeValidator } } = await import('@rjsf/validator-ajv8');
  const validator = customizeValidator();
  const schema = regcred.registrySchema();
  const config = { name: 'aws', registryType: 'ecr', registryUrl: '12345.dkr.ecr.us-east-1.amazonaws.com', awsAuthType: 'iam-role' };
  const { errors } = validator.validateFormData(config, schema);
  assert.ok(errors.some((e) => e.name === 'pattern') && errors.some((e) => e.name === 'if'), JSON.stringify(errors));
  const shown = await page.evaluate((e) => window.regcredTransformErrors(e), errors);
  assert.ok(shown.length > 0, 'an invalid form stays invalid');
  assert.equal(shown.filter((e) => e.name === 'if').length, 0);
  const url = regcred.registryTypes().find((t) => t.id === 'ecr').fields.find((f) => f.key === 'registryUrl');
  assert.deepEqual(shown.filter((e) => e.property === '.registryUrl').map((e) => e.message), [`${url.label}: ${url.help}`]);
  assert.doesNotMatch(JSON.stringify(shown.map((e) => e.message)), /must match/);
});
