// TypeScript declarations of the regcred package (hand-written, checked by a `tsc --strict`
// consumer test against the built package).

/** One problem in user input. `path` is a JSON pointer; `code` is stable API. */
export interface Issue {
  path: string;
  code: string;
  message: string;
}

/**
 * The answer to anything a person typed. `value` is there when `valid`; some functions
 * (`inspectCertificates`) also give it alongside errors, so check `valid`, not `value`.
 */
export interface Report<T> {
  valid: boolean;
  errors: Issue[];
  warnings: Issue[];
  value?: T;
}

/**
 * Thrown on misuse and by generators given invalid input. Code `internal.trap`: the WebAssembly
 * instance trapped (which should never happen); it was re-created, and later calls work. Any
 * function may throw it (the async ones reject with it, and so does every async call still in
 * flight when the instance is re-created).
 */
export class RegcredError extends Error {
  constructor(code: string, message: string, errors?: Issue[]);
  readonly name: 'RegcredError';
  /** Stable: `argument.*` (misuse), `config.invalid` (see `errors`), `secret.*`, `ecr.*`, ... */
  readonly code: string;
  /** The failing fields, when the input failed validation (`config.invalid`, `secret.*`). */
  readonly errors?: Issue[];
}


export interface FieldOption {
  value: string;
  label: string;
}

export interface Field {
  key: string;
  label: string;
  kind: 'text' | 'password' | 'secret-textarea' | 'textarea' | 'select' | 'checkbox';
  required: boolean;
  /** The condition (`awsAuthType=user-auth`) under which the field shows and is required. */
  requiredWhen: string | null;
  /** The condition under which the field shows; `null` when it always shows. */
  shownWhen: string | null;
  fixedValue: string | null;
  defaultValue: string | null;
  placeholder: string | null;
  help: string | null;
  options: FieldOption[];
}

export interface RegistryTypeInfo {
  id: RegistryTypeId;
  label: string;
  defaultUrl: string | null;
  urlEditable: boolean;
  dockerConfigServer: string | null;
  credentialsHelp: string;
  fields: Field[];
}

// BEGIN generated from the registry model (src/model); do not edit
export type RegistryTypeId = 'ecr' | 'docker-hub' | 'acr' | 'artifact-registry' | 'gcr' | 'quay' | 'other';
export type ConnectionMode = 'secure' | 'secure-with-cert' | 'insecure';

/** Manage credential injection */
export interface Injection {
  /** Credential source */
  credentialSource?: 'registry-credentials' | 'image-pull-secret' | 'custom-credential';
  /** Image pull secret name */
  secretName?: string;
  /** Do not inject credentials to clusters */
  doNotInject?: string[];
  /** Auto-inject credentials to clusters */
  autoInject?: string[];
  /** Registry server */
  customServer?: string;
  /** E-mail */
  customEmail?: string;
  /** Username */
  customUsername?: string;
  /** Password */
  customPassword?: string;
}

/** A registry configuration, as `schemas/registry.schema.json` describes it. */
export interface RegistryConfig {
  /** Name */
  name: string;
  /** Registry type */
  registryType: RegistryTypeId;
  /** Registry URL */
  registryUrl?: string;
  /** Authentication type (ecr only) */
  awsAuthType?: 'iam-role' | 'user-auth';
  /** Access key ID (ecr only) */
  awsAccessKeyId?: string;
  /** Secret access key (ecr only) */
  awsSecretAccessKey?: string;
  /** Session token (ecr only) */
  awsSessionToken?: string;
  /** Assume role ARN (ecr only) */
  assumeRoleArn?: string;
  /** Set as default registry */
  isDefault?: boolean;
  /** Public registry */
  public?: boolean;
  /** Username (docker-hub, acr, artifact-registry, gcr, quay, other only) */
  username?: string;
  /** Password/Token (docker-hub, acr, artifact-registry, gcr, quay, other only) */
  password?: string;
  /** Connection (other only) */
  connection?: ConnectionMode;
  /** CA certificate (other only) */
  cert?: string;
  /** Manage credential injection */
  injection?: Injection;
  /** Use the registry for */
  usage?: Injection;
  /** Remote connection */
  remoteConnection?: Injection;
}
// END generated from the registry model

