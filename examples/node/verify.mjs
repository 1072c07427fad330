// Node 20+: check registry credentials the way `docker login` does, through a fetch that honours
// regcred's TLS hint (`init.regcred`): a private CA (`secure-with-cert`) or `insecure`.
//   npm install regcred undici
//   REGISTRY_PASSWORD=... node verify.mjs registry.example.com:5000 alice [ca.pem]
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { Agent, fetch } from 'undici';
import { verifyCredentials } from 'regcred';

const agents = new Map();
/** undici's fetch with one Agent per CA (the public roots plus that CA), or one that accepts any certificate. */
function nodeFetch(url, { regcred, ...init } = {}) {
  if (!regcred) return fetch(url, init);
  const key = regcred.caCertificate ?? 'insecure';
  if (!agents.has(key)) {
    agents.set(key, new Agent({ connect: regcred.caCertificate
      ? { ca: [...rootCertificates, regcred.caCertificate] }
      : { rejectUnauthorized: false } }));
  }
  return fetch(url, { ...init, dispatcher: agents.get(key) });
}

const [registryUrl, username, caFile] = process.argv.slice(2);
const config = {
  name: 'my-registry',
  registryType: 'other',
  registryUrl,
  username,
  password: process.env.REGISTRY_PASSWORD,
  ...(caFile ? { connection: 'secure-with-cert', cert: readFileSync(caFile, 'utf8') } : {}),
};
const result = await verifyCredentials(config, {
  fetch: nodeFetch,
  // Registries on loopback or private addresses only when you say so.
  allowPrivateNetworks: process.env.ALLOW_PRIVATE_NETWORKS === 'true',
});
console.log(JSON.stringify(result));
await Promise.all([...agents.values()].map((agent) => agent.close()));
process.exitCode = result.ok ? 0 : 1;
