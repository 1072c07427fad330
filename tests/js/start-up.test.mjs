// What V8 does before the first call that the build controls (ARCHITECTURE.md, "Cold start"):
// one wasm-to-JS wrapper is compiled per distinct import signature, and one more at
// instantiation for every import whose JS function declares a different number of parameters.
// Checked on the shipped module and the Node entry's own imports object.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../../pkg/', import.meta.url));
const wasm = readFileSync(`${pkg}regcred_bg.wasm`);

/** The most distinct import signatures the module may have (7 today). */
const MAX_IMPORT_SIGNATURES = 7;
const VALUE_TYPES = { 0x7f: 'i32', 0x7e: 'i64', 0x7d: 'f32', 0x7c: 'f64', 0x7b: 'v128', 0x70: 'funcref', 0x6f: 'externref' };

/** The function imports of a module: `{ module, name, params, results }` from its type and import sections. */
function functionImports(bytes) {
  let at = 8;
  const u32 = () => {
    let n = 0, shift = 0, b;
    do { b = bytes[at++]; n |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
    return n >>> 0;
  };
  const name = () => { const n = u32(); const s = bytes.subarray(at, at + n).toString('utf8'); at += n; return s; };
  const valueType = () => VALUE_TYPES[bytes[at++]] ?? 'unknown';
  const vector = (read) => Array.from({ length: u32() }, read);
  const limits = () => { const flags = bytes[at++]; u32(); if (flags & 1) u32(); };
  let types = [];
  const imports = [];
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = u32();
    const end = at + size;
    if (id === 1) {
      types = vector(() => {
        assert.equal(bytes[at++], 0x60, 'a type that is not a function type');
        return { params: vector(valueType), results: vector(valueType) };
      });
    } else if (id === 2) {
      for (const _ of Array(u32())) {
        const module = name(), field = name(), kind = bytes[at++];
        if (kind === 0) imports.push({ module, name: field, ...types[u32()] });
        else if (kind === 1) { at++; limits(); }
        else if (kind === 2) limits();
        else if (kind === 3) at += 2;
        else throw new Error(`import kind ${kind}`);
      }
    }
    at = end;
  }
  return imports;
}

const imports = functionImports(wasm);
const signature = (f) => `(${f.params.join(' ')}) -> (${f.results.join(' ')})`;

test('the module imports functions of a few signatures, numbers only, one result at most', () => {
  assert.ok(imports.length > 20, `only ${imports.length} function imports read`);
  for (const f of imports) {
    assert.ok([...f.params, ...f.results].every((t) => t === 'i32' || t === 'f64'), `${f.name}: ${signature(f)}`);
    assert.ok(f.results.length <= 1, `${f.name}: ${signature(f)} (multi-value)`);
  }
  const distinct = new Set(imports.map(signature));
  assert.ok(distinct.size <= MAX_IMPORT_SIGNATURES,
    `${distinct.size} distinct import signatures (at most ${MAX_IMPORT_SIGNATURES}): ${[...distinct].join(', ')}`);
});

test("the Node entry's import functions declare the parameters their signatures pass", () => {
  // The imports object the entry instantiates with, captured in a child process.
  const capture = `
    const Instance = WebAssembly.Instance;
    let seen;
    WebAssembly.Instance = function (module, imports) { seen ??= imports; return new Instance(module, imports); };
    await import(${JSON.stringify(`${pkg}node.js`)});
    const arity = {};
    for (const [module, fns] of Object.entries(seen)) {
      for (const name of Object.keys(fns)) if (typeof fns[name] === 'function') arity[module + ' ' + name] = fns[name].length;
    }
    process.stdout.write(JSON.stringify(arity));`;
  const arity = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', capture], { encoding: 'utf8' }));
  let checked = 0;
  for (const f of imports) {
    const declared = arity[`${f.module} ${f.name}`];
    if (declared === undefined) continue; // a wasm-bindgen intrinsic answered by V8 itself
    assert.equal(declared, f.params.length, `${f.module} ${f.name}: declares ${declared}, called with ${f.params.length}`);
    checked++;
  }
  assert.ok(checked > 20, `only ${checked} imports compared`);
});
