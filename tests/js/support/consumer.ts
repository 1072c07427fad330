// A TypeScript consumer of the package, compiled with `tsc --strict` by packaging.test.mjs.
// It uses every exported declaration the way an application would.
import {
  registryTypes,
  registrySchema,
  registryUiSchema,
  RegcredError,
  init,
  type RegistryConfig,
  type RegistryTypeInfo,
  type Report,
  type Issue,
} from 'regcred';

await init();
const types: RegistryTypeInfo[] = registryTypes();
const ecr = types.find((t) => t.id === 'ecr');
const labels: string[] = types.map((t) => t.label);
const required: string[] = ecr ? ecr.fields.filter((f) => f.required).map((f) => f.key) : [];
const schema: Record<string, unknown> = registrySchema();
const ui: Record<string, unknown> = registryUiSchema();

const config: RegistryConfig = {
  name: 'my-ecr',
  registryType: 'ecr',
  registryUrl: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
  awsAuthType: 'user-auth',
  connection: 'secure',
};

function describe(report: Report<unknown>): string {
  const first: Issue | undefined = report.errors[0];
  return report.valid ? 'ok' : `${first?.path ?? ''}: ${first?.code ?? ''}`;
}

try {
  throw new RegcredError('argument.type', 'demo');
} catch (e) {
  if (e instanceof RegcredError) {
    const code: string = e.code;
    const issues: Issue[] | undefined = e.errors;
    console.log(code, issues?.length ?? 0);
  }
}

export { labels, required, schema, ui, config, describe };
