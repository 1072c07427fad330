// Browsers and bundlers (webpack 5 in its default configuration, esbuild, Vite): the .wasm is
// inlined so no bundler set-up is needed; it is compiled asynchronously at import (top-level
// await). `await init()` is accepted and does nothing more.
import { initSync } from './regcred.js';
import { wasmBase64 } from './regcred_bg.wasm.base64.js';

const binary = atob(wasmBase64);
const bytes = new Uint8Array(binary.length);
for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
initSync({ module: await WebAssembly.compile(bytes) });

export * from './api.js';
