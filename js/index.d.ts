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
  constructor(code: string, message: string, errors?: Issue[]);
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
