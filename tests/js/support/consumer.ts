// A TypeScript consumer of the package, used by packaging.test.mjs in two ways:
//  1. compiled with `tsc --strict` (plus exactOptionalPropertyTypes): every exported function is
//     called with correct types, and every `@ts-expect-error` line is a wrong use that must fail
//     to compile (tsc reports an unused directive if it compiles);
//  2. emitted and run with Node against the installed package: the keys of real results are
//     compared with the declared interfaces (`shape<T>()` lists every key of T, each marked
//     required or optional, and the compiler checks the list is exactly T's keys).
// `./fixtures.js` is written by the test: PEM certificates and a GCP key from tests/fixtures/.
import * as regcred from 'regcred';
import {
  registryTypes,
  registrySchema,
  registryUiSchema,
  RegcredError,
  init,
  validateRegistry,
  validateField,
  parseEcrUrl,
  parseServiceAccountKey,
  inspectCertificates,
  dockerConfigJson,
  dockerConfigFile,
  pullSecret,
  injectionPlan,
  toDevtronPayload,
  fromDevtronPayload,
  verifyCredentials,
  ecrAuthorizationToken,
  helmValuesPatch,
  parseImageReference,
  resolveCredentials,
  verifyAccess,
  type AccessCheck,
  type AccessStatus,
  type AccessStep,
  type ImageReference,
  type ResolvedCredential,
  type CertificateBundle,
  type CertificateInfo,
  type ClusterPlan,
  type DevtronRegistryPayload,
  type DockerEntry,
  type EcrAuthorization,
  type EcrRegistry,
  type EcrToken,
  type FetchLike,
  type Field,
  type FieldOption,
  type Issue,
  type NormalizedRegistryConfig,
  type RegistryConfig,
  type RegistrySource,
  type RegistryTypeId,
  type RegistryTypeInfo,
  type Report,
  type ServiceAccountKey,
  type Verification,
  type VerificationStatus,
  type VerificationStep,
  type VerifyResult,
} from 'regcred';
import { rootPem, intermediatePem, gcpKey } from './fixtures.js';

// ---- the shape checker --------------------------------------------------------------------------

type Presence<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? 'optional' : 'required' };
type Shape = Record<string, 'optional' | 'required'>;
/** Every key of T, each marked as T declares it (checked by the compiler, both ways). */
const shape = <T>(p: Presence<T>): Shape => p;
const checked: string[] = [];

/** Real `value` has no key T does not declare and every key T requires. */
function assertShape(what: string, value: unknown, s: Shape): void {
  if (typeof value !== 'object' || value === null) throw new Error(`${what}: not an object: ${String(value)}`);
  for (const k of Object.keys(value)) if (!(k in s)) throw new Error(`${what}: key "${k}" is not declared`);
  for (const [k, p] of Object.entries(s)) if (p === 'required' && !(k in value)) throw new Error(`${what}: declared key "${k}" is missing`);
  checked.push(what);
}
function assert(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Error(`assertion failed: ${what}`);
}

const issueShape = shape<Issue>({ path: 'required', code: 'required', message: 'required' });
function assertReport<T>(what: string, report: Report<T>, valueShape?: Shape): T | undefined {
  assertShape(what, report, shape<Report<unknown>>({ valid: 'required', errors: 'required', warnings: 'required', value: 'optional' }));
  for (const i of [...report.errors, ...report.warnings]) assertShape(`${what} issue`, i, issueShape);
  if (valueShape && report.value !== undefined) assertShape(`${what} value`, report.value, valueShape);
  return report.value;
}

// ---- the exports: exactly the declared ones ---------------------------------------------------

assertShape('exports', regcred, shape<typeof regcred>({
  registryTypes: 'required', registrySchema: 'required', registryUiSchema: 'required', init: 'required',
  RegcredError: 'required', validateRegistry: 'required', validateField: 'required', parseEcrUrl: 'required',
  parseServiceAccountKey: 'required', inspectCertificates: 'required', dockerConfigJson: 'required',
  dockerConfigFile: 'required', pullSecret: 'required', injectionPlan: 'required', toDevtronPayload: 'required',
  fromDevtronPayload: 'required', verifyCredentials: 'required', ecrAuthorizationToken: 'required',
  helmValuesPatch: 'required',
  parseImageReference: 'required', resolveCredentials: 'required', verifyAccess: 'required',
}));

