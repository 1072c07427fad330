// The RegcredRegistry field's validator, run by the scaffolder on Next/Review: regcred's checks
// on the step's data, each message led by its field's label. Validators cannot read the template
// secrets, so the content of a secret the person typed (its mask is in the data) was checked by
// the field as they typed and is checked again by regcred:validate in the task; here a secret
// must be present.
import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import type { JsonObject } from '@backstage/types';
import { validateRegistry } from 'regcred';
import type { RegistryConfig } from 'regcred';
import { fieldLabel, offeredTypes, pointerTokens, secretFields } from './registryForm';
import type { RegcredRegistryUiOptions } from './registryForm';
import { isMask } from './secretMask';

export const regcredRegistryValidation: CustomFieldValidator<JsonObject, RegcredRegistryUiOptions> = (data, field, context) => {
  const offered = offeredTypes(context.uiSchema?.['ui:options']?.types);
  const type = data?.registryType;
  if (!offered.some((t) => t.id === type)) {
    field.addError(`Choose a registry type: ${offered.map((t) => t.label).join(', ')}`);
    return;
  }
  const secret = new Set(secretFields(type));
  for (const issue of validateRegistry(data as unknown as RegistryConfig).errors) {
    const [first] = pointerTokens(issue.path);
    if (first !== undefined && secret.has(first) && isMask(data[first])) continue;
    field.addError(`${fieldLabel(type, issue.path)}: ${issue.message}`);
  }
};
