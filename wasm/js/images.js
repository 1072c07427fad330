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
 * this is its layout text, so no text crosses back. `rebuilt` is `kept << 4 | head << 2 | tail`:
 * one number, so that the import shares its signature with others
 * (see ARCHITECTURE.md, "Cold start").
 */
export function referenceReportOf(input, rebuilt, spans) {
  const head = (rebuilt >>> 2) & 3, kept = rebuilt >>> 4, tail = rebuilt & 3;
  let text = HEADS[head] + input.slice(input.length - kept);
  if (tail === 1) text += ':latest';
  else if (tail === 2) text += text.slice(spans[8], spans[9]) + '@' + text.slice(spans[6], spans[7]);
  return referenceReport(text, spans);
}

/**
 * The Report of `resolveCredentials` with no issue: `text` holds each match's server and
 * username one after the other (ASCII), `spans` their lengths and the source's index, three
 * numbers per match (wasm/src/images.rs, `credentials_result`).
 */
export function credentialsReport(text, spans) {
  const value = [];
  for (let i = 0, at = 0; i < spans.length; i += 3) {
    const server = text.slice(at, (at += spans[i]));
    const username = text.slice(at, (at += spans[i + 1]));
    value.push({ server, username, source: spans[i + 2] });
  }
  return { valid: true, errors: [], warnings: [], value };
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

/** The index's mark of an entry that is not an object (in place of its username's length). */
const NOT_OBJECT = 0xffffffff;
/** `packSources`' answer when it did not pack. */
const NOT_PACKED = 0xffffffff;
/** The most entries of a document left for the module to sort (`SORTED_BY_MODULE` there). */
const SORTED_BY_MODULE = 16;

/**
 * The packed sources between `packSources` and `takePacked`: the texts one after the other
 * (appended: a rope that `encodeInto` flattens once, faster than a join), and the index (the
 * lengths of the texts in UTF-16 code units, and what they are), `length` of it used
 * (`capacity`: the index's length, kept apart because reading a typed array's costs more);
 * `entries` packed so far, and the image's `host` with the keys left out for it (`skip`).
 */
const pack = { text: '', index: new Uint32Array(1024), capacity: 1024, length: 0, entries: 0, host: '', skip: null, skipped: Object.create(null), kept: 0 };

/** Appends `value` to the index, growing it as needed. */
function note(value) {
  if (pack.length === pack.capacity) {
    const grown = new Uint32Array((pack.capacity *= 2));
    grown.set(pack.index);
    pack.index = grown;
  }
  pack.index[pack.length++] = value;
}

/** Appends a text and its length. */
function put(text) {
  pack.text += text;
  note(text.length);
}

/**
 * The keys that cannot matter for an image on `host`: a plain host (ASCII
 * letters, digits, `.`, `-`: no port, glob or escape) other than `host` and Docker Hub's, then
 * a plain path. Such a key always parses, and src/images/keyring.rs compares such a host as a
 * whole, so it is neither tried, nor a fallback, nor refused (see ARCHITECTURE.md, "Images").
 */
function skipper(host) {
  if (host === '') return null;
  const other = `(?!(?:${host.replace(/[^A-Za-z0-9-]/g, '\\$&')}|index\\.docker\\.io)(?:/|$))`;
  return new RegExp(`^(?:https?://)?${other}[A-Za-z0-9.-]+(?:/[\\w.~/-]*)?$`);
}

/** The most keys whose `skip` answer is kept (the answers for one image's host). */
const SKIPPED_KEPT = 4096;

/**
 * `pack.skip.test(server)`, remembered: the same documents come back per keystroke (a
 * dictionary without prototype: a keyed load costs less than `Map.prototype.get`).
 */
function skipped(server) {
  let skip = pack.skipped[server];
  if (skip === undefined) {
    if (++pack.kept > SKIPPED_KEPT) {
      pack.skipped = Object.create(null);
      pack.kept = 1;
    }
    skip = pack.skip.test(server);
    pack.skipped[server] = skip;
  }
  return skip;
}

/**
 * Packs one `auths` entry (or leaves one without `auth` out, see `skipper`); the bytes it adds
 * to the JSON text's bound, or -1 when only the JSON reading gives the documented answer.
 */
function packEntry(server, entry) {
  if (server === 'toJSON' || !wellFormed(server)) return -1;
  const size = 4 + 6 * server.length;
  if (entry === null || typeof entry !== 'object' || !plainObject(entry)) {
    const b = jsonBound(entry, 3);
    put(server);
    note(NOT_OBJECT);
    pack.entries++;
    return b < 0 ? -1 : size + b;
  }
  let fields = 0;
  let username = '';
  let auth = '';
  for (const f in entry) {
    const v = entry[f];
    if (f === 'toJSON') return -1;
    // Texts inline (the usual fields): a call per field costs more than the check.
    const b = typeof v === 'string' ? (wellFormed(v) ? 2 + 6 * v.length : -1) : jsonBound(v, 4);
    if (b < 0) return -1;
    fields += b + 4 + 6 * f.length;
    if (f === 'username' && typeof v === 'string') username = v;
    else if (f === 'auth' && typeof v === 'string') auth = v;
  }
  if (auth !== '' || pack.skip === null || !skipped(server)) {
    put(server);
    put(username);
    put(auth);
    pack.entries++;
  }
  return size + fields;
}

/**
 * Packs the entries of a document's `auths` (after its tag: their count); the bytes they add
 * to the JSON text's bound, or -1. A small document's entries go in JavaScript's order (the
 * module sorts them); a larger one's sorted by UTF-16 code units, which the module checks are
 * in byte order.
 */
function packAuths(auths) {
  const countAt = pack.length;
  const textAt = pack.text;
  note(0);
  const entriesAt = pack.entries;
  let size = 0;
  for (const server in auths) {
    const b = packEntry(server, auths[server]);
    if (b < 0) return -1;
    size += b;
  }
  if (pack.entries - entriesAt > SORTED_BY_MODULE) {
    pack.length = countAt + 1;
    pack.text = textAt;
    pack.entries = entriesAt;
    for (const server of Object.keys(auths).sort()) packEntry(server, auths[server]);
  }
  pack.index[countAt] = pack.entries - entriesAt;
  return size;
}

/**
 * `sources` of resolveCredentials packed for the module (wasm/src/images.rs reads them with
 * `takePacked`): texts without separators, and an index that says per source `0 length` (a
 * document as JSON text) or `1 count` (a `.dockerconfigjson` document object) followed by its
 * `auths` entries, each `server username auth` (`""` for a field that is absent or not text) or
 * `server NOT_OBJECT` (an entry that is not an object). Passwords are not copied. Returns
 * whether it packed: `false` for a list with any other source (registry configurations and
 * Secrets are read as JSON anyway) or when the JSON reading could answer differently (see
 * `jsonBound`; `for...in` must see exactly the own enumerable properties JSON sees), then the
 * module reads `sources` as JSON. Returns the length of the index, or `NOT_PACKED` (u32::MAX)
 * when it did not pack; `packedUnits` then gives the length of the texts (two numbers from two
 * calls rather than a return area: the imports then share signatures with others, see
 * ARCHITECTURE.md, "Cold start"). `host` is the image's host as the keyring compares keys with
 * it (`""` when it has none: then no entry is left out).
 */
export function packSources(sources, host) {
  pack.text = '';
  pack.length = 0;
  if (host !== pack.host) {
    pack.host = host;
    pack.skip = skipper(host);
    pack.skipped = Object.create(null);
    pack.kept = 0;
  }
  if (!packInto(sources)) {
    pack.text = '';
    return NOT_PACKED;
  }
  return pack.length;
}

/** The length (UTF-16 code units) of the texts the last `packSources` packed. */
export function packedUnits() {
  return pack.text.length;
}

/** `packSources` without its bookkeeping; whether it packed. */
function packInto(sources) {
  if (!Array.isArray(sources) || Object.getPrototypeOf(sources) !== Array.prototype) return false;
  for (const inherited in EMPTY) return false;
  if (EMPTY.toJSON !== undefined || sources.toJSON !== undefined) return false;
  let size = 2;
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i];
    if (typeof source === 'string') {
      if (!wellFormed(source)) return false;
      size += 3 + 6 * source.length;
      note(0);
      put(source);
      continue;
    }
    // Registry configurations, Secrets and anything not a plain document: all read as JSON.
    if (typeof source !== 'object' || source === null || !plainObject(source)) return false;
    let auths;
    let docSize = 3;
    for (const k in source) {
      const v = source[k];
      if (k === 'auths') {
        auths = v;
        continue;
      }
      if ((k === 'kind' && v === 'Secret') || k === 'registryType' || k === 'toJSON') return false;
      const b = jsonBound(v, 2);
      if (b < 0) return false;
      docSize += b + 4 + 6 * k.length;
    }
    if (auths === null || typeof auths !== 'object' || !plainObject(auths)) return false;
    note(1);
    const b = packAuths(auths);
    if (b < 0 || (size += docSize + b) > MAX_ARGUMENT_JSON) return false;
  }
  return true;
}

const encoder = new TextEncoder();

/**
 * Writes what `packSources` packed into the module's memory: the texts as UTF-8 into `text`,
 * the index into `into`. The bytes written, or 0xffffffff when they do not all fit.
 */
export function takePacked(text, into) {
  const { read, written } = encoder.encodeInto(pack.text, text);
  into.set(pack.index.subarray(0, pack.length));
  const ok = read === pack.text.length;
  pack.text = '';
  return ok ? written : 0xffffffff;
}
