// The input fields every regcred action shares, as zod schemas (the scaffolder turns them into
// the JSON Schema its action list and template editor show).
import type { z as zod } from 'zod/v3';

type Z = typeof zod;

/** The registry configuration and where its secrets are. */
export const registryInput = {
  registry: (z: Z) =>
    z
      .record(z.unknown())
      .describe('The registry configuration, e.g. ${{ parameters.registry }} from a RegcredRegistry field; secret fields hold at most the *** mask'),
  secretsFrom: (z: Z) =>
    z
      .string()
      .optional()
      .describe('Prefix of the task secrets that hold the secret fields: <secretsFrom>.password, ... (default: registry)'),
};

/** The default `secretsFrom`: the parameter name the template in this repository uses. */
export const DEFAULT_SECRETS_FROM = 'registry';