// ---- catalog and schemas ----------------------------------------------------------------------

await init();
const types: RegistryTypeInfo[] = registryTypes();
const typeShape = shape<RegistryTypeInfo>({ id: 'required', label: 'required', defaultUrl: 'required', urlEditable: 'required',
  dockerConfigServer: 'required', credentialsHelp: 'required', fields: 'required' });
const fieldShape = shape<Field>({ key: 'required', label: 'required', kind: 'required', required: 'required',
  requiredWhen: 'required', shownWhen: 'required', fixedValue: 'required', defaultValue: 'required', placeholder: 'required', help: 'required', options: 'required' });
const optionShape = shape<FieldOption>({ value: 'required', label: 'required' });
for (const t of types) {
  assertShape('RegistryTypeInfo', t, typeShape);
  for (const f of t.fields) {
    assertShape('Field', f, fieldShape);
    f.options.forEach((o) => assertShape('FieldOption', o, optionShape));
  }
}
const ids: RegistryTypeId[] = ['ecr', 'docker-hub', 'acr', 'artifact-registry', 'gcr', 'quay', 'gitlab', 'ghcr', 'harbor', 'other'];
assert(types.map((t) => t.id).join() === ids.join(), 'every type id');
const schema: Record<string, unknown> = registrySchema();
const ui: Record<string, unknown> = registryUiSchema();
assert(typeof schema['properties'] === 'object' && Array.isArray(ui['ui:order']), 'schema and uiSchema objects');

// ---- validation ---------------------------------------------------------------------------------

