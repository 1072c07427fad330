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
