// `make size`: what every crate and module costs in the shipped .wasm, written to
// bench/size-report.md (with bench/size-history.md, the hand-kept log of changes and their
// measured effect, appended verbatim).
//
// The shipped module has no names, so this rebuilds the same module keeping them: the release
// .wasm from `make pkg` -> wasm-bindgen without --remove-name-section -> wasm-opt with the flags
// of scripts/build-pkg.mjs plus -g (keep names; the code is the same). Then it reads the module
// itself: every function body is attributed to a bucket by its (demangled) name, and each
// bucket's gzip cost is measured as gz(all code) - gz(all code without the bucket), the bytes the
// bucket adds to a gzip -9 stream. Data segments are reported as text (messages, schemas, names)
// or tables (Unicode/IDNA data, constants) by content. For a second opinion: `twiggy top` and
// `twiggy dominators` on the kept-names module (its path is printed).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'target/wasm-release/wasm32-unknown-unknown/release/regcred_wasm.wasm');
if (!existsSync(built)) throw new Error('no release build: run `make pkg` first');
const dir = mkdtempSync(join(tmpdir(), 'regcred-size-'));
execFileSync('wasm-bindgen', [built, '--out-dir', dir, '--target', 'web', '--out-name', 'regcred',
  '--remove-producers-section', '--experimental-reset-state-function'], { stdio: 'inherit' });
const named = join(dir, 'regcred_bg.wasm');
execFileSync(join(root, 'node_modules/.bin/wasm-opt'), [named, '-Os', '-g', '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals',
  '--strip-producers', '-o', named], { stdio: 'inherit' });
const shipped = readFileSync(join(root, 'pkg/regcred_bg.wasm'));
const gz = (b) => gzipSync(b, { level: 9 }).length;

// --- a minimal reader of the wasm binary format ----------------------------------------------
const bytes = readFileSync(named);
let pos = 8;
const u32 = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return result;
  }
};
const sections = [];
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = u32();
  const start = pos;
  let name = null;
  if (id === 0) {
    const n = u32();
    name = bytes.subarray(pos, pos + n).toString();
    pos += n;
  }
  sections.push({ id, name, start, end: start + size, size });
  pos = start + size;
}
const section = (id, name) => sections.find((s) => s.id === id && (name === undefined || s.name === name));

// Imported functions come first in the function index space.
let importedFunctions = 0;
const imports = section(2);
if (imports) {
  pos = imports.start;
  for (let n = u32(); n > 0; n--) {
    for (let k = 0; k < 2; k++) { const len = u32(); pos += len; } // module and field names
    const kind = bytes[pos++];
    if (kind === 0) { u32(); importedFunctions++; }
    else if (kind === 1) { pos++; const f = bytes[pos++]; u32(); if (f & 1) u32(); }
    else if (kind === 2) { const f = bytes[pos++]; u32(); if (f & 1) u32(); }
    else if (kind === 3) { pos += 2; }
    else if (kind === 4) { pos++; u32(); }
    else throw new Error(`import kind ${kind}`);
  }
}
// Function names from the name section.
const names = new Map();
const nameSection = section(0, 'name');
if (nameSection) {
  pos = nameSection.start + 1 + 'name'.length;
  while (pos < nameSection.end) {
    const sub = bytes[pos++];
    const size = u32();
    const end = pos + size;
    if (sub === 1) {
      for (let n = u32(); n > 0; n--) {
        const idx = u32();
        const len = u32();
        // Crate disambiguators (`regcred[96d2cace952b7fc2]::`, from -Zbuild-std builds) are dropped.
        names.set(idx, bytes.subarray(pos, pos + len).toString().replace(/\[[0-9a-f]{16}\]/g, ""));
        pos += len;
      }
    }
    pos = end;
  }
}
// Function bodies.
const functions = [];
const code = section(10);
pos = code.start;
for (let n = u32(), i = 0; i < n; i++) {
  const size = u32();
  const idx = importedFunctions + i;
  functions.push({ name: names.get(idx) || `func[${idx}]`, body: bytes.subarray(pos, pos + size) });
  pos += size;
}
// Data segments.
const segments = [];
const data = section(11);
pos = data.start;
for (let n = u32(); n > 0; n--) {
  const flags = u32();
  if (flags === 2) u32();
  if (flags !== 1) { while (bytes[pos] !== 0x0b) pos++; pos++; } // the offset expression
  const size = u32();
  segments.push(bytes.subarray(pos, pos + size));
  pos += size;
}

