// Deno: check registry credentials the way `docker login` does, through a fetch that honours
// regcred's TLS hint (`init.regcred`): a private CA becomes a Deno.HttpClient with `caCerts`.
//   REGISTRY_PASSWORD=... deno run --allow-net --allow-env --allow-read verify.ts registry.example.com:5000 alice [ca.pem]
// Deno has no per-client "accept any certificate": for `insecure` registries run with
// `--unsafely-ignore-certificate-errors=<host>`.
import { verifyCredentials, type FetchLike } from 'regcred';

const clients = new Map<string, Deno.HttpClient>();
const denoFetch: FetchLike = (url, { regcred, ...init }) => {
  const ca = regcred?.caCertificate;
  if (!ca) return fetch(url, init);
  if (!clients.has(ca)) clients.set(ca, Deno.createHttpClient({ caCerts: [ca] }));
  return fetch(url, { ...init, client: clients.get(ca)! });
};

const [registryUrl, username, caFile] = Deno.args;
const result = await verifyCredentials({
  name: 'my-registry',
  registryType: 'other',
  registryUrl,
  username,
  password: Deno.env.get('REGISTRY_PASSWORD') ?? '',
  ...(caFile ? { connection: 'secure-with-cert' as const, cert: await Deno.readTextFile(caFile) } : {}),
}, {
  fetch: denoFetch,
  // Registries on loopback or private addresses only when you say so.
  allowPrivateNetworks: Deno.env.get('ALLOW_PRIVATE_NETWORKS') === 'true',
});
console.log(JSON.stringify(result));
clients.forEach((client) => client.close());
Deno.exit(result.ok ? 0 : 1);
