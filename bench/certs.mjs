// CA bundle inspection: regcred (wasm) against @peculiar/x509 and node-forge parsing the same
// bundle in the same process. Not part of `make test`; `make bench` runs it through bench/run.mjs,
// or alone: `make pkg && node bench/certs.mjs [bundle.pem]`.
//
// Each peer does comparable work per certificate: split the PEM bundle, decode, parse, read
// subject, issuer, serial, validity, basicConstraints and subjectAltName, and compute the SHA-256
// fingerprint (with Node's native crypto for the peers, whose own hashing is async or slower).
// regcred's figure includes its JSON report crossing the wasm boundary.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { inspectCertificates } from 'regcred';
import forge from 'node-forge';

// @peculiar/x509 (through tsyringe) needs the Reflect metadata API; `reflect-metadata` is not a
// dependency here, so a minimal in-memory shim stands in before the import.
if (!Reflect.getMetadata) {
  const store = new WeakMap();
  const bag = (t) => store.get(t) || (store.set(t, new Map()), store.get(t));
  Reflect.defineMetadata = (k, v, t) => bag(t).set(k, v);
  Reflect.getMetadata = (k, t) => { for (let o = t; o; o = Object.getPrototypeOf(o)) if (store.get(o)?.has(k)) return store.get(o).get(k); };
  Reflect.getOwnMetadata = (k, t) => store.get(t)?.get(k);
  Reflect.hasMetadata = (k, t) => Reflect.getMetadata(k, t) !== undefined;
  Reflect.metadata = (k, v) => (t) => Reflect.defineMetadata(k, v, t);
}
const x509 = await import('@peculiar/x509');

export const defaultBundle = '/etc/ssl/certs/ca-certificates.crt';
const main = import.meta.url === pathToFileURL(process.argv[1] || '').href;
const path = (main && process.argv[2]) || defaultBundle;
const bundle = readFileSync(path, 'utf8');
const now = Date.now();
const blocksOf = (text) => text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) || [];
const derOf = (pem) => Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
const sha256 = (der) => createHash('sha256').update(der).digest('hex');

function regcred() {
  const r = inspectCertificates(bundle, { now, requireCa: false });
  return r.value.certificates.length;
}

function peculiar() {
  let n = 0;
  for (const pem of blocksOf(bundle)) {
    const c = new x509.X509Certificate(pem);
    const bc = c.getExtension(x509.BasicConstraintsExtension);
    const san = c.getExtension(x509.SubjectAlternativeNameExtension);
    void [c.subject, c.issuer, c.serialNumber, c.notBefore, c.notAfter, bc?.ca, san?.names, sha256(new Uint8Array(c.rawData))];
    n++;
  }
  return n;
}

// The least @peculiar/x509 can do: construct each certificate, read nothing.
function peculiarParseOnly() {
  let n = 0;
  for (const pem of blocksOf(bundle)) {
    void new x509.X509Certificate(pem);
    n++;
  }
  return n;
}

let forgeFailures = 0;
function nodeForge() {
  let n = 0;
  forgeFailures = 0;
  for (const pem of blocksOf(bundle)) {
    try {
      const c = forge.pki.certificateFromPem(pem);
      const bc = c.getExtension('basicConstraints');
      const san = c.getExtension('subjectAltName');
      void [c.subject.attributes, c.issuer.attributes, c.serialNumber, c.validity.notBefore, c.validity.notAfter, bc?.cA, san?.altNames];
      sha256(derOf(pem));
      n++;
    } catch {
      forgeFailures++; // node-forge reads RSA keys only: EC roots throw
    }
  }
  return n;
}

function measure(fn, minMs = 1500) {
  for (let i = 0; i < 5; i++) fn(); // warm-up (JIT, wasm tier-up)
  const times = [];
  const start = performance.now();
  while (performance.now() - start < minMs || times.length < 10) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1], runs: times.length };
}

/** Measures every parser on the bundle; medians in ms per whole bundle. */
export function benchCertificates({ minMs = 1500 } = {}) {
  const count = blocksOf(bundle).length;
  const results = {
    regcred: { ...measure(regcred, minMs), parsed: regcred() },
    '@peculiar/x509': { ...measure(peculiar, minMs), parsed: peculiar() },
    '@peculiar/x509 (construct only)': { ...measure(peculiarParseOnly, minMs), parsed: peculiarParseOnly() },
    'node-forge': { ...measure(nodeForge, minMs), parsed: nodeForge(), failures: forgeFailures },
  };
  return { path, count, kib: Math.round(bundle.length / 1024), results };
}

if (main) {
  const { count, results } = benchCertificates();
  console.log(`CA bundle: ${path}, ${count} certificates, ${(bundle.length / 1024).toFixed(0)} KiB; Node ${process.version}`);
  for (const [name, r] of Object.entries(results)) {
    const ratio = r.median / results.regcred.median;
    console.log(`${name.padEnd(32)} median ${r.median.toFixed(2).padStart(8)} ms/bundle  parsed ${r.parsed}/${count}  ${name === 'regcred' ? '' : `regcred is ${ratio.toFixed(1)}x faster`}  (${r.runs} runs)`);
  }
  if (forgeFailures) console.log(`node-forge could not read ${forgeFailures} certificates (non-RSA keys); its time covers the rest.`);
  const target = results['@peculiar/x509'].median / results.regcred.median;
  console.log(`target >= 3x faster than @peculiar/x509: ${target >= 3 ? 'met' : 'NOT met'} (${target.toFixed(1)}x)`);
}
