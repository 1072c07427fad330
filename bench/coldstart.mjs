// One cold start, run in a fresh Node process by bench/run.mjs: `node bench/coldstart.mjs regcred`
// or `... ajv`. Prints the milliseconds from before the import to after the first validation of
// a typical configuration (Node's own start-up is the same for both and is not counted).
//   regcred: import the package (its Node entry compiles and instantiates the .wasm) + first
//            validateRegistry;
//   ajv:     import ajv + read the same JSON Schema the package ships + compile it + first validate.
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { typicalConfig, now } from './configs.mjs';

const which = process.argv[2];
const t0 = performance.now();
let valid;
if (which === 'regcred') {
  const { validateRegistry } = await import('regcred');
  valid = validateRegistry(typicalConfig, { now }).valid;
} else if (which === 'ajv') {
  const { default: Ajv } = await import('ajv');
  const schema = JSON.parse(readFileSync(new URL('../pkg/schemas/registry.schema.json', import.meta.url), 'utf8'));
  const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);
  valid = validate(typicalConfig);
} else {
  throw new Error('usage: node bench/coldstart.mjs regcred|ajv');
}
const ms = performance.now() - t0;
if (!valid) throw new Error(`${which}: the typical configuration did not validate`);
process.stdout.write(JSON.stringify({ which, ms }) + '\n');
