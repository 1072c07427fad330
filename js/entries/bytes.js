// esbuild and Bun (run time and `bun build` for every target): the module is imported with
// `with { type: 'bytes' }`. esbuild inlines the file's bytes into the bundle (it has no asset
// URLs, so this is what makes its bundles self-contained); Bun gives the file's path instead
// (absolute at run time; in a bundle, a copied asset relative to it), which is read or fetched
// (load.js). Compiled at import with top-level await; no init call.
import wasm from './regcred_bg.wasm' with { type: 'bytes' };
import { initSync } from './regcred.js';
import { compileFrom } from './load.js';

initSync({
  module: typeof wasm === 'string' ? await compileFrom(new URL(wasm, import.meta.url)) : await WebAssembly.compile(wasm),
});

export * from './api.js';
