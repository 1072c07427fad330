// The Backstage-scaffolder side of the portal example, in Node: template parameters with the
// scaffolder's `Secret` field, and field-extension validation functions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as regcred from 'regcred';

const load = () => import('../../examples/portal/src/scaffolder.js');

/** What the scaffolder passes as `validation`: collects messages. */
function collector() {
  const errors = [];
  return { errors, addError: (m) => errors.push(m) };
}

test('scaffolder parameters: secrets use the Secret field, never a password widget', async () => {
  const { scaffolderParameters, SECRET_FIELDS } = await load();
  const params = scaffolderParameters();
  for (const key of SECRET_FIELDS) {
    assert.equal(params.properties[key]['ui:field'], 'Secret', key);
    assert.equal(params.properties[key]['ui:widget'], undefined, key);
  }
  assert.equal(params.properties.registryUrl.type, 'string');
  assert.deepEqual(params.required, regcred.registrySchema().required);
});

test('scaffolder field validation: validateField messages for the chosen registry type', async () => {
  const { registryUrlFieldExtension } = await load();
  const bad = collector();
  await registryUrlFieldExtension.validation('12345.dkr.ecr.us-east-1.amazonaws.com', bad, { formData: { registryType: 'ecr' } });
  assert.deepEqual(bad.errors, regcred.validateField('ecr', 'registryUrl', '12345.dkr.ecr.us-east-1.amazonaws.com').errors.map((e) => e.message));
  assert.ok(bad.errors.length > 0);
  const good = collector();
  await registryUrlFieldExtension.validation('123456789012.dkr.ecr.us-east-1.amazonaws.com', good, { formData: { registryType: 'ecr' } });
  assert.deepEqual(good.errors, []);
});

test('scaffolder credential check: verifyCredentials through the given fetch, secrets from getSecrets', async () => {
  const { credentialsValidation } = await load();
  const seen = [];
  // The scaffolder's fetch would be a backend proxy; here one that records and answers 401.
  const fetch = async (input, init) => {
    seen.push({ url: String(input?.url ?? input), auth: new Headers(init?.headers ?? input?.headers).get('authorization') });
    return new Response('{}', { status: 401, headers: { 'www-authenticate': 'Basic realm="registry"' } });
  };
  const validation = credentialsValidation({ fetch, getSecrets: () => ({ password: 'wrong-token' }) });
  const v = collector();
  await validation('registry.example.com', v, { formData: { name: 'corp', registryType: 'other', username: 'ci' } });
  assert.ok(seen.length > 0 && seen[0].url.startsWith('https://registry.example.com/v2/'), JSON.stringify(seen));
  assert.equal(v.errors.length, 1);
  assert.doesNotMatch(v.errors[0], /wrong-token/);
});
