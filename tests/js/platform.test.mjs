// The platform's registry API through the built package (run: make pkg && node --test
// tests/js/platform.test.mjs): the cited payload fixtures round-trip, the rule cases give their
// codes (tests/fixtures/platform-rules.json, shared with tests/platform_rules.rs), injection as
// the platform does it, helmValuesPatch, and the ECR assume-role flow through a scripted fetch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import {
  fromDevtronPayload, toDevtronPayload, validateRegistry, validateField, injectionPlan, helmValuesPatch, pullSecret, dockerConfigJson,
  ecrAuthorizationToken, verifyCredentials, RegcredError,
} from 'regcred';
import { fixturesDir } from './fixtures.mjs';

const load = (rel) => JSON.parse(readFileSync(new URL(rel, fixturesDir), 'utf8'));
const NOW = '2026-01-01T00:00:00Z';

/** The README's normalizations ("Round trips with the platform's payload"), as tests/devtron_fixtures.rs has them. */
function normalize(payload, dropped) {
  const v = structuredClone(payload);
  for (const path of dropped) {
    const parts = path.split('/').slice(1);
    const key = parts.pop();
    const parent = parts.reduce((o, k) => o?.[k], v);
    if (parent) delete parent[key];
  }
  for (const [k, x] of Object.entries(v)) if (x === null) delete v[k];
  for (const k of ['password', 'awsSecretAccessKey', 'assumeRoleArn', 'connection', 'cert']) if (v[k] === '') delete v[k];
  if (v.connection === 'secure' && v.registryType !== 'other') delete v.connection;
  v.ipsConfig ??= { credentialType: 'SAME_AS_REGISTRY', ignoredClusterIdsCsv: '-1' };
  delete v.ipsConfig.id;
  for (const [k, x] of Object.entries(v.ipsConfig)) if (x === '' || x === null) delete v.ipsConfig[k];
  return JSON.parse(JSON.stringify(v, Object.keys(v).sort()));
}

const sorted = (v) => (Array.isArray(v) ? v.map(sorted) : v && typeof v === 'object'
  ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])])) : v);

test('every platform fixture reads back, warns per dropped field and round-trips in update mode', () => {
  const dir = new URL('devtron/', fixturesDir);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 25);
  let checked = 0;
  for (const f of files) {
    const fixture = JSON.parse(readFileSync(new URL(f, dir), 'utf8'));
    const r = fromDevtronPayload(fixture.payload);
    if (!r.valid && r.errors.some((e) => e.code === 'devtron.registry-type')) continue;
    assert.equal(r.valid, true, `${f}: ${JSON.stringify(r.errors)}`);
    const dropped = r.warnings.filter((w) => w.code === 'devtron.dropped-field').map((w) => w.path).sort();
    assert.deepEqual(dropped, [...fixture.dropped].sort(), f);
    const kept = r.warnings.filter((w) => w.code === 'config.keep-stored').map((w) => w.path).sort();
    assert.deepEqual(kept, [...(fixture.kept ?? [])].sort(), `${f}: a warning per blank secret`);
    const v = validateRegistry(r.value, { mode: 'update', now: NOW });
    assert.equal(v.valid, true, `${f}: ${JSON.stringify(v.errors)}`);
    const out = toDevtronPayload(r.value, { mode: 'update' });
    assert.equal(typeof out.isOCICompliantRegistry, 'boolean', f);
    assert.ok(out.ipsConfig, f);
    assert.deepEqual(sorted(normalize(out, fixture.dropped)), sorted(normalize(fixture.payload, fixture.dropped)), f);
    checked++;
  }
  assert.ok(checked >= 25, `${checked}`);
});

test('every platform rule gives its code through wasm', () => {
  const doc = load('platform-rules.json');
  for (const c of doc.cases) {
    const config = { ...doc.bases[c.base] };
    for (const [k, v] of Object.entries(c.patch)) if (v === null) delete config[k]; else config[k] = v;
    const r = validateRegistry(config, { now: NOW, mode: c.mode ?? 'create' });
    assert.deepEqual(r.errors.map((i) => [i.path, i.code]), c.errors, c.name);
    assert.deepEqual(r.warnings.map((i) => [i.path, i.code]), c.warnings, c.name);
    for (const [k, want] of Object.entries(c.value ?? {})) assert.deepEqual(r.value?.[k] ?? null, want, `${c.name}: ${k}`);
    assert.ok(!JSON.stringify([r.errors, r.warnings]).includes('hunter2'), c.name);
  }
  assert.throws(() => validateRegistry({}, { mode: 'edit' }), (e) => e instanceof RegcredError && e.code === 'argument.mode');
});

test('every unreadable payload gives its code through wasm (tests/fixtures/devtron-invalid.json)', () => {
  const doc = load('devtron-invalid.json');
  for (const c of doc.cases) {
    let payload = c.payload;
    if (!payload) {
      payload = structuredClone(doc.base);
      for (const [k, v] of Object.entries(c.patch)) if (v === null) delete payload[k]; else payload[k] = v;
    }
    const r = fromDevtronPayload(payload);
    assert.deepEqual(r.errors.map((i) => [i.path, i.code]), c.errors, c.name);
    assert.deepEqual(r.warnings.map((i) => [i.path, i.code]), c.warnings, c.name);
    assert.equal(r.valid, c.errors.length === 0, c.name);
    assert.ok(!JSON.stringify(r).includes('hunter2'), c.name);
  }
});