/** A configuration as `validateRegistry` / `fromDevtronPayload` return it: defaults filled in
 * (`registryUrl` of the type, `isDefault: false`, `connection: 'secure'`, GCP `_json_key`),
 * URL and key normalized. */
export interface NormalizedRegistryConfig extends RegistryConfig {
  registryUrl: string;
  isDefault: boolean;
  connection: ConnectionMode;
}

/** The seven registry types with labels, defaults and form fields. */
export function registryTypes(): RegistryTypeInfo[];
/**
 * The JSON Schema of a registry configuration; with a type id, that type's own form (only its
 * fields, `registryType` fixed). Throws `RegcredError` `argument.registry-type` for an unknown id.
 */
export function registrySchema(type?: RegistryTypeId): Record<string, unknown>;
/** The react-jsonschema-form uiSchema of `registrySchema(type)`. */
export function registryUiSchema(type?: RegistryTypeId): Record<string, unknown>;
/** Resolves at once: every entry but `regcred/web` (see web.d.ts) is ready at import. */
export function init(): Promise<void>;

// ---- Secrets, docker config files, injection plan, Devtron payloads ----

/** Credentials for one registry, as `kubectl create secret docker-registry` takes them. */
export interface DockerEntry {
  /** `https://index.docker.io/v1/` for Docker Hub, else the bare host[:port][/path]. */
  server: string;
  username: string;
  password: string;
  email?: string | null;
}

/** An ECR registry login, as generators take it (`ecrAuthorizationToken` gives one). */
export interface EcrToken {
  username: string;
  password: string;
  /** ISO-8601 text or epoch milliseconds. */
  expiresAt: string | number;
  proxyEndpoint: string;
}

/** A registry given to a generator: direct credentials, or a (validated) configuration with an optional ECR token. */
export type RegistrySource = DockerEntry | (RegistryConfig & { ecrToken?: EcrToken });

export interface PullSecretOptions {
  /** A DNS-1123 subdomain (at most 253 characters; 242 with `appendHash`). */
  name: string;
  namespace?: string;
  registries: RegistrySource[];
  /** Default `"json"` (kubectl's `-o json` layout). */
  format?: 'json' | 'yaml';
  /** kubectl's `--append-hash` name suffix. */
  appendHash?: boolean;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** Go's escapes of `<`, `>`, `&`, U+2028, U+2029: bytes identical to kubectl's. */
  goEscaping?: boolean;
  /** The clock for validating configurations (certificate expiry); defaults to the host clock. */
  now?: TimeInput;
}

export interface DockerConfigJsonOptions {
  /** Go's escapes, for kubectl's exact bytes. */
  goEscaping?: boolean;
  now?: TimeInput;
}

export interface DockerConfigFileOptions {
  /** ECR registries under `credHelpers` (`ecr-login`) instead of an `auth` entry. */
  credHelpers?: boolean;
  now?: TimeInput;
}

/** The `.dockerconfigjson` text. Throws `RegcredError` (`secret.*` codes, `errors`) on bad input. */
export function dockerConfigJson(entries: RegistrySource[], options?: DockerConfigJsonOptions): string;
/** A docker `config.json` text (`auths` with `auth` only; ECR under `credHelpers` when asked). Throws `RegcredError`. */
export function dockerConfigFile(entries: RegistrySource[], options?: DockerConfigFileOptions): string;
/** The `kubernetes.io/dockerconfigjson` Secret manifest text. Throws `RegcredError`. */
export function pullSecret(options: PullSecretOptions): string;

export interface Cluster {
  id: string | number;
  name?: string | null;
  /** A virtual cluster never gets image-pull secrets (as on the platform). */
  isVirtual?: boolean;
}

/** How generated secrets are named: `<name>-regcred` (default) or the platform's own
 * `BuildIpsName` (`<name without non-alphanumerics>-dtron-ips`). */
