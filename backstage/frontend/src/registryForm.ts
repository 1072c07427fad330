// What the RegcredRegistry field renders and checks, from regcred's registry model: the types it
// offers, each type's own form (schema and uiSchema, secret fields on the secret widget), and
// regcred's issues as react-jsonschema-form's nested error schema.
import type { ErrorSchema } from '@rjsf/utils';
import { registrySchema, registryTypes, registryUiSchema } from 'regcred';
import { fieldOf } from 'regcred/rjsf';
import type { Issue, RegistryTypeId, RegistryTypeInfo } from 'regcred';
import { RegcredSecretWidget } from './RegcredSecretWidget';

/** `ui:options` of a RegcredRegistry parameter. */
export interface RegcredRegistryUiOptions {
  /** The registry type ids to offer, in this order (default: every type). */
  types?: string[];
}

/** Field kinds that hold secrets in regcred's registry model. */
const SECRET_KINDS = new Set(['password', 'secret-textarea']);

/** The offered types: `types` in their order (unknown ids skipped), or every type when none is known. */
export function offeredTypes(types: readonly string[] | undefined): RegistryTypeInfo[] {
  const all = registryTypes();
  const picked = (types ?? []).flatMap((id) => all.filter((t) => t.id === id));
  return picked.length > 0 ? picked : all;
}

/** The secret fields of a type (none for an unknown type). */
export function secretFields(type: unknown): string[] {
  const info = registryTypes().find((t) => t.id === type);
  return info ? info.fields.filter((f) => SECRET_KINDS.has(f.kind)).map((f) => f.key) : [];
}

/** The task-secret key of a secret field: `<parameter>.<field>` (`registry.password`); the
 * regcred:* backend actions read it from there. */
export function secretKey(parameter: string, field: string): string {
  return `${parameter}.${field}`;
}

/** The form of one registry type for the parameter `parameter`: regcred's per-type schema and
 * uiSchema, the type itself hidden (the field's own select chooses it) and every secret field on
 * the secret widget, which keeps the value in the task secrets. */
export function typeForm(type: RegistryTypeId, parameter: string) {
  const schema = registrySchema(type);
  const uiSchema: Record<string, any> = { ...registryUiSchema(type), registryType: { 'ui:widget': 'hidden' } };
  const multiline = new Set(
    registryTypes()
      .find((t) => t.id === type)
      ?.fields.filter((f) => f.kind === 'secret-textarea')
      .map((f) => f.key),
  );
  for (const field of secretFields(type)) {
    uiSchema[field] = {
      ...uiSchema[field],
      'ui:widget': RegcredSecretWidget,
      'ui:options': { ...uiSchema[field]?.['ui:options'], secretKey: secretKey(parameter, field), multiline: multiline.has(field) },
    };
  }
  return { schema, uiSchema };
}

/** The tokens of a JSON pointer (`/injection/secretName` → `['injection', 'secretName']`). */
export function pointerTokens(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** regcred's issues as an RJSF error schema: each message under the form field its path belongs
 * to (a certificate block's issue under the certificate field). */
export function errorSchemaOf(issues: readonly Issue[]): ErrorSchema {
  const root: ErrorSchema = {};
  for (const issue of issues) {
    let node: any = root;
    for (const token of pointerTokens(fieldOf(issue.path))) node = node[token] ??= {};
    (node.__errors ??= []).push(issue.message);
  }
  return root;
}

/** A field's label in `type`'s form, for messages shown above the form (`Registry URL`). */
export function fieldLabel(type: unknown, pointer: string): string {
  const [first] = pointerTokens(pointer);
  const info = registryTypes().find((t) => t.id === type);
  return info?.fields.find((f) => f.key === first || f.key.startsWith(`${first}.`))?.label ?? first ?? 'Registry';
}
