// A scaffolder action context for tests, typed as the scaffolder's own `ActionContext` (so tsc
// keeps it honest): a real workspace directory, the task secrets, a logger and the outputs, both
// recorded for the test to search for leaked secrets.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ActionContext, TemplateAction } from '@backstage/plugin-scaffolder-node';
import type { JsonObject, JsonValue } from '@backstage/types';

/** What one action run did: its outputs and every log line (message and metadata). */
export interface ActionRun {
  outputs: Record<string, JsonValue>;
  logs: string[];
  error?: Error;
}

function recordingLogger(logs: string[]): LoggerService {
  const log = (level: string) => (message: string, meta?: Error | JsonObject) => {
    logs.push(`${level} ${message}${meta ? ` ${JSON.stringify(meta)}` : ''}`);
  };
  const logger: LoggerService = {
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    child: () => logger,
  };
  return logger;
}

/** Runs `action` as the scaffolder would: with `input`, `secrets` and `workspacePath`. Never throws;
 * a failure is `run.error`. */
export async function runAction(
  action: TemplateAction<any, any, any>,
  { input, secrets = {}, workspacePath }: { input: JsonObject; secrets?: Record<string, string>; workspacePath: string },
): Promise<ActionRun> {
  const run: ActionRun = { outputs: {}, logs: [] };
  const ctx: ActionContext<JsonObject, JsonObject> = {
    logger: recordingLogger(run.logs),
    secrets,
    workspacePath,
    input,
    checkpoint: async ({ fn }) => fn(),
    output(name, value) {
      if (value !== undefined) run.outputs[String(name)] = value;
    },
    createTemporaryDirectory: () => mkdtemp(join(tmpdir(), 'regcred-action-')),
    getInitiatorCredentials: () => Promise.reject(new Error('no initiator in tests')),
    task: { id: 'regcred-test-task' },
  };
  try {
    await action.handler(ctx);
  } catch (e) {
    run.error = e as Error;
  }
  return run;
}
