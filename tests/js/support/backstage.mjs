// The Backstage test workspace (backstage/, its own pinned lockfile, installed by
// `scripts/setup.sh test`) and the esbuild bundles the Backstage tests run.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { root } from './hosts.mjs';

export const workspace = join(root, 'backstage');
const out = join(workspace, '.build');

/** Fails with the fix when the workspace is not installed. */
export function assertWorkspace() {
  if (!existsSync(join(workspace, 'node_modules/@backstage/plugin-scaffolder-react'))) {
    throw new Error('backstage/node_modules is missing: run `scripts/setup.sh test` (or `make setup-test`)');
  }
  if (!existsSync(join(workspace, 'node_modules/regcred/package.json'))) {
    throw new Error('backstage/node_modules/regcred (a link to pkg/) is empty: run `make pkg`');
  }
}

/** The backend harness (test/backendHarness.ts) for Node; Backstage packages, regcred and
 * undici stay external and load from backstage/node_modules as in a backend. */
export async function importBackendHarness() {
  assertWorkspace();
  const outfile = join(out, 'backend.mjs');
  await build({
    entryPoints: [join(workspace, 'test/backendHarness.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['@backstage/*', 'regcred', 'undici', 'zod'],
    outfile,
    logLevel: 'warning',
  });
  return import(`${outfile}?${Date.now()}`);
}

/** The frontend harness (test/frontendHarness.tsx) as one browser bundle plus its page, in
 * backstage/.build/frontend/; returns that directory. */
export async function bundleFrontendHarness() {
  assertWorkspace();
  const dir = join(out, 'frontend');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>regcred scaffolder</title>'
    + '<div id="root"></div><pre id="created"></pre><script type="module" src="app.js"></script>\n');
  await build({
    entryPoints: [join(workspace, 'test/frontendHarness.tsx')],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    jsx: 'automatic',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    loader: { '.svg': 'file', '.png': 'file', '.css': 'empty' },
    outfile: join(dir, 'app.js'),
    logLevel: 'warning',
  });
  return dir;
}
