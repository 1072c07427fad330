// Which credential would the kubelet use for an image? Parse the reference as the container
// runtime does, then look it up in the registries a pod's pull secrets would carry.
//   DOCKER_TOKEN=... node examples/node/images.mjs ghcr.io/acme/app:1.2
import { parseImageReference, resolveCredentials } from 'regcred';

const image = process.argv[2] ?? 'nginx:1.27';
const { valid, errors, value } = parseImageReference(image);
if (!valid) {
  console.error(`${image}: ${errors[0].code} (${errors[0].message})`);
  process.exit(1);
}
console.log(`pulls ${value.pullReference}`);

const sources = [
  // A registry configuration, as the form produces it ...
  { name: 'dockerhub', registryType: 'docker-hub', username: 'alice', password: process.env.DOCKER_TOKEN },
  // ... and a .dockerconfigjson document, as a Secret holds it (object or JSON text).
  { auths: {
    'ghcr.io/acme': { username: 'acme-bot', password: 'ghp_example' },
    'ghcr.io': { username: 'me', password: 'ghp_other' },
  } },
];
const { value: credentials } = resolveCredentials(image, sources);
for (const c of credentials) console.log(`tries ${c.username} @ ${c.server} (source ${c.source})`);
if (credentials.length === 0) console.log('no credential matches: pulled anonymously');
