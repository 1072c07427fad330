// The packed npm package, installed into throw-away consumer projects exactly as users install
// it: what the tarball holds (README, licences, metadata, the module once), and every host the
// README lists building and running it — Node, Deno, Bun (run time and `bun build` for three
// targets), webpack 5 in its default configuration (web and node targets), Vite, esbuild (three
// platforms) and Rollup — with no orphan file in any output and the bytes regcred adds printed
// per host; TypeScript consumers (DOM, Node-only strict, no host types at all) compile.
// (workerd: workerd.test.mjs; regcred/web and the portal in Chromium: browser.test.mjs.)
// Bundlers run from the repository's node_modules (package.json devDependencies), so no
// consumer installs anything.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startServer } from '../../scripts/serve.mjs';
import { bin, cleanup, freePort, launchChromium, makeConsumer, packedPackage, root, run, runOk, startProcess } from './support/hosts.mjs';

const dirs = [];
let browser;
const servers = [];
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  for (const s of servers) await new Promise((r) => s.close(r));
  dirs.forEach(cleanup);
});
async function consumer(files) {
  const dir = await makeConsumer(files);
  dirs.push(dir);
  return dir;
}

// The program every host runs (examples/bundler/main.js, quoted in the package README): import
// by name, call, print one line of JSON.
const program = readFileSync(join(root, 'examples/bundler/main.js'), 'utf8');
const local = await import('regcred'); // the same build, linked into this repository
const checkOutput = (line) => {
  const out = JSON.parse(line);
  assert.equal(out.types, local.registryTypes().map((t) => t.id).join());
  assert.equal(out.valid, true);
  assert.match(out.secret, /"type": "kubernetes\.io\/dockerconfigjson"/);
  assert.equal(out.error, 'RegcredError secret.name');
};
const lastLine = (text) => text.trim().split('\n').pop();
const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

/** Every file under `dir`, as paths relative to it. */
function emitted(dir) {
  return readdirSync(dir, { recursive: true }).filter((f) => statSync(join(dir, f)).isFile()).sort();
}

/**
 * The output of a bundler: exactly one copy of the module (a `.wasm` file, or inlined when
 * `inlined`), no orphan (every file but the entry is named by another output file), and the
 * bytes regcred adds (gzip -9 of every output file, minus the program's own source) printed.
 */
function checkOutputDir(t, host, dir, { inlined = false } = {}) {
  const files = emitted(dir);
  const wasm = files.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, inlined ? 0 : 1, `${host}: ${files.join(', ')}`);
  // No orphan: every file but the entry is named by another output file (an HTML page or a
  // script), which is what loads it.
  const entry = files.find((f) => f === 'index.html') ?? files.find((f) => /\.m?js$/.test(f) && !f.includes('/'));
  for (const f of files.filter((f) => f !== entry)) {
    const base = f.split('/').pop();
    const referencedBy = files.filter((g) => g !== f && /\.(m?js|html)$/.test(g) && readFileSync(join(dir, g), 'utf8').includes(base));
    assert.ok(referencedBy.length > 0, `${host}: ${f} is not referenced by any other output file (an orphan)`);
  }
  const js = files.filter((f) => /\.m?js$/.test(f)).reduce((n, f) => n + gz(join(dir, f)), 0) - gzipSync(program, { level: 9 }).length;
  const module = wasm.reduce((n, f) => n + gz(join(dir, f)), 0);
  const line = `${host}: regcred adds ${kib(js + module)} gzip -9 (JavaScript ${kib(js)}${inlined ? ', module inlined' : `, ${wasm[0]} ${kib(module)}`})`;
  t.diagnostic(line);
  console.log(`[bundle size] ${line}`);
  return { js, module };
}

/** Serves `dir` and opens `page` in Chromium; resolves the program's output line. */
async function runInChromium(dir, page = 'index.html') {
  const server = await startServer(await freePort(), [['/', dir]]);
  servers.push(server);
  const tab = await browser.context.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  const line = new Promise((resolve) => tab.on('console', (m) => m.text().startsWith('{') && resolve(m.text())));
  await tab.goto(`http://127.0.0.1:${server.address().port}/${page}`);
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(`no output; page errors: ${errors.join('; ')}`)), 15_000));
  try {
    return await Promise.race([line, timeout]);
  } finally {
    await tab.close();
  }
}
// The package README's configuration for Vite's dev server.
const viteDevConfig = `import { defaultClientConditions } from 'vite';
export default { resolve: { conditions: ['asset-url', ...defaultClientConditions] }, optimizeDeps: { exclude: ['regcred'] } };
`;
const moduleHtml = (src) => `<!doctype html><meta charset="utf-8"><script type="module" src="${src}"></script>\n`;

