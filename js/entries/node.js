// Node 20+ (ESM): the module is compiled synchronously at import from the file beside this one;
// no init call needed. Bundlers never pick this entry (each matches an earlier condition: see
// the `exports` comment in scripts/build-pkg.mjs), so a bundle does not look for a .wasm file
// that was not copied.
//
// `fs` comes from `process.getBuiltinModule` (Node >= 20.16) rather than `import 'node:fs'`:
// building the ESM facade of `node:fs` reads every export, which loads Node's whole streams
// stack (about 5 ms of a cold start in a process that had not imported `node:fs` yet).
import { initSync } from './regcred.js';

// No top-level await, so that `require('regcred')` works too (Node >= 20.19 and 22.12 load an
// ES module graph without top-level await through `require`): CommonJS hosts such as Backstage
// backends use the same entry.
const { readFileSync } = process.getBuiltinModule('node:fs');

initSync({ module: readFileSync(new URL('./regcred_bg.wasm', import.meta.url)) });

export * from './api.js';
