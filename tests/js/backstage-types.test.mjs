// Both Backstage modules, the test harnesses and the README's Backstage snippets type-check with
// `tsc --strict` against the real Backstage packages pinned in backstage/package-lock.json.
import { test } from 'node:test';
import { join } from 'node:path';
import { runOk } from './support/hosts.mjs';
import { assertWorkspace, workspace } from './support/backstage.mjs';

test('tsc --strict: backstage/frontend, backstage/backend, tests and examples', { timeout: 180_000 }, async () => {
  assertWorkspace();
  await runOk(join(workspace, 'node_modules/.bin/tsc'), ['-p', workspace, '--strict'], { cwd: workspace, timeout: 180_000 });
});
