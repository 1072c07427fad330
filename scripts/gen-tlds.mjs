// Writes src/verify/policy/tlds.txt: the delegated top-level domains of the IANA root zone, as
// shipped by the npm package `tlds`, in the ASCII (punycode) form the WHATWG host parser gives,
// sorted and front-coded (each entry: one letter A-Z = the length of the prefix it shares with
// the previous entry, then the rest). Usage:
//   npm pack tlds@1.261.0 && tar xzf tlds-1.261.0.tgz
//   node scripts/gen-tlds.mjs package/index.json 1.261.0 2025-10-24
import { readFileSync, writeFileSync } from 'node:fs';
import { domainToASCII } from 'node:url';

const [list, version, date] = process.argv.slice(2);
if (!list || !version || !/^\d{4}-\d{2}-\d{2}$/.test(date ?? '')) {
  console.error('usage: node scripts/gen-tlds.mjs <tlds/index.json> <version> <yyyy-mm-dd>');
  process.exit(2);
}
const tlds = [...new Set(JSON.parse(readFileSync(list, 'utf8')).map((t) => domainToASCII(t)))].sort();
if (tlds.some((t) => !/^[a-z0-9-]+$/.test(t))) throw new Error('a TLD is not ASCII after domainToASCII');
let prev = '';
const coded = tlds.map((t) => {
  let shared = 0;
  while (shared < 25 && shared < prev.length && shared < t.length && prev[shared] === t[shared]) shared++;
  prev = t;
  return String.fromCharCode(65 + shared) + t.slice(shared);
});
const out = new URL('../src/verify/policy/tlds.txt', import.meta.url);
writeFileSync(out, `${date} tlds@${version} ${tlds.length}\n${coded.join('')}\n`);
console.log(`${tlds.length} TLDs written to src/verify/policy/tlds.txt`);
