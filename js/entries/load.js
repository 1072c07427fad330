// Compiles the module from where the entry's bundler or runtime put it (bundler.js, bytes.js).
//   file: URL   a bundle built for Node or Bun, or Bun itself: read from disk, compiled at once
//               (`fs` from `process.getBuiltinModule`: no `node:fs` import for a web bundle to
//               resolve; Node >= 20.16, Bun and Deno have it);
//   otherwise   fetched (browsers, web workers) and compiled while it streams in when the server
//               sends `application/wasm`, from the whole body when it does not.
// A missing file is a RegcredError naming the URL it looked for.
import { RegcredError } from './errors.js';

const missing = (url, cause) => Object.assign(new RegcredError('package.wasm-missing',
  `regcred could not load its WebAssembly module from ${url}: your bundler did not copy ` +
  "regcred_bg.wasm (it is referenced as new URL('./regcred_bg.wasm', import.meta.url)); copy " +
  'node_modules/regcred/regcred_bg.wasm beside the bundle'), { cause });

export async function compileFrom(url) {
  if (url.protocol === 'file:') {
    const fs = globalThis.process?.getBuiltinModule?.('fs');
    if (!fs) throw new RegcredError('package.host', 'regcred needs process.getBuiltinModule (Node >= 20.16, Bun, Deno) to read its module from a file: URL');
    let bytes;
    try {
      bytes = fs.readFileSync(url);
    } catch (e) {
      throw missing(url, e);
    }
    return new WebAssembly.Module(bytes);
  }
  const response = await fetch(url);
  if (!response.ok) throw missing(url, new Error(`HTTP ${response.status}`));
  if (typeof WebAssembly.compileStreaming === 'function' && response.headers.get('content-type') === 'application/wasm') {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}
