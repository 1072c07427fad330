// Rewrites every `<!-- example: path -->` block of README.md and of the package's README
// (js/README.md) from its file under examples/ (tests/js/examples.test.mjs and
// tests/js/packaging.test.mjs check they are equal).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const path of [join(root, 'README.md'), join(root, 'js/README.md')]) {
  const readme = readFileSync(path, 'utf8').replace(
    /(<!-- example: (\S+) -->\n```[a-z]*\n)[\s\S]*?(```\n)/g,
    (_, head, file, tail) => head + readFileSync(join(root, file), 'utf8') + tail,
  );
  writeFileSync(path, readme);
}
