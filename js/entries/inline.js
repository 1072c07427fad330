// The self-contained entry: browsers, bundlers (webpack 5 in its default configuration, esbuild,
// Vite, Rollup — for any target platform) and Deno. The .wasm is inlined as base64, so there is
// no asset to locate, serve or copy and no file-system permission to grant; it is compiled
// asynchronously at import (top-level await, which webpack >= 5.83 enables by default and every
// ESM host supports). `await init()` is accepted and does nothing more.
import { initSync } from './regcred.js';
import { wasmBase64 } from './regcred_bg.wasm.base64.js';

const binary = atob(wasmBase64);
const bytes = new Uint8Array(binary.length);
for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
initSync({ module: await WebAssembly.compile(bytes) });

export * from './api.js';
