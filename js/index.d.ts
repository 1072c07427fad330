// TypeScript declarations of the regcred package (hand-written, checked by a `tsc --strict`
// consumer test against the built package).

/** One problem in user input. `path` is a JSON pointer; `code` is stable API. */
export interface Issue {
  path: string;
  code: string;
  message: string;
}

/** The answer to anything a person typed. */
export interface Report<T> {
  valid: boolean;
  errors: Issue[];
  warnings: Issue[];
  value?: T;
}

/** Thrown on misuse and by generators given invalid input. */
export class RegcredError extends Error {
  readonly code: string;
  readonly errors?: Issue[];
}

export type RegistryTypeId = 'ecr' | 'docker-hub' | 'acr' | 'artifact-registry' | 'gcr' | 'quay' | 'other';
export type ConnectionMode = 'secure' | 'secure-with-cert' | 'insecure';

export interface FieldOption {
  value: string;
  label: string;
}

export interface Field {
  key: string;
  label: string;
  kind: 'text' | 'password' | 'secret-textarea' | 'textarea' | 'select' | 'checkbox';
  required: boolean;
  requiredWhen: string | null;
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

export interface Injection {
  doNotInject?: string[];
  autoInject?: string[];
  credentialSource?: 'registry-credentials' | 'image-pull-secret';
  secretName?: string;
}

/** A registry configuration, as `schemas/registry.schema.json` describes it. */
export interface RegistryConfig {
  name: string;
  registryType: RegistryTypeId;
  registryUrl?: string;
  isDefault?: boolean;
  connection?: ConnectionMode;
  cert?: string;
  awsAuthType?: 'iam-role' | 'user-auth';
  awsAccessKeyId?: string;
  awsSecretAccessKey?: string;
  awsSessionToken?: string;
  username?: string;
  password?: string;
  injection?: Injection;
}

/** The seven registry types with labels, defaults and form fields. */
export function registryTypes(): RegistryTypeInfo[];
/** The JSON Schema of a registry configuration. */
export function registrySchema(): Record<string, unknown>;
/** The react-jsonschema-form uiSchema. */
export function registryUiSchema(): Record<string, unknown>;
/** Resolves once the module is ready (a no-op except on `regcred/web`). */
export function init(input?: string | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;

// ---- Credential verification through the host's fetch --------------------------------------

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

export interface Verification {
  ok: boolean;
  status: VerificationStatus;
  steps: VerificationStep[];
  /** ISO-8601; when the Bearer token or ECR password obtained expires. */
  expiresAt?: string;
  /** Stable refinement of `status` (`policy.private-address`, `ecr.clock-skew`, ...). */
  code?: string;
  message: string;
}

export interface VerifyOptions {
  fetch: FetchLike;
  /** Epoch milliseconds or ISO-8601; defaults to the host clock. */
  now?: number | string;
  /** Per request; default 15000. */
  timeoutMs?: number;
  /** Allow loopback, private and link-local addresses (never metadata endpoints). */
  allowPrivateNetworks?: boolean;
}

export interface EcrAuthorization {
  username: string;
  password: string;
  expiresAt: string;
  proxyEndpoint: string;
}

/** What `docker login` does, through `options.fetch`. Rejects only on misuse. */
export function verifyCredentials(config: RegistryConfig, options: VerifyOptions): Promise<Verification>;
/** ECR GetAuthorizationToken (SigV4-signed) through `options.fetch`; rejects with a RegcredError. */
export function ecrAuthorizationToken(
  config: RegistryConfig,
  options: { fetch: FetchLike; now?: number | string; timeoutMs?: number },
): Promise<EcrAuthorization>;
