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
