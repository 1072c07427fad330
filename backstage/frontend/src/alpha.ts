// The new frontend system: the RegcredRegistry form field as an extension, and a scaffolder
// module to install it (`features: [regcredScaffolderModule]`, or discovered from the package).
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/** The form-field extension (attaches to the scaffolder's form-fields API). */
export const regcredRegistryFormFieldExtension = FormFieldBlueprint.make({
  name: 'regcred-registry',
  params: { field: () => import('./formField').then((m) => m.regcredRegistryFormField) },
});

/** The scaffolder module holding the field. */
const regcredScaffolderModule = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [regcredRegistryFormFieldExtension],
});

export default regcredScaffolderModule;
