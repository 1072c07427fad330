// Images: parseImageReference per call against @swimlane/docker-reference (a JavaScript port of
// docker/distribution's reference parser, regular expressions), and resolveCredentials over 100
// sources (no JavaScript implementation of the kubelet's keyring exists to compare with; the
// budget is absolute). Run on its own with `node bench/images.mjs [--quick]`, or from run.mjs.
import { parseFamiliarName } from '@swimlane/docker-reference';
import { parseImageReference, resolveCredentials } from 'regcred';
import { median, perCallMicros, round } from './lib.mjs';

export const IMAGES = ['nginx', 'nginx:1.27', 'ghcr.io/acme/app:v1.2.3', 'registry.example.com:5000/team/sub/app@sha256:' + 'a'.repeat(64),
  'quay.io/org/repo:latest', 'library/busybox', '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/api:2026-11-29'];

/** 100 `.dockerconfigjson` documents, 1-3 entries each, on 40 hosts (some with paths, globs, ports). */
export function hundredDocuments() {
  return Array.from({ length: 100 }, (_, i) => ({ auths: Object.fromEntries([
    [`registry${i % 40}.example.com`, { username: `user${i}`, password: `pw${i}` }],
    ...(i % 3 === 0 ? [[`https://registry${i % 40}.example.com/v1/`, { auth: Buffer.from(`u${i}:p`).toString('base64') }]] : []),
    ...(i % 5 === 0 ? [[`*.example.com/team${i}`, { username: `glob${i}`, password: 'x' }]] : []),
  ]) }));
}

/** 100 registry configurations (validated and normalized per source, as the function does). */
export function hundredConfigs() {
  return Array.from({ length: 100 }, (_, i) => ({ name: `reg-${i}`, registryType: 'other',
    registryUrl: `registry${i % 40}.example.com`, username: `user${i}`, password: `pw-${i}` }));
}

export function benchImages({ quick = false } = {}) {
  for (const image of IMAGES) {
    const ours = parseImageReference(image).value;
    const peer = parseFamiliarName(image);
    if (ours.domain !== peer.domain || ours.path !== peer.repository) throw new Error(`peers disagree on ${image}`);
  }
  const opts = quick ? { batches: 15, perBatch: 200, warmup: 2000 } : { batches: 40, perBatch: 500, warmup: 5000 };
  let i = 0;
  const r = [];
  const p = [];
  for (let k = 0; k < 3; k++) {
    r.push(perCallMicros(() => parseImageReference(IMAGES[i++ % IMAGES.length]), opts));
    p.push(perCallMicros(() => parseFamiliarName(IMAGES[i++ % IMAGES.length]), opts));
  }
  const parse = { regcredUs: round(median(r)), swimlaneUs: round(median(p)), budgetUs: 2 };
  parse.ratio = round(parse.swimlaneUs / parse.regcredUs, 2);

  const docs = hundredDocuments();
  const configs = hundredConfigs();
  const image = 'registry7.example.com/team7/app:1';
  if (resolveCredentials(image, docs).value.length === 0) throw new Error('no match in the documents');
  const slow = { batches: quick ? 10 : 20, perBatch: quick ? 20 : 50, warmup: 100 };
  // Documents: a warm-up long enough for the JIT (the packing is JavaScript: after 100 calls,
  // on a loaded machine, some batches still ran before it was optimized).
  const warm = { batches: quick ? 10 : 20, perBatch: quick ? 50 : 100, warmup: quick ? 500 : 2000 };
  const resolve = {
    documentsUs: round(perCallMicros(() => resolveCredentials(image, docs), warm)),
    configsUs: round(perCallMicros(() => resolveCredentials(image, configs), slow)),
    budgetUs: 50,
  };
  return { parseImageReference: parse, resolveCredentials: resolve, images: IMAGES.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(benchImages({ quick: process.argv.includes('--quick') }), null, 2));
}
