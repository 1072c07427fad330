// regcred:verify — the credential check `docker login` does, from the backend (where the
// secrets are and no CORS applies), trusting the registry's own CA for `secure-with-cert`.
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { verifyCredentials } from 'regcred';
import { nodeFetch } from './nodeFetch';
import { DEFAULT_SECRETS_FROM, registryInput } from './registryInput';
import { registryWithSecrets, validRegistry } from './taskRegistry';

/**
 * The `regcred:verify` action. Outputs `ok`, `status` and the request trail (`steps`, redacted by
 * regcred); fails the step when the registry did not accept the credentials unless `allowFailure`.
 */
export function createVerifyAction() {
  return createTemplateAction({
    id: 'regcred:verify',
    description: 'Logs in to the registry as docker login does and reports what the registry answered.',
    schema: {
      input: {
        ...registryInput,
        allowFailure: (z) => z.boolean().optional().describe('Report a failed check in the outputs instead of failing the step'),
        allowPrivateNetworks: (z) =>
          z.boolean().optional().describe('Allow registries on loopback or private addresses and names under no public TLD (default: false)'),
        timeoutMs: (z) =>
          z.number().int().min(1).max(600000).optional().describe('Deadline of the whole check in ms (1 to 600000); default 15000'),
      },
      output: {
        ok: (z) => z.boolean().describe('true when authenticated (or anonymous for a public registry)'),
        status: (z) => z.string().describe('authenticated, anonymous, unauthorized, not-a-registry, unreachable, tls, ...'),
        message: (z) => z.string().describe('What happened, in words'),
        steps: (z) =>
          z
            .array(z.object({ method: z.string(), url: z.string(), status: z.number().nullable(), error: z.string().optional() }))
            .describe('The requests sent, query values redacted'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const config = registryWithSecrets(input.registry, ctx.secrets, input.secretsFrom ?? DEFAULT_SECRETS_FROM);
      const { value } = validRegistry(config);
      const host = nodeFetch();
      try {
        const result = await verifyCredentials(value, {
          fetch: host.fetch,
          allowPrivateNetworks: input.allowPrivateNetworks ?? false,
          timeoutMs: input.timeoutMs,
        });
        ctx.output('ok', result.ok);
        ctx.output('status', result.status);
        ctx.output('message', result.message);
        ctx.output('steps', result.steps.map((s) => ({ ...s })));
        ctx.logger.info(`regcred:verify ${value.registryUrl}: ${result.status}`);
        if (!result.ok && !input.allowFailure) {
          throw new Error(`The registry check failed: ${result.status} (${result.message})`);
        }
      } finally {
        await host.close();
      }
    },
  });
}
