// Deno: the module as a source-phase import (a compiled WebAssembly.Module, no permission
// needed: no --allow-read, no fetch of a file: URL); no init call.
import source wasmModule from './regcred_bg.wasm';
import { initSync } from './regcred.js';

initSync({ module: wasmModule });

export * from './api.js';
