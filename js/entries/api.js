// The public API: the wasm exports, each behind the trap guard, the form data functions
// (forms.js), plus the error class. Entry points initialize the module before re-exporting this.
//
// Trap recovery. The core never panics (ARCHITECTURE.md, "No panics"), but if the instance traps anyway (a
// `WebAssembly.RuntimeError` such as `unreachable`, out of memory, stack overflow), its memory
// and tables are in an unknown state and every later call could fail. The guard catches the
// trap, re-creates the instance with the glue's `__wbg_reset_state()` (a fresh instance of the
// same compiled module: new memory, so the glue's cached memory views are dropped too) and
// throws a `RegcredError` with code `internal.trap`; the next call runs on the new instance.
// Any other error passes through unchanged. Promise-returning functions reject instead of
// throwing. Traps inside an async call's task (after its first `.await`) are caught by the
// patched glue instead; every async call in flight then rejects with `internal.trap` (trap.js).
import * as glue from './regcred.js';
import { isTrap, recover, track } from './trap.js';

export { RegcredError } from './errors.js';

const recovered = () => recover(glue.__wbg_reset_state);

/** The wrapper keeps the wrapped function's name (stack traces, `fn.name`). */
const named = (wrapper, fn) => Object.defineProperty(wrapper, 'name', { value: fn.name });

function guard(fn) {
  return named(function guarded(...args) {
    try {
      return fn(...args);
    } catch (e) {
      throw isTrap(e) ? recovered() : e;
    }
  }, fn);
}

function guardAsync(fn) {
  return named(function guarded(...args) {
    return new Promise((resolve, reject) => {
      let promise;
      try {
        promise = fn(...args);
      } catch (e) {
        reject(isTrap(e) ? recovered() : e);
        return;
      }
      // Until it settles, a trap anywhere (this call's task, another call, a sync export)
      // rejects this call: its future lived in the instance that was re-created.
      const untrack = track(reject);
      Promise.resolve(promise).then(
        (value) => {
          untrack();
          resolve(value);
        },
        (e) => {
          untrack();
          reject(isTrap(e) ? recovered() : e);
        },
      );
    });
  }, fn);
}

// The catalog and the forms are generated data in JavaScript, not in the module (forms.js).
export { registryTypes, registrySchema, registryUiSchema } from './forms.js';

export const validateRegistry = /* #__PURE__ */ guard(glue.validateRegistry);
export const validateField = /* #__PURE__ */ guard(glue.validateField);
export const parseEcrUrl = /* #__PURE__ */ guard(glue.parseEcrUrl);
export const parseServiceAccountKey = /* #__PURE__ */ guard(glue.parseServiceAccountKey);
export const inspectCertificates = /* #__PURE__ */ guard(glue.inspectCertificates);

export const dockerConfigJson = /* #__PURE__ */ guard(glue.dockerConfigJson);
export const dockerConfigFile = /* #__PURE__ */ guard(glue.dockerConfigFile);
export const pullSecret = /* #__PURE__ */ guard(glue.pullSecret);
export const injectionPlan = /* #__PURE__ */ guard(glue.injectionPlan);
export const helmValuesPatch = /* #__PURE__ */ guard(glue.helmValuesPatch);
export const toDevtronPayload = /* #__PURE__ */ guard(glue.toDevtronPayload);
export const fromDevtronPayload = /* #__PURE__ */ guard(glue.fromDevtronPayload);

// Credential verification through the host's fetch (ARCHITECTURE.md, "Verification").
export const verifyCredentials = /* #__PURE__ */ guardAsync(glue.verifyCredentials);
export const ecrAuthorizationToken = /* #__PURE__ */ guardAsync(glue.ecrAuthorizationToken);

// Images: references, the kubelet's keyring, repository access.
/**
 * A text without options crosses straight as UTF-8 (`parseImageReferenceText`, the same result);
 * anything else goes through the export that reads and checks the arguments. Guarded inline with
 * its two parameters: a per-keystroke call pays no rest/spread.
 */
export function parseImageReference(text, options) {
  try {
    return typeof text === 'string' && options == null
      ? glue.parseImageReferenceText(text, text)
      : glue.parseImageReference(text, options);
  } catch (e) {
    throw isTrap(e) ? recovered() : e;
  }
}
export const resolveCredentials = /* #__PURE__ */ guard(glue.resolveCredentials);
export const verifyAccess = /* #__PURE__ */ guardAsync(glue.verifyAccess);

/** Kept for symmetry with `regcred/web`: every other entry is ready at import. */
export async function init() {}
