// Results of the image exports built from compact data (wasm/src/images.rs), so that a
// per-keystroke call costs no JSON text: the module passes one ASCII text and the spans of the
// fields in it, this builds the same Report the JSON codec would.

/** A missing tag or digest in `spans` (u32::MAX). */
const ABSENT = 0xffffffff;

/**
 * The Report of a valid image reference: `spans` holds start and end offsets into `text`, in
 * the order domain, path, tag, digest, name, familiarName, reference, familiarReference,
 * pullReference (the order of the core's `ImageReference`, which is the JSON's key order).
 */
export function referenceReport(text, spans) {
  const at = (i) => text.slice(spans[2 * i], spans[2 * i + 1]);
  const value = { domain: at(0), path: at(1) };
  if (spans[4] !== ABSENT) value.tag = at(2);
  if (spans[6] !== ABSENT) value.digest = at(3);
  value.name = at(4);
  value.familiarName = at(5);
  value.reference = at(6);
  value.familiarReference = at(7);
  value.pullReference = at(8);
  return { valid: true, errors: [], warnings: [], value };
}

/** What `referenceReportOf` puts before the kept end of the input (`HEADS` in images.rs). */
const HEADS = ['', 'docker.io/', 'docker.io/library/'];

/**
 * `referenceReport` of the layout text rebuilt from `input`, the text the module parsed
 * (ASCII): `HEADS[head]`, the last `kept` characters of `input`, then nothing (`tail` 0),
 * `:latest` (1) or the name (field 4), `@` and the digest (field 3). The module checked that
 * this is its layout text, so no text crosses back.
 */
export function referenceReportOf(input, head, kept, tail, spans) {
  let text = HEADS[head] + input.slice(input.length - kept);
  if (tail === 1) text += ':latest';
  else if (tail === 2) text += text.slice(spans[8], spans[9]) + '@' + text.slice(spans[6], spans[7]);
  return referenceReport(text, spans);
}

// ---- resolveCredentials: sources read without JSON text --------------------------------------

/** The largest argument as JSON text (`MAX_ARGUMENT_JSON` in wasm/src/codec.rs). */
const MAX_ARGUMENT_JSON = 1 << 20;

/**
 * An object JSON reads as its own enumerable properties: no class (an own `toJSON` is refused
 * where its keys are read, an inherited one once per call in `packSources`).
 */
const plainObject = (v) => {
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
};
/** Text serde_json reads back as written (JSON.stringify escapes a lone surrogate as \udXXX). */
const wellFormed = String.prototype.isWellFormed
  ? (s) => s.isWellFormed()
  : (s) => !/[\uD800-\uDFFF]/.test(s);

/**
 * An upper bound of `JSON.stringify(v).length`, or -1 when `v` is not plain JSON data (then
 * only the JSON reading gives the documented answer: `undefined`, functions, symbols, BigInts,
 * class instances, a `toJSON`, cycles or depth, lone surrogates).
 */
function jsonBound(v, depth) {
  switch (typeof v) {
    case 'string': return wellFormed(v) ? 2 + 6 * v.length : -1;
    case 'number': return 24;
    case 'boolean': return 5;
    case 'object': break;
    default: return -1;
  }
  if (v === null) return 4;
  if (depth > 32) return -1;
  let n = 2;
  if (Array.isArray(v)) {
    if (Object.getPrototypeOf(v) !== Array.prototype) return -1;
    for (let i = 0; i < v.length; i++) {
      const b = jsonBound(v[i], depth + 1);
      if (b < 0) return -1;
      n += b + 1;
    }
    return n;
  }
  if (!plainObject(v)) return -1;
  for (const k in v) {
    if (k === 'toJSON') return -1;
    const b = jsonBound(v[k], depth + 1);
    if (b < 0) return -1;
    n += b + 4 + 6 * k.length;
  }
  return n;
}

const EMPTY = {};

/**
 * `sources` of resolveCredentials packed into one text for the module (wasm/src/images.rs
 * reads it): the number of fields after it, then fields each after a U+0000: per source
 * `T text` (a document as JSON text), `J json` (any other source, as JSON text), or `D` (a
 * `.dockerconfigjson` document) followed by its `auths` entries (keys sorted), `E server username auth`
 * (`""` for a field that is absent or not text) or `X server` (an entry that is not an
 * object). Passwords are not copied. A U+0000 inside a text makes more fields than declared:
 * the module then reads `sources` as JSON, as it does when this returns `undefined` because
 * the JSON reading could answer differently (see `jsonBound`; `for...in` must see exactly the
 * own enumerable properties JSON sees).
 */
export function packSources(sources) {
  if (!Array.isArray(sources) || Object.getPrototypeOf(sources) !== Array.prototype) return undefined;
  for (const inherited in EMPTY) return undefined;
  if (EMPTY.toJSON !== undefined || sources.toJSON !== undefined) return undefined;
  const fields = [];
  let size = 2;
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i];
    if (typeof source === 'string') {
      if (!wellFormed(source)) return undefined;
      size += 3 + 6 * source.length;
      fields.push('T', source);
      continue;
    }
    let auths;
    let hasAuths = false;
    let json = typeof source !== 'object' || source === null || !plainObject(source);
    let docSize = 3;
    if (!json) {
      for (const k in source) {
        const v = source[k];
        if (k === 'auths') {
          auths = v;
          hasAuths = true;
          continue;
        }
        if ((k === 'kind' && v === 'Secret') || k === 'registryType') json = true;
        if (k === 'toJSON') return undefined;
        const b = jsonBound(v, 2);
        if (b < 0) return undefined;
        docSize += b + 4 + 6 * k.length;
      }
      json ||= auths === null || typeof auths !== 'object' || !plainObject(auths);
    }
    if (json) {
      const b = jsonBound(hasAuths ? auths : source, 2);
      if (b < 0 || (size += docSize + b + 10) > MAX_ARGUMENT_JSON) return undefined;
      fields.push('J', JSON.stringify(source));
      continue;
    }
    fields.push('D');
    // In the keyring's order (the module checks it is bytewise: beyond U+FFFF it is not).
    for (const server of Object.keys(auths).sort()) {
      const entry = auths[server];
      if (server === 'toJSON' || !wellFormed(server)) return undefined;
      docSize += 4 + 6 * server.length;
      if (entry === null || typeof entry !== 'object' || !plainObject(entry)) {
        const b = jsonBound(entry, 3);
        if (b < 0) return undefined;
        docSize += b;
        fields.push('X', server);
        continue;
      }
      let username = '';
      let auth = '';
      for (const f in entry) {
        const v = entry[f];
        if (f === 'toJSON') return undefined;
        const b = jsonBound(v, 4);
        if (b < 0) return undefined;
        docSize += b + 4 + 6 * f.length;
        if (f === 'username' && typeof v === 'string') username = v;
        else if (f === 'auth' && typeof v === 'string') auth = v;
      }
      fields.push('E', server, username, auth);
    }
    if ((size += docSize) > MAX_ARGUMENT_JSON) return undefined;
  }
  return fields.length === 0 ? '0' : `${fields.length}\0${fields.join('\0')}`;
}

const encoder = new TextEncoder();

/** Writes `text` as UTF-8 into `into` (a view of the module's memory); the bytes written, or
 * 0xffffffff when they do not all fit. */
export function encodeInto(text, into) {
  const { read, written } = encoder.encodeInto(text, into);
  return read === text.length ? written : 0xffffffff;
}
