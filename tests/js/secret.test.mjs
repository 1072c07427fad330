// Secrets, docker config files, injection plans and Devtron payloads through the built package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import YAML from 'yaml';
import {
  dockerConfigJson, dockerConfigFile, pullSecret, injectionPlan, toDevtronPayload, fromDevtronPayload,
  RegcredError,
} from 'regcred';

const MARKER = 'S3CRET-MARKER-7f3a';
// A real (throwaway) service-account key from the shared fixtures, and its compact form.
const GCP_KEY = readFileSync(new URL('../fixtures/gcp-keys/good.json', import.meta.url), 'utf8');
const GCP_COMPACT = JSON.stringify(JSON.parse(GCP_KEY));
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const hostile = [
  'key: value', '# not a comment', '  leading spaces', 'trailing ', 'yes', 'no', 'null', '~', '0x1', '1e3',
  'on', 'off', '- item', '[a, b]', '{a: b}', '"quoted"', "'single'", 'line\nbreak', 'tab\there', 'back\\slash',
  '\u2028', '\u2029', 'nel\u0085', 'del\u007f', 'bom\ufeff', 'é✓🐳', '', '*alias', '&anchor', '!tag', '%directive',
  '@at', '`tick', '|', '>', '---', '...', '? key', 'ctrl\u0001', 'cr\rlf',
];

function entry(i = 0) {
  return { server: `registry${i}.example.com:5000`, username: 'user', password: `${MARKER}<&>\u2028:${i}` };
}

test('YAML output reads back (yaml, YAML 1.2 core and 1.1) to the same object as the JSON output', () => {
  const annotations = Object.fromEntries(hostile.map((v, i) => [`example.com/a${i}`, v]));
  const base = {
    name: 'pull-secret', namespace: 'team-a', registries: [entry(1), entry(2)], annotations,
    labels: { 'app.kubernetes.io/name': 'demo', tier: '0x1' }, appendHash: true,
  };
  const json = JSON.parse(pullSecret({ ...base, format: 'json' }));
  const text = pullSecret({ ...base, format: 'yaml' });
  assert.deepEqual(YAML.parse(text), json);
  assert.deepEqual(YAML.parse(text, { version: '1.1' }), json);
  assert.deepEqual(YAML.parse(text, { schema: 'core', strict: true, uniqueKeys: true }), json);
  assert.equal(json.metadata.annotations['example.com/a20'], '\u2028');
  assert.match(json.metadata.name, /^pull-secret-[a-z0-9]{10}$/);
});

test('dockerConfigJson: kubectl layout; goEscaping gives Go escapes', () => {
  const e = { server: 'a.io', username: 'u', password: 'p<\u2028', email: 'e@x' };
  assert.equal(dockerConfigJson([e]), '{"auths":{"a.io":{"username":"u","password":"p<\u2028","email":"e@x","auth":"' +
    Buffer.from('u:p<\u2028').toString('base64') + '"}}}');
  assert.match(dockerConfigJson([e], { goEscaping: true }), /"password":"p\\u003c\\u2028"/);
});

test('registries may be configurations: per-type server keys and GCP _json_key', () => {
  const key = GCP_COMPACT;
  const doc = JSON.parse(dockerConfigJson([
    { name: 'hub', registryType: 'docker-hub', username: 'alice', password: 'pw' },
    { name: 'gar', registryType: 'artifact-registry', registryUrl: 'europe-west3-docker.pkg.dev', username: '_json_key', password: `'${key}'` },
    { name: 'ecr', registryType: 'ecr', registryUrl: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', awsAuthType: 'user-auth',
      awsAccessKeyId: 'AKIAIOSFODNN7EXAMPLE', awsSecretAccessKey: AWS_SECRET,
      ecrToken: { username: 'AWS', password: 'tok', expiresAt: '2030-01-01T00:00:00Z', proxyEndpoint: 'https://123456789012.dkr.ecr.eu-west-1.amazonaws.com' } },
  ]));
  assert.deepEqual(Object.keys(doc.auths), ['123456789012.dkr.ecr.eu-west-1.amazonaws.com', 'europe-west3-docker.pkg.dev', 'https://index.docker.io/v1/']);
  assert.equal(doc.auths['europe-west3-docker.pkg.dev'].password, key);
  assert.equal(doc.auths['europe-west3-docker.pkg.dev'].username, '_json_key');
});

