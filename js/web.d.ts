// TypeScript declarations of `regcred/web` (plain browser ESM without a bundler): the package's
// API, plus an `init` that takes where the module comes from. Only this entry names DOM and
// WebAssembly types, so a Node-only project (no DOM lib) compiles against index.d.ts.
export * from './index.js';

/**
 * Loads the module once; every other export may be called after it resolves. Without an
 * argument it streams `regcred_bg.wasm` from beside web.js; or pass its URL, a `Response`, its
 * bytes or a compiled `WebAssembly.Module`.
 */
export function init(input?: string | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;
