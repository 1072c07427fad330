// Node 20+ (ESM): the module is compiled synchronously at import from the file beside this one;
// no init call needed. Bundlers never pick this entry (they match the `module` condition first
// and get `inline.js`), so a bundle does not look for a .wasm file that was not copied.
import { readFileSync } from 'node:fs';
import { initSync } from './regcred.js';

initSync({ module: readFileSync(new URL('./regcred_bg.wasm', import.meta.url)) });

export * from './api.js';
