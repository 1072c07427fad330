// Shared helpers of the host tests: the packed package installed into throw-away consumer
// projects (as a user installs it), child processes with time limits, free ports, Chromium.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const bin = (name) => join(root, 'node_modules/.bin', name);
export const artifacts = join(root, 'tests/artifacts');

/** Runs a command to completion; resolves `{ code, stdout, stderr }` (never rejects on exit code). */
export function run(cmd, args, { cwd = root, env = {}, timeout = 60_000, input } = {}) {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { cwd, env: { ...process.env, ...env }, timeout, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(Object.assign(error, { stdout, stderr }));
        resolve({ code: error ? error.code : 0, stdout, stderr });
      });
    if (input !== undefined) child.stdin.end(input);
  });
}

/** Like `run`, but fails with the command's output when it exits non-zero. */
export async function runOk(cmd, args, opts) {
  const r = await run(cmd, args, opts);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

let tarball;
/** `npm pack` of pkg/ (once per process): the exact file set a user would install. */
export async function packedPackage() {
  if (!tarball) {
    if (!existsSync(join(root, 'pkg/package.json'))) throw new Error('pkg/ is missing: run `make pkg` first');
    const dir = mkdtempSync(join(tmpdir(), 'regcred-pack-'));
    const { stdout } = await runOk('npm', ['pack', join(root, 'pkg'), '--pack-destination', dir, '--silent',
      '--no-audit', '--no-fund', '--offline']);
    tarball = join(dir, stdout.trim().split('\n').pop());
  }
  return tarball;
}

/**
 * A throw-away consumer project: `files` (path -> text) written into a fresh directory and the
 * packed regcred installed into its node_modules/regcred. Returns the directory; call
 * `cleanup(dir)` when done.
 */
export async function makeConsumer(files, { prefix = 'regcred-consumer-' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const target = join(dir, 'node_modules/regcred');
  mkdirSync(target, { recursive: true });
  await runOk('tar', ['-xzf', await packedPackage(), '--strip-components=1', '-C', target]);
  return dir;
}

export function cleanup(dir) {
  rmSync(dir, { recursive: true, force: true });
}

// A TCP port on 127.0.0.1 that was free a moment ago (one helper for every test).
export { freePort } from './registry.mjs';

/**
 * Starts a long-running process and waits until `readyUrl` answers over HTTP. Returns
 * `{ child, output(), stop() }`; `stop()` ends exactly this process and waits for it.
 */
export async function startProcess(cmd, args, { cwd = root, env = {}, readyUrl, timeout = 30_000 } = {}) {
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + timeout;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${cmd} exited early (${child.exitCode}):\n${out}`);
    try {
      await fetch(readyUrl, { signal: AbortSignal.timeout(1000) });
      break;
    } catch {
      if (Date.now() > deadline) { await stop(); throw new Error(`${cmd} not ready at ${readyUrl}:\n${out}`); }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { child, output: () => out, stop };
}

/**
 * Debian's Chromium through playwright-core, headless, in a fresh user-data-dir. Returns
 * `{ context, close() }` (a persistent context: the fresh profile is the point).
 */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'regcred-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  return {
    context,
    async close() {
      await context.close();
      cleanup(profile);
    },
  };
}
