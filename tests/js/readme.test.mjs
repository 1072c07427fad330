// Every JavaScript block of README.md runs: blocks quoted from examples/ (`<!-- example: ... -->`)
// are checked and run by examples.test.mjs; every other `js` block is run here as a module that
// imports the built package by name, and fails the test if it throws (blocks assert what they say).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/(<!-- example: \S+ -->\n)?```js\n([\s\S]*?)```\n/g)]
  .filter((m) => !m[1])
  .map((m) => ({ code: m[2], line: readme.slice(0, m.index).split('\n').length + 1 }));

test('README has runnable JavaScript blocks', () => assert.ok(blocks.length >= 3));

const dir = new URL('../../target/readme-blocks/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const { code, line } of blocks) {
  test(`README.md:${line} runs`, () => {
    const file = new URL(`block-${line}.mjs`, dir);
    writeFileSync(file, code);
    execFileSync(process.execPath, [file.pathname], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  });
}

// README prose as a reader meets it: a blank line before every heading, prose lines of at most
// 120 characters (tables and code blocks aside), and measured figures only by reference to the
// generated results (bench/results.md, bench/size-report.md, fuzz/RESULTS.md), not retyped.
test('README prose: headings stand apart, lines fit, no retyped benchmark table', () => {
  const lines = readme.split('\n');
  let code = false;
  const problems = [];
  lines.forEach((line, i) => {
    if (line.startsWith('```')) code = !code;
    if (code || line.startsWith('```')) return;
    if (/^#{1,6} /.test(line) && i > 0 && lines[i - 1] !== '') problems.push(`${i + 1}: heading glued to the line above`);
    if (line.length > 120 && !line.startsWith('|')) problems.push(`${i + 1}: ${line.length} characters`);
  });
  assert.deepEqual(problems, []);
  assert.match(readme, /\(bench\/results\.md\)/);
  assert.doesNotMatch(readme, /^\| budget \| regcred \|/m, 'the budget table lives in bench/results.md');
});
