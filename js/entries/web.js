// Plain browser ESM without a bundler, streaming the .wasm next to this file:
//   import { init, registryTypes } from 'regcred/web'; await init();
import initWasm from './regcred.js';

let ready;
/** Loads the module once (from `regcred_bg.wasm` beside this file unless a URL is given). */
export function init(input) {
  ready ??= initWasm(input === undefined ? undefined : { module_or_path: input });
  return ready.then(() => undefined);
}

export * from './api.js';
