// Shared fixtures (tests/fixtures/), read by the JS tests exactly as the Rust tests read them.
import { readdirSync, readFileSync } from 'node:fs';

export const fixturesDir = new URL('../fixtures/', import.meta.url);

/** Registry configurations: `configs/valid` (schema-valid), `configs/invalid` (schema-invalid),
 * `configs/semantic` (schema-valid, rejected by regcred's deeper checks). */
export function fixtureConfigs() {
  const out = [];
  for (const [dir, expectValid] of [['valid', true], ['invalid', false], ['semantic', true]]) {
    const url = new URL(`configs/${dir}/`, fixturesDir);
    let files = [];
    try { files = readdirSync(url).filter((f) => f.endsWith('.json')).sort(); } catch { continue; }
    for (const f of files) {
      out.push({ file: `${dir}/${f}`, dir, config: JSON.parse(readFileSync(new URL(f, url), 'utf8')), expectValid });
    }
  }
  return out;
}
