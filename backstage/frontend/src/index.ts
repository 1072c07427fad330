// @regcred/plugin-scaffolder-frontend-module-registry: the RegcredRegistry scaffolder field.
export { RegcredRegistryFieldExtension, regcredRegistryFieldOptions } from './extension';
export { RegcredRegistryField } from './RegcredRegistryField';
export type { RegcredRegistryFieldProps } from './RegcredRegistryField';
export { RegcredSecretWidget } from './RegcredSecretWidget';
export { regcredRegistryValidation } from './validation';
export { regcredTransformErrors } from './transformErrors';
export { secretKey } from './registryForm';
export type { RegcredRegistryUiOptions } from './registryForm';
