// regcred:pull-secret — writes the registry's image-pull Secret manifest (or a docker
// config.json) into the task workspace, readable by the backend's user only (mode 0600). The
// file holds the credentials: never pass its content into an output, a log or a publish:* step.
import { mkdir, writeFile, chmod } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { dockerConfigFile, pullSecret } from 'regcred';
import { DEFAULT_SECRETS_FROM, registryInput } from './registryInput';
import { registryWithSecrets, validRegistry } from './taskRegistry';

/** What the action can write. */
const FORMATS = ['yaml', 'json', 'config.json'] as const;

/** The `regcred:pull-secret` action. Fails when the configuration is invalid or the path leaves the workspace. */
export function createPullSecretAction() {
  return createTemplateAction({
    id: 'regcred:pull-secret',
    description:
      'Writes a kubernetes.io/dockerconfigjson Secret manifest (YAML or JSON) or a docker config.json for a registry into the workspace, mode 0600.',
    schema: {
      input: {
        ...registryInput,
        name: (z) => z.string().describe('The Secret name (metadata.name)'),
        namespace: (z) => z.string().optional().describe('The Secret namespace'),
        format: (z) => z.enum(FORMATS).optional().describe('yaml (default), json, or config.json (a docker config file)'),
        path: (z) =>
          z.string().optional().describe('Where to write, relative to the workspace (default: <name>.yaml, <name>.json or config.json)'),
        appendHash: (z) => z.boolean().optional().describe('Append a hash of the content to the name, as kubectl --append-hash does'),
        labels: (z) => z.record(z.string()).optional().describe('metadata.labels'),
        annotations: (z) => z.record(z.string()).optional().describe('metadata.annotations'),
      },
      output: {
        path: (z) => z.string().describe('The written file, relative to the workspace'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const config = registryWithSecrets(input.registry, ctx.secrets, input.secretsFrom ?? DEFAULT_SECRETS_FROM);
      const { value } = validRegistry(config);
      const format = input.format ?? 'yaml';
      const text =
        format === 'config.json'
          ? dockerConfigFile([value])
          : pullSecret({
              name: input.name,
              namespace: input.namespace,
              registries: [value],
              format,
              appendHash: input.appendHash,
              labels: input.labels,
              annotations: input.annotations,
            });
      const target = resolveSafeChildPath(ctx.workspacePath, input.path ?? defaultPath(input.name, format));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text, { mode: 0o600 });
      // writeFile's mode applies only to a new file; an existing one keeps its own.
      await chmod(target, 0o600);
      const path = relative(ctx.workspacePath, target);
      ctx.logger.info(`regcred:pull-secret wrote ${path} (mode 0600)`);
      ctx.output('path', path);
    },
  });
}

function defaultPath(name: string, format: (typeof FORMATS)[number]): string {
  return format === 'config.json' ? 'config.json' : `${name}.${format}`;
}
