// @regcred/plugin-scaffolder-backend-module-registry: scaffolder actions for container registries.
export { scaffolderModuleRegcred as default } from './module';
export { createRegcredActions } from './actions';
export { createValidateAction } from './validateAction';
export { createPullSecretAction } from './pullSecretAction';
export { createVerifyAction } from './verifyAction';
export { secretKey, secretFields } from './taskRegistry';