// ---- The tarball ---------------------------------------------------------------------------

test('the tarball: README, both licences, complete metadata, every exported file, the module once', async () => {
  const { stdout } = await runOk('tar', ['-tzf', await packedPackage()]);
  const files = stdout.trim().split('\n').map((f) => f.replace(/^package\//, ''));
  for (const f of ['README.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'package.json', 'index.d.ts', 'web.d.ts']) {
    assert.ok(files.includes(f), `${f} is in the tarball`);
  }
  // One copy of the module: one .wasm, and no JavaScript file big enough to hold another.
  assert.deepEqual(files.filter((f) => f.endsWith('.wasm')), ['regcred_bg.wasm']);
  const dir = await consumer({});
  const pkgDir = join(dir, 'node_modules/regcred');
  const wasmSize = statSync(join(pkgDir, 'regcred_bg.wasm')).size;
  for (const f of files.filter((f) => !f.endsWith('.wasm'))) {
    // An inlined module would be one long base64 run. The form data (JSON text) is the one large
    // file besides the module (ARCHITECTURE.md, "Form data").
    assert.doesNotMatch(readFileSync(join(pkgDir, f), 'latin1'), /[A-Za-z0-9+/]{4096}/, `${f} holds no inlined copy of the module`);
    if (!f.startsWith('form-data.')) assert.ok(statSync(join(pkgDir, f)).size < wasmSize / 4, `${f} is small next to the module`);
  }

  const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  assert.equal(manifest.license, 'MIT OR Apache-2.0');
  assert.ok(manifest.description.length > 40);
  assert.ok(manifest.keywords.includes('kubernetes') && manifest.keywords.includes('webassembly'));
  assert.equal(manifest.types, './index.d.ts');
  assert.match(manifest.engines.node, /^>=20\.16/);
  const readme = readFileSync(join(pkgDir, 'README.md'), 'utf8');
  assert.match(readme, /npm install regcred/);
  assert.match(readme, /MIT OR Apache-2\.0/);
  assert.match(readFileSync(join(pkgDir, 'LICENSE-APACHE'), 'utf8'), /Apache License\s+Version 2\.0/);
  assert.match(readFileSync(join(pkgDir, 'LICENSE-MIT'), 'utf8'), /Permission is hereby granted, free of charge/);

  const targets = [];
  const walk = (v) => (typeof v === 'string' ? targets.push(v) : Object.values(v).forEach(walk));
  walk(manifest.exports);
  for (const t of targets.filter((t) => !t.includes('*'))) assert.ok(existsSync(join(pkgDir, t)), `${t} missing`);
  assert.ok(readdirSync(join(pkgDir, 'schemas')).includes('registry.schema.json'));
  for (const f of manifest.sideEffects) assert.ok(existsSync(join(pkgDir, f)), `sideEffects names ${f}`);
});

test('the package README quotes its examples verbatim, and they exist', () => {
  const readme = readFileSync(join(root, 'js/README.md'), 'utf8');
  const quoted = [...readme.matchAll(/<!-- example: (\S+) -->\n```[a-z]*\n([\s\S]*?)```\n/g)];
  assert.ok(quoted.length >= 5, `${quoted.length} examples`);
  for (const [, path, code] of quoted) {
    assert.equal(code, readFileSync(join(root, path), 'utf8'), `${path} differs (run node scripts/sync-readme-examples.mjs)`);
  }
  // Every fenced block but shell commands is a quoted (and so tested) example.
  const blocks = [...readme.matchAll(/(<!-- example: \S+ -->\n)?```([a-z]*)\n[\s\S]*?```\n/g)];
  // ... and the Vite dev configuration, which the Vite dev server test uses verbatim.
  for (const b of blocks) if (b[2] !== 'sh' && !b[0].includes("conditions: ['asset-url'")) assert.ok(b[1], `an unquoted ${b[2]} block`);
  assert.ok(readme.includes(viteDevConfig), 'the README shows the Vite dev configuration the test uses');
  const prose = readme.replace(/```[a-z]*\n[\s\S]*?```\n/g, '').split('\n').filter((l) => !l.startsWith('|'));
  for (const line of prose) assert.ok(line.length <= 120, `README line over 120 characters: ${line}`);
  for (const [i, line] of prose.entries()) if (line.startsWith('#') && i > 0) assert.equal(prose[i - 1], '', `no blank line before ${line}`);
});

// ---- Runtimes ------------------------------------------------------------------------------

test('Node 20 ESM: the one-file `node` entry, no init', async () => {
  const dir = await consumer({ 'package.json': '{"type":"module"}', 'main.js': program });
  const { stdout } = await runOk(process.execPath, ['main.js'], { cwd: dir });
  checkOutput(lastLine(stdout));
  const { stdout: resolved } = await runOk(process.execPath,
    ['--input-type=module', '-e', "console.log(import.meta.resolve('regcred'))"], { cwd: dir });
  assert.match(resolved.trim(), /node_modules\/regcred\/node\.js$/);
  // That entry is one file (the build bundles the glue and the API into it: each separate ES
  // module costs Node ~1 ms at a cold start).
  const entry = readFileSync(join(dir, 'node_modules/regcred/node.js'), 'utf8');
  assert.doesNotMatch(entry, /^\s*(import|export)\b[^;]*\bfrom\s*['"]\./m, 'node.js imports a sibling module');
});

test('Node CommonJS: `require("regcred")` loads the same entry (no top-level await in it)', async () => {
  const cjs = program.replace(/^import \{([^}]+)\} from 'regcred';$/m, "const {$1} = require('regcred');");
  assert.notEqual(cjs, program);
  const dir = await consumer({ 'package.json': '{"type":"commonjs"}', 'main.js': cjs });
  const { stdout } = await runOk(process.execPath, ['main.js'], { cwd: dir });
  checkOutput(lastLine(stdout));
});

test('Deno: the package from node_modules runs with no permissions at all', async () => {
  const dir = await consumer({ 'package.json': JSON.stringify({ type: 'module', dependencies: { regcred: '*' } }), 'main.js': program });
  const { code, stdout, stderr } = await run(bin('deno'), ['run', '--no-prompt', '--node-modules-dir=manual', 'main.js'], {
    cwd: dir,
    env: { DENO_DIR: join(dir, '.deno'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
  });
  assert.equal(code, 0, stderr);
  checkOutput(lastLine(stdout));
});

test('Bun: the package runs under `bun` (the `bun` condition)', async () => {
  const dir = await consumer({ 'package.json': '{"type":"module"}', 'main.js': program });
  const { stdout } = await runOk(bin('bun'), ['main.js'], { cwd: dir, env: { BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0' } });
  checkOutput(lastLine(stdout));
});

// ---- Bundlers ------------------------------------------------------------------------------

test('webpack 5, default configuration (no config file, no experiments), web target: builds, runs in Chromium', async (t) => {
  const dir = await consumer({ 'package.json': '{"name":"app","private":true}', 'src/index.js': program });
  const { stdout } = await runOk(bin('webpack'), ['--mode', 'production'], { cwd: dir, timeout: 120_000 });
  assert.doesNotMatch(stdout, /ERROR/);
  const out = join(dir, 'dist');
  checkOutputDir(t, 'webpack 5 (web)', out);
  writeFileSync(join(out, 'index.html'), '<!doctype html><meta charset="utf-8"><script src="main.js"></script>\n');
  checkOutput(await runInChromium(out));
});

test('webpack 5 targeting node: the bundle reads its emitted module, from any directory', async (t) => {
  const dir = await consumer({ 'package.json': '{"name":"app","private":true}', 'src/index.js': program });
  await runOk(bin('webpack'), ['--mode', 'production', '--target', 'node', '--output-path', 'out'], { cwd: dir, timeout: 120_000 });
  checkOutputDir(t, 'webpack 5 (node)', join(dir, 'out'));
  const ran = await runOk(process.execPath, [join(dir, 'out/main.js')], { cwd: '/' });
  checkOutput(lastLine(ran.stdout));
});

test('Vite 7 build: one hashed module asset, referenced; runs in Chromium', async (t) => {
  const dir = await consumer({ 'package.json': '{"name":"app","private":true,"type":"module"}', 'index.html': moduleHtml('/main.js'),
    'main.js': program });
  await runOk(bin('vite'), ['build', '--logLevel', 'warn'], { cwd: dir, timeout: 120_000 });
  const out = join(dir, 'dist');
  checkOutputDir(t, 'Vite 7', out);
  checkOutput(await runInChromium(out));
});

test('Vite 7 dev server, with the README\'s two lines of configuration: runs in Chromium', async () => {
  // The consumer has no node_modules/vite: the import names the repository's.
  const config = viteDevConfig.replace("'vite'", JSON.stringify(pathToFileURL(join(root, 'node_modules/vite/dist/node/index.js')).href));
  const dir = await consumer({ 'package.json': '{"name":"app","private":true,"type":"module"}', 'index.html': moduleHtml('/main.js'),
    'main.js': program, 'vite.config.js': config });
  const port = await freePort();
  const server = await startProcess(bin('vite'), ['--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: dir, readyUrl: `http://127.0.0.1:${port}/`, timeout: 60_000 });
  try {
    const tab = await browser.context.newPage();
    const line = new Promise((resolve) => tab.on('console', (m) => m.text().startsWith('{') && resolve(m.text())));
    await tab.goto(`http://127.0.0.1:${port}/`);
    checkOutput(await Promise.race([line, new Promise((_, reject) => setTimeout(() => reject(new Error(server.output())), 30_000))]));
    await tab.close();
  } finally {
    await server.stop();
  }
});

for (const platform of ['browser', 'node', 'neutral']) {
  test(`esbuild --bundle --platform=${platform}: one self-contained file (module inlined)`, async (t) => {
    const dir = await consumer({ 'package.json': '{"name":"app","private":true}', 'main.js': program });
    const args = ['main.js', '--bundle', '--format=esm', '--minify', `--platform=${platform}`, '--outfile=out/app.mjs'];
    // esbuild's default target (esnext) decodes inlined bytes with Uint8Array.fromBase64, which
    // Node 20 lacks: a bundle for Node says which Node it targets, as users do.
    if (platform !== 'browser') args.push('--target=node20');
    if (platform === 'neutral') args.push('--main-fields=module,main');
    await runOk(bin('esbuild'), args, { cwd: dir });
    checkOutputDir(t, `esbuild (${platform})`, join(dir, 'out'), { inlined: true });
    if (platform === 'browser') {
      writeFileSync(join(dir, 'out/index.html'), moduleHtml('app.mjs'));
      checkOutput(await runInChromium(join(dir, 'out')));
    } else {
      checkOutput(lastLine((await runOk(process.execPath, [join(dir, 'out/app.mjs')], { cwd: '/' })).stdout));
    }
  });
}

test('Rollup 4 with node-resolve and import-meta-assets: the module emitted once, referenced; runs in Node', async (t) => {
  const plugin = (path) => JSON.stringify(pathToFileURL(join(root, 'node_modules', path)).href);
  const config = `import { nodeResolve } from ${plugin('@rollup/plugin-node-resolve/dist/es/index.js')};
import { importMetaAssets } from ${plugin('@web/rollup-plugin-import-meta-assets/index.mjs')};
export default { input: 'main.js', output: { dir: 'out', format: 'es' }, plugins: [nodeResolve(), importMetaAssets()] };
`;
  const dir = await consumer({ 'package.json': '{"name":"app","private":true,"type":"module"}', 'rollup.config.mjs': config, 'main.js': program });
  await runOk(bin('rollup'), ['-c', '--silent'], { cwd: dir, timeout: 120_000 });
  checkOutputDir(t, 'Rollup 4', join(dir, 'out'));
  checkOutput(lastLine((await runOk(process.execPath, [join(dir, 'out/main.js')], { cwd: '/' })).stdout));
});

for (const target of ['browser', 'node', 'bun']) {
  test(`bun build --target ${target}: the module copied once, referenced; the bundle runs`, async (t) => {
    const dir = await consumer({ 'package.json': '{"name":"app","private":true,"type":"module"}', 'main.js': program });
    await runOk(bin('bun'), ['build', 'main.js', '--target', target, '--outdir', 'out'], { cwd: dir });
    checkOutputDir(t, `bun build --target ${target}`, join(dir, 'out'));
    if (target === 'browser') {
      writeFileSync(join(dir, 'out/index.html'), moduleHtml('main.js'));
      checkOutput(await runInChromium(join(dir, 'out')));
    } else {
      const runtime = target === 'bun' ? bin('bun') : process.execPath;
      checkOutput(lastLine((await runOk(runtime, [join(dir, 'out/main.js')], { cwd: '/' })).stdout));
    }
  });
}

// ---- TypeScript ----------------------------------------------------------------------------

const tsconfig = (compilerOptions) => JSON.stringify({
  compilerOptions: { strict: true, outDir: 'out', noEmitOnError: true, target: 'es2022', skipLibCheck: false, ...compilerOptions },
  files: ['consumer.ts'],
});
const domProject = tsconfig({ module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022', 'dom'], types: [],
  exactOptionalPropertyTypes: true });

/** tests/fixtures/ files the consumer uses, as a TypeScript module of string constants. */
function consumerFixtures() {
  const read = (path) => JSON.stringify(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8'));
  return `export const rootPem: string = ${read('certs/root.pem')};
export const intermediatePem: string = ${read('certs/intermediate.pem')};
export const gcpKey: string = ${read('gcp-keys/compact.json')};
`;
}

test('TypeScript: a consumer of every export type-checks with tsc --strict; its wrong uses fail; the declared shapes are the real ones', async () => {
  const consumerTs = readFileSync(new URL('./support/consumer.ts', import.meta.url), 'utf8');
  const dir = await consumer({ 'package.json': '{"type":"module"}', 'tsconfig.json': domProject, 'consumer.ts': consumerTs,
    'fixtures.ts': consumerFixtures() });
  // Each `@ts-expect-error` line is a wrong use: if one compiled, tsc would fail with TS2578.
  const r = await run(bin('tsc'), ['-p', '.'], { cwd: dir });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const expectedErrors = (consumerTs.match(/^\s*\/\/ @ts-expect-error/gm) ?? []).length;
  assert.ok(expectedErrors >= 20, `${expectedErrors} negative cases`);
  // The same program, run against the installed package: real results have the declared keys.
  const ran = await runOk(process.execPath, ['out/consumer.js'], { cwd: dir });
  const summary = JSON.parse(lastLine(ran.stdout));
  assert.equal(summary.ok, true);
  assert.ok(summary.checked >= 25, `${summary.checked} shapes checked`);

  // Removing the directives shows each line really is an error.
  const stripped = consumerTs.replace(/^\s*\/\/ @ts-expect-error.*\n/gm, '');
  const dir2 = await consumer({ 'package.json': '{"type":"module"}', 'tsconfig.json': domProject, 'consumer.ts': stripped,
    'fixtures.ts': consumerFixtures() });
  const r2 = await run(bin('tsc'), ['-p', '.', '--noEmit'], { cwd: dir2 });
  const errorLines = new Set([...r2.stdout.matchAll(/consumer\.ts\((\d+),\d+\): error/g)].map((m) => m[1]));
  assert.equal(errorLines.size, expectedErrors, r2.stdout);
});

// A Node-only program: no DOM lib, node16 resolution, the declarations checked too. Uses fetch
// types from @types/node (linked from the repository's devDependencies, as a project installs it).
const nodeOnly = `import { validateRegistry, verifyCredentials, type Report, type RegistryConfig } from 'regcred';
const report: Report<RegistryConfig> = validateRegistry({ name: 'hub', registryType: 'docker-hub', username: 'a', password: 'b' });
const pending: Promise<unknown> | null = report.valid && report.value ? verifyCredentials(report.value, { fetch }) : null;
console.log(JSON.stringify({ valid: report.valid, async: pending !== null }));
`;

for (const [name, types, code] of [
  ['with @types/node (fetch from Node)', ['node'], nodeOnly],
  ['with no host types at all (no fetch, no console)', [], nodeOnly.replace('{ fetch }', '{ fetch: async () => { throw new Error(); } }')
    .replace(/^console\.log\((.*)\);$/m, 'export const summary = $1;')],
]) {
  test(`TypeScript: a Node-only strict project (node16, no DOM lib, skipLibCheck false) ${name} compiles`, async () => {
    const dir = await consumer({ 'package.json': '{"type":"module"}', 'consumer.ts': code,
      'tsconfig.json': tsconfig({ module: 'node16', moduleResolution: 'node16', lib: ['es2022'], types, typeRoots: [join(root, 'node_modules/@types')] }) });
    const r = await run(bin('tsc'), ['-p', '.'], { cwd: dir });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    // regcred/web's init names DOM types; only that entry's declarations do.
    assert.doesNotMatch(readFileSync(join(dir, 'node_modules/regcred/index.d.ts'), 'utf8'), /BufferSource|WebAssembly\./);
  });
}

test('TypeScript: the declarations are really checked (a wrong use fails to compile)', async () => {
  const wrong = `import { registryTypes, registrySchema } from 'regcred';
const id: number = registryTypes()[0]!.id;
registrySchema(42);
export { id };
`;
  const dir = await consumer({ 'package.json': '{"type":"module"}', 'tsconfig.json': domProject, 'consumer.ts': wrong });
  const r = await run(bin('tsc'), ['-p', '.'], { cwd: dir });
  assert.notEqual(r.code, 0);
  assert.match(r.stdout, /TS2322/); // string is not assignable to number
  assert.match(r.stdout, /TS2345/); // 42 is not a registry type id
});
