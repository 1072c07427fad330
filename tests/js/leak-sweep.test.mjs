// The secret-leak sweep against the built package (ARCHITECTURE.md, "Secrets").
//
// Unique markers are planted in every secret field of every registry type (password,
// awsSecretAccessKey, awsSessionToken, GCP key contents incl. private_key and private_key_id,
// ecrToken.password, entry passwords, private keys pasted into `cert`, Devtron payload secrets)
// and in what a scripted registry answers (token responses, Authorization-bearing headers and
// bodies, tokens in redirect URLs, chatty error bodies). Every API function runs with valid and
// invalid variants, and none of these may contain a marker (raw, or base64 at any alignment as
// in `auth` or a Basic header):
//   - every report's issues (path, code, message) and `valid`;
//   - every thrown or rejected error (message, code, errors, stack, name);
//   - everything verifyCredentials resolves to (status, code, message, steps, expiresAt);
//   - injectionPlan results, the catalog and schemas, ecrAuthorizationToken's result except its
//     `password`;
//   - everything written to console.* and process.stdout/stderr during the sweep.
// Excluded, because carrying the secrets is their job (and nothing else is excluded):
//   - the generated outputs: dockerConfigJson / dockerConfigFile / pullSecret text,
//     toDevtronPayload's payload, ecrAuthorizationToken's `password` (the registry token);
//   - `value` of a VALID report (the normalized configuration, field value or parsed key);
//     an invalid report's `value`, when present, is searched;
//   - the requests handed to the scripted fetch (they must carry the credentials).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as api from 'regcred';

const NOW = 1_795_732_860_000;
const M = {
  password: 'LKpwQ7xZ2mW4vN8aR5tY3uB6',
  awsSecret: 'LKasQ7xZ2mW4vN8aR5tY3uB6cD9eF1gH4jK7mP2s',
  awsSession: 'LKstQ7xZ2mW4vN8aR5tY3uB6cD9eF1gH',
  gcpPrivateKey: 'LKgpQ7xZ2mW4vN8aR5tY3uB6',
  gcpPrivateKeyId: 'LKgiQ7xZ2mW4vN8aR5tY3uB6',
  ecrToken: 'LKetQ7xZ2mW4vN8aR5tY3uB6',
  entryPassword: 'LKenQ7xZ2mW4vN8aR5tY3uB6',
  certKey: 'LKckQ7xZ2mW4vN8aR5tY3uB6',
  devtronPassword: 'LKdpQ7xZ2mW4vN8aR5tY3uB6',
  devtronSecret: 'LKdsQ7xZ2mW4vN8aR5tY3uB6cD9eF1gH4jK7mP2s',
  tokenResponse: 'LKtrQ7xZ2mW4vN8aR5tY3uB6',
  authResponse: 'LKarQ7xZ2mW4vN8aR5tY3uB6',
  ecrApiToken: 'LKeaQ7xZ2mW4vN8aR5tY3uB6',
};

/** Each marker raw and base64-encoded at the three byte alignments (marker-only characters). */
const needles = Object.entries(M).flatMap(([name, m]) => [
  [name, m],
  ...[0, 1, 2].map((k) => {
    const enc = Buffer.from('x'.repeat(k) + m).toString('base64');
    return [name, enc.slice(Math.ceil((8 * k) / 6), Math.floor((8 * (k + m.length)) / 6))];
  }),
]);

// ---- inputs --------------------------------------------------------------------------------

