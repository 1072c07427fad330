// The Backstage backend module (backstage/backend/) inside a real Backstage backend, its actions
// run with a context typed as the scaffolder's, and backstage/template.yaml's steps run in order
// against a real Distribution registry (TLS from a throwaway CA, htpasswd).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import YAML from 'yaml';
import * as regcred from 'regcred';
import { htpasswdRegistryFor } from './support/registry.mjs';
import { importBackendHarness, workspace } from './support/backstage.mjs';

const PASSWORD = 'correct horse battery';
let harness;
let actions;
let stopBackend;
const dirs = [];

before(async () => {
  harness = await importBackendHarness();
  const backend = await harness.actionsFromBackend();
  stopBackend = backend.stop;
  actions = new Map(backend.actions.map((a) => [a.id, a]));
});
after(async () => {
  await stopBackend?.();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const workspaceDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'regcred-scaffolder-ws-'));
  dirs.push(dir);
  return dir;
};
const mask = (s) => '*'.repeat(s.length);

/** Every trace of `secret` a leak could show: the text, and its part of the docker `auth`. */
function assertNoSecret(what, secret, run) {
  const text = JSON.stringify(run.outputs) + run.logs.join('\n') + (run.error ? `${run.error.message}${run.error.stack}` : '');
  assert.ok(!text.includes(secret), `${what}: the secret is in the outputs, logs or error`);
  assert.ok(!text.includes(Buffer.from(`alice:${secret}`).toString('base64')), `${what}: the auth value leaked`);
}

/** A template step's input with `${{ parameters.x.y }}` resolved (the only expressions the
 * template's inputs use; anything else fails here rather than being guessed). */
function resolveInput(value, parameters) {
  if (typeof value === 'string') {
    const whole = value.match(/^\$\{\{\s*parameters\.([\w.]+)\s*\}\}$/);
    if (whole) return whole[1].split('.').reduce((v, k) => v?.[k], parameters);
    assert.doesNotMatch(value, /\$\{\{/, `unsupported expression ${value}`);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => resolveInput(v, parameters));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveInput(v, parameters)]));
  }
  return value;
}

test('the README snippet adds regcred:validate, regcred:pull-secret and regcred:verify to the scaffolder', () => {
  assert.deepEqual([...actions.keys()], ['regcred:validate', 'regcred:pull-secret', 'regcred:verify']);
  for (const action of actions.values()) assert.equal(action.schema.input.type, 'object', action.id);
  assert.deepEqual(harness.createRegcredActions().map((a) => a.id), [...actions.keys()]);
});

test('template.yaml runs against a real registry: validated, authenticated, Secret written 0600', async (t) => {
  const { pki, reg } = await htpasswdRegistryFor(t, 'alice', PASSWORD);
  const template = YAML.parse(readFileSync(join(workspace, 'template.yaml'), 'utf8'));
  const registry = {
    name: 'corp', registryType: 'other', registryUrl: reg.host, username: 'alice', password: mask(PASSWORD),
    connection: 'secure-with-cert', cert: pki.caPem,
  };
  const parameters = { registry, secretName: 'corp-pull', namespace: 'apps' };
  const secrets = { 'registry.password': PASSWORD };
  const ws = workspaceDir();
  const ajv = new Ajv({ strict: false });
  const outputs = {};
  for (const step of template.spec.steps) {
    const action = actions.get(step.action);
    assert.ok(action, `the template's action ${step.action} is registered`);
    const input = resolveInput(step.input, parameters);
    // What the scaffolder does before running a step: the input against the action's schema.
    assert.ok(ajv.validate(action.schema.input, input), `${step.id}: ${ajv.errorsText()}`);
    // The test registry listens on 127.0.0.1, which regcred refuses unless the host opts in.
    if (step.action === 'regcred:verify') input.allowPrivateNetworks = true;
    const run = await harness.runAction(action, { input, secrets, workspacePath: ws });
    assert.equal(run.error, undefined, `${step.id}: ${run.error?.message}`);
    assertNoSecret(step.id, PASSWORD, run);
    outputs[step.id] = run.outputs;
  }
  assert.equal(outputs.validate.registryUrl, reg.host);
  assert.equal(outputs.verify.status, 'authenticated');
  assert.equal(outputs.verify.ok, true);
  assert.ok(outputs.verify.steps.length >= 2 && outputs.verify.steps.every((s) => s.url.startsWith(`https://${reg.host}/`)));
  assert.equal(outputs['pull-secret'].path, 'corp-pull.yaml');
  const file = join(ws, outputs['pull-secret'].path);
  const config = { ...registry, password: PASSWORD };
  const expected = regcred.pullSecret({
    name: 'corp-pull', namespace: 'apps', registries: [regcred.validateRegistry(config).value], format: 'yaml',
  });
  assert.equal(readFileSync(file, 'utf8'), expected);
  assert.equal(statSync(file).mode & 0o777, 0o600);
});

