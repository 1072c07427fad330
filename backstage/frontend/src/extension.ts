// The RegcredRegistry field for the legacy frontend system: `scaffolderPlugin.provide(...)`.
import { scaffolderPlugin } from '@backstage/plugin-scaffolder';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import type { FieldExtensionOptions } from '@backstage/plugin-scaffolder-react';
import type { JsonObject } from '@backstage/types';
import { RegcredRegistryField } from './RegcredRegistryField';
import type { RegcredRegistryUiOptions } from './registryForm';
import { regcredRegistryValidation } from './validation';

/** The field's name, component and validator: what `ui:field: RegcredRegistry` refers to. */
export const regcredRegistryFieldOptions: FieldExtensionOptions<JsonObject, RegcredRegistryUiOptions> = {
  name: 'RegcredRegistry',
  component: RegcredRegistryField,
  validation: regcredRegistryValidation,
};

/** Put it inside `<ScaffolderFieldExtensions>` of the app's scaffolder route. */
export const RegcredRegistryFieldExtension = scaffolderPlugin.provide(
  createScaffolderFieldExtension(regcredRegistryFieldOptions),
);
