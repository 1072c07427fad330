// Bundlers that emit assets referenced as `new URL('./file', import.meta.url)` — webpack 5 in its
// default configuration (Backstage's), Vite, Rollup with an import-meta-assets plugin, Parcel —
// and plain ESM hosts. The bundler copies regcred_bg.wasm into its output once (a hashed name)
// and rewrites the URL; the module is compiled at import with top-level await (which webpack
// >= 5.83 enables by default), so no init call and no WebAssembly experiments are needed. A
// bundle built for Node reads the file beside it (load.js).
import { initSync } from './regcred.js';
import { compileFrom } from './load.js';

initSync({ module: await compileFrom(new URL('./regcred_bg.wasm', import.meta.url)) });

export * from './api.js';
