// Builds the npm package into pkg/: cargo (wasm32, release) -> wasm-bindgen (web target, name
// section removed) -> wasm-opt (binaryen from npm) -> entry points per host -> package.json.
// Prints the gzip -9 size of the shipped .wasm.
//
// REGCRED_FEATURES (comma-separated Cargo features) and REGCRED_OUT (output directory, relative
// to the repository) build other variants: `make pkg-test` builds the `test-exports` package
// into target/pkg-test (with the test-only `__forceTrap` and `__forceAsyncTrap` exports), in its
// own Cargo target directory so it never overwrites the shipped build's artifacts. Such a variant
// does not replace node_modules/regcred and is not the shipped size.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, statSync, symlinkSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { checkRepository } from './release-profile.mjs';
import { formData, formDataJson, formDataModule } from './form-data.mjs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const features = process.env.REGCRED_FEATURES || '';
const pkg = join(root, process.env.REGCRED_OUT || 'pkg');
const shipped = pkg === join(root, 'pkg');
// The release module has its own target directory: it is built with other compiler flags than
// clippy's and the tests' wasm builds (below), so sharing one would rebuild everything each time.
const targetDir = features ? join(root, 'target/features', features.replace(/[^a-z0-9-]+/gi, '_')) : join(root, 'target/wasm-release');
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });

// wasm/Cargo.lock (the binding crate's) must lock every crate the core also uses at the version
// Cargo.lock has: the shipped module is built from the versions the native tests ran. Crates only the binding uses (wasm-bindgen, js-sys, ...) are its own.
// `make wasm-lock` regenerates it.
function lockedVersions(file) {
  const versions = new Map();
  for (const [, name, version] of readFileSync(file, 'utf8').matchAll(/\[\[package\]\]\nname = "([^"]+)"\nversion = "([^"]+)"/g)) {
    versions.set(name, [...(versions.get(name) ?? []), version]);
  }
  return versions;
}
const rootLock = lockedVersions(join(root, 'Cargo.lock'));
for (const [name, versions] of lockedVersions(join(root, 'wasm/Cargo.lock'))) {
  if (!rootLock.has(name)) continue;
  if (!versions.every((v) => rootLock.get(name).includes(v))) {
    throw new Error(`build-pkg: wasm/Cargo.lock has ${name} ${versions} but Cargo.lock has ${rootLock.get(name)}; run \`make wasm-lock\``);
  }
}

// Cargo.toml and wasm/Cargo.toml must define the same release profile (scripts/release-profile.mjs).
checkRepository(root);

// The module is the binding crate (wasm/), built with its own Cargo.lock (host names with
// non-ASCII or punycode labels go to the host's URL parser: the module has no IDNA tables).
//
// The standard library is compiled with the module (`-Zbuild-std`, from the `rust-src` component
// scripts/setup.sh adds) so that it gets the same profile and a panic is an immediate trap
// (`-Cpanic=immediate-abort`): no panic message formatting, no location tables, no unwinding
// glue. The module denies panics anyway (ARCHITECTURE.md, "No panics"), and a panic was already a
// trap; only the unreachable formatting code goes. `optimize_for_size` picks std's small
// variants (sorts, formatting). `-Zfmt-debug=none` empties `{:?}` output: nothing in the module
// shows Debug text (messages are built from Display and literals; tests/error_codes.rs and the
// JS tests check messages). These are unstable flags on the pinned stable compiler, unlocked by
// RUSTC_BOOTSTRAP=1 for this build only (as scripts/fuzz.sh does for cargo-fuzz). Measured in
// bench/size-history.md: -9.6 KB gzip -9 for build-std with immediate-abort, -3.4 KB more for
// fmt-debug.
//
// Without the `reference-types` and `multivalue` features the glue passes JS values as indices
// into a JS-side heap and results through a return area, so every import and export signature
// is made of i32s (and two f64s). V8 compiles one wrapper per distinct signature of the
// module's imports and exports before the first call (Node 20: 23 import and 16 export
// signatures with externref and multi-value results, 12 and none needing a wrapper without):
// `new WebAssembly.Module` went 2.7 -> 1.9 ms and a cold start about 1 ms faster, with the
// .wasm 1.6 KB smaller gzip -9 (bench/size-history.md).
const cargoArgs = ['build', '--release', '--lib', '--locked', '--target', 'wasm32-unknown-unknown',
  '--manifest-path', join(root, 'wasm/Cargo.toml'), '--target-dir', targetDir,
  '-Zbuild-std=std,panic_abort', '-Zbuild-std-features=optimize_for_size'];
