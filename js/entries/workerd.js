// Cloudflare Workers / workerd: the runtime imports the .wasm as a compiled WebAssembly.Module
// (workerd cannot compile wasm from bytes at run time); no init call needed.
import wasmModule from './regcred_bg.wasm';
import { initSync } from './regcred.js';

initSync({ module: wasmModule });

export * from './api.js';
