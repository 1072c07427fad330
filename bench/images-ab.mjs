// A/B timing of the image exports: two builds of the package side by side in one process (their
// calls interleaved round by round) and the peer parser in the same run; medians over rounds.
//   node bench/images-ab.mjs [OLD_PKG_DIR]    NEW=<dir> (default pkg/), ONLY=<case prefix>,
//                                             ROUNDS=<n> (default 15)
// Copy pkg/ aside before a change (`cp -r pkg /tmp/pkg-old`), rebuild, then compare.
// The machine is shared: only ratios within one run mean anything.
import { performance } from 'node:perf_hooks';
import { join, resolve } from 'node:path';
import { parseFamiliarName } from '@swimlane/docker-reference';
import { hundredDocuments, hundredConfigs, IMAGES } from './images.mjs';

const builds = { new: await import(resolve(process.env.NEW ?? 'pkg', 'node.js')) };
if (process.argv[2]) builds.old = await import(resolve(join(process.argv[2], 'node.js')));

function per(fn, n) {
  const t = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  return ((performance.now() - t) * 1000) / n;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const rounds = Number(process.env.ROUNDS ?? 15);
const cases = {
  'parse (7 refs)': [20000, (api) => (i) => api.parseImageReference(IMAGES[i % IMAGES.length])],
  'resolve 100 docs': [200, (api) => { const d = hundredDocuments(); return () => api.resolveCredentials('registry7.example.com/team7/app:1', d); }],
  'resolve 100 configs': [50, (api) => { const c = hundredConfigs(); return () => api.resolveCredentials('registry7.example.com/team7/app:1', c); }],
};
const only = process.env.ONLY;
for (const [label, [n, make]] of Object.entries(cases)) {
  if (only && !label.startsWith(only)) continue;
  const fns = Object.fromEntries(Object.entries(builds).map(([k, api]) => [k, make(api)]));
  if (label.startsWith('parse')) fns.peer = (i) => parseFamiliarName(IMAGES[i % IMAGES.length]);
  const samples = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (const fn of Object.values(fns)) per(fn, n); // warm-up
  for (let r = 0; r < rounds; r++) for (const [k, fn] of Object.entries(fns)) samples[k].push(per(fn, n));
  const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
  const row = Object.entries(m).map(([k, v]) => `${k} ${v.toFixed(3)} µs`).join(', ');
  const ratios = m.peer ? Object.keys(builds).map((k) => `peer/${k} ${(m.peer / m[k]).toFixed(2)}`).join(', ') : '';
  console.log(`${label}: ${row}${ratios ? `; ${ratios}` : ''}${m.old ? `; old/new ${(m.old / m.new).toFixed(2)}` : ''}`);
}
