// The packed npm package, installed into throw-away consumer projects exactly as users install
// it, loads unchanged in Node 20 ESM, Deno, webpack 5 (default configuration), esbuild and a
// `tsc --strict` consumer. (workerd: workerd.test.mjs; browsers: browser.test.mjs.)
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bin, cleanup, makeConsumer, run, runOk } from './support/hosts.mjs';

const dirs = [];
after(() => dirs.forEach(cleanup));
async function consumer(files) {
  const dir = await makeConsumer(files);
  dirs.push(dir);
  return dir;
}

// The program every host runs: import by name, call, print one line.
const program = `import { registryTypes, registrySchema, RegcredError } from 'regcred';
const ids = registryTypes().map((t) => t.id).join();
const schemaOk = typeof registrySchema().properties === 'object';
const errorOk = new RegcredError('x', 'y') instanceof Error;
console.log(JSON.stringify({ ids, schemaOk, errorOk }));
`;
const expected = { ids: 'ecr,docker-hub,acr,artifact-registry,gcr,quay,other', schemaOk: true, errorOk: true };
const lastJsonLine = (text) => JSON.parse(text.trim().split('\n').pop());

test('every file named in the package exports is in the packed tarball', async () => {
  const dir = await consumer({});
  const pkgDir = join(dir, 'node_modules/regcred');
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const targets = [];
  const walk = (v) => (typeof v === 'string' ? targets.push(v) : Object.values(v).forEach(walk));
  walk(manifest.exports);
  for (const t of targets.filter((t) => !t.includes('*'))) assert.ok(existsSync(join(pkgDir, t)), `${t} missing`);
  assert.ok(readdirSync(join(pkgDir, 'schemas')).includes('registry.schema.json'));
  for (const f of manifest.sideEffects) assert.ok(existsSync(join(pkgDir, f)), `sideEffects names ${f}`);
});

