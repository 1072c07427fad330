// What a Backstage scaffolder template needs from regcred: the form parameters (our schema with
// secrets in the scaffolder's `Secret` field, so they travel in the task's secrets instead of its
// parameters and logs), and field-extension validation functions.
//
// In a Backstage app, wrap the extensions with the scaffolder's factory:
//   scaffolderPlugin.provide(createScaffolderFieldExtension(registryUrlFieldExtension))
// Field extension validation has the signature `(value, validation, context)`; `validation`
// collects errors with `addError(message)` and `context.formData` is the whole step's data.
import { createElement } from 'react';
import { registrySchema, registryUiSchema, validateField, verifyCredentials } from 'regcred';

/** The fields that hold secrets: rendered by the scaffolder's `Secret` field, never a password widget. */
export const SECRET_FIELDS = ['password', 'awsSecretAccessKey', 'awsSessionToken'];

/** A scaffolder template step's parameters: our schema and uiSchema, secrets as `Secret` fields. */
export function scaffolderParameters() {
  const schema = registrySchema();
  const uiSchema = registryUiSchema();
  for (const key of SECRET_FIELDS) {
    const { 'ui:widget': _password, ...rest } = uiSchema[key] ?? {};
    uiSchema[key] = { ...rest, 'ui:field': 'Secret' };
  }
  // Backstage templates carry the uiSchema inline, in each property (`ui:field` next to `type`).
  const properties = {};
  for (const [key, prop] of Object.entries(schema.properties)) properties[key] = { ...prop, ...(uiSchema[key] ?? {}) };
  return { ...schema, 'ui:order': uiSchema['ui:order'], properties };
}

/**
 * Validation for one field, per keystroke: `validateField` for the registry type the step has
 * chosen. Returns the validation function of a field extension for `field`.
 */
export function fieldValidation(field) {
  return (value, validation, context) => {
    const registryType = context?.formData?.registryType ?? 'docker-hub';
    const report = validateField(registryType, field, value ?? '');
    for (const issue of report.errors) validation.addError(issue.message);
  };
}

/**
 * The credential check, run when the step is submitted: the URL must be valid, then
 * `verifyCredentials` logs in through `fetch` (in Backstage: a backend proxy route, since
 * browsers rarely reach registries directly). `getSecrets()` returns the values of the `Secret`
 * fields (in Backstage, from `useTemplateSecrets()`).
 */
export function credentialsValidation({ fetch, getSecrets = () => ({}) }) {
  return async (value, validation, context) => {
    const formData = { ...(context?.formData ?? {}), registryUrl: value, ...getSecrets() };
    const registryType = formData.registryType ?? 'docker-hub';
    const report = validateField(registryType, 'registryUrl', value ?? '');
    if (!report.valid) {
      for (const issue of report.errors) validation.addError(issue.message);
      return;
    }
    try {
      const result = await verifyCredentials(formData, { fetch });
      if (!result.ok) validation.addError(`The registry did not accept these credentials (${result.status}).`);
    } catch (e) {
      validation.addError(e.message);
    }
  };
}

/** The field's component: a plain text input (a Backstage app would use its MUI TextField). */
export function RegistryUrlField({ formData, onChange, rawErrors = [], required, idSchema }) {
  const id = idSchema?.$id ?? 'registryUrl';
  return createElement('div', null,
    createElement('label', { htmlFor: id }, 'Registry URL', required ? ' *' : ''),
    createElement('input', { id, value: formData ?? '', onChange: (e) => onChange(e.target.value), 'aria-invalid': rawErrors.length > 0 }),
    ...rawErrors.map((message) => createElement('div', { key: message, role: 'alert' }, message)));
}

/** The registry URL field extension (Backstage's `createScaffolderFieldExtension` options). */
export const registryUrlFieldExtension = {
  name: 'RegistryUrl',
  component: RegistryUrlField,
  validation: fieldValidation('registryUrl'),
};
