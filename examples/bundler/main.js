// The same program in every host and bundler: import by name, call, print one line of JSON.
import { registryTypes, validateRegistry, pullSecret, RegcredError } from 'regcred';

const types = registryTypes().map((t) => t.id).join();
const config = { name: 'hub', registryType: 'docker-hub', username: 'alice', password: 'dckr_pat_example' };
const report = validateRegistry(config);
const secret = pullSecret({ name: 'hub-pull', registries: [report.value], format: 'json' });
let error;
try {
  pullSecret({ name: 'Not a name', registries: [report.value], format: 'json' });
} catch (e) {
  error = e instanceof RegcredError ? `${e.name} ${e.code}` : String(e);
}
console.log(JSON.stringify({ types, valid: report.valid, secret, error }));
