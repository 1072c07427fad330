// Where a cold start's time goes (`node bench/cold-phases.mjs [runs] [pkg-dir...]`): fresh Node
// processes, each timing one phase more than the last, so phase costs are differences of
// medians. CPU time (process.cpuUsage: all threads) is printed beside wall time because on a
// shared, loaded machine the wall clock mostly measures waiting for a core.
//   loader       import of an empty ES module (Node's own loader start-up: not regcred's)
//   read         + reading regcred_bg.wasm
//   js           + importing the package's Node entry without the module (JS parse and link)
//   compile      + new WebAssembly.Module (V8 decodes and validates every function; compiling
//                  is lazy: a function is compiled by Liftoff when it is first called)
//   instantiate  + the instance and its start function: the whole Node entry
//   first call   + the first validateRegistry (compiles every function it reaches)
// Several package directories are measured alternately, so load drifts hit them alike.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const [runs = '15', ...dirs] = process.argv.slice(2);
const pkgs = (dirs.length ? dirs : [join(here, '../pkg')]).map((d) => resolve(d));

// One variant of the Node entry per phase, in a scratch directory beside a copy of the module.
function variants(pkg) {
  const dir = mkdtempSync(join(tmpdir(), 'regcred-phases-'));
  copyFileSync(join(pkg, 'regcred_bg.wasm'), join(dir, 'regcred_bg.wasm'));
  const entry = readFileSync(join(pkg, 'node.js'), 'utf8');
  // The (minified) entry's `initSync({ module: readFileSync(new URL("./regcred_bg.wasm", ...)) })`,
  // whatever the minifier named the two functions.
  const init = /\b[\w$]+\(\{module:([\w$]+)\(new URL\("\.\/regcred_bg\.wasm",import\.meta\.url\)\)\}\);?/;
  const found = entry.match(init);
  if (!found) throw new Error(`${pkg}/node.js: the initSync statement was not found`);
  const read = `const bytes = ${found[1]}(new URL("./regcred_bg.wasm", import.meta.url));`;
  const fs = 'const { readFileSync } = process.getBuiltinModule("node:fs");';
  const write = (name, text) => writeFileSync(join(dir, name), text);
  write('loader.mjs', 'export const x = 1;\n');
  write('read.mjs', `${fs}\n${read.replace(found[1], 'readFileSync')}\nexport const x = bytes.length;\n`);
  // The entry imports its siblings (none in the bundled Node entry); keep them reachable.
  write('js.mjs', entry.replace(init, `${read} void bytes;`));
  write('compile.mjs', entry.replace(init, `${read} globalThis.__module = new WebAssembly.Module(bytes);`));
  write('instantiate.mjs', entry);
  write('first.mjs', entry);
  return dir;
}

// The child: import one variant, and for `first` call validateRegistry once.
const child = `
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const [file, first, config] = process.argv.slice(1);
const t0 = performance.now(), c0 = cpu();
const m = await import(file);
if (first === 'yes' && !m.validateRegistry(JSON.parse(config), { now: 1767225600000 }).valid) throw new Error('invalid');
process.stdout.write(JSON.stringify([performance.now() - t0, cpu() - c0]));
`;
const { typicalConfig } = await import('./configs.mjs');
const phases = ['loader', 'read', 'js', 'compile', 'instantiate', 'first'];
const dirsOf = pkgs.map((p) => variants(p));
// The entry imports './api.js' etc. only when not bundled; the Node entry of pkg/ is bundled.
const results = pkgs.map(() => phases.map(() => []));
for (let i = 0; i < Number(runs); i++) {
  pkgs.forEach((_, j) => phases.forEach((ph, k) => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', child, join(dirsOf[j], `${ph}.mjs`),
      ph === 'first' ? 'yes' : 'no', JSON.stringify(typicalConfig)], { encoding: 'utf8' });
    results[j][k].push(JSON.parse(out));
  }));
}
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1]; };
const ms = (x) => x.toFixed(2).padStart(6);
for (const [j, pkg] of pkgs.entries()) {
  console.log(`${pkg} (${runs} runs per phase; load ${loadavg()[0].toFixed(2)})`);
  console.log('phase        wall ms  cpu ms   (each: the cumulative median minus the previous phase\'s)');
  let prev = [0, 0];
  for (const [k, ph] of phases.entries()) {
    const cum = [0, 1].map((m) => median(results[j][k].map((r) => r[m])));
    console.log(`${ph.padEnd(12)} ${ms(cum[0] - prev[0])}  ${ms(cum[1] - prev[1])}`);
    prev = cum;
  }
  console.log(`${'total'.padEnd(12)} ${ms(prev[0])}  ${ms(prev[1])}`);
}