const pem = (label, body) => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
const rootPem = readFileSync(new URL('../fixtures/certs/root.pem', import.meta.url), 'utf8');
const gcpKey = (pk = pem('PRIVATE KEY', M.gcpPrivateKey), id = M.gcpPrivateKeyId) => JSON.stringify({
  type: 'service_account', project_id: 'leak-sweep', private_key_id: id, private_key: pk,
  client_email: 'pull@leak-sweep.iam.gserviceaccount.com', client_id: '1234567890',
});
const brokenGcpKeys = () => {
  const good = gcpKey();
  return [
    good.replace('service_account', 'authorized_user'), good.replace('pull@', 'pull-at-'),
    good.replaceAll('\\n', '\\\\n'), good.replaceAll('\\n', '\n'),
    good.replace(M.gcpPrivateKey, `${M.gcpPrivateKey} ${M.gcpPrivateKey}`), good.replace(/PRIVATE KEY/g, 'RSA PRIVATE KEY'),
    good.replace(M.gcpPrivateKey, `${M.gcpPrivateKey}!`), good.slice(0, -20), `${good},`, `[${good}]`,
    Buffer.from(good).toString('base64'), `'${good}`, gcpKey(undefined, ''), gcpKey('', M.gcpPrivateKeyId),
    good.replace('"type":"service_account",', ''),
    JSON.stringify({ type: 'external_account', credential_source: { url: `https://example.com/${M.gcpPrivateKey}` }, private_key_id: M.gcpPrivateKeyId }),
    `${M.gcpPrivateKey}${M.gcpPrivateKeyId}`, `{"private_key": "${M.gcpPrivateKey}`,
  ];
};
const certsWithKey = () => {
  const key = pem('PRIVATE KEY', M.certKey);
  return [key, pem('RSA PRIVATE KEY', M.certKey), pem('EC PRIVATE KEY', M.certKey), pem('OPENSSH PRIVATE KEY', M.certKey),
    pem('ENCRYPTED PRIVATE KEY', M.certKey), rootPem + key, key + rootPem, pem('CERTIFICATE', M.certKey),
    `-----BEGIN PRIVATE KEY-----\n${M.certKey}\n`, M.certKey];
};