// --- buckets: first match wins -----------------------------------------------------------------
const buckets = [
  ['url + idna (WHATWG URL, punycode; UTS-46 tables left out, see README)', /(^|[<\s&])(url|idna|idna_adapter|icu_\w+|form_urlencoded|percent_encoding|utf8_iter|zerovec|zerotrie|tinystr|litemap|yoke|writeable|potential_utf|smallvec)(\[|::)/],
  ['export shims (wasm-bindgen wrappers, facade and core code inlined into them)', /externref shim|multivalue shim/],
  ['serde_json (parser, serializer, Value; zmij/itoa number formatting)', /serde_json|^<&mut serde_json|zmij|itoa/],
  ['serde derive code (regcred types)', /^(regcred::.*)?(<)?regcred::[\w:]+::_::<impl serde|serde(_core)?::(de|ser)::.*regcred|_::<impl serde_core/],
  ['serde core (generic visitors)', /serde(_core)?(\[|::)/],
  ['indexmap + hashbrown + SipHash (hash maps)', /indexmap|hashbrown|core(\[\w+\])?::hash::sip|std(\[\w+\])?::hash::random|RandomState|DefaultHasher/],
  ['core::fmt (format!, Display, Debug)', /core(\[\w+\])?::fmt|alloc(\[\w+\])?::fmt|as core(\[\w+\])?::fmt::(Display|Debug|Write)|::fmt::h[0-9a-f]+$|<.* as core::fmt/],
  ['SHA-256 + HMAC (regcred::sha256)', /sha2|hmac|digest|block_buffer/],
  ['base64 (regcred::base64_codec)', /base64/],
  ['regcred::cert (X.509 reader, PEM, checks)', /regcred::cert/],
  ['regcred::validate', /regcred::validate/],
  ['regcred::verify (+ wasm/src/verify*)', /regcred(_wasm)?::verify/],
  ['regcred::secret (+ wasm/src/secret)', /regcred(_wasm)?::secret/],
  ['regcred::devtron', /regcred::devtron/],
  ['regcred::inject', /regcred::inject/],
  ['regcred::catalog, schema', /regcred(_wasm)?::(catalog|schema)/],
  ['regcred::time', /regcred::time/],
  ['regcred::json (parser, writer, Value)', /regcred::json/],
  ['regcred_wasm binding (codec, validate, cert exports)', /regcred_wasm::/],
  ['regcred::url (WHATWG URL parser, host splitter)', /regcred(_wasm)?::url/],
  ['regcred::images (references, keyring, credential sources)', /regcred(_wasm)?::images/],
  ['regcred (other)', /regcred/],
  ['wasm-bindgen, js-sys, futures (glue)', /wasm_bindgen|js_sys|web_sys|futures|__wbg|__wbindgen|__externref|closure|JsValue/],
  ['allocator (lol_alloc free list)', /lol_alloc|dlmalloc|__rust_alloc|__rust_dealloc|__rust_realloc|__rdl|alloc::alloc|__rustc/],
  ['core::net (IP parsing/printing)', /core(\[\w+\])?::net/],
  ['core/alloc/std (strings, Vec, slices, unicode, panics, compiler builtins)', /core|alloc|std|^<(char|str)>|^__\w+ti3$|^mem(cmp|cpy|set|move)$/],
  ['other (unnamed or unmatched)', /.*/],
];
const byBucket = new Map(buckets.map(([label]) => [label, []]));
for (const f of functions) {
  const [label] = buckets.find(([, re]) => re.test(f.name));
  byBucket.get(label).push(f);
}
const allCode = Buffer.concat(functions.map((f) => f.body));
const gzCode = gz(allCode);
const rows = [];
const unmatched = byBucket.get('other (unnamed or unmatched)').map((f) => f.name);
for (const [label, fs] of byBucket) {
  if (fs.length === 0) continue;
  const raw = fs.reduce((n, f) => n + f.body.length, 0);
  const rest = Buffer.concat(functions.filter((f) => !fs.includes(f)).map((f) => f.body));
  rows.push({ label, functions: fs.length, raw, gz: gzCode - gz(rest) });
}
rows.sort((a, b) => b.gz - a.gz);

// Data: text (mostly printable) vs tables.
const printable = (seg) => seg.filter((b) => (b >= 0x20 && b < 0x7f) || b === 0x0a).length / Math.max(seg.length, 1);
const text = segments.filter((s) => printable(s) > 0.8);
const tables = segments.filter((s) => printable(s) <= 0.8);
const dataRow = (label, segs) => {
  const raw = segs.reduce((n, s) => n + s.length, 0);
  return { label, segments: segs.length, raw, gz: gz(Buffer.concat(segs)) };
};
const dataRows = [dataRow('text (messages, schemas, names, help)', text), dataRow('tables (Unicode/IDNA data, constants)', tables)];
const largest = [...segments].sort((a, b) => b.length - a.length).slice(0, 5)
  .map((s) => ({ bytes: s.length, printable: Math.round(printable(s) * 100), sample: JSON.stringify(s.subarray(0, 60).toString('latin1').replace(/[^\x20-\x7e]/g, '.')) }));

const kib = (n) => (n / 1024).toFixed(1);
const sectionRows = sections.map((s) => ({ label: s.id === 0 ? `custom "${s.name}"` : ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'data count'][s.id], raw: s.size }));
const report = `# Size report

Generated by \`make size\` (bench/size.mjs) on ${new Date().toISOString().slice(0, 10)} from the current release build.

**Shipped \`pkg/regcred_bg.wasm\`: ${kib(shipped.length)} KiB raw, ${kib(gz(shipped))} KiB gzip -9** (${gz(shipped)} bytes; limit 150 KiB, aim 120 KiB).

The same module with its name section kept (${kib(bytes.length)} KiB, names included) has ${functions.length}
functions, ${kib(allCode.length)} KiB of code (${kib(gzCode)} KiB gz on its own) and ${segments.length} data segments
(${kib(segments.reduce((n, s) => n + s.length, 0))} KiB). "gz" per bucket is what the bucket adds to a gzip -9 stream of all code
(gz(all) − gz(all without it)), so buckets add up to a little less than the code's gz (shared redundancy).

## Code by crate and module

| bucket | functions | raw KiB | gz KiB |
|---|---:|---:|---:|
${rows.map((r) => `| ${r.label} | ${r.functions} | ${kib(r.raw)} | ${kib(r.gz)} |`).join('\n')}

## Data

| data | segments | raw KiB | gz KiB (alone) |
|---|---:|---:|---:|
${dataRows.map((r) => `| ${r.label} | ${r.segments} | ${kib(r.raw)} | ${kib(r.gz)} |`).join('\n')}

Largest segments: ${largest.map((l) => `${kib(l.bytes)} KiB (${l.printable}% printable, starts ${l.sample})`).join('; ')}.

## Sections

| section | raw KiB |
|---|---:|
${sectionRows.map((r) => `| ${r.label} | ${kib(r.raw)} |`).join('\n')}

Names module for twiggy: \`${named}\` (\`twiggy top -n 30\`, \`twiggy dominators -d 2\`).

${existsSync(join(root, 'bench/size-history.md')) ? readFileSync(join(root, 'bench/size-history.md'), 'utf8') : ''}`;
writeFileSync(join(root, 'bench/size-report.md'), report);
console.log(report);
if (process.argv.includes('--unmatched')) console.log(unmatched.join('\n'));
