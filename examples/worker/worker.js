// A Cloudflare Worker (module syntax) that configures container registries with regcred.
//   POST /validate                     registry configuration (JSON) -> validation report
//   POST /secret?format=yaml|json      -> the kubernetes.io/dockerconfigjson Secret manifest
//        &name=...&namespace=...
//   POST /verify                       -> what `docker login` would say, through this worker's fetch
//   POST /access                       { config, repository, actions? } -> may it pull (push) there?
// Validation runs in WebAssembly: no schema compiler, no eval (which Workers forbid).
import { validateRegistry, pullSecret, verifyCredentials, verifyAccess, RegcredError } from 'regcred';

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (request.method !== 'POST') {
      return json({ code: 'method', message: 'POST a registry configuration as JSON to /validate, /secret, /verify or /access' }, 405);
    }
    let config;
    try {
      config = await request.json();
    } catch {
      return json({ code: 'body.json', message: 'the request body is not JSON' }, 400);
    }
    try {
      switch (url.pathname) {
        case '/validate':
          return json(validateRegistry(config));
        case '/secret': {
          const format = url.searchParams.get('format') ?? 'yaml';
          const manifest = pullSecret({
            name: url.searchParams.get('name') ?? `${config.name}-pull-secret`,
            namespace: url.searchParams.get('namespace') ?? undefined,
            registries: [config],
            format,
          });
          const type = format === 'json' ? 'application/json' : 'application/yaml';
          return new Response(manifest, { headers: { 'content-type': `${type}; charset=utf-8` } });
        }
        case '/verify':
          return json(await verifyCredentials(config, {
            fetch: (input, init) => fetch(input, init),
            // Private and loopback registries only where the deployment opts in (never from the
            // request: that would let any caller probe the worker's network).
            allowPrivateNetworks: env.ALLOW_PRIVATE_NETWORKS === 'true',
          }));
        case '/access':
          // The body is { config, repository, actions? }: the configuration and what to check.
          return json(await verifyAccess(config.config, {
            repository: config.repository,
            actions: config.actions,
            fetch: (input, init) => fetch(input, init),
            allowPrivateNetworks: env.ALLOW_PRIVATE_NETWORKS === 'true',
          }));
        default:
          return json({ code: 'not-found', message: `no route ${url.pathname}` }, 404);
      }
    } catch (e) {
      if (e instanceof RegcredError) return json({ code: e.code, message: e.message, errors: e.errors ?? [] }, 422);
      throw e;
    }
  },
};

function json(value, status = 200) {
  return new Response(JSON.stringify(value, null, 2), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}