test('dockerConfigFile: docker layout; ECR under credHelpers when asked', () => {
  const text = dockerConfigFile([entry(0),
    { name: 'ecr', registryType: 'ecr', registryUrl: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', awsAuthType: 'iam-role' }],
  { credHelpers: true });
  assert.ok(text.startsWith('{\n\t"auths": {\n\t\t"registry0.example.com:5000": {\n\t\t\t"auth": "'));
  assert.deepEqual(JSON.parse(text).credHelpers, { '123456789012.dkr.ecr.eu-west-1.amazonaws.com': 'ecr-login' });
});

function thrown(fn) {
  try { fn(); } catch (e) { return e; }
  assert.fail('expected a throw');
}

test('invalid input throws RegcredError with code and errors, never the secret', () => {
  const cases = [
    [() => pullSecret({ name: 'Bad_Name', registries: [{ ...entry(0), username: 'a:b' }, { ...entry(1), password: '' }], format: 'json' }),
      'secret.name', ['/name', '/registries/0/username', '/registries/1/password']],
    [() => pullSecret({ name: 'ok', registries: [], format: 'json' }), 'secret.no-registries', ['/registries']],
    [() => pullSecret({ name: 'ok', registries: [entry(), entry()], format: 'toml' }), 'secret.shape', ['/format']],
    [() => pullSecret({ name: 'ok', registries: [{ name: 'ecr', registryType: 'ecr', registryUrl: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
      awsAuthType: 'user-auth', awsAccessKeyId: 'AKIAIOSFODNN7EXAMPLE', awsSecretAccessKey: MARKER }] }), 'secret.ecr-token-required', ['/registries/0']],
    [() => pullSecret({ name: 'ok', registries: [{ name: 'ecr', registryType: 'ecr', registryUrl: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
      awsAuthType: 'iam-role' }] }), 'secret.ecr-iam-role', ['/registries/0/awsAuthType']],
    [() => dockerConfigJson([entry(), entry()]), 'secret.duplicate-server', ['/1/server']],
    [() => dockerConfigJson([entry(), { ...entry(), extra: MARKER }]), 'secret.shape', ['/1/extra']],
    [() => dockerConfigJson([{ name: 'x', registryType: 'quay', password: MARKER, bogus: MARKER }]), 'config.invalid',
      ['/0/bogus', '/0/name', '/0/username']],
    [() => dockerConfigFile([{ server: 'a.io', username: 'u', password: 7 }]), 'secret.shape', ['/0/password']],
    [() => injectionPlan({ name: 'quay-reg', registryType: 'quay', username: 'u', password: MARKER }, [{ id: true }]), 'secret.shape', ['/clusters/0/id']],
    [() => injectionPlan({ name: 'quay-reg', registryType: 'quay', username: 'u:v', password: MARKER }, []), 'config.invalid', ['/username']],
  ];
  for (const [fn, code, paths] of cases) {
    const e = thrown(fn);
    assert.ok(e instanceof RegcredError, `${code}: ${e}`);
    assert.ok(e instanceof Error);
    assert.equal(e.code, code);
    assert.ok(Array.isArray(e.errors) && e.errors.length > 0);
    assert.deepEqual(e.errors.map((i) => i.path).sort(), [...paths].sort(), code);
    // Validation failures carry the validator's own codes; the rest are secret.* codes.
    for (const i of e.errors) assert.match(i.code, code === 'config.invalid' ? /^(config|url|username|name)\.|\./ : /^secret\./);
    const everything = JSON.stringify({ message: e.message, errors: e.errors, stack: e.stack });
    assert.ok(!everything.includes(MARKER), `${code} leaks the secret`);
  }
  assert.equal(thrown(() => pullSecret()).code, 'argument.missing');
  assert.equal(thrown(() => dockerConfigJson('nope')).code, 'argument.type');
});

test('injectionPlan accepts numeric cluster ids', () => {
  const plan = injectionPlan(
    { name: 'my-hub', registryType: 'docker-hub', username: 'u', password: 'p', injection: { autoInject: ['1', 'prod'] } },
    [1, { id: 2, name: 'prod' }, { id: '3' }],
  );
  assert.deepEqual(plan.map((p) => [p.clusterId, p.inject, p.secretName ?? null, p.reason.code]), [
    ['1', true, 'my-hub-regcred', 'auto-inject.listed'],
    ['2', true, 'my-hub-regcred', 'auto-inject.listed'],
    ['3', false, null, 'not-listed'],
  ]);
});

test('Devtron payloads round-trip for every registry type', () => {
  const configs = [
    { name: 'ecr-keys', registryType: 'ecr', registryUrl: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', isDefault: false, connection: 'secure',
      awsAuthType: 'user-auth', awsAccessKeyId: 'AKIAIOSFODNN7EXAMPLE', awsSecretAccessKey: AWS_SECRET, injection: { autoInject: ['*'], credentialSource: 'registry-credentials' } },
    { name: 'hub', registryType: 'docker-hub', registryUrl: 'docker.io', isDefault: true, connection: 'secure', username: 'u', password: 'p' },
    { name: 'azure', registryType: 'acr', registryUrl: 'myregistry.azurecr.io', isDefault: false, connection: 'secure', username: 'u', password: 'p' },
    { name: 'gar', registryType: 'artifact-registry', registryUrl: 'us-docker.pkg.dev', isDefault: false, connection: 'secure', username: '_json_key', password: GCP_COMPACT },
    { name: 'gcr', registryType: 'gcr', registryUrl: 'gcr.io', isDefault: false, connection: 'secure', username: '_json_key', password: GCP_COMPACT },
    { name: 'quay', registryType: 'quay', registryUrl: 'quay.io', isDefault: false, connection: 'secure', username: 'o+r', password: 't',
      injection: { doNotInject: ['4'], credentialSource: 'image-pull-secret', secretName: 'quay-pull' } },
    { name: 'other', registryType: 'other', registryUrl: 'h.example.com:5000', isDefault: false, connection: 'insecure', username: 'u', password: 'p' },
  ];
  for (const c of configs) {
    const payload = toDevtronPayload(c);
    assert.equal(payload.pluginId, 'cd.go.artifact.docker.registry');
    assert.equal(payload.id, c.name);
    assert.equal(payload.registryType, c.registryType);
    const back = fromDevtronPayload(payload);
    assert.equal(back.valid, true);
    assert.deepEqual(back.value, c);
  }
  assert.equal(toDevtronPayload(configs[3]).password, `'${GCP_COMPACT}'`);
  assert.equal(toDevtronPayload(configs[0]).ipsConfig.appliedClusterIdsCsv, '-1');
  const bad = fromDevtronPayload({ registryType: 'nope', password: MARKER });
  assert.equal(bad.valid, false);
  assert.ok(!JSON.stringify(bad).includes(MARKER));
});

test('the README example of "Secrets and config files" runs verbatim', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.split('## Secrets and config files')[1];
  assert.ok(section, 'README section missing');
  const code = section.match(/```js\n([\s\S]*?)```/)[1];
  const dir = new URL('../../target/readme-examples/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const file = new URL('secrets.mjs', dir);
  writeFileSync(file, code);
  const out = execFileSync(process.execPath, [file.pathname], { encoding: 'utf8' });
  assert.match(out, /kind: "Secret"/);
  assert.match(out, /pull-hub-[a-z0-9]{10}/);
});
