// A variant build of the package (a Cargo feature set into target/<dir>, as `make pkg-test` and
// `make pkg-jsonschema` build it), built here when missing, imported through its Node entry.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The directory URL of the variant `features` built into target/`dir`, and its imported API. */
export async function variantPackage(features, dir) {
  const url = new URL(`target/${dir}/`, new URL('../../../', import.meta.url));
  if (!existsSync(new URL('node.js', url))) {
    execFileSync(process.execPath, ['scripts/build-pkg.mjs'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, REGCRED_FEATURES: features, REGCRED_OUT: `target/${dir}` },
    });
  }
  return { url, api: await import(new URL('node.js', url)) };
}
