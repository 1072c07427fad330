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
const { closeSync, openSync, readFileSync, readSync } = process.getBuiltinModule('node:fs');

/**
 * The module's bytes. The build puts their length into this bundled entry as `WASM_LENGTH`
 * (scripts/build-pkg.mjs), so one read fills a buffer of that length without asking the file's
 * size first (`readFileSync` stats the file: ~0.2 ms of a cold start in a fresh process). A file
 * of any other length, or a run of this source unbundled, reads the whole file instead.
 */
function moduleBytes() {
  const url = new URL('./regcred_bg.wasm', import.meta.url);
  const length = typeof WASM_LENGTH === 'number' ? WASM_LENGTH : -1;
  if (length > 0) {
    const fd = openSync(url);
    try {
      // One byte more than expected: a longer file reads more and is read whole below.
      const bytes = new Uint8Array(length + 1);
      if (readSync(fd, bytes, 0, length + 1, 0) === length) return bytes.subarray(0, length);
    } finally {
      closeSync(fd);
    }
  }
  return readFileSync(url);
}

initSync({ module: moduleBytes() });

export * from './api.js';
