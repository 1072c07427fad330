// Which functions the first validateRegistry runs (`node bench/first-call.mjs [top]`, after
// `make pkg`). V8 compiles a wasm function when it is first called, so these bytes are what a
// cold start's first call compiles (see bench/cold-phases.mjs for the time). The release build
// is bound again with its names kept, instrumented by wasm-opt's --log-execution (a call at
// every function entry and loop head) and run once in this process on the typical configuration.
// Prints the count and bytes of the functions reached at start-up and by the first call, by
// crate and module, and the largest ones.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const top = Number(process.argv[2] ?? 25);
const dir = mkdtempSync(join(tmpdir(), 'regcred-first-call-'));
const wasmOpt = join(root, 'node_modules/.bin/wasm-opt');
const features = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
const run = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });

// The shipped code with names (as bench/size.mjs builds it), then the instrumented copy.
run('wasm-bindgen', [join(root, 'target/wasm-release/wasm32-unknown-unknown/release/regcred_wasm.wasm'), '--out-dir', dir,
  '--target', 'web', '--out-name', 'regcred', '--remove-producers-section', '--experimental-reset-state-function']);
const named = join(dir, 'regcred_bg.wasm');
run(wasmOpt, [named, '-Os', '-g', ...features, '-o', named]);
const logged = join(dir, 'logged.wasm');
run(wasmOpt, [named, '--log-execution', '-g', ...features, '-o', logged]);

// Bytes per function (wasm-opt --func-metrics) and the function of every logged id.
const size = new Map();
let current;
for (const line of run(wasmOpt, [named, '--func-metrics', ...features]).split('\n')) {
  if (line.startsWith('func: ')) current = line.slice(6);
  const m = /^ \[binary-bytes\] : (\d+)/.exec(line);
  if (m && current) size.set(current, Number(m[1]));
}
const wat = run(wasmOpt, [logged, '--print', ...features]).split('\n');
const [, importModule, logFn] = wat.map((l) => /\(import "([^"]+)" "log_execution" \(func (\$\S+)/.exec(l)).find(Boolean);
const fnOfId = [];
let fn;
let afterLog = false;
for (const line of wat) {
  const f = /^ \(func \$("(?:[^"\\]|\\.)*"|\S+)/.exec(line);
  if (f) fn = f[1].startsWith('"') ? JSON.parse(f[1]) : f[1];
  if (line.trim() === `(call ${logFn}`) afterLog = true;
  const id = /^\s*\(i32\.const (\d+)\)/.exec(line);
  if (afterLog && id) { fnOfId[Number(id[1])] = fn; afterLog = false; }
}

// The glue's imports get the logger.
const glue = join(dir, 'regcred.js');
const text = readFileSync(glue, 'utf8');
if (!text.includes(`"${importModule}": import0`)) throw new Error(`${glue}: no import object for ${importModule}`);
writeFileSync(glue, text.replace('const import0 = {', 'const import0 = {\n        log_execution: (id) => { globalThis.__regcredSeen.add(id); },'));

globalThis.__regcredSeen = new Set();
const bindings = await import(glue);
bindings.initSync({ module: readFileSync(logged) });
const take = () => { const ids = globalThis.__regcredSeen; globalThis.__regcredSeen = new Set(); return new Set([...ids].map((i) => fnOfId[i])); };
const atStart = take();
const { typicalConfig, now } = await import('./configs.mjs');
if (!bindings.validateRegistry(typicalConfig, { now }).valid) throw new Error('the typical configuration did not validate');
const firstCall = new Set([...take()].filter((f) => !atStart.has(f)));

const bytes = (fns) => [...fns].reduce((n, f) => n + (size.get(f) ?? 0), 0);
const group = (f) => {
  const m = /^<?(?:<)?([a-z_0-9]+)(?:\[[0-9a-f]+\])?(?:::([a-z_0-9]+))?/.exec(f);
  if (!m) return f.split(' ')[0];
  return ['regcred', 'regcred_wasm'].includes(m[1]) && m[2] ? `${m[1]}::${m[2]}` : m[1];
};
console.log(`start-up: ${atStart.size} functions, ${bytes(atStart)} bytes`);
console.log(`first validateRegistry: ${firstCall.size} functions, ${bytes(firstCall)} bytes (of ${bytes(size.keys())} in the module)\n`);
const groups = new Map();
for (const f of firstCall) {
  const g = groups.get(group(f)) ?? { n: 0, bytes: 0 };
  groups.set(group(f), { n: g.n + 1, bytes: g.bytes + (size.get(f) ?? 0) });
}
console.log('| crate or module | functions | bytes |\n|---|---:|---:|');
for (const [g, v] of [...groups].sort((a, b) => b[1].bytes - a[1].bytes)) console.log(`| ${g} | ${v.n} | ${v.bytes} |`);
console.log(`\nlargest ${top}:`);
for (const f of [...firstCall].sort((a, b) => (size.get(b) ?? 0) - (size.get(a) ?? 0)).slice(0, top)) {
  console.log(String(size.get(f) ?? '?').padStart(6), f.slice(0, 120));
}
