// Misuse gives the same code from every export (wasm/src/args.rs, ARCHITECTURE.md, "Errors"):
// `argument.missing` for a required argument or option that is absent, `argument.type` for
// options that are not an object and for arguments or option values of the wrong type. One row
// per export; a new export without a row fails the first test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as regcred from 'regcred';

const cfg = { name: 'hub', registryType: 'docker-hub', registryUrl: 'docker.io', username: 'u', password: 'p' };
const entries = [{ server: 'registry.example.com', username: 'u', password: 'p' }];
const fetch = async () => new Response('', { status: 200 });
const request = { name: 'pull', registries: entries, format: 'json' };

// valid: arguments that work. options: the index of the options argument (if any) and one of
// its options with a wrong-typed value. missing: calls whose required argument or option is
// absent. wrongType: calls with a required argument of the wrong type.
const rows = {
  registryTypes: { valid: [] },
  registrySchema: { valid: [], wrongType: [[5]] },
  registryUiSchema: { valid: [], wrongType: [[{}]] },
  // The configuration is what a person typed: any value (even none) is checked into a Report.
  validateRegistry: { valid: [cfg], options: [1, { now: {} }] },
  validateField: {
    valid: ['docker-hub', 'name', 'hub'], options: [3, { now: [] }],
    missing: [[], ['docker-hub'], [null, 'name', 'x']], wrongType: [[5, 'name', 'x'], ['docker-hub', true, 'x']],
  },
  parseEcrUrl: { valid: ['123456789012.dkr.ecr.us-east-1.amazonaws.com'], missing: [[]], wrongType: [[5]] },
  parseServiceAccountKey: { valid: ['{}'], missing: [[]], wrongType: [[{}]] },
  inspectCertificates: { valid: [''], options: [1, { requireCa: 'yes' }], missing: [[]], wrongType: [[5]] },
  dockerConfigJson: { valid: [entries], options: [1, { goEscaping: 'yes' }], missing: [[]], wrongType: [['nope'], [{}]] },
  dockerConfigFile: { valid: [entries], options: [1, { credHelpers: 1 }], missing: [[]], wrongType: [['nope']] },
  pullSecret: { valid: [request], options: [0, { ...request, appendHash: 'yes' }], missing: [[]], wrongType: [['nope']] },
  injectionPlan: { valid: [cfg, []], options: [2, { secretNaming: 5 }], missing: [[], [cfg]], wrongType: [[5, []], [cfg, 5]] },
  helmValuesPatch: { valid: [cfg, { id: 1 }], options: [2, { secretNaming: 5 }], missing: [[], [cfg]], wrongType: [[5, { id: 1 }]] },
  toDevtronPayload: { valid: [cfg], options: [1, { mode: 5 }], missing: [[]], wrongType: [[5]] },
  fromDevtronPayload: { valid: [{}], missing: [[]] },
  parseImageReference: { valid: ['nginx'], options: [1, { normalize: 'yes' }], missing: [[]], wrongType: [[5]] },
  resolveCredentials: { valid: ['nginx', []], missing: [[], ['nginx']], wrongType: [[5, []], ['nginx', 5]] },
  verifyCredentials: {
    valid: null, options: [1, { fetch, allowPrivateNetworks: 'yes' }],
    missing: [[cfg], [cfg, {}], [undefined, { fetch }]], wrongType: [[5, { fetch }], [cfg, { fetch: 5 }]],
  },
  verifyAccess: {
    valid: null, options: [1, { fetch, repository: 'library/nginx', probeWrite: 'yes' }],
    missing: [[cfg], [cfg, { fetch }], [null, { fetch, repository: 'x' }]],
    wrongType: [[cfg, { fetch, repository: 5 }], [cfg, { fetch, repository: 'x', actions: 'pull' }]],
  },
  ecrAuthorizationToken: { valid: null, options: [1, { fetch, now: {} }], missing: [[cfg], [cfg, { fetch: null }]], wrongType: [[[], { fetch }]] },
};

/** The code a call throws or rejects with (`undefined` when it succeeds). */
async function codeOf(name, args) {
  try {
    await regcred[name](...args);
    return undefined;
  } catch (e) {
    assert.ok(e instanceof regcred.RegcredError, `${name}: a RegcredError, not ${e}`);
    return e.code;
  }
}

test('every export has a row', () => {
  const exports = Object.keys(regcred).filter((k) => typeof regcred[k] === 'function' && !['RegcredError', 'init'].includes(k));
  assert.deepEqual(exports.filter((k) => !rows[k]), []);
});

test('the valid calls work (the rows test what they claim)', async () => {
  for (const [name, row] of Object.entries(rows)) {
    if (row.valid) assert.equal(await codeOf(name, row.valid), undefined, name);
  }
});

test('options that are not an object: argument.type from every export that takes options', async () => {
  for (const [name, row] of Object.entries(rows)) {
    if (!row.options) continue;
    const [at] = row.options;
    for (const bad of [5, 'opts', true]) {
      const args = [...(row.valid ?? [cfg])];
      args[at] = bad;
      assert.equal(await codeOf(name, args), 'argument.type', `${name} with options ${JSON.stringify(bad)}`);
    }
  }
});

test('an option value of the wrong type: argument.type', async () => {
  for (const [name, row] of Object.entries(rows)) {
    if (!row.options) continue;
    const [at, options] = row.options;
    const args = [...(row.valid ?? [cfg])];
    args[at] = options;
    assert.equal(await codeOf(name, args), 'argument.type', `${name} with ${Object.keys(options).join(', ')}`);
  }
});

test('a required argument or option left out: argument.missing', async () => {
  for (const [name, row] of Object.entries(rows)) {
    for (const args of row.missing ?? []) {
      assert.equal(await codeOf(name, args), 'argument.missing', `${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`);
    }
  }
});

test('a required argument of the wrong type: argument.type', async () => {
  for (const [name, row] of Object.entries(rows)) {
    for (const args of row.wrongType ?? []) {
      assert.equal(await codeOf(name, args), 'argument.type', `${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`);
    }
  }
});
