// What the WebAssembly module asks of its JS host besides `fetch`: the host's own WHATWG URL
// parser, for host names the shipped module cannot map itself (non-ASCII, punycode or
// percent-encoded labels: the module leaves out the Unicode tables; see wasm/Cargo.toml).

/**
 * The WHATWG host parser's result for `text` (lowercase ASCII, IDN as punycode, IPv4 in dotted
 * decimal, IPv6 in brackets), or `undefined` when it is not a valid host or is more than a host
 * (a `\` the parser would read as a path, userinfo, a port).
 */
export function urlHostname(text) {
  let url;
  try {
    url = new URL(`http://${text}/`);
  } catch {
    return undefined;
  }
  if (url.username || url.password || url.port || url.pathname !== '/' || url.search || url.hash) return undefined;
  return url.hostname;
}

// The four below answer through module memory or with plain indices so that their imports share
// signatures with the others: V8 compiles one wrapper per distinct import signature before the
// first call (see ARCHITECTURE.md, "Cold start").

/** The host's clock: `Date.now()` written into `into[0]` (a Float64Array over module memory). */
export function clock(into) {
  into[0] = Date.now();
}

/** `setTimeout(callback, ms)`'s id, or `undefined` on a host without `setTimeout`. */
export function startTimer(callback, ms) {
  return typeof setTimeout === 'function' ? setTimeout(callback, ms) : undefined;
}

/** `clearTimeout(id)`, when the host has it. */
export function stopTimer(id) {
  if (typeof clearTimeout === 'function') clearTimeout(id);
}

/** Copies `bytes` (a Uint8Array of `into.length` bytes) into `into` (module memory); the count. */
export function copyBytes(bytes, into) {
  into.set(bytes);
  return bytes.length;
}
