// regcred's `fetch` for Node: undici's fetch, honouring regcred's TLS hint (`init.regcred`): a
// private CA for `secure-with-cert` registries (the public roots plus that CA), or no certificate
// check for `insecure` ones. One undici Agent per CA, closed by `close()`.
import { rootCertificates } from 'node:tls';
import { Agent, fetch } from 'undici';
import type { FetchLike } from 'regcred';

/** A `FetchLike` for `verifyCredentials` and the Agents it opened. */
export function nodeFetch(): { fetch: FetchLike; close(): Promise<void> } {
  const agents = new Map<string, Agent>();
  const agentFor = (hint: { insecure?: boolean; caCertificate?: string }) => {
    const key = hint.caCertificate ?? 'insecure';
    let agent = agents.get(key);
    if (!agent) {
      agent = new Agent({
        connect: hint.caCertificate ? { ca: [...rootCertificates, hint.caCertificate] } : { rejectUnauthorized: false },
      });
      agents.set(key, agent);
    }
    return agent;
  };
  const fetchLike: FetchLike = async (url, { regcred, ...init }) => {
    const dispatcher = regcred && (regcred.caCertificate || regcred.insecure) ? agentFor(regcred) : undefined;
    // undici's fetch and the global one share the WHATWG shapes; the casts cross their typings.
    const response = await fetch(url, { ...(init as object), dispatcher });
    return response as unknown as Response;
  };
  return {
    fetch: fetchLike,
    async close() {
      await Promise.all([...agents.values()].map((a) => a.close()));
    },
  };
}
