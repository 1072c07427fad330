// What tests/js/backstage-frontend.test.mjs drives in Chromium, bundled by esbuild: the
// scaffolder's real Stepper (the wizard of a template's parameters) in a Backstage test app, with
// the RegcredRegistry field (legacy extension options, or the new frontend system's form field)
// and the real Secret field, inside the template-secrets context. The page shows the secrets map
// and, after Create, the form data the task would get.
import { createRoot } from 'react-dom/client';
import { wrapInTestApp } from '@backstage/test-utils';
import { SecretsContextProvider, useTemplateSecrets } from '@backstage/plugin-scaffolder-react';
import type { FieldExtensionOptions } from '@backstage/plugin-scaffolder-react';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import type { JsonObject } from '@backstage/types';
import { regcredRegistryFieldOptions } from '@regcred/plugin-scaffolder-frontend-module-registry';
import { regcredRegistryFormField } from '../frontend/src/formField';
import { SecretInput } from './secretInput';

function SecretsProbe() {
  const { secrets } = useTemplateSecrets();
  return <pre data-testid="secrets">{JSON.stringify(secrets)}</pre>;
}

/** The new frontend system's FormField carries the options the scaffolder reads from it. */
const formFieldOptions = regcredRegistryFormField as unknown as FieldExtensionOptions<any, any>;

const root = createRoot(document.getElementById('root')!);
let run = 0;

/** Renders a fresh wizard for `parameters` (a template's spec.parameters). */
function renderStepper({ parameters, system }: { parameters: JsonObject[]; system: 'legacy' | 'alpha' }) {
  const field = system === 'alpha' ? formFieldOptions : regcredRegistryFieldOptions;
  const manifest = { title: 'regcred test', steps: parameters.map((schema) => ({ title: String(schema.title), schema })) };
  const created = document.getElementById('created')!;
  created.textContent = '';
  run += 1;
  root.render(
    wrapInTestApp(
      <SecretsContextProvider key={run}>
        <Stepper
          manifest={manifest}
          extensions={[field, { name: 'Secret', component: SecretInput }]}
          onCreate={async (values) => {
            created.textContent = JSON.stringify(values);
          }}
        />
        <SecretsProbe />
      </SecretsContextProvider>,
    ),
  );
}

(window as any).renderStepper = renderStepper;
document.body.dataset.ready = 'true';
