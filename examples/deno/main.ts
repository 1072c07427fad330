// Deno: `deno add npm:regcred` (or list it in package.json), then `deno run main.ts` —
// no permissions needed: the package imports its WebAssembly module as a compiled source.
import { parseEcrUrl, validateField } from 'regcred';

const url = Deno.args[0] ?? '123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com';
const ecr = parseEcrUrl(url);
if (ecr.valid && ecr.value) {
  const { accountId, region, fips, partition, apiEndpoint } = ecr.value;
  console.log(JSON.stringify({ accountId, region, fips, partition, apiEndpoint }));
} else {
  const report = validateField('ecr', 'registryUrl', url);
  console.log(JSON.stringify({ errors: report.errors.map((e) => e.code) }));
}
