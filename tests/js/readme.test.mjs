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
