// Every regcred scaffolder action, for apps that register actions themselves.
import { createPullSecretAction } from './pullSecretAction';
import { createValidateAction } from './validateAction';
import { createVerifyAction } from './verifyAction';

/** `regcred:validate`, `regcred:pull-secret` and `regcred:verify`. */
export function createRegcredActions() {
  return [createValidateAction(), createPullSecretAction(), createVerifyAction()];
}
