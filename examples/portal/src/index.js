// The portal page: a registry form rendered by react-jsonschema-form from regcred's schema and
// uiSchema, validated by ajv (draft-07, as Backstage does) plus regcred as custom validation.
// Plain `createElement` instead of JSX, so any bundler builds it without a loader.
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { registrySchema, registryUiSchema, validateRegistry } from 'regcred';
import { customValidate, transformErrors } from './rjsf-validation.js';

const schema = registrySchema();
const uiSchema = { ...registryUiSchema(), 'ui:submitButtonOptions': { submitText: 'Save registry' } };

function RegistryPage() {
  const [formData, setFormData] = useState({ registryType: 'docker-hub' });
  const [saved, setSaved] = useState(null);
  const warnings = validateRegistry(formData).warnings;
  return h('main', null,
    h('h1', null, 'Container registry'),
    h(Form, {
      schema,
      uiSchema,
      validator,
      customValidate,
      transformErrors,
      formData,
      liveValidate: true,
      showErrorList: false,
      noHtml5Validate: true,
      onChange: (e) => setFormData(e.formData),
      // What a plugin would send to its backend: the normalized configuration.
      onSubmit: (e) => setSaved(validateRegistry(e.formData).value),
    }),
    warnings.length > 0 && h('ul', { id: 'warnings', 'aria-label': 'Warnings' },
      warnings.map((w) => h('li', { key: w.path + w.code }, `${w.path || 'form'}: ${w.message}`))),
    saved && h('pre', { id: 'saved' }, JSON.stringify(saved, null, 2)));
}

createRoot(document.getElementById('root')).render(h(RegistryPage));
