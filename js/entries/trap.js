// Trap recovery, shared by the API wrappers (api.js) and the patched glue (regcred.js; see
// scripts/build-pkg.mjs). It imports nothing from the glue, so there is no import cycle: the
// callers pass the glue's `__wbg_reset_state` in.
//
// A trap (a `WebAssembly.RuntimeError`) leaves the instance's memory in an unknown state, so
// `recover` re-creates it (`__wbg_reset_state()`: a fresh instance of the same module). Traps
// happen in two places:
// - during an exported call: api.js's `guard`/`guardAsync` catch them;
// - in an async export's task, after its first `.await`: wasm-bindgen-futures polls futures in
//   a microtask it schedules through the host (`queueMicrotask(closure)`, or
//   `promise.then(closure)` where queueMicrotask is missing), and a `JsFuture` is woken by
//   `promise.then(resolve, reject)` callbacks that call into wasm. The host runs those
//   callbacks, so a trap there would escape as an uncaught exception and no promise would
//   settle. The build wraps each callback the glue hands to the host in `guardTask`.
// Every async call in flight keeps its state (its future) in the instance, so a reset from
// either place rejects all of them with `internal.trap` instead of leaving them pending.
import { RegcredError } from './errors.js';

export const isTrap = (e) => typeof WebAssembly === 'object' && e instanceof WebAssembly.RuntimeError;

/** The reject functions of the async calls in flight (registered by api.js's `guardAsync`). */
const pending = new Set();

/**
 * Counts resets. A callback wrapped under an older generation belongs to a discarded instance:
 * the futures it would wake are gone (and the glue refuses to call an old instance's closure,
 * with an error that would be uncaught), so it does nothing. Every reset goes through `recover`.
 */
let generation = 0;

const trapError = () => new RegcredError('internal.trap', 'regcred hit an internal error (a WebAssembly trap); its instance was re-created, so later calls work');

/**
 * Re-creates the instance after a trap, rejects every async call in flight with `internal.trap`
 * and returns the error for the caller that hit the trap (if any) to throw.
 */
export function recover(reset) {
  generation++;
  try {
    reset();
  } catch {
    // The next call reports whatever is still wrong; the trap is what this call reports.
  }
  const rejects = [...pending];
  pending.clear();
  for (const reject of rejects) reject(trapError());
  return trapError();
}

/** Registers an async call's reject function until it settles; returns the unregister function. */
export function track(reject) {
  pending.add(reject);
  return () => pending.delete(reject);
}

/**
 * Wraps a callback that the glue hands to the host (a microtask, a promise reaction) and that
 * calls into wasm. A trap in it recovers (see `recover`) and is not rethrown: the host is the
 * caller, nobody could catch it. Other errors pass through unchanged.
 */
export function guardTask(fn, reset) {
  if (typeof fn !== 'function') return fn;
  const born = generation;
  return function task(...args) {
    if (born !== generation) return undefined;
    try {
      return fn.apply(this, args);
    } catch (e) {
      if (!isTrap(e)) throw e;
      recover(reset);
      return undefined;
    }
  };
}