export interface SecretNamingOptions {
  secretNaming?: 'regcred' | 'platform';
}

/** One cluster's answer. Ids come back as strings. */
export interface ClusterPlan {
  clusterId: string;
  /** When the cluster was given with a name. */
  clusterName?: string;
  inject: boolean;
  /** The secret to create or reference, when `inject` (the first of `secretNames`). */
  secretName?: string;
  /** Every secret name pods reference, when `inject` (several comma-separated names). */
  secretNames?: string[];
  source: 'registry-credentials' | 'image-pull-secret' | 'custom-credential';
  reason: {
    code:
      | 'auto-inject.listed'
      | 'auto-inject.all'
      | 'do-not-inject.listed'
      | 'do-not-inject.all'
      | 'not-listed'
      | 'not-excluded'
      | 'no-policy'
      | 'ecr-iam-role'
      | 'secret-name-missing'
      | 'virtual-cluster'
      | 'public-registry'
      | 'no-container-use';
    message: string;
  };
}

/** For each cluster: whether credentials are injected, the secret name and why. Throws
 * `RegcredError` (`config.invalid` with `errors`) for an invalid configuration. */
export function injectionPlan(
  config: RegistryConfig,
  clusters: Array<Cluster | string | number>,
  options?: SecretNamingOptions,
): ClusterPlan[];

export interface HelmValuesPatchOptions extends SecretNamingOptions {
  /** The release's values; `{}` when absent. */
  values?: Record<string, unknown>;
}

/** The release values with the cluster's image-pull secret names appended to `imagePullSecrets`
 * (created when absent, never twice), as the platform's `SetIpsNameInValues`; unchanged when the
 * cluster gets nothing. Throws `RegcredError` (`config.invalid`, `secret.shape`). */
export function helmValuesPatch(
  config: RegistryConfig,
  cluster: Cluster | string | number,
  options?: HelmValuesPatchOptions,
): Record<string, unknown> & { imagePullSecrets?: string[] };

/** Devtron's container-registry API payload (`DockerArtifactStoreBean`). */
export interface DevtronRegistryPayload {
  id: string;
  pluginId: 'cd.go.artifact.docker.registry';
  registryType: RegistryTypeId;
  isDefault: boolean;
  registryUrl: string;
  awsAccessKeyId?: string;
  awsSecretAccessKey?: string;
  awsRegion?: string;
  username?: string;
  password?: string;
  /** Sent for `other` and whenever the connection is not `secure`. */
  connection?: ConnectionMode;
  cert?: string;
  isOCICompliantRegistry: boolean;
  ociRegistryConfig: { CONTAINER?: 'PULL' | 'PUSH' | 'PULL/PUSH'; CHART?: 'PULL' | 'PUSH' | 'PULL/PUSH' } | null;
  isPublic: boolean;
  repositoryList: string[] | null;
  assumeRoleArn?: string;
  registryCredentialsType?: 'username_password' | 'anonymous';
  remoteConnectionConfig?: {
    connectionMethod: 'DIRECT' | 'PROXY' | 'SSH';
    proxyConfig?: { proxyUrl: string };
    sshConfig?: { sshServerAddress?: string; sshUsername?: string; sshPassword?: string; sshAuthKey?: string };
  };
  ipsConfig: {
    id: number;
    credentialType: 'SAME_AS_REGISTRY' | 'NAME' | 'CUSTOM_CREDENTIAL';
    credentialValue: string;
    appliedClusterIdsCsv: string;
    ignoredClusterIdsCsv: string;
  };
}

export interface DevtronPayloadOptions {
  /** `"update"`: blank secrets are sent as `""` (the platform keeps the stored ones). */
  mode?: 'create' | 'update';
}

/** Devtron's payload of a configuration. Throws `RegcredError` (`config.invalid`) for an invalid one. */
export function toDevtronPayload(config: RegistryConfig, options?: DevtronPayloadOptions): DevtronRegistryPayload;
/** A configuration from Devtron's payload (`devtron.*` codes for what cannot be mapped). */
export function fromDevtronPayload(payload: DevtronRegistryPayload | Record<string, unknown>): Report<NormalizedRegistryConfig>;
// ---- Validation ---------------------------------------------------------------------------

