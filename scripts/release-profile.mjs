// The release profile is defined twice, because Cargo reads [profile.*] only from the workspace
// root and the binding crate (wasm/) is its own workspace (it needs its own Cargo.lock, see
// ARCHITECTURE.md, "Build"): Cargo.toml's is what native release builds use, wasm/Cargo.toml's
// is what builds the shipped module. scripts/build-pkg.mjs refuses to build when they differ.
import { readFileSync } from 'node:fs';

/** The `key = value` lines of `[profile.release]` in a Cargo.toml text, sorted. */
export function releaseProfile(toml) {
  const lines = toml.split('\n');
  const start = lines.findIndex((l) => l.trim() === '[profile.release]');
  if (start < 0) return [];
  const out = [];
  for (const line of lines.slice(start + 1)) {
    const l = line.replace(/#.*/, '').trim();
    if (l.startsWith('[')) break;
    if (l) out.push(l.replace(/\s*=\s*/, ' = '));
  }
  return out.sort();
}

/** Throws when the two manifests' release profiles differ (or the binding has none). */
export function checkReleaseProfiles(coreToml, bindingToml) {
  const core = releaseProfile(coreToml);
  const binding = releaseProfile(bindingToml);
  if (binding.length === 0 || core.join('\n') !== binding.join('\n')) {
    throw new Error('build-pkg: [profile.release] of wasm/Cargo.toml differs from Cargo.toml\'s ' +
      `(${JSON.stringify(binding)} vs ${JSON.stringify(core)}); keep them equal`);
  }
}

/** Checks the repository at `root`. */
export function checkRepository(root) {
  checkReleaseProfiles(readFileSync(`${root}/Cargo.toml`, 'utf8'), readFileSync(`${root}/wasm/Cargo.toml`, 'utf8'));
}
