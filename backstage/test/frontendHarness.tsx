// What tests/js/backstage-frontend.test.mjs drives in Chromium, bundled by esbuild: the
// scaffolder's real Stepper (the wizard of a template's parameters) in a Backstage test app, with
// the RegcredRegistry field and the real Secret field, inside the template-secrets context. The
// legacy field comes from the README's app snippet (examples/app.tsx), collected the way the
// ScaffolderPage collects its route's children; the other field is the new frontend system's
// form field. The page shows the secrets map and, after Create, the form data the task would get.
import { createRoot } from 'react-dom/client';
import { wrapInTestApp } from '@backstage/test-utils';
import { SecretsContextProvider, useCustomFieldExtensions, useTemplateSecrets } from '@backstage/plugin-scaffolder-react';
import type { FieldExtensionOptions } from '@backstage/plugin-scaffolder-react';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import type { JsonObject } from '@backstage/types';
import { regcredTransformErrors } from '@regcred/plugin-scaffolder-frontend-module-registry';
import { scaffolderFieldExtensions } from '../examples/app';
import { regcredRegistryFormField } from '../frontend/src/formField';
import { SecretInput } from './secretInput';

function SecretsProbe() {
  const { secrets } = useTemplateSecrets();
  return <pre data-testid="secrets">{JSON.stringify(secrets)}</pre>;
}

/** The new frontend system's FormField carries the options the scaffolder reads from it. */
const formFieldOptions = regcredRegistryFormField as unknown as FieldExtensionOptions<any, any>;

/** The Stepper with the field extensions of the app snippet (legacy) or the form field (alpha). */
function Wizard({ manifest, system }: { manifest: any; system: 'legacy' | 'alpha' }) {
  const legacy = useCustomFieldExtensions(scaffolderFieldExtensions);
  const fields = system === 'alpha' ? [formFieldOptions] : legacy;
  if (fields.length !== 1) throw new Error(`expected one RegcredRegistry field, got ${fields.length}`);
  const created = document.getElementById('created')!;
  return (
    <Stepper
      manifest={manifest}
      extensions={[...fields, { name: 'Secret', component: SecretInput }]}
      onCreate={async (values) => {
        created.textContent = JSON.stringify(values);
      }}
    />
  );
}

const root = createRoot(document.getElementById('root')!);
let run = 0;

/** Renders a fresh wizard for `parameters` (a template's spec.parameters). */
function renderStepper({ parameters, system }: { parameters: JsonObject[]; system: 'legacy' | 'alpha' }) {
  const manifest = { title: 'regcred test', steps: parameters.map((schema) => ({ title: String(schema.title), schema })) };
  document.getElementById('created')!.textContent = '';
  run += 1;
  root.render(
    wrapInTestApp(
      <SecretsContextProvider key={run}>
        <Wizard manifest={manifest} system={system} />
        <SecretsProbe />
      </SecretsContextProvider>,
    ),
  );
}

(window as any).renderStepper = renderStepper;
(window as any).regcredTransformErrors = regcredTransformErrors;
document.body.dataset.ready = 'true';
