// The portal page: the registry type picked outside the form (as the platform does), and that
// type's own form rendered by react-jsonschema-form from registrySchema(type) and
// registryUiSchema(type), validated by ajv (draft-07, as Backstage does) and by regcred through
// regcred/rjsf. Plain `createElement` instead of JSX, so any bundler builds it without a loader.
import { createElement as h, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { registrySchema, registryTypes, registryUiSchema, validateRegistry } from 'regcred';
import { changeType, customValidate, transformErrors } from 'regcred/rjsf';

const types = registryTypes();

function RegistryPage() {
  const [type, setType] = useState('docker-hub');
  const [formData, setFormData] = useState({ registryType: type });
  // Messages appear once the person has typed or picked something (RJSF also calls onChange
  // when it fills in defaults, which is no reason to show them), and on Submit.
  const [touched, setTouched] = useState(false);
  const typed = useRef(false);
  const [saved, setSaved] = useState(null);
  const schema = useMemo(() => registrySchema(type), [type]);
  const uiSchema = useMemo(
    () => ({ ...registryUiSchema(type), 'ui:submitButtonOptions': { submitText: 'Save registry' } }),
    [type],
  );
  // Warnings about fields the form shows (values the form hides are left out, not shown).
  const warnings = validateRegistry(formData).warnings.filter((w) => w.code !== 'config.ignored');
  return h('main', null,
    h('h1', null, 'Container registry'),
    h('label', { htmlFor: 'registry-type' }, 'Registry type'),
    h('select', {
      id: 'registry-type',
      value: type,
      onChange: (e) => {
        setFormData(changeType(formData, e.target.value));
        setType(e.target.value);
        setSaved(null);
      },
    }, types.map((t) => h('option', { key: t.id, value: t.id }, t.label))),
    h('div', { onInputCapture: () => (typed.current = true), onChangeCapture: () => (typed.current = true) }, h(Form, {
      key: type,
      schema,
      uiSchema,
      validator,
      customValidate,
      transformErrors,
      formData,
      liveValidate: touched,
      showErrorList: false,
      noHtml5Validate: true,
      onChange: (e) => {
        setFormData(e.formData);
        if (typed.current) setTouched(true);
      },
      // What a plugin would send to its backend: the normalized configuration.
      onSubmit: (e) => setSaved(validateRegistry(e.formData).value),
    })),
    warnings.length > 0 && h('ul', { id: 'warnings', 'aria-label': 'Warnings' },
      warnings.map((w) => h('li', { key: w.path + w.code }, w.message))),
    saved && h('pre', { id: 'saved' }, JSON.stringify(saved, null, 2)));
}

createRoot(document.getElementById('root')).render(h(RegistryPage));