test('platform rules outside validateRegistry\'s cases: too many chart repositories, public and unknown types', () => {
  const hub = { name: 'my-hub', registryType: 'docker-hub', username: 'u', password: 'p' };
  const repos = Array.from({ length: 1001 }, (_, i) => `team/chart-${i}`);
  const many = validateRegistry({ ...hub, usage: { charts: 'pull', chartRepositories: repos } }, { now: NOW });
  assert.deepEqual(many.errors.map((i) => [i.path, i.code]), [['/usage/chartRepositories', 'usage.too-many']]);
  // A public registry has no credentials: no secret; a chart-only one gets no injection.
  const pub = { name: 'pub', registryType: 'docker-hub', public: true, usage: { charts: 'pull', chartRepositories: ['a/b'] } };
  assert.throws(() => dockerConfigJson([pub]), (e) => e instanceof RegcredError && e.code === 'secret.public-registry');
  assert.throws(() => pullSecret({ name: 'pub', namespace: 'apps', registries: [pub] }), (e) => e.code === 'secret.public-registry');
  const charts = injectionPlan({ ...hub, usage: { charts: 'push' }, injection: { autoInject: ['*'] } }, [{ id: 1 }]);
  assert.deepEqual(charts.map((p) => [p.inject, p.reason.code]), [[false, 'no-container-use']]);
  // Types the platform does not know go out as "other", with a warning.
  const ghcr = toDevtronPayload({ name: 'gh-ci', registryType: 'ghcr', username: 'octocat', password: 'ghp_x' }, { report: true });
  assert.deepEqual(ghcr.warnings.map((i) => [i.path, i.code]), [['/registryType', 'devtron.type-as-other']]);
  assert.equal(ghcr.value.registryType, 'other');
  // An ECR session token has no field in the payload: left out, with a warning.
  const sts = toDevtronPayload({ name: 'ecr-sts', registryType: 'ecr',
    registryUrl: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', awsAuthType: 'user-auth', awsAccessKeyId: 'ASIAIOSFODNN7EXAMPLE',
    awsSecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', awsSessionToken: 'FwoGZXIvYXdzEXAMPLETOKEN' }, { report: true });
  assert.deepEqual(sts.warnings.map((i) => [i.path, i.code]), [['/awsSessionToken', 'devtron.dropped-field']]);
  assert.ok(!JSON.stringify(sts).includes('FwoGZXIv'));
});

test('single platform fields validate on each keystroke', () => {
  assert.deepEqual(validateField('ecr', 'assumeRoleArn', 'arn:aws:iam::1:role/x').errors.map((e) => e.code), ['ecr.role-arn.format']);
  assert.equal(validateField('docker-hub', 'usage.charts', 'pull-push').value, 'pull-push');
  assert.deepEqual(validateField('other', 'remoteConnection.proxyUrl', 'proxy:3128').errors.map((e) => e.code), ['remote.proxy-url']);
  assert.deepEqual(validateField('other', 'remoteConnection.sshUsername', 'a b').errors.map((e) => e.code), ['remote.ssh-username']);
  assert.deepEqual(validateField('quay', 'injection.secretName', 'a, b').value, 'a,b');
});

const hub = { name: 'my-hub', registryType: 'docker-hub', username: 'u', password: 'p' };

test('injection as the platform: virtual clusters, public and chart-only registries, names, platform naming', () => {
  const clusters = [{ id: 1, isVirtual: true }, { id: 2 }];
  const plan = injectionPlan({ ...hub, injection: { autoInject: ['*'] } }, clusters, { secretNaming: 'platform' });
  assert.deepEqual(plan.map((p) => [p.inject, p.reason.code, p.secretName ?? null]),
    [[false, 'virtual-cluster', null], [true, 'auto-inject.all', 'myhub-dtron-ips']]);
  const pub = injectionPlan({ name: 'pub', registryType: 'docker-hub', public: true,
    usage: { charts: 'pull', chartRepositories: ['a/b'] } }, clusters);
  assert.ok(pub.every((p) => !p.inject && p.reason.code === 'public-registry'));
  const names = injectionPlan({ ...hub, injection: { autoInject: ['2'], credentialSource: 'image-pull-secret', secretName: 'a,b' } }, [2]);
  assert.deepEqual(names[0].secretNames, ['a', 'b']);
  assert.throws(() => injectionPlan(hub, [1], { secretNaming: 'devtron' }), (e) => e instanceof RegcredError && e.code === 'argument.secret-naming');
});

test('helmValuesPatch appends the cluster\'s secret names to imagePullSecrets', () => {
  const config = { ...hub, injection: { autoInject: ['1'] } };
  assert.deepEqual(helmValuesPatch(config, { id: 1 }), { imagePullSecrets: ['my-hub-regcred'] });
  assert.deepEqual(helmValuesPatch(config, 1, { values: { a: 1, imagePullSecrets: ['x'] }, secretNaming: 'platform' }),
    { a: 1, imagePullSecrets: ['x', 'myhub-dtron-ips'] });
  assert.deepEqual(helmValuesPatch(config, { id: 2 }, { values: { a: 1 } }), { a: 1 });
  assert.throws(() => helmValuesPatch(config, 1, { values: { imagePullSecrets: 'x' } }), (e) => e.code === 'secret.shape');
});

const ROLE_KEY = 'ASIAROLEEXAMPLE12345';
const stsAnswer = `<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>${ROLE_KEY}</AccessKeyId>
<SecretAccessKey>role-secret-marker</SecretAccessKey><SessionToken>role-token-marker</SessionToken>
<Expiration>2026-01-01T01:00:00Z</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>`;
const ecrAnswer = JSON.stringify({ authorizationData: [{ authorizationToken: btoa('AWS:ecr-password-marker'),
  expiresAt: 1767268800, proxyEndpoint: 'https://123456789012.dkr.ecr.eu-west-1.amazonaws.com' }] });
const roleConfig = { name: 'ecr-cross', registryType: 'ecr', registryUrl: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
  awsAuthType: 'user-auth', awsAccessKeyId: 'AKIAIOSFODNN7EXAMPLE', awsSecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  assumeRoleArn: 'arn:aws:iam::210987654321:role/ecr-pull' };

function scriptedFetch(seen) {
  return async (url, init) => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    seen.push({ url: String(url), headers, body: init?.body });
    if (String(url).startsWith('https://sts.')) return new Response(stsAnswer, { status: 200, headers: { 'content-type': 'text/xml' } });
    if (String(url).startsWith('https://api.ecr.')) return new Response(ecrAnswer, { status: 200 });
    return new Response('{}', { status: 200, headers: { 'docker-distribution-api-version': 'registry/2.0' } });
  };
}

test('ecrAuthorizationToken assumes the role and signs the token request with its credentials', async () => {
  const seen = [];
  const token = await ecrAuthorizationToken(roleConfig, { fetch: scriptedFetch(seen), now: NOW });
  assert.equal(token.password, 'ecr-password-marker');
  assert.deepEqual(seen.map((s) => s.url), ['https://sts.eu-west-1.amazonaws.com/', 'https://api.ecr.eu-west-1.amazonaws.com/']);
  assert.match(seen[0].body, /^Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A210987654321%3Arole%2Fecr-pull&RoleSessionName=regcred$/);
  assert.match(seen[0].headers.authorization, /^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/20260101\/eu-west-1\/sts\/aws4_request/);
  assert.match(seen[1].headers.authorization, new RegExp(`^AWS4-HMAC-SHA256 Credential=${ROLE_KEY}/20260101/eu-west-1/ecr/aws4_request`));
  assert.equal(seen[1].headers['x-amz-security-token'], 'role-token-marker');
});

test('verifyCredentials with a role: STS, token, registry; no role secret in the result', async () => {
  const seen = [];
  const r = await verifyCredentials(roleConfig, { fetch: scriptedFetch(seen), now: NOW });
  assert.equal(r.ok, true);
  assert.deepEqual(r.steps.map((s) => s.url), ['https://sts.eu-west-1.amazonaws.com/', 'https://api.ecr.eu-west-1.amazonaws.com/',
    'https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/']);
  assert.ok(!/marker|ASIAROLE/.test(JSON.stringify(r)));
  const denied = await verifyCredentials(roleConfig, { now: NOW, fetch: async () => new Response(
    '<ErrorResponse><Error><Code>AccessDenied</Code><Message>no</Message></Error></ErrorResponse>', { status: 403 }) });
  assert.deepEqual([denied.ok, denied.status, denied.code], [false, 'unauthorized', 'sts.access-denied']);
});

test('a public registry (public ECR included) is verified anonymously: no keys, no ECR API', async () => {
  const seen = [];
  const fetch = async (url, init) => {
    const auth = new Headers(init?.headers).get('authorization');
    seen.push(`${url} ${auth ?? '-'}`);
    const v2 = { 'docker-distribution-api-version': 'registry/2.0' };
    if (String(url).startsWith('https://public.ecr.aws/token')) return new Response('{"token":"anon-token"}', { status: 200 });
    if (auth === 'Bearer anon-token') return new Response('{}', { status: 200, headers: v2 });
    return new Response('', { status: 401, headers: { ...v2,
      'www-authenticate': 'Bearer realm="https://public.ecr.aws/token",service="public.ecr.aws",scope="aws"' } });
  };
  const config = { name: 'ecr-public', registryType: 'ecr', registryUrl: 'public.ecr.aws', public: true,
    usage: { charts: 'pull', chartRepositories: ['bitnami/redis'] } };
  const r = await verifyCredentials(config, { fetch, now: NOW });
  assert.equal(r.status, 'anonymous', JSON.stringify(r));
  assert.ok(seen.every((s) => !s.includes('api.ecr') && !s.includes('sts.')), seen.join('\n'));
  assert.equal(seen.length, 3, seen.join('\n'));
});