/** When "now" is: an ISO-8601 date-time string or epoch milliseconds. Defaults to the host clock. */
export type TimeInput = string | number;

export interface ValidateOptions {
  /** The current time, for certificate expiry. */
  now?: TimeInput;
  /** `"update"`: a blank or absent secret means "keep the stored one" (warning `config.keep-stored`). */
  mode?: 'create' | 'update';
}

export interface ValidateFieldOptions extends ValidateOptions {
  /** The rest of the form, for rules that involve two fields (`connection` for `registryUrl` and `cert`). */
  config?: Partial<RegistryConfig>;
}

/** The field names `validateField` knows. */
export type FieldName =
  | 'name'
  | 'registryType'
  | 'registryUrl'
  | 'isDefault'
  | 'connection'
  | 'cert'
  | 'awsAuthType'
  | 'awsAccessKeyId'
  | 'awsSecretAccessKey'
  | 'awsSessionToken'
  | 'username'
  | 'password'
  | 'injection'
  | 'injection.doNotInject'
  | 'injection.autoInject'
  | 'injection.credentialSource'
  | 'injection.secretName';

/** A parsed ECR registry address. */
export interface EcrRegistry {
  /** 12 digits; `null` for public ECR. */
  accountId: string | null;
  /** Such as `us-east-1`; `null` for public ECR. */
  region: string | null;
  fips: boolean;
  dualStack: boolean;
  /** The DNS suffix of the registry host: `amazonaws.com`, `amazonaws.com.cn`, `on.aws`, ... */
  partition: string;
  /** The registry host, lowercase. */
  host: string;
  /** The ECR API endpoint of that region, such as `api.ecr.us-east-1.amazonaws.com`. */
  apiEndpoint: string;
  public: boolean;
}

/** A checked GCP service-account key. `compact` and `quoted` are secrets. */
export interface ServiceAccountKey {
  /** The key JSON with whitespace between tokens removed (key order and the private key intact). */
  compact: string;
  /** `compact` in POSIX-shell single quotes. */
  quoted: string;
  clientEmail: string;
  projectId: string | null;
  privateKeyId: string;
}

/** Validates a whole configuration; `value` is the normalized configuration (present when valid). */
export function validateRegistry(config: unknown, options?: ValidateOptions): Report<NormalizedRegistryConfig>;
/** Validates one field (per keystroke); `value` is the field's normalized value. Throws `RegcredError` (`argument.registry-type`, `argument.field`, `argument.type`) on misuse. */
export function validateField(
  registryType: RegistryTypeId,
  field: FieldName,
  value: unknown,
  options?: ValidateFieldOptions,
): Report<unknown>;
/** Parses an ECR registry address. Throws `RegcredError` (`argument.type`) when `url` is not a string. */
export function parseEcrUrl(url: string): Report<EcrRegistry>;
/** Parses a GCP service-account key. Throws `RegcredError` (`argument.type`) when `text` is not a string. */
export function parseServiceAccountKey(text: string): Report<ServiceAccountKey>;
/** One certificate as `inspectCertificates` reports it. */
export interface CertificateInfo {
  /** RFC 4514 order, as `openssl x509 -nameopt RFC2253,-esc_msb` prints it: `CN=Root,O=Example,C=US`. */
  subject: string;
  issuer: string;
  /** Uppercase hex as `openssl x509 -serial` prints it (no separators; `-` before a negative one). */
  serialNumber: string;
  /** ISO-8601 UTC, `2025-01-01T00:00:00Z`. */
  notBefore: string;
  notAfter: string;
  /** Uppercase hex pairs joined by `:`, as `openssl x509 -fingerprint -sha256`. */
  sha256Fingerprint: string;
  /** basicConstraints cA. */
  isCa: boolean;
  pathLength: number | null;
  /** Issuer equals subject (signature not verified). */
  selfSigned: boolean;
  /** `DNS:…`, `IP:…`, `email:…`, `URI:…`. */
  subjectAltNames: string[];
  /** `RSA`, `EC`, `Ed25519`, `Ed448`, `DSA`, `RSASSA-PSS` or a dotted OID. */
  keyAlgorithm: string;
  /** `P-256`, `P-384`, `P-521`, `secp256k1` for EC keys. */
  keyCurve: string | null;
  keySize: number | null;
  /** X.509 version. */
  version: 1 | 2 | 3;
}