const validConfigs = () => [
  { name: 'ecr-keys', registryType: 'ecr', registryUrl: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', awsAuthType: 'user-auth', awsAccessKeyId: 'AKIAIOSFODNN7EXAMPLE', awsSecretAccessKey: M.awsSecret },
  { name: 'ecr-temp', registryType: 'ecr', registryUrl: '123456789012.dkr.ecr.us-east-1.amazonaws.com', awsAuthType: 'user-auth', awsAccessKeyId: 'ASIAIOSFODNN7EXAMPLE', awsSecretAccessKey: M.awsSecret, awsSessionToken: M.awsSession },
  { name: 'ecr-role', registryType: 'ecr', registryUrl: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', awsAuthType: 'iam-role' },
  { name: 'dockerhub', registryType: 'docker-hub', username: 'alice', password: M.password },
  { name: 'azure', registryType: 'acr', registryUrl: 'example.azurecr.io', username: 'app-id', password: M.password, injection: { autoInject: ['1', 'prod'] } },
  { name: 'artifacts', registryType: 'artifact-registry', registryUrl: 'europe-west1-docker.pkg.dev', username: '_json_key', password: gcpKey() },
  { name: 'gcr', registryType: 'gcr', registryUrl: 'gcr.io', username: '_json_key', password: gcpKey() },
  { name: 'quay', registryType: 'quay', username: 'org+robot', password: M.password, isDefault: true },
  { name: 'other', registryType: 'other', registryUrl: 'registry.example.com:5000/team', username: 'bob', password: M.password, connection: 'insecure' },
  { name: 'other-ca', registryType: 'other', registryUrl: 'registry.example.com', username: 'bob', password: M.password, connection: 'secure-with-cert', cert: rootPem },
];

const invalidConfigs = () => validConfigs().flatMap((base) => {
  const w = (k, v) => ({ ...base, [k]: v });
  return [
    w('name', 'Bad Name'), w('registryUrl', `https://user:${M.password}@registry.example.com/`), w('registryUrl', 'bad host/?token=x'),
    w('username', 'user:colon'), w('password', ''), w('password', `${M.password}\u0000\n${M.password}`),
    w('password', M.password.repeat(20000)), w('password', [M.password]), w('password', { value: M.password }),
    w('password', gcpKey()), ...brokenGcpKeys().map((k) => w('password', k)),
    w('awsSecretAccessKey', `${M.awsSecret}!`), w('awsSecretAccessKey', M.awsSecret + M.awsSecret),
    w('awsSecretAccessKey', `${M.password} \u0001`), w('awsSecretAccessKey', M.awsSecret.repeat(100)), w('awsSecretAccessKey', 42),
    w('awsSecretAccessKey', M.password), w('awsSessionToken', `${M.awsSession}\n`), w('awsSessionToken', M.awsSession.repeat(1000)),
    w('awsSessionToken', M.awsSession), w('awsAccessKeyId', 'AKIA-not-a-key'), w('awsAuthType', 'bogus'),
    w('connection', 'bogus'), w('registryType', 'bogus'), w('passwd', M.awsSecret),
    w('injection', { doNotInject: ['*'], autoInject: ['1'], credentialSource: 'bogus', secretName: 'Bad Name' }),
    ...certsWithKey().flatMap((cert) => [{ ...base, connection: 'secure-with-cert', cert }, w('cert', cert)]),
  ];
}).concat([[{ password: M.password }], { password: M.password, awsSecretAccessKey: M.awsSecret, awsSessionToken: M.awsSession }]);

const FIELDS = ['name', 'registryType', 'registryUrl', 'isDefault', 'connection', 'cert', 'awsAuthType', 'awsAccessKeyId',
  'awsSecretAccessKey', 'awsSessionToken', 'username', 'password', 'injection', 'injection.doNotInject',
  'injection.autoInject', 'injection.credentialSource', 'injection.secretName'];
const TYPES = ['ecr', 'docker-hub', 'acr', 'artifact-registry', 'gcr', 'quay', 'gitlab', 'ghcr', 'harbor', 'other'];

const ecrToken = { username: 'AWS', password: M.ecrToken, expiresAt: NOW + 3_600_000, proxyEndpoint: 'https://123456789012.dkr.ecr.eu-west-1.amazonaws.com' };
const entry = (password, extra = {}) => ({ server: 'registry.example.com', username: 'carol', password, email: 'carol@example.com', ...extra });

const devtronPayloads = () => {
  const base = { id: 'reg', pluginId: 'cd.go.artifact.docker.registry', registryType: 'docker-hub', registryUrl: 'docker.io',
    username: 'alice', password: M.devtronPassword, isDefault: false, connection: 'secure', cert: '' };
  const w = (k, v) => ({ ...base, [k]: v });
  const out = [base, w('registryType', 'ecr'), w('registryType', 'bogus'), w('password', ''), w('password', 5),
    w('username', 'a:colon'), w('connection', 'bogus'), w('cert', pem('PRIVATE KEY', M.devtronPassword)),
    w('ipsConfig', { credentialType: 'bogus', credentialValue: 'Bad Name', appliedClusterIdsCsv: 'x,,y' }),
    w('passwd', M.devtronSecret), w('awsSecretAccessKey', M.devtronSecret), [base]];
  for (const [registryType, registryUrl] of [['gcr', 'gcr.io'], ['artifact-registry', 'europe-west1-docker.pkg.dev']]) {
    for (const password of [`'${gcpKey()}'`, gcpKey(), `'${M.devtronPassword}'`]) out.push({ ...base, registryType, registryUrl, username: '_json_key', password });
  }
  for (const [id, secret] of [['AKIAIOSFODNN7EXAMPLE', M.devtronSecret], ['', M.devtronSecret], ['AKIAIOSFODNN7EXAMPLE', 'short']]) {
    out.push({ ...base, registryType: 'ecr', registryUrl: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', awsAccessKeyId: id,
      awsSecretAccessKey: secret, awsRegion: 'eu-west-1', username: null, password: null });
  }
  return out;
};

/** A scripted registry, token service and ECR API; `scenario` picks the behaviour. */
function scriptedFetch(scenario) {
  const echo = `Bearer ${M.authResponse}`;
  const bearer = 'Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:team/app:pull"';
  const json = (status, body, headers = {}) => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });
  let hop = 0;
  return async (url, init = {}) => {
    const s = scenario + hop++;
    const authorized = Object.keys(init.headers ?? {}).some((k) => k.toLowerCase() === 'authorization');
    if (url.startsWith('https://api.ecr.')) {
      const token = Buffer.from(`AWS:${M.ecrApiToken}`).toString('base64');
      return [
        () => json(200, { authorizationData: [{ authorizationToken: token, expiresAt: 1.9e9, proxyEndpoint: 'https://123456789012.dkr.ecr.eu-west-1.amazonaws.com' }] }),
        () => json(400, { __type: `UnrecognizedClientException:${M.authResponse}`, message: `token ${M.authResponse} ${M.awsSecret} invalid` }, { 'x-amzn-ErrorType': 'UnrecognizedClientException' }),
        () => json(200, { authorizationData: [{ authorizationToken: M.ecrApiToken + token }] }),
        // A redirect to another origin (the session token and signature must not follow) and
        // one on the API's own origin.
        () => new Response(null, { status: 307, headers: { location: `https://other.example.net/ecr?t=${M.tokenResponse}` } }),
        () => new Response(null, { status: 308, headers: { location: `/?again=${M.authResponse}` } }),
      ][s % 5]();
    }
    if (url.startsWith('https://auth.example.com/')) {
      return [
        () => json(200, { token: M.tokenResponse, access_token: M.tokenResponse, expires_in: 300 }, { authorization: echo }),
        () => json(401, { errors: [{ code: 'UNAUTHORIZED', message: `bad ${M.tokenResponse}`, detail: M.authResponse }] },
          { 'www-authenticate': `Bearer error="invalid_token",error_description="${M.authResponse}"` }),
        () => new Response(null, { status: 302, headers: { location: `https://other.example.net/token?access_token=${M.tokenResponse}#${M.authResponse}` } }),
        () => json(200, `{"token": "${M.tokenResponse}", "expires_in": "${M.authResponse}"`),
      ][s % 4]();
    }
    if (url.startsWith('https://other.example.net/')) {
      const token = Buffer.from(`AWS:${M.ecrApiToken}`).toString('base64');
      return json(200, { token: M.tokenResponse, authorizationData: [{ authorizationToken: token, expiresAt: 1.9e9, proxyEndpoint: M.authResponse }] });
    }
    // The authorized ping redirected to another port of the registry's host (answered there).
    if (authorized && s % 7 === 6 && !url.startsWith('https://registry.example.com:8443/')) {
      return new Response(null, { status: 307, headers: { location: `https://registry.example.com:8443/v2/?t=${M.tokenResponse}` } });
    }
    // A body that stalls after the headers, and chunks that are not bytes.
    if (s % 11 === 10) return new Response(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(M.authResponse)); } }), { status: 200 });
    if (s % 13 === 12) return { status: 200, headers: new Headers({ 'x-echo': M.authResponse }), body: { getReader: () => ({ read: async () => ({ done: false, value: M.tokenResponse }), cancel: async () => {} }) } };
    if (!authorized) {
      return [
        () => json(401, '', { 'www-authenticate': bearer }),
        () => json(401, '', { 'www-authenticate': `Basic realm="registry", ${bearer}` }),
        () => new Response(null, { status: 307, headers: { location: `https://u:${M.authResponse}@registry.example.com/v2/?t=${M.tokenResponse}` } }),
        () => { throw Object.assign(new TypeError(`fetch failed ${M.authResponse}`), { cause: { code: 'CERT_HAS_EXPIRED', message: M.tokenResponse } }); },
        () => json(200, '{}', { 'docker-distribution-api-version': 'registry/2.0' }),
      ][s % 5]();
    }
    return s % 2 === 0
      ? json(200, { echo: init.headers.Authorization ?? init.headers.authorization }, { 'docker-distribution-api-version': 'registry/2.0', authorization: echo })
      : json(401, { errors: [{ message: `${M.tokenResponse} ${M.authResponse}` }] },
        { 'www-authenticate': `Bearer realm="https://auth.example.com/token",error="invalid_token",token="${M.authResponse}"` });
  };
}

