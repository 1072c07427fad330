// One build definition: the release profile the shipped module is built with (wasm/Cargo.toml,
// the binding crate's own workspace) is the core's (Cargo.toml), and scripts/build-pkg.mjs
// refuses to build when they differ (scripts/release-profile.mjs; ARCHITECTURE.md, "Build").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkReleaseProfiles, checkRepository, releaseProfile } from '../../scripts/release-profile.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const core = readFileSync(`${root}/Cargo.toml`, 'utf8');
const binding = readFileSync(`${root}/wasm/Cargo.toml`, 'utf8');

test('the repository: both manifests define the same release profile, with the budget settings', () => {
  checkRepository(root);
  const profile = releaseProfile(core);
  for (const line of ['lto = true', 'codegen-units = 1', 'panic = "abort"']) assert.ok(profile.includes(line), line);
});

test('a different value, a missing key, an extra key or no profile at all is refused', () => {
  const variants = [
    binding.replace('opt-level = "z"', 'opt-level = "s"'),
    binding.replace('codegen-units = 1\n', ''),
    binding.replace('[profile.release]\n', '[profile.release]\nstrip = true\n'),
    binding.replace('[profile.release]', '[profile.other]'),
  ];
  for (const changed of variants) {
    assert.notEqual(changed, binding);
    assert.throws(() => checkReleaseProfiles(core, changed), /profile\.release/);
  }
  // Order, spacing and comments do not matter.
  checkReleaseProfiles(core, binding.replace('lto = true', 'lto=true # fat LTO'));
});
