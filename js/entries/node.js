// Node 20+ (ESM) and Deno: the module is compiled synchronously at import; no init call needed.
import { readFileSync } from 'node:fs';
import { initSync } from './regcred.js';

initSync({ module: readFileSync(new URL('./regcred_bg.wasm', import.meta.url)) });

export * from './api.js';