test('regcred:verify says unauthorized for a wrong password, and fails the step unless allowFailure', async (t) => {
  const { pki, reg } = await htpasswdRegistryFor(t, 'alice', PASSWORD);
  const wrong = 'not the password';
  const registry = {
    name: 'corp', registryType: 'other', registryUrl: reg.host, username: 'alice', password: mask(wrong),
    connection: 'secure-with-cert', cert: pki.caPem,
  };
  const secrets = { 'registry.password': wrong };
  const verify = actions.get('regcred:verify');
  const failed = await harness.runAction(verify, { input: { registry, allowPrivateNetworks: true }, secrets, workspacePath: workspaceDir() });
  assert.equal(failed.outputs.status, 'unauthorized');
  assert.equal(failed.outputs.ok, false);
  assert.match(failed.error?.message ?? '', /unauthorized/);
  assertNoSecret('verify (failing)', wrong, failed);
  const reported = await harness.runAction(verify, {
    input: { registry, allowPrivateNetworks: true, allowFailure: true }, secrets, workspacePath: workspaceDir(),
  });
  assert.equal(reported.error, undefined);
  assert.equal(reported.outputs.status, 'unauthorized');
  // Without the opt-in, a loopback registry is refused before any request.
  const blocked = await harness.runAction(verify, { input: { registry, allowFailure: true }, secrets, workspacePath: workspaceDir() });
  assert.equal(blocked.outputs.status, 'blocked');
});

test('regcred:pull-secret: docker config.json, secrets only from the task secrets, paths inside the workspace', async () => {
  const pullSecretAction = actions.get('regcred:pull-secret');
  const registry = { name: 'hub', registryType: 'docker-hub', username: 'alice', password: mask(PASSWORD) };
  const secrets = { 'hub.password': PASSWORD };
  const ws = workspaceDir();
  const run = await harness.runAction(pullSecretAction, {
    input: { registry, secretsFrom: 'hub', name: 'hub-pull', format: 'config.json', path: 'docker/config.json' }, secrets, workspacePath: ws,
  });
  assert.equal(run.error, undefined, run.error?.message);
  assert.equal(run.outputs.path, join('docker', 'config.json'));
  const expected = regcred.dockerConfigFile([regcred.validateRegistry({ ...registry, password: PASSWORD }).value]);
  assert.equal(readFileSync(join(ws, 'docker/config.json'), 'utf8'), expected);
  assert.equal(statSync(join(ws, 'docker/config.json')).mode & 0o777, 0o600);
  assertNoSecret('pull-secret config.json', PASSWORD, run);

  // A secret typed into the parameters is refused (it would be stored with the task), without echoing it.
  const leaked = await harness.runAction(pullSecretAction, {
    input: { registry: { ...registry, password: PASSWORD }, secretsFrom: 'hub', name: 'hub-pull' }, secrets, workspacePath: ws,
  });
  assert.match(leaked.error?.message ?? '', /password must come from the task's secrets \(hub\.password\)/);
  assertNoSecret('pull-secret with a secret parameter', PASSWORD, leaked);

  const outside = await harness.runAction(pullSecretAction, {
    input: { registry, secretsFrom: 'hub', name: 'hub-pull', path: '../escape.yaml' }, secrets, workspacePath: ws,
  });
  assert.ok(outside.error, 'a path outside the workspace fails');

  // No secret in the task secrets: regcred's own message for the missing password.
  const missing = await harness.runAction(pullSecretAction, { input: { registry, secretsFrom: 'hub', name: 'x' }, secrets: {}, workspacePath: ws });
  const expectedIssue = regcred.validateRegistry({ ...registry, password: undefined }).errors.find((e) => e.path === '/password');
  assert.ok(expectedIssue);
  assert.ok(missing.error?.message.includes(expectedIssue.message), missing.error?.message);
});

test('regcred:validate fails with regcred\'s message for an invalid ECR URL and outputs warnings otherwise', async () => {
  const validate = actions.get('regcred:validate');
  const bad = { name: 'aws', registryType: 'ecr', registryUrl: '12345.dkr.ecr.us-east-1.amazonaws.com', awsAuthType: 'iam-role' };
  const run = await harness.runAction(validate, { input: { registry: bad }, workspacePath: workspaceDir() });
  const issue = regcred.validateRegistry(bad).errors.find((e) => e.path === '/registryUrl');
  assert.ok(issue, 'regcred reports the URL');
  assert.ok(run.error?.message.includes(`/registryUrl ${issue.code}: ${issue.message}`), run.error?.message);
  const good = { ...bad, registryUrl: '123456789012.dkr.ecr.us-east-1.amazonaws.com' };
  const ok = await harness.runAction(validate, { input: { registry: good }, workspacePath: workspaceDir() });
  assert.equal(ok.error, undefined, ok.error?.message);
  assert.equal(ok.outputs.registryType, 'ecr');
  assert.deepEqual(ok.outputs.warnings, regcred.validateRegistry(good).warnings);
});