// ---- the sweep -----------------------------------------------------------------------------

test('no secret marker in any message, error, verification result or console output', async () => {
  const texts = [];
  const record = (where, value) => texts.push([where, typeof value === 'string' ? value : JSON.stringify(value) ?? String(value)]);
  const issues = (where, r) => {
    record(`${where} valid`, r.valid);
    for (const i of [...(r.errors ?? []), ...(r.warnings ?? [])]) record(`${where} issue`, `${i.path} ${i.code} ${i.message}`);
    // Excluded: `value` of a valid report. An invalid report's value is searched.
    if (!r.valid && r.value !== undefined) record(`${where} invalid value`, r.value);
    const rest = { ...r };
    delete rest.value; delete rest.errors; delete rest.warnings; delete rest.valid;
    if (Object.keys(rest).length) record(`${where} other keys`, rest);
  };
  const thrown = (where, e) => {
    record(`${where} thrown`, `${e?.name} ${e?.code} ${e?.message} ${JSON.stringify(e?.errors)} ${e?.stack} ${String(e)}`);
    record(`${where} thrown keys`, Object.fromEntries(Object.entries(e ?? {})));
  };
  // Returns the function's result; `output` marks generated outputs, which are not searched.
  const call = (where, fn, { output = false, report = false } = {}) => {
    try {
      const r = fn();
      if (report) issues(where, r);
      else if (!output) record(where, r);
      return r;
    } catch (e) {
      thrown(where, e);
      return undefined;
    }
  };
  const callAsync = async (where, fn, onValue) => {
    try {
      onValue(await fn());
    } catch (e) {
      thrown(where, e);
    }
  };

  // Console and stdio, recorded during the sweep (and still written through).
  const restore = [];
  for (const k of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table']) {
    const orig = console[k];
    console[k] = (...args) => { record(`console.${k}`, args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')); return orig.apply(console, args); };
    restore.push(() => { console[k] = orig; });
  }
  for (const stream of [process.stdout, process.stderr]) {
    const orig = stream.write;
    stream.write = function (chunk, ...rest) { record('stdio', String(chunk)); return orig.call(this, chunk, ...rest); };
    restore.push(() => { stream.write = orig; });
  }
  const unhandled = (e) => thrown('unhandledRejection', e);
  process.on('unhandledRejection', unhandled);

  try {
    call('registryTypes', () => api.registryTypes());
    call('registrySchema', () => api.registrySchema());
    call('registryUiSchema', () => api.registryUiSchema());

    const configs = [...validConfigs(), ...invalidConfigs()];
    for (const [i, c] of configs.entries()) {
      const where = `config #${i}`;
      for (const opts of [{ now: NOW }, undefined, { now: M.password }, M.password]) call(`${where} validateRegistry`, () => api.validateRegistry(c, opts), { report: true });
      if (c && typeof c === 'object' && !Array.isArray(c)) {
        for (const t of TYPES) {
          for (const f of FIELDS) {
            const v = f.includes('.') ? c[f.split('.')[0]]?.[f.split('.')[1]] : c[f];
            call(`${where} validateField ${t} ${f}`, () => api.validateField(t, f, v ?? null, { now: NOW, config: c }), { report: true });
            call(`${where} validateField ${t} ${f} alone`, () => api.validateField(t, f, v ?? null, { now: NOW }), { report: true });
          }
        }
      }
      for (const src of [c, { ...c, ecrToken }, { ...c, ecrToken: { ...ecrToken, expiresAt: 'never' } }]) {
        call(`${where} dockerConfigJson`, () => api.dockerConfigJson([src], { goEscaping: true, now: NOW }), { output: true });
        call(`${where} dockerConfigFile`, () => api.dockerConfigFile([src], { credHelpers: true, now: NOW }), { output: true });
        for (const [name, format] of [['pull', 'json'], ['Bad Name', 'yaml'], ['pull', 'xml']]) {
          call(`${where} pullSecret`, () => api.pullSecret({ name, namespace: 'apps', registries: [src], format, appendHash: true, now: NOW }), { output: true });
        }
      }
      call(`${where} injectionPlan`, () => api.injectionPlan(c, [{ id: 1, name: 'prod' }, '2', 3]));
      call(`${where} injectionPlan bad clusters`, () => api.injectionPlan(c, 'bogus'));
      const payload = call(`${where} toDevtronPayload`, () => api.toDevtronPayload(c), { output: true });
      if (payload) call(`${where} fromDevtronPayload(round trip)`, () => api.fromDevtronPayload(payload), { report: true });
    }

    const entries = [[entry(M.entryPassword)], [entry('')], [entry(M.entryPassword, { username: 'u:colon' })],
      [entry(M.entryPassword, { server: 'bad\u0007host' })], [entry(M.entryPassword, { username: '' })],
      [entry(M.entryPassword), entry(M.entryPassword)], [], [entry([M.entryPassword])], [entry(M.entryPassword, { passwd: M.entryPassword })],
      [entry(M.entryPassword, { email: 5 })], [{ ...ecrToken, server: 'x' }], M.entryPassword, { password: M.entryPassword }];
    for (const [i, list] of entries.entries()) {
      call(`entries #${i} dockerConfigJson`, () => api.dockerConfigJson(list), { output: true });
      call(`entries #${i} dockerConfigFile`, () => api.dockerConfigFile(list), { output: true });
      call(`entries #${i} pullSecret`, () => api.pullSecret({ name: 'pull', registries: list, format: 'yaml' }), { output: true });
      call(`entries #${i} pullSecret bad`, () => api.pullSecret({ name: 'Bad_Name', namespace: 'Bad NS', registries: list, labels: { 'bad key!': 'v' } }), { output: true });
    }

    for (const [i, key] of [gcpKey(), ...brokenGcpKeys()].entries()) call(`parseServiceAccountKey #${i}`, () => api.parseServiceAccountKey(key), { report: true });
    call('parseServiceAccountKey not a string', () => api.parseServiceAccountKey({ private_key: M.gcpPrivateKey }));
    for (const url of [`https://user:${M.password}@123456789012.dkr.ecr.eu-west-1.amazonaws.com`,
      `123456789012.dkr.ecr.eu-west-1.amazonaws.com/?X-Amz-Security-Token=${M.awsSession}`, '123456789012.dkr.ecr.eu-west-1.amazonaws.com']) {
      call('parseEcrUrl', () => api.parseEcrUrl(url), { report: true });
    }
    call('parseEcrUrl not a string', () => api.parseEcrUrl([M.password]));
    for (const [i, cert] of certsWithKey().entries()) {
      for (const opts of [{ now: NOW }, { now: NOW, host: 'registry.example.com', requireCa: false }, { now: NOW, host: 5 }]) {
        call(`inspectCertificates #${i}`, () => api.inspectCertificates(cert, opts), { report: true });
        call(`inspectCertificates bytes #${i}`, () => api.inspectCertificates(new TextEncoder().encode(cert), opts), { report: true });
      }
    }
    for (const [i, p] of devtronPayloads().entries()) call(`fromDevtronPayload #${i}`, () => api.fromDevtronPayload(p), { report: true });
    call('validateField misuse', () => api.validateField('bogus', 'password', M.password));
    call('validateField misuse field', () => api.validateField('other', 'bogus', M.password));

    // Verification through a scripted fetch: everything it resolves to is searched.
    let runs = 0;
    for (const [i, c0] of [...validConfigs(), ...invalidConfigs().slice(0, 40)].entries()) {
      const c = ['other', 'acr', 'quay'].includes(c0.registryType) && !String(c0.registryUrl ?? '').includes('@')
        ? { ...c0, registryUrl: 'registry.example.com' } : c0;
      for (let scenario = 0; scenario < (i < 10 ? 20 : 2); scenario++) {
        await callAsync(`verifyCredentials #${i}/${scenario}`, () => api.verifyCredentials(c, { fetch: scriptedFetch(scenario), now: NOW, timeoutMs: 200 }),
          (v) => { runs++; record(`verifyCredentials #${i}/${scenario}`, v); });
        if (c.registryType === 'ecr') {
          await callAsync(`ecrAuthorizationToken #${i}/${scenario}`, () => api.ecrAuthorizationToken(c, { fetch: scriptedFetch(scenario), now: NOW, timeoutMs: 200 }),
            // Excluded: `password`, the registry token the function exists to return.
            ({ password, ...rest }) => record(`ecrAuthorizationToken #${i}/${scenario}`, rest));
        }
      }
    }
    assert.ok(runs > 150, `only ${runs} verifications`);
    const c = validConfigs()[3];
    for (const opts of [{ fetch: M.password }, M.password, { fetch: scriptedFetch(0), timeoutMs: M.password }, { fetch: scriptedFetch(0), now: M.password },
      { fetch: scriptedFetch(0), allowPrivateNetworks: M.password }, { fetch: scriptedFetch(0), timeoutMs: 2 ** 31 }]) {
      await callAsync('verifyCredentials misuse', () => api.verifyCredentials(c, opts), (v) => record('verifyCredentials misuse', v));
      await callAsync('ecrAuthorizationToken misuse', () => api.ecrAuthorizationToken(validConfigs()[0], opts), ({ password, ...rest }) => record('ecrAuthorizationToken misuse', rest));
    }
    await callAsync('verifyCredentials throwing fetch', () => api.verifyCredentials(c, { fetch: () => { throw new Error(M.tokenResponse); }, now: NOW }), (v) => record('verifyCredentials throwing fetch', v));
    await callAsync('ecrAuthorizationToken on non-ECR', () => api.ecrAuthorizationToken(c, { fetch: scriptedFetch(0), now: NOW }), (v) => record('ecrAuthorizationToken non-ECR', v));

    // Images: the kubelet's credentials for an image, and repository access checks.
    const doc = { auths: { 'registry.example.com': { username: 'u', password: M.entryPassword },
      'https://index.docker.io/v1/': { auth: Buffer.from(`robot:${M.entryPassword}`).toString('base64') },
      'ghcr.io': { auth: Buffer.from(`${M.entryPassword}`).toString('base64') } } };
    const sources = [...validConfigs(), ...invalidConfigs().slice(0, 40), doc, JSON.stringify(doc), M.password];
    for (const image of ['nginx', 'registry.example.com/team/app:1', 'ghcr.io/x/y', M.password]) {
      call(`resolveCredentials ${image.length}`, () => api.resolveCredentials(image, sources), { report: true });
      call(`parseImageReference ${image.length}`, () => api.parseImageReference(image), { report: true });
    }
    let accessRuns = 0;
    for (const [i, c0] of validConfigs().slice(0, 12).entries()) {
      const cfg = { ...c0, registryType: 'other', registryUrl: 'registry.example.com' };
      for (let scenario = 0; scenario < 12; scenario++) {
        const actions = [['pull'], ['push'], ['pull', 'push']][scenario % 3];
        await callAsync(`verifyAccess #${i}/${scenario}`, () => api.verifyAccess(cfg, { fetch: scriptedFetch(scenario), now: NOW, timeoutMs: 2000,
          repository: 'team/app:1', actions, probeWrite: scenario % 2 === 0 }), (v) => { accessRuns++; record(`verifyAccess #${i}/${scenario}`, v); });
      }
    }
    assert.ok(accessRuns > 50, `only ${accessRuns} access checks`);
    await callAsync('verifyAccess misuse', () => api.verifyAccess(c, { fetch: scriptedFetch(0), repository: M.password }), (v) => record('verifyAccess misuse', v));
  } finally {
    restore.forEach((r) => r());
    process.off('unhandledRejection', unhandled);
  }

  assert.ok(texts.length > 20000, `only ${texts.length} texts searched`);
  const hits = new Map();
  for (const [where, text] of texts) {
    for (const [name, needle] of needles) {
      if (text.includes(needle)) {
        const kind = `${where.replace(/#\d+(\/\d+)?/g, '#')} ${name}`;
        if (!hits.has(kind)) hits.set(kind, `${where}: ${name} (as ${needle}) in ${text.slice(0, 400)}`);
      }
    }
  }
  assert.deepEqual([...hits.values()], [], `${hits.size} kinds of leak`);
});

test('the needles find a marker hidden in base64 (auth, Basic header)', () => {
  const auth = Buffer.from(`alice:${M.password}`).toString('base64');
  assert.ok(needles.some(([, n]) => auth.includes(n)));
});
