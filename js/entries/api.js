// The public API: the wasm exports plus the error class. Entry points initialize the module
// before re-exporting this.
export {
  registryTypes,
  registrySchema,
  registryUiSchema,
} from './regcred.js';
export {
  validateRegistry,
  validateField,
  parseEcrUrl,
  parseServiceAccountKey,
} from './regcred.js';
export { RegcredError } from './errors.js';

/** Kept for symmetry with `regcred/web`: every other entry is ready at import. */
export async function init() {}
export {
  dockerConfigJson,
  dockerConfigFile,
  pullSecret,
  injectionPlan,
  toDevtronPayload,
  fromDevtronPayload,
} from './regcred.js';
export { inspectCertificates } from './regcred.js';

// Credential verification through the host's fetch (issue 6).
export { verifyCredentials, ecrAuthorizationToken } from './regcred.js';
