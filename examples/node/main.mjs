// Node 20+: validate a registry configuration and print its image-pull secret.
//   node examples/node/main.mjs > secret.yaml && kubectl apply -f secret.yaml
import { validateRegistry, pullSecret } from 'regcred';

const config = {
  name: 'dockerhub',
  registryType: 'docker-hub',
  username: 'alice',
  password: process.env.DOCKER_TOKEN ?? 'dckr_pat_example',
};

const report = validateRegistry(config);
if (!report.valid) {
  for (const e of report.errors) console.error(`${e.path} ${e.code}: ${e.message}`);
  process.exit(1);
}
console.log(pullSecret({ name: 'dockerhub-pull', namespace: 'apps', registries: [report.value], format: 'yaml' }));