export interface CertificateBundle {
  certificates: CertificateInfo[];
}

export interface InspectCertificatesOptions {
  /** ISO-8601 text or epoch milliseconds; defaults to the host clock. */
  now?: string | number;
  /** Registry host the leaf certificates should cover (port, scheme and path ignored). */
  host?: string | null;
  /** Certificates must be CAs (`cert.not-ca` error); default true. False turns it into a `cert.leaf` warning. */
  requireCa?: boolean;
}

/** Inspects a pasted CA certificate (PEM text, one or many blocks, or DER bytes). */
export function inspectCertificates(pem: string | Uint8Array, options?: InspectCertificatesOptions): Report<CertificateBundle>;
// ---- Credential verification through the host's fetch --------------------------------------

// `Response` and `RequestInit` are the host's: the DOM lib's, or @types/node's in a Node-only
// project. These empty declarations merge with those where they exist, and keep a project that
// has neither (and so no `fetch` to pass) compiling; index.d.ts names no other host type.
declare global {
  interface Response {}
  interface RequestInit {}
}

/** A `fetch`-compatible function. regcred calls it with `redirect: 'manual'`, an abort `signal`
 * and, for `insecure` / `secure-with-cert` connections, `init.regcred` (see the README). */
export type FetchLike = (url: string, init: RequestInit & { regcred?: RegcredFetchHint }) => Promise<Response>;

/** TLS hint for the host: tolerate certificate errors, or trust this PEM CA. */
export interface RegcredFetchHint {
  insecure?: boolean;
  caCertificate?: string;
}

export type VerificationStatus =
  | 'authenticated' | 'anonymous' | 'unauthorized' | 'not-a-registry'
  | 'unreachable' | 'tls' | 'timeout' | 'blocked' | 'unsupported';

/** One request of the trail; the URL has no userinfo and every query value is `REDACTED`. */
export interface VerificationStep {
  method: 'GET' | 'POST';
  url: string;
  status: number | null;
  error?: 'blocked' | 'unreachable' | 'tls' | 'timeout';
}

/** What `verifyCredentials` resolves to. Contains no secret. */
export interface Verification {
  /** `true` for `authenticated` and `anonymous`. */
  ok: boolean;
  status: VerificationStatus;
  steps: VerificationStep[];
  /** ISO-8601; when the Bearer token or ECR password obtained expires. */
  expiresAt?: string;
  /** Stable refinement of `status` (`policy.private-address`, `ecr.clock-skew`, ...). */
  code?: string;
  /** What happened, in words (always present). */
  message: string;
}

/** Another name of `Verification`. */
export type VerifyResult = Verification;

export interface VerifyOptions {
  fetch: FetchLike;
  /** Epoch milliseconds or ISO-8601; defaults to the host clock. */
  now?: number | string;
  /** The deadline of the whole call in milliseconds, 1 to 600000; default 15000. */
  timeoutMs?: number;
  /** Only `true` allows loopback and private addresses and names under no public top-level
   * domain (never link-local or metadata endpoints); any other non-boolean throws. */
  allowPrivateNetworks?: boolean;
}

/** What `ecrAuthorizationToken` resolves to: an `EcrToken` whose `expiresAt` is ISO-8601 text.
 * `username` is `AWS`; `password` is a secret, valid 12 hours. */
export interface EcrAuthorization extends EcrToken {
  expiresAt: string;
}

