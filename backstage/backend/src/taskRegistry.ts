// The registry a template step names: its configuration from the step's input (form data, where
// secret fields hold at most the scaffolder's `***` mask) and its secret values from the task's
// secrets, never from parameters.
import { InputError } from '@backstage/errors';
import type { TaskSecrets } from '@backstage/plugin-scaffolder-node';
import { registryTypes, validateRegistry } from 'regcred';
import type { Issue, NormalizedRegistryConfig, RegistryConfig } from 'regcred';

/** Field kinds that hold secrets in regcred's registry model. */
const SECRET_KINDS = new Set(['password', 'secret-textarea']);

/** The secret fields of `registryType` (an unknown type has none; validation reports it). */
export function secretFields(registryType: unknown): string[] {
  const type = registryTypes().find((t) => t.id === registryType);
  return type ? type.fields.filter((f) => SECRET_KINDS.has(f.kind)).map((f) => f.key) : [];
}

/** The task-secret key of one secret field: `<secretsFrom>.<field>`, e.g. `registry.password`,
 * as the RegcredRegistry field stores it for a template parameter named `registry`. */
export function secretKey(secretsFrom: string, field: string): string {
  return `${secretsFrom}.${field}`;
}

/** Absent, empty, or the scaffolder's mask (one `*` per character). */
const isMaskOrAbsent = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && /^\**$/.test(value));

/**
 * The step's registry with its secrets filled in from `secrets`.
 *
 * Throws an `InputError` when a secret field of the input holds anything but the `***` mask or nothing (a
 * secret passed as a parameter is stored with the task and shown in its logs: it has to come
 * from the task's secrets).
 */
export function registryWithSecrets(
  registry: Record<string, unknown>,
  secrets: TaskSecrets | undefined,
  secretsFrom: string,
): RegistryConfig {
  const config: Record<string, unknown> = { ...registry };
  for (const field of secretFields(config.registryType)) {
    if (!isMaskOrAbsent(config[field])) {
      throw new InputError(`${field} must come from the task's secrets (${secretKey(secretsFrom, field)}), not from its parameters`);
    }
    delete config[field];
    const value = secrets?.[secretKey(secretsFrom, field)];
    if (value !== undefined && value !== '') config[field] = value;
  }
  return config as unknown as RegistryConfig;
}

/**
 * The validated, normalized configuration and regcred's warnings. Throws an `InputError` listing
 * every problem (`/path code: message`; regcred's messages never contain a secret) when it is
 * not valid.
 */
export function validRegistry(config: RegistryConfig): { value: NormalizedRegistryConfig; warnings: Issue[] } {
  const report = validateRegistry(config);
  if (!report.valid || !report.value) {
    const problems = report.errors.map((e) => `${e.path || '/'} ${e.code}: ${e.message}`).join('; ');
    throw new InputError(`The registry configuration is not valid: ${problems}`);
  }
  return { value: report.value, warnings: report.warnings };
}