test('Node 20 ESM: `import { registryTypes } from "regcred"` works with no init', async () => {
  const dir = await consumer({ 'package.json': '{"type":"module"}', 'main.js': program });
  const { stdout } = await runOk(process.execPath, ['main.js'], { cwd: dir });
  assert.deepEqual(lastJsonLine(stdout), expected);
  // Node itself resolves the `node` entry (sync read of the .wasm), not the inlined one.
  const { stdout: resolved } = await runOk(process.execPath,
    ['--input-type=module', '-e', "console.log(import.meta.resolve('regcred'))"], { cwd: dir });
  assert.match(resolved.trim(), /node_modules\/regcred\/node\.js$/);
  // ... and that entry is one file (the build bundles the glue and the API into it: each
  // separate ES module costs Node ~1 ms at a cold start); it reads no module but node:fs.
  const entry = readFileSync(join(dir, 'node_modules/regcred/node.js'), 'utf8');
  assert.doesNotMatch(entry, /^\s*(import|export)\b[^;]*\bfrom\s*['"]\./m, 'node.js imports a sibling module');
  assert.match(entry, /export\s*\{[^}]*\bvalidateRegistry\b/);
});

test('Deno: the package from node_modules imports with no permissions at all', async () => {
  const dir = await consumer({
    'package.json': JSON.stringify({ type: 'module', dependencies: { regcred: '*' } }),
    'main.js': program,
  });
  const { code, stdout, stderr } = await run(bin('deno'), ['run', '--no-prompt', '--node-modules-dir=manual', 'main.js'], {
    cwd: dir,
    env: { DENO_DIR: join(dir, '.deno'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
  });
  assert.equal(code, 0, stderr);
  assert.deepEqual(lastJsonLine(stdout), expected);
});

test('webpack 5 in its default configuration (no config file, no experiments) bundles and runs', async () => {
  const dir = await consumer({ 'package.json': '{"name":"app","private":true}', 'src/index.js': program });
  const { stdout } = await runOk(bin('webpack'), ['--mode', 'production'], { cwd: dir });
  assert.match(stdout, /compiled (successfully|with \d+ warnings?)/); // size hints only
  assert.doesNotMatch(stdout, /ERROR/);
  assert.deepEqual(readdirSync(join(dir, 'dist')), ['main.js'], 'a self-contained bundle: no .wasm asset to serve');
  const ran = await runOk(process.execPath, [join(dir, 'dist/main.js')], { cwd: dir });
  assert.deepEqual(lastJsonLine(ran.stdout), expected);
});

test('webpack 5 targeting node bundles a self-contained file too', async () => {
  const dir = await consumer({ 'package.json': '{"name":"app","private":true}', 'src/index.js': program });
  await runOk(bin('webpack'), ['--mode', 'production', '--target', 'node', '--output-path', 'out'], { cwd: dir });
  const ran = await runOk(process.execPath, [join(dir, 'out/main.js')], { cwd: '/' });
  assert.deepEqual(lastJsonLine(ran.stdout), expected);
});

for (const platform of ['browser', 'node', 'neutral']) {
  test(`esbuild --bundle --format=esm --platform=${platform} bundles and runs`, async () => {
    const dir = await consumer({ 'package.json': '{"name":"app","private":true}', 'src/index.js': program });
    const args = ['src/index.js', '--bundle', '--format=esm', `--platform=${platform}`, '--outfile=out/app.mjs'];
    if (platform === 'neutral') args.push('--main-fields=module,main');
    await runOk(bin('esbuild'), args, { cwd: dir });
    assert.deepEqual(readdirSync(join(dir, 'out')), ['app.mjs']);
    const ran = await runOk(process.execPath, [join(dir, 'out/app.mjs')], { cwd: '/' });
    assert.deepEqual(lastJsonLine(ran.stdout), expected);
  });
}

const tsconfig = JSON.stringify({
  compilerOptions: {
    strict: true, outDir: 'out', noEmitOnError: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022',
    lib: ['es2022', 'dom'], types: [], skipLibCheck: false, exactOptionalPropertyTypes: true,
  },
  files: ['consumer.ts'],
});

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
  const dir = await consumer({ 'package.json': '{"type":"module"}', 'tsconfig.json': tsconfig, 'consumer.ts': consumerTs,
    'fixtures.ts': consumerFixtures() });
  // Each `@ts-expect-error` line is a wrong use: if one compiled, tsc would fail with TS2578.
  const r = await run(bin('tsc'), ['-p', '.'], { cwd: dir });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const expectedErrors = (consumerTs.match(/^\s*\/\/ @ts-expect-error/gm) ?? []).length;
  assert.ok(expectedErrors >= 20, `${expectedErrors} negative cases`);
  // The same program, run against the installed package: real results have the declared keys.
  const ran = await runOk(process.execPath, ['out/consumer.js'], { cwd: dir });
  const summary = lastJsonLine(ran.stdout);
  assert.equal(summary.ok, true);
  assert.ok(summary.checked >= 25, `${summary.checked} shapes checked`);

  // Removing the directives shows each line really is an error.
  const stripped = consumerTs.replace(/^\s*\/\/ @ts-expect-error.*\n/gm, '');
  const dir2 = await consumer({ 'package.json': '{"type":"module"}', 'tsconfig.json': tsconfig, 'consumer.ts': stripped,
    'fixtures.ts': consumerFixtures() });
  const r2 = await run(bin('tsc'), ['-p', '.', '--noEmit'], { cwd: dir2 });
  const errorLines = new Set([...r2.stdout.matchAll(/consumer\.ts\((\d+),\d+\): error/g)].map((m) => m[1]));
  assert.equal(errorLines.size, expectedErrors, r2.stdout);
});

test('TypeScript: the declarations are really checked (a wrong use fails to compile)', async () => {
  const wrong = `import { registryTypes, registrySchema } from 'regcred';
const id: number = registryTypes()[0]!.id;
registrySchema(42);
export { id };
`;
  const dir = await consumer({ 'package.json': '{"type":"module"}', 'tsconfig.json': tsconfig, 'consumer.ts': wrong });
  const r = await run(bin('tsc'), ['-p', '.'], { cwd: dir });
  assert.notEqual(r.code, 0);
  assert.match(r.stdout, /TS2322/); // string is not assignable to number
  assert.match(r.stdout, /TS2554/); // expected 0 arguments
});