export interface EcrTokenOptions {
  fetch: FetchLike;
  now?: number | string;
  /** The deadline of the whole call in milliseconds, 1 to 600000; default 15000. */
  timeoutMs?: number;
}

/** What `docker login` does, through `options.fetch`. Rejects only on misuse. */
export function verifyCredentials(config: RegistryConfig, options: VerifyOptions): Promise<Verification>;
/** ECR GetAuthorizationToken (SigV4-signed) through `options.fetch`; rejects with a RegcredError. */
export function ecrAuthorizationToken(config: RegistryConfig, options: EcrTokenOptions): Promise<EcrAuthorization>;

// ---- images: references, the kubelet's keyring, repository access --------------------------------

/** An image reference as docker/distribution normalizes it (`nginx` → `docker.io/library/nginx`). */
export interface ImageReference {
  /** Registry host[:port]; `docker.io` for Docker Hub; `""` only with `{ normalize: false }`. */
  domain: string;
  /** Repository path on the registry (`library/nginx`). */
  path: string;
  tag?: string;
  /** `algorithm:hex` (sha256, sha384 or sha512). */
  digest?: string;
  /** `domain/path`: what the kubelet looks credentials up for. */
  name: string;
  /** The short form (`nginx`, `acme/app`, `ghcr.io/acme/app`). */
  familiarName: string;
  /** The whole reference, canonical (`docker.io/library/nginx:1.27`). */
  reference: string;
  /** The whole reference, short (`nginx:1.27`). */
  familiarReference: string;
  /** What a runtime pulls: name@digest, else name:tag (`latest` when none). */
  pullReference: string;
}

export interface ParseImageReferenceOptions {
  /** `false`: docker/distribution's `reference.Parse` (no `docker.io`, no `library/`). Default `true`. */
  normalize?: boolean;
}

/** Report with codes `image.reference.*` (`format`, `uppercase`, `name-too-long`, `identifier`, `digest-*`). */
export function parseImageReference(text: string, options?: ParseImageReferenceOptions): Report<ImageReference>;

/** One credential the kubelet would try; never a password. */
export interface ResolvedCredential {
  /** The server key as written in the source (`https://index.docker.io/v1/`, `quay.io/org`). */
  server: string;
  username: string;
  /** Index into `sources`. */
  source: number;
}

/** A `.dockerconfigjson` document (object or JSON text) or a `kubernetes.io/dockerconfigjson` Secret. */
export type DockerConfigDocument =
  | { auths: Record<string, { username?: string; password?: string; auth?: string; email?: string }> }
  | { kind: 'Secret'; data?: { '.dockerconfigjson'?: string }; stringData?: { '.dockerconfigjson'?: string }; [k: string]: unknown }
  | string;

/** The credentials the kubelet would try for `image`, in its order (Report; errors at `/image`, `/sources/<i>`). */
export function resolveCredentials(image: string, sources: Array<RegistryConfig | DockerConfigDocument>): Report<ResolvedCredential[]>;

export type AccessStatus = VerificationStatus | 'granted' | 'denied' | 'not-found' | 'unverified';

export interface AccessStep {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  status: number | null;
  error?: 'blocked' | 'unreachable' | 'tls' | 'timeout';
}

/** What `verifyAccess` resolves to. Contains no secret. */
export interface AccessCheck {
  /** `true` only for `granted`. */
  ok: boolean;
  status: AccessStatus;
  steps: AccessStep[];
  expiresAt?: string;
  /** `access.denied`, `access.manifest-unknown`, `access.name-unknown`, `access.push-denied`, ... */
  code?: string;
  message: string;
}

export interface AccessOptions extends VerifyOptions {
  /** A repository name on the configuration's registry, or an image reference on it. */
  repository: string;
  /** Default `["pull"]`. */
  actions?: Array<'pull' | 'push'>;
  /** Prove push by opening and cancelling a blob upload when the token does not say. */
  probeWrite?: boolean;
}

/** May these credentials pull (or push) this repository? Rejects only on misuse. */
export function verifyAccess(config: RegistryConfig, options: AccessOptions): Promise<AccessCheck>;