if (features) cargoArgs.push('--features', features);
run('cargo', cargoArgs, {
  env: {
    ...process.env,
    RUSTC_BOOTSTRAP: '1',
    RUSTFLAGS: '-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Ctarget-feature=-reference-types,-multivalue',
  },
});

rmSync(pkg, { recursive: true, force: true });
mkdirSync(pkg, { recursive: true });
const built = join(targetDir, 'wasm32-unknown-unknown/release/regcred_wasm.wasm');
run('wasm-bindgen', [built, '--out-dir', pkg, '--target', 'web', '--out-name', 'regcred',
  '--remove-name-section', '--remove-producers-section', '--experimental-reset-state-function']);

const wasm = join(pkg, 'regcred_bg.wasm');
const before = statSync(wasm).size;
// -Os, measured against -Oz and -O3 on the `opt-level = "z"` build (bench/size-history.md):
// the smallest after gzip, and no slower per call in an A/B.
run(join(root, 'node_modules/.bin/wasm-opt'), [wasm, '-Os', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-mutable-globals', '--strip-debug', '--strip-producers', '-o', wasm]);

// The glue's JS imports (the error class, the host's URL parser), at stable paths
// (wasm-bindgen also copies them under snippets/, which is removed below).
for (const name of ['errors.js', 'host.js', 'images.js']) cpSync(join(root, 'wasm/js', name), join(pkg, name));
cpSync(join(root, 'js/entries'), pkg, { recursive: true });
// The catalog and the forms, as data forms.js answers from (not in the module); the JSON file is
// Node's (see the Node entry below).
const forms = formData(root);
writeFileSync(join(pkg, 'form-data.js'), formDataModule(forms));
writeFileSync(join(pkg, 'form-data.json'), formDataJson(forms));
cpSync(join(root, 'schemas'), join(pkg, 'schemas'), { recursive: true });
// regcred/rjsf: react-jsonschema-form adapters (plain JS over the main entry, no React).
for (const name of ['rjsf.js', 'rjsf.d.ts']) cpSync(join(root, 'js', name), join(pkg, name));

// The error class must be one class: point the glue's snippet import at ./errors.js.
const glue = join(pkg, 'regcred.js');
// Only the import statements change: a function the module imports straight from a snippet
// (no glue shim) keeps the snippet's path as the name of its import namespace.
let glueText = readFileSync(glue, 'utf8').replace(/(\bfrom\s*)(['"])\.\/snippets\/[^'"]+\/js\/(errors|host|images)\.js\2/g, "$1'./$3.js'");
if (/\bfrom\s*['"]\.\/snippets\//.test(glueText)) throw new Error('build-pkg: the glue imports a snippet that is not copied to a stable path');
rmSync(join(pkg, 'snippets'), { recursive: true, force: true });

// Trap recovery in async tasks (js/entries/trap.js): wasm-bindgen-futures runs futures in
// callbacks the glue hands to the host, so a trap there would be an uncaught exception. Wrap
// every such callback in `guardTask`: the task queue's `queueMicrotask(closure)`, its
// `promise.then(closure)` fallback, and `JsFuture`'s `promise.then(resolve, reject)`. Each
// pattern must match exactly once: if a wasm-bindgen upgrade changes the glue, the build stops
// here instead of shipping without the guard (update the patterns, and check the new glue for
// any other place the host calls a wasm closure for futures).
function patchGlue(what, pattern, replacement) {
  const matches = glueText.match(new RegExp(pattern.source, pattern.flags + 'g')) ?? [];
  if (matches.length !== 1) {
    throw new Error(`build-pkg: expected exactly one ${what} in the wasm-bindgen glue (${glue}), found ${matches.length}; ` +
      'the async trap guard cannot be installed (see scripts/build-pkg.mjs)');
  }
  glueText = glueText.replace(pattern, replacement);
}
const guarded = (arg) => `__regcred_guardTask(${arg}, __wbg_reset_state)`;
patchGlue('errors.js import (to add the trap.js import after it)', /^import \{ makeRegcredError \} from '\.\/errors\.js';$/m,
  "$&\nimport { guardTask as __regcred_guardTask } from './trap.js';");
patchGlue('queueMicrotask(closure) import', /(__wbg_queueMicrotask_[0-9a-f]+: function\(arg0\) \{\s*)queueMicrotask\((getObject\(arg0\))\);/,
  `$1queueMicrotask(${guarded('$2')});`);
patchGlue('promise.then(closure) import', /(__wbg_then_[0-9a-f]+: function\(arg0, arg1\) \{\s*const ret = )(getObject\(arg0\))\.then\((getObject\(arg1\))\);/,
  `$1$2.then(${guarded('$3')});`);
patchGlue('promise.then(resolve, reject) import', /(__wbg_then_[0-9a-f]+: function\(arg0, arg1, arg2\) \{\s*const ret = )(getObject\(arg0\))\.then\((getObject\(arg1\)), (getObject\(arg2\))\);/,
  `$1$2.then(${guarded('$3')}, ${guarded('$4')});`);
patchGlue('__wbg_reset_state function', /^export function __wbg_reset_state \(\) \{$/m, '$&');
// An import that may throw is `function() { return handleError(function (arg0, ...) {...},
// arguments); }`: its declared arity (0) differs from the wasm signature's, so V8 cannot use the
// wrapper it compiled ahead for that signature and compiles an arity-mismatch one on the main
// thread at instantiation (four of them, ~0.25 ms of a cold start). Declaring the same
// parameters on the outer function changes nothing else (`arguments` is passed on as before).
const throwing = /function\(\) \{ return handleError\(function \(((?:arg\d+(?:, )?)+)\) \{/g;
const throwingCount = (glueText.match(throwing) ?? []).length;
if (throwingCount === 0) throw new Error('build-pkg: no handleError import found in the glue; check the arity patch');
glueText = glueText.replace(throwing, 'function($1) { return handleError(function ($1) {');
if (/function\(\) \{ return handleError\(/.test(glueText)) throw new Error('build-pkg: a handleError import kept arity 0');
writeFileSync(glue, glueText);

// The module ships once, as regcred_bg.wasm; each entry gets it the way its host can (see the
// `exports` conditions below). Declarations: index.d.ts for every entry, web.d.ts for regcred/web.
for (const name of ['index.d.ts', 'web.d.ts']) cpSync(join(root, 'js', name), join(pkg, name));
// The npm page and the licence: js/README.md (its examples are files under examples/, run by
// tests/js/packaging.test.mjs) and both licence texts of `MIT OR Apache-2.0`.
cpSync(join(root, 'js/README.md'), join(pkg, 'README.md'));
for (const name of ['LICENSE-MIT', 'LICENSE-APACHE']) cpSync(join(root, name), join(pkg, name));

// Test-only exports, behind the same trap guard as the public API (never in pkg/).
if (features.split(',').includes('test-exports')) {
  writeFileSync(join(pkg, 'api.js'), readFileSync(join(pkg, 'api.js'), 'utf8') +
    '\n// Test-only (the `test-exports` feature): traps the instance on purpose.\n' +
    'export const __forceTrap = /* #__PURE__ */ guard(glue.__forceTrap);\n' +
    '// Test-only: returns a Promise whose task traps the instance after its first `.await`.\n' +
    'export const __forceAsyncTrap = /* #__PURE__ */ guardAsync(glue.__forceAsyncTrap);\n');
}

// The optional generic JSON Schema build (`make pkg-jsonschema`): one more export, guarded and
// typed like the others (never in pkg/).
if (features.split(',').includes('json-schema')) {
  writeFileSync(join(pkg, 'api.js'), readFileSync(join(pkg, 'api.js'), 'utf8') +
    '\n// The `json-schema` build: generic JSON Schema validation with the jsonschema crate.\n' +
    'export const validateJsonSchema = /* #__PURE__ */ guard(glue.validateJsonSchema);\n');
  writeFileSync(join(pkg, 'index.d.ts'), readFileSync(join(pkg, 'index.d.ts'), 'utf8') +
    '\n/** The `json-schema` build only: validates `instance` against `options.schema` (the shipped\n' +
    ' * registry schema by default) with the generic jsonschema engine. Errors: `schema.<keyword>`\n' +
    ' * at the instance\'s JSON pointer; throws `schema.invalid` for a schema that does not compile. */\n' +
    'export function validateJsonSchema(instance: unknown, options?: { schema?: Record<string, unknown> | boolean }): Report<never>;\n');
}

// Node's entry as one file: the glue, api.js, trap.js, errors.js, host.js and forms.js bundled into node.js
// (the .wasm stays beside it). Node loads each ES module separately (resolve, read, compile,
// link), and six separate files cost ~5 ms of a cold start here; the other entries are either
// bundled by their consumers or need the separate files.
const { build } = await import('esbuild');
await build({
  entryPoints: [join(pkg, 'node.js')],
  outfile: join(pkg, 'node.js'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  banner: { js: '// regcred for Node: js/entries/node.js with the wasm-bindgen glue and api.js bundled (scripts/build-pkg.mjs).' },
  logLevel: 'warning',
  allowOverwrite: true,
  // Minified: V8 parses a third of the text at import (-0.3 ms of a cold start, measured A/B in
  // fresh processes). The unminified modules ship beside it for the other entries.
  minify: true,
  // The form data as js/node-form-data.js, which reads form-data.json at the first call.
  plugins: [{
    name: 'node-form-data',
    setup(build) {
      build.onResolve({ filter: /^\.\/form-data\.js$/ }, () => ({ path: join(root, 'js/node-form-data.js') }));
    },
  }],
});
const nodeEntry = readFileSync(join(pkg, 'node.js'), 'utf8');
if (!nodeEntry.includes('./form-data.json') || nodeEntry.includes('ui:order')) {
  throw new Error('build-pkg: node.js must read form-data.json, not bundle form-data.js (js/node-form-data.js)');
}

const crate = JSON.parse(execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1'], { cwd: root }))
  .packages.find((p) => p.name === 'regcred');
const entries = ['bundler.js', 'bytes.js', 'deno.js', 'node.js', 'workerd.js', 'web.js'];
const manifest = {
  name: 'regcred',
  version: crate.version,
  description: 'Container registry settings for web pages, Backstage plugins and edge workers: JSON Schemas and ' +
    'react-jsonschema-form uiSchemas per registry type, validation, Kubernetes image-pull secrets identical to ' +
    "kubectl's, and credential checks through your fetch. Rust compiled to WebAssembly.",
  keywords: ['container-registry', 'docker', 'kubernetes', 'image-pull-secret', 'dockerconfigjson', 'ecr', 'acr',
    'gcr', 'artifact-registry', 'quay', 'harbor', 'ghcr', 'json-schema', 'react-jsonschema-form', 'backstage',
    'validation', 'webassembly', 'cloudflare-workers', 'deno', 'bun'],
  license: crate.license,
  // From Cargo.toml's `repository` when it names one (the crate's metadata is the one source).
  ...(crate.repository && {
    repository: { type: 'git', url: `git+${crate.repository.replace(/\.git$/, '')}.git` },
    homepage: `${crate.repository.replace(/\.git$/, '')}#readme`,
    bugs: { url: `${crate.repository.replace(/\.git$/, '')}/issues` },
  }),
  type: 'module',
  types: './index.d.ts',
  main: './node.js',
  // process.getBuiltinModule (node.js reads the module with it); `require` needs 20.19.
  engines: { node: '>=20.16' },
  // Only the entries have side effects (they instantiate the module at import). Declaring
  // `sideEffects: false` would let bundlers drop an entry's initialization and link straight to
  // the uninitialized glue.
  sideEffects: entries.map((e) => `./${e}`),
  // The first matching condition wins; each was picked by what the host resolves and handles
  // (measured in tests/js/packaging.test.mjs, which builds and runs every one of them):
  //   workerd      Cloudflare Workers/workerd, wrangler: imports the .wasm as a compiled module.
  //   deno         `import source` of the .wasm: a compiled module, no permission needed.
  //   bun          Bun at run time and `bun build --target bun`: bytes.js (Bun gives the path).
  //   asset-url    opt-in, e.g. Vite's dev server (README): bundler.js whatever else matches.
  //   webpack      webpack 5, any target: `new URL('./regcred_bg.wasm', import.meta.url)`, which
  //                webpack emits as an asset with no configuration (bundler.js).
  //   production   Vite builds and Rollup's node-resolve: the same new URL asset reference.
  //   development  `bun build --target browser|node`: bytes.js. (Vite's dev server matches it
  //                too, and cannot serve a bytes import: it opts into `asset-url`, README.)
  //   module       esbuild (any platform), `bun build --production`: bytes.js; esbuild inlines the
  //                bytes (it has no asset URLs), so its bundles need no extra file.
  //   node         Node itself: reads regcred_bg.wasm beside node.js, synchronously.
  //   import       esbuild --platform=neutral: bytes.js.
  //   default      plain ESM hosts (browsers through an import map or CDN): bundler.js.
  // There is deliberately no `worker` condition: webpack uses it for web-worker targets, where
  // the workerd entry's `.wasm` import would need WebAssembly experiments.
  exports: {
    '.': {
      types: './index.d.ts',
      workerd: './workerd.js',
      deno: './deno.js',
      bun: './bytes.js',
      'asset-url': './bundler.js',
      webpack: './bundler.js',
      production: './bundler.js',
      development: './bytes.js',
      module: './bytes.js',
      node: './node.js',
      import: './bytes.js',
      default: './bundler.js',
    },
    './web': { types: './web.d.ts', default: './web.js' },
    './rjsf': { types: './rjsf.d.ts', default: './rjsf.js' },
    './regcred_bg.wasm': './regcred_bg.wasm',
    './schemas/*': './schemas/*',
    './package.json': './package.json',
  },
  files: readdirSync(pkg),
};
writeFileSync(join(pkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

const bytes = readFileSync(wasm);
const gz = gzipSync(bytes, { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1) + ' KiB';
if (!shipped) {
  console.log(`[pkg] ${pkg} (features: ${features || 'none'}; not the shipped package): regcred_bg.wasm ${kb(bytes.length)} raw, ${kb(gz)} gzip -9`);
  process.exit(0);
}

// Let tests and examples in this repository `import 'regcred'` exactly as users do.
mkdirSync(join(root, 'node_modules'), { recursive: true });
rmSync(join(root, 'node_modules/regcred'), { recursive: true, force: true });
symlinkSync('../pkg', join(root, 'node_modules/regcred'), 'dir');

// The size budget (README, Budgets): the shipped module at most 150 KiB gzip -9 (aim 120 KiB).
const limit = 150 * 1024;
const verdict = gz <= limit ? `within the ${kb(limit)} limit (${kb(limit - gz)} to spare)` : `OVER the ${kb(limit)} limit by ${kb(gz - limit)}`;
console.log(`[pkg] regcred_bg.wasm: ${kb(bytes.length)} raw (${kb(before)} before wasm-opt), ${kb(gz)} gzip -9 (${gz} bytes): ${verdict}`);
writeFileSync(join(root, 'target/wasm-size.json'), JSON.stringify({ raw: bytes.length, gzip9: gz, limit, features }) + '\n');
// Over the limit is a failed build (`make pkg`, hence `make test` and CI), after the size is
// printed and recorded above.
if (gz > limit) {
  console.error(`[pkg] FAILED: regcred_bg.wasm is ${gz - limit} bytes over the ${limit}-byte limit (gzip -9)`);
  process.exitCode = 1;
}
