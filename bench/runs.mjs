// `make bench`: bench/run.mjs N times (default 4, `node bench/runs.mjs N`), one after the other,
// and bench/runs.md: every budget per run beside its peer from the same run, with the machine's
// load, so a figure is read with its spread rather than from one lucky or unlucky run.
// bench/results.md keeps the last run's detail. Nothing here asserts a time (README, Budgets).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const runs = Number(process.argv[2] ?? 4);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a positive integer, not ${process.argv[2]}`);

const results = [];
for (let i = 1; i <= runs; i++) {
  console.log(`[bench] run ${i} of ${runs}`);
  execFileSync(process.execPath, [join(here, 'run.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  results.push(JSON.parse(readFileSync(join(here, 'results.json'), 'utf8')));
}

const met = (b) => (b ? 'met' : '**not met**');
const all = (pick) => results.every(pick);
const range = (xs) => `${Math.min(...xs)}–${Math.max(...xs)}`;
const row = (r, i) => {
  const t = r.validateRegistry['docker-hub'];
  const p = r.images.parseImageReference;
  return `| ${i + 1} | ${r.machine.date.slice(11, 16)} | ${r.machine.loadBefore[0]} → ${r.machine.loadAfter[0]} ` +
    `| ${r.coldStart.regcredMs} ms (ajv ${r.coldStart.ajvMs} ms) ` +
    `| ${t.regcredUs} µs (ajv ${t.ajvUs} µs, ${t.ratio}×) ` +
    `| ${r.certificates.ratios['@peculiar/x509']}× ` +
    `| ${p.regcredUs} µs (peer ${p.swimlaneUs} µs) ` +
    `| ${r.images.resolveCredentials.documentsUs} µs |`;
};
const size = results.at(-1).size;
const cold = results.map((r) => r.coldStart.regcredMs);
const ratios = results.map((r) => r.validateRegistry['docker-hub'].ratio);
const ca = results.map((r) => r.certificates.ratios['@peculiar/x509']);
const parse = results.map((r) => r.images.parseImageReference.regcredUs);
const resolve = results.map((r) => r.images.resolveCredentials.documentsUs);
const md = `# Benchmark runs

\`make bench\` (bench/runs.mjs): ${runs} runs of bench/run.mjs one after the other on
${results[0].machine.date.slice(0, 10)}, Node ${results[0].machine.node}, ${results[0].machine.cpu}. Load is the 1-minute
load average before → after each run (2 cores: above 2 the benchmark shared them). The peer of
each figure ran in the same run; bench/results.md has the last run's detail.

| run | time (UTC) | load | cold start | \`validateRegistry\` (Docker Hub) | CA bundle vs @peculiar/x509 | \`parseImageReference\` | \`resolveCredentials\`, 100 documents |
|---|---|---|---|---|---|---|---|
${results.map(row).join('\n')}

| budget | over the ${runs} runs | verdict |
|---|---|---|
| \`.wasm\` ≤ 150 KiB gzip -9 (aim 120) | ${size ? `${(size.gzip9 / 1024).toFixed(1)} KiB (${size.gzip9} bytes)` : 'n/a'} | ${size ? met(size.gzip9 <= 150 * 1024) : 'n/a'} |
| cold start ≤ 10 ms | ${range(cold)} ms | ${met(all((r) => r.coldStart.regcredMs <= 10))} |
| \`validateRegistry\` within 5× of ajv (ratio ≥ 0.2) | ${range(ratios)}× | ${met(all((r) => r.validateRegistry['docker-hub'].ratio >= 0.2))} |
| CA bundle ≥ 10× faster than @peculiar/x509 | ${range(ca)}× | ${met(all((r) => r.certificates.ratios['@peculiar/x509'] >= 10))} |
| \`parseImageReference\` < 2 µs | ${range(parse)} µs | ${met(all((r) => r.images.parseImageReference.regcredUs < 2))} |
| \`resolveCredentials\` over 100 documents < 50 µs | ${range(resolve)} µs | ${met(all((r) => r.images.resolveCredentials.documentsUs < 50))} |
`;
writeFileSync(join(here, 'runs.md'), md);
console.log(md);
