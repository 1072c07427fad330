// regcred:validate — fails the task early when the registry configuration (with its secrets from
// the task's secrets) is not valid; outputs the normalized, secret-free facts later steps need.
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { DEFAULT_SECRETS_FROM, registryInput } from './registryInput';
import { registryWithSecrets, validRegistry } from './taskRegistry';

/** The `regcred:validate` action. Fails with every problem listed when the configuration is invalid. */
export function createValidateAction() {
  return createTemplateAction({
    id: 'regcred:validate',
    description: 'Validates a container registry configuration with regcred (secrets from the task secrets).',
    schema: {
      input: registryInput,
      output: {
        registryType: (z) => z.string().describe('The registry type id'),
        registryUrl: (z) => z.string().describe('The normalized registry URL'),
        warnings: (z) =>
          z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).describe('regcred warnings'),
      },
    },
    async handler(ctx) {
      const config = registryWithSecrets(ctx.input.registry, ctx.secrets, ctx.input.secretsFrom ?? DEFAULT_SECRETS_FROM);
      const { value, warnings } = validRegistry(config);
      for (const w of warnings) ctx.logger.warn(`${w.path} ${w.code}: ${w.message}`);
      ctx.output('registryType', value.registryType);
      ctx.output('registryUrl', value.registryUrl);
      ctx.output('warnings', warnings);
    },
  });
}
