// Both Backstage modules, the test harnesses and the README's Backstage snippets type-check with
// `tsc --strict` against the real Backstage packages pinned in backstage/package-lock.json; the
// README's Backstage section quotes the snippets the other backstage-* tests run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, runOk } from './support/hosts.mjs';
import { assertWorkspace, workspace } from './support/backstage.mjs';

test('tsc --strict: backstage/frontend, backstage/backend, tests and examples', { timeout: 180_000 }, async () => {
  assertWorkspace();
  await runOk(join(workspace, 'node_modules/.bin/tsc'), ['-p', workspace, '--strict'], { cwd: workspace, timeout: 180_000 });
});

test('README\'s Backstage section quotes the snippets the Backstage tests run', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Backstage scaffolder'));
  const quoted = [...section.matchAll(/<!-- example: (\S+) -->/g)].map((m) => m[1]);
  // app.tsx: backstage-frontend (the field extensions the Stepper gets); backend.ts:
  // backstage-backend (the backend the actions come from); registry-step.yaml: both.
  for (const file of ['backstage/examples/app.tsx', 'backstage/examples/backend.ts', 'backstage/registry-step.yaml']) {
    assert.ok(quoted.includes(file), `README quotes ${file}`);
  }
  const harness = readFileSync(join(workspace, 'test/frontendHarness.tsx'), 'utf8');
  assert.match(harness, /from '\.\.\/examples\/app'/);
  assert.match(readFileSync(join(workspace, 'test/backendHarness.ts'), 'utf8'), /from '\.\.\/examples\/backend'/);
});
