// The RegcredRegistry scaffolder field: one template parameter holding a whole registry
// configuration. It renders the chosen type's own form (regcred's per-type schema and uiSchema)
// with the scaffolder's theme, shows regcred's messages as the person types (for the fields they
// touched, and for all once Next has been pressed), keeps secrets in the template secrets, and
// rebuilds the data on a type switch so nothing of the previous type is left to fail.
import { useEffect, useMemo, useRef } from 'react';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useTemplateSecrets } from '@backstage/plugin-scaffolder-react';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import type { JsonObject } from '@backstage/types';
import { validateRegistry } from 'regcred';
import type { RegistryConfig, RegistryTypeId } from 'regcred';
import { errorSchemaOf, offeredTypes, pointerTokens, secretFields, secretKey, typeForm } from './registryForm';
import type { RegcredRegistryUiOptions } from './registryForm';

/** The props the scaffolder gives the field. */
export type RegcredRegistryFieldProps = FieldExtensionComponentProps<JsonObject, RegcredRegistryUiOptions>;

export function RegcredRegistryField(props: RegcredRegistryFieldProps) {
  const { formData, onChange, name, idSchema, registry, uiSchema, rawErrors = [] } = props;
  const offered = offeredTypes(uiSchema?.['ui:options']?.types);
  const data: JsonObject = formData ?? {};
  const type = (offered.find((t) => t.id === data.registryType) ?? offered[0]).id as RegistryTypeId;
  const { secrets, setSecrets } = useTemplateSecrets();
  const form = useMemo(() => {
    // The parameter's own title and description head the form, not regcred's schema's.
    const { schema, uiSchema } = typeForm(type, name);
    const { title: _title, description: _description, ...rest } = schema;
    const heading = { title: props.schema.title, description: props.schema.description };
    return { schema: { ...rest, ...JSON.parse(JSON.stringify(heading)) }, uiSchema };
  }, [type, name, props.schema.title, props.schema.description]);
  const touched = useRef(new Set<string>());

  /** The form's data for `next` of type `nextType`, with the type's defaults and fixed values. */
  const withDefaults = (nextType: RegistryTypeId, next: JsonObject): JsonObject =>
    registry.schemaUtils.getDefaultFormState(typeForm(nextType, name).schema, { ...next, registryType: nextType }) as JsonObject;

  // The data starts with a type, so that Next always runs regcred's checks on it.
  useEffect(() => {
    if (formData?.registryType !== type) onChange(withDefaults(type, data));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [formData?.registryType, type]);

  // The configuration as the person typed it: form data plus the secrets it masks.
  const typed = useMemo(() => {
    const config: JsonObject = { ...data, registryType: type };
    for (const field of secretFields(type)) {
      const value = secrets[secretKey(name, field)];
      if (value) config[field] = value;
    }
    return config;
  }, [data, type, secrets, name]);
  const report = useMemo(() => validateRegistry(typed as unknown as RegistryConfig), [typed]);
  const showAll = rawErrors.length > 0;
  const errorSchema = errorSchemaOf(
    report.errors.filter((issue) => showAll || touched.current.has(pointerTokens(issue.path)[0] ?? '')),
  );

  const change = (next: JsonObject | undefined) => {
    const value = next ?? {};
    for (const key of new Set([...Object.keys(value), ...Object.keys(data)])) {
      if (JSON.stringify(value[key]) !== JSON.stringify(data[key])) touched.current.add(key);
    }
    onChange({ ...value, registryType: type });
  };

  const switchType = (nextType: RegistryTypeId) => {
    if (nextType === type) return;
    // The previous type's secrets leave the template secrets with it.
    const held = secretFields(type).map((field) => secretKey(name, field)).filter((key) => secrets[key]);
    if (held.length > 0) setSecrets(Object.fromEntries(held.map((key) => [key, ''])));
    touched.current.clear();
    const kept: JsonObject = {};
    for (const key of ['name', 'isDefault'] as const) if (data[key] !== undefined) kept[key] = data[key];
    onChange(withDefaults(nextType, kept));
  };

  const { SchemaField } = registry.fields;
  return (
    <>
      {offered.length > 1 && (
        <TextField
          select
          fullWidth
          margin="normal"
          id={`${idSchema.$id}-type`}
          label="Registry type"
          value={type}
          disabled={props.disabled || props.readonly}
          onChange={(e) => switchType(e.target.value as RegistryTypeId)}
        >
          {offered.map((t) => (
            <MenuItem key={t.id} value={t.id}>
              {t.label}
            </MenuItem>
          ))}
        </TextField>
      )}
      <SchemaField
        name={name}
        schema={form.schema}
        uiSchema={form.uiSchema}
        idSchema={idSchema}
        formData={{ ...data, registryType: type }}
        errorSchema={errorSchema}
        onChange={change}
        onBlur={props.onBlur}
        onFocus={props.onFocus}
        registry={registry}
        disabled={props.disabled}
        readonly={props.readonly}
        required={props.required}
      />
    </>
  );
}
