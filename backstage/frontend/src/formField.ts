// The RegcredRegistry field as a form field of the new frontend system (loaded lazily by the blueprint in alpha.ts).
import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { regcredRegistryFieldOptions } from './extension';

const { name, component, validation } = regcredRegistryFieldOptions;

export const regcredRegistryFormField = createFormField({ name, component, validation });