const configShape = shape<NormalizedRegistryConfig>({
  name: 'required', registryType: 'required', registryUrl: 'required', isDefault: 'required', connection: 'required',
  cert: 'optional', awsAuthType: 'optional', awsAccessKeyId: 'optional', awsSecretAccessKey: 'optional',
  awsSessionToken: 'optional', username: 'optional', password: 'optional', injection: 'optional',
  assumeRoleArn: 'optional', public: 'optional', usage: 'optional', remoteConnection: 'optional',
});
const dockerHub: RegistryConfig = { name: 'dockerhub', registryType: 'docker-hub', username: 'alice', password: 'dckr_pat_example' };
const ecrKeys: RegistryConfig = {
  name: 'shop-ecr', registryType: 'ecr', registryUrl: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
  awsAuthType: 'user-auth', awsAccessKeyId: 'AKIAIOSFODNN7EXAMPLE', awsSecretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const normalized: NormalizedRegistryConfig | undefined = assertReport('validateRegistry', validateRegistry(dockerHub, { now: Date.now() }), configShape);
assert(normalized?.registryUrl === 'docker.io' && normalized.isDefault === false && normalized.connection === 'secure', 'normalized defaults');
const invalid = validateRegistry({ name: 'X', registryType: 'quay' }, { now: '2026-01-01T00:00:00Z' });
assert(!invalid.valid && invalid.errors.length > 0 && invalid.value === undefined, 'an invalid configuration');

const field: Report<unknown> = validateField('ecr', 'registryUrl', '12345.dkr.ecr.us-east-1.amazonaws.com');
assertReport('validateField', field);
assert(field.errors[0]?.code.startsWith('ecr.url') === true, 'an ECR URL error code');
assertReport('validateField with config', validateField('other', 'cert', intermediatePem, { config: { connection: 'secure-with-cert' }, now: Date.now() }));
assertReport('validateField injection', validateField('quay', 'injection.autoInject', ['1', '2']));

const ecrShape = shape<EcrRegistry>({ accountId: 'required', region: 'required', fips: 'required', dualStack: 'required',
  partition: 'required', host: 'required', apiEndpoint: 'required', public: 'required' });
const ecr: EcrRegistry | undefined = assertReport('parseEcrUrl', parseEcrUrl('123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com'), ecrShape);
const publicEcr = assertReport('parseEcrUrl public', parseEcrUrl('public.ecr.aws'), ecrShape);
assert(ecr?.fips === true && publicEcr?.accountId === null && publicEcr.public, 'ECR fields');

const keyShape = shape<ServiceAccountKey>({ compact: 'required', quoted: 'required', clientEmail: 'required', projectId: 'required', privateKeyId: 'required' });
const key: ServiceAccountKey | undefined = assertReport('parseServiceAccountKey', parseServiceAccountKey(gcpKey), keyShape);
assert(key !== undefined && key.quoted.startsWith("'"), 'a GCP key');

const certShape = shape<CertificateInfo>({ subject: 'required', issuer: 'required', serialNumber: 'required', notBefore: 'required',
  notAfter: 'required', sha256Fingerprint: 'required', isCa: 'required', pathLength: 'required', selfSigned: 'required',
  subjectAltNames: 'required', keyAlgorithm: 'required', keyCurve: 'required', keySize: 'required', version: 'required' });
const bundle: CertificateBundle | undefined = assertReport('inspectCertificates', inspectCertificates(rootPem, { now: Date.now(), host: 'registry.example.com' }),
  shape<CertificateBundle>({ certificates: 'required' }));
for (const c of bundle?.certificates ?? []) assertShape('CertificateInfo', c, certShape);
const first: CertificateInfo | undefined = bundle?.certificates[0];
assert(first?.isCa === true && first.version === 3 && /^[0-9A-F:]+$/.test(first.sha256Fingerprint), 'certificate fields');
const der: Uint8Array = new Uint8Array([0x30, 0x82, 0x00, 0x00]);
assertReport('inspectCertificates DER', inspectCertificates(der, { requireCa: false, host: null }));

// ---- generation ---------------------------------------------------------------------------------

const entry: DockerEntry = { server: 'registry.example.com', username: 'ci', password: 'token', email: null };
const dockerconfigjson: string = dockerConfigJson([entry, dockerHub], { goEscaping: true });
const configFile: string = dockerConfigFile([ecrKeys, entry], { credHelpers: true, now: Date.now() });
assert(JSON.parse(dockerconfigjson).auths !== undefined && JSON.parse(configFile).credHelpers !== undefined, 'docker config texts');
const sources: RegistrySource[] = [dockerHub, entry];
const manifest: string = pullSecret({
  name: 'pull', namespace: 'apps', registries: sources, format: 'yaml', appendHash: true,
  labels: { app: 'shop' }, annotations: { owner: 'platform' }, goEscaping: false, now: '2026-01-01T00:00:00Z',
});
assert(manifest.includes('kubernetes.io/dockerconfigjson'), 'a manifest');

try {
  pullSecret({ name: 'pull', registries: [{ name: 'X', registryType: 'quay' }] });
  throw new Error('an invalid configuration must throw');
} catch (e) {
  if (!(e instanceof RegcredError)) throw e;
  const code: string = e.code;
  const issues: Issue[] | undefined = e.errors;
  assert(code === 'config.invalid' && e.name === 'RegcredError' && (issues?.length ?? 0) > 0, 'config.invalid with errors');
  issues?.forEach((i) => assertShape('RegcredError issue', i, issueShape));
}

const planShape = shape<ClusterPlan>({ clusterId: 'required', clusterName: 'optional', inject: 'required', secretName: 'optional',
  secretNames: 'optional', source: 'required', reason: 'required' });
const plan: ClusterPlan[] = injectionPlan({ ...dockerHub, injection: { autoInject: ['1', '3'], credentialSource: 'registry-credentials' } },
  [{ id: 1, name: 'default_cluster' }, { id: '2', name: null }, 3]);
for (const p of plan) {
  assertShape('ClusterPlan', p, planShape);
  assertShape('ClusterPlan reason', p.reason, shape<ClusterPlan['reason']>({ code: 'required', message: 'required' }));
}
assert(plan.map((p) => `${p.clusterId}:${p.inject}`).join() === '1:true,2:false,3:true', 'the plan');
const patched = helmValuesPatch({ ...dockerHub, injection: { autoInject: ['*'] } }, { id: 1, isVirtual: false },
  { values: { replicaCount: 1 }, secretNaming: 'platform' });
if (!Array.isArray(patched.imagePullSecrets) || patched.replicaCount !== 1) throw new Error('helmValuesPatch');

type IpsConfig = NonNullable<DevtronRegistryPayload['ipsConfig']>;
const payloadShape = shape<DevtronRegistryPayload>({ id: 'required', pluginId: 'required', registryType: 'required', isDefault: 'required',
  registryUrl: 'required', awsAccessKeyId: 'optional', awsSecretAccessKey: 'optional', awsRegion: 'optional', username: 'optional',
  password: 'optional', connection: 'optional', cert: 'optional', isOCICompliantRegistry: 'required', ipsConfig: 'required',
  ociRegistryConfig: 'required', isPublic: 'required', repositoryList: 'required', assumeRoleArn: 'optional',
  registryCredentialsType: 'optional', remoteConnectionConfig: 'optional' });
const payload: DevtronRegistryPayload = toDevtronPayload({ ...dockerHub, injection: { doNotInject: ['2'] } });
assertShape('DevtronRegistryPayload', payload, payloadShape);
if (payload.ipsConfig) {
  assertShape('ipsConfig', payload.ipsConfig, shape<IpsConfig>({ id: 'required', credentialType: 'required', credentialValue: 'required',
    appliedClusterIdsCsv: 'required', ignoredClusterIdsCsv: 'required' }));
}
assertShape('DevtronRegistryPayload ECR', toDevtronPayload(ecrKeys), payloadShape);
const back: NormalizedRegistryConfig | undefined = assertReport('fromDevtronPayload', fromDevtronPayload(payload), configShape);
assert(back?.name === 'dockerhub', 'the round trip');
assertReport('fromDevtronPayload (unknown object)', fromDevtronPayload({ registryType: 'nope' }));

// ---- verification through a scripted fetch (no network) -----------------------------------------

const stepShape = shape<VerificationStep>({ method: 'required', url: 'required', status: 'required', error: 'optional' });
const verificationShape = shape<Verification>({ ok: 'required', status: 'required', steps: 'required', expiresAt: 'optional',
  code: 'optional', message: 'required' });
function assertVerification(what: string, v: VerifyResult): VerificationStatus {
  assertShape(what, v, verificationShape);
  v.steps.forEach((s) => assertShape(`${what} step`, s, stepShape));
  return v.status;
}

const ecrToken = btoa('AWS:ecr-pass');
const scripted: FetchLike = async (url, init) => {
  if (url.startsWith('https://api.ecr.')) {
    return new Response(JSON.stringify({ authorizationData: [{ authorizationToken: ecrToken, expiresAt: Date.now() / 1000 + 43200,
      proxyEndpoint: 'https://123456789012.dkr.ecr.eu-west-1.amazonaws.com' }] }), { status: 200 });
  }
  const authorized = new Headers(init.headers).has('authorization');
  return authorized
    ? new Response('{}', { status: 200, headers: { 'docker-distribution-api-version': 'registry/2.0' } })
    : new Response(null, { status: 401, headers: { 'www-authenticate': 'Basic realm="registry"' } });
};
const ok = await verifyCredentials({ ...dockerHub, registryType: 'other', registryUrl: 'registry.example.com' }, { fetch: scripted, timeoutMs: 5000 });
assert(assertVerification('verifyCredentials', ok) === 'authenticated' && ok.ok, 'authenticated');
const viaEcr = await verifyCredentials(ecrKeys, { fetch: scripted, now: Date.now() });
assert(assertVerification('verifyCredentials ECR', viaEcr) === 'authenticated' && typeof viaEcr.expiresAt === 'string', 'ECR expiresAt');
let fetched = 0;
const blocked = await verifyCredentials({ ...dockerHub, registryType: 'other', registryUrl: '127.0.0.1:5000' },
  { fetch: async (url, init) => { fetched += 1; return fetch(url, init); }, allowPrivateNetworks: false });
assert(assertVerification('verifyCredentials blocked', blocked) === 'blocked' && blocked.code === 'policy.private-address' && fetched === 0, 'blocked');
const unsupported = await verifyCredentials({ name: 'shop-ecr', registryType: 'ecr', registryUrl: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', awsAuthType: 'iam-role' }, { fetch });
assert(assertVerification('verifyCredentials iam-role', unsupported) === 'unsupported', 'unsupported');
try {
  // A misuse a JavaScript caller can make (the types forbid it: see the negative cases below).
  await verifyCredentials(dockerHub, { fetch: 'nope' } as unknown as { fetch: FetchLike });
  throw new Error('a fetch that is not a function must reject');
} catch (e) {
  assert(e instanceof RegcredError && e.code === 'argument.type', 'argument.type');
}

const authShape = shape<EcrAuthorization>({ username: 'required', password: 'required', expiresAt: 'required', proxyEndpoint: 'required' });
const login: EcrAuthorization = await ecrAuthorizationToken(ecrKeys, { fetch: scripted, now: new Date().toISOString(), timeoutMs: 5000 });
assertShape('EcrAuthorization', login, authShape);
const token: EcrToken = login; // an authorization is a token the generators take
const withToken: string = pullSecret({ name: 'ecr-pull', registries: [{ ...ecrKeys, ecrToken: token }], format: 'json' });
assert(withToken.includes('.dockerconfigjson'), 'an ECR secret from the token');

// ---- images ---------------------------------------------------------------------------------------

const refShape = shape<ImageReference>({ domain: 'required', path: 'required', tag: 'optional', digest: 'optional', name: 'required',
  familiarName: 'required', reference: 'required', familiarReference: 'required', pullReference: 'required' });
const nginx: ImageReference | undefined = assertReport('parseImageReference', parseImageReference('nginx:1.27'), refShape);
assert(nginx?.name === 'docker.io/library/nginx' && nginx.tag === '1.27', 'nginx normalized');
assertReport('parseImageReference raw', parseImageReference('team/app', { normalize: false }), refShape);
const credShape = shape<ResolvedCredential>({ server: 'required', username: 'required', source: 'required' });
const creds: ResolvedCredential[] | undefined = assertReport('resolveCredentials', resolveCredentials('nginx', [dockerHub, '{"auths":{}}']));
assert(creds?.length === 1, 'Docker Hub credential');
creds.forEach((c) => assertShape('ResolvedCredential', c, credShape));
const accessStepShape = shape<AccessStep>({ method: 'required', url: 'required', status: 'required', error: 'optional' });
const accessShape = shape<AccessCheck>({ ok: 'required', status: 'required', steps: 'required', expiresAt: 'optional', code: 'optional', message: 'required' });
const manifestFetch: FetchLike = async (url, init) => (url.includes('/manifests/')
  ? new Response('{}', { status: 200 })
  : scripted(url, init));
const access: AccessCheck = await verifyAccess({ ...dockerHub, registryType: 'other', registryUrl: 'registry.example.com' },
  { fetch: manifestFetch, repository: 'team/app:1.0', actions: ['pull'] });
assertShape('AccessCheck', access, accessShape);
access.steps.forEach((s) => assertShape('AccessCheck step', s, accessStepShape));
const accessStatus: AccessStatus = access.status;
assert(accessStatus === 'granted' && access.ok, 'granted');

// Exhaustive over the declared statuses: a new status would be a compile error here.
function describeStatus(s: VerificationStatus): string {
  switch (s) {
    case 'authenticated': case 'anonymous': return 'works';
    case 'unauthorized': case 'not-a-registry': case 'unsupported': return 'fix the configuration';
    case 'unreachable': case 'tls': case 'timeout': case 'blocked': return 'fix the network';
    default: { const never: never = s; return never; }
  }
}

// ---- wrong uses: each line must fail to compile --------------------------------------------------

function wrongUses(): void {
  // @ts-expect-error: registryType is one of the known ids
  validateRegistry({ name: 'x', registryType: 'nexus' } satisfies RegistryConfig);
  // @ts-expect-error: an unknown field name
  validateField('ecr', 'registryURL', 'x');
  // @ts-expect-error: an unknown registry type
  validateField('nexus', 'name', 'x');
  // @ts-expect-error: now is a string or a number
  validateRegistry(dockerHub, { now: new Date() });
  // @ts-expect-error: parseEcrUrl takes a string
  parseEcrUrl(42);
  // @ts-expect-error: value may be undefined (check `valid`)
  const e: EcrRegistry = parseEcrUrl('x').value;
  // @ts-expect-error: accountId is string | null
  const account: string = parseEcrUrl('x').value!.accountId;
  // @ts-expect-error: the format is json or yaml
  pullSecret({ name: 'x', registries: [dockerHub], format: 'toml' });
  // @ts-expect-error: registries is required
  pullSecret({ name: 'x' });
  // @ts-expect-error: an entry needs a password
  dockerConfigJson([{ server: 'r.example.com', username: 'u' }]);
  // @ts-expect-error: an unknown option
  dockerConfigFile([entry], { goEscaping: true });
  // @ts-expect-error: verifyCredentials needs a fetch
  void verifyCredentials(dockerHub, {});
  // @ts-expect-error: fetch must be a function
  void verifyCredentials(dockerHub, { fetch: 'https://example.com' });
  // @ts-expect-error: not a status
  const s: VerificationStatus = 'ok';
  // @ts-expect-error: verifyCredentials resolves to a Verification, not a boolean
  const b: Promise<boolean> = verifyCredentials(dockerHub, { fetch });
  // @ts-expect-error: verifyAccess needs a repository
  void verifyAccess(dockerHub, { fetch });
  // @ts-expect-error: actions are pull and push
  void verifyAccess(dockerHub, { fetch, repository: 'x', actions: ['delete'] });
  // @ts-expect-error: parseImageReference takes a string
  parseImageReference({ image: 'nginx' });
  // @ts-expect-error: clusters are ids or { id, name? }
  injectionPlan(dockerHub, [{ name: 'prod' }]);
  // @ts-expect-error: clusterId comes back as a string
  const id: number = plan[0]!.clusterId;
  // @ts-expect-error: the credential source is one of two
  injectionPlan({ ...dockerHub, injection: { credentialSource: 'secret' } }, [1]);
  // @ts-expect-error: isCa is a boolean
  const ca: string = first!.isCa;
  // @ts-expect-error: the payload's repositoryList may be null
  const repos: string[] = payload.repositoryList;
  // @ts-expect-error: a Devtron credential type is SAME_AS_REGISTRY or NAME
  const t: IpsConfig['credentialType'] = 'SAME';
  // @ts-expect-error: code is read-only
  new RegcredError('a', 'b').code = 'c';
  // @ts-expect-error: shape() must list every key (`public` missing) ...
  shape<EcrRegistry>({ accountId: 'required', region: 'required', fips: 'required', dualStack: 'required', partition: 'required', host: 'required', apiEndpoint: 'required' });
  // @ts-expect-error: ... no more keys ...
  shape<FieldOption>({ value: 'required', label: 'required', extra: 'optional' });
  // @ts-expect-error: ... and mark optional ones as optional.
  shape<Issue>({ path: 'optional', code: 'required', message: 'required' });
  void [e, account, s, b, id, ca, repos, t];
}
void wrongUses;

console.log(JSON.stringify({ ok: true, checked: [...new Set(checked)].length, statuses: [ok, viaEcr, blocked, unsupported].map((v) => describeStatus(v.status)) }));
export { wrongUses };
