// Median microseconds per validateRegistry call on a typical configuration, measured in Node
// with the boundary crossing included (not part of `make test`).
// Run: make pkg && node bench/validate.mjs
import { validateRegistry } from 'regcred';

const configs = {
  'docker-hub': { name: 'dockerhub', registryType: 'docker-hub', registryUrl: 'https://index.docker.io/v1/', username: 'alice', password: 'dckr_pat_0123456789abcdef', isDefault: true },
  ecr: { name: 'ecr-prod', registryType: 'ecr', registryUrl: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', awsAuthType: 'user-auth', awsAccessKeyId: 'AKIAIOSFODNN7EXAMPLE', awsSecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', injection: { autoInject: ['*'] } },
  other: { name: 'harbor', registryType: 'other', registryUrl: 'https://harbor.example.com:8443/project', username: 'robot$ci', password: 'p', connection: 'insecure' },
};
const now = Date.parse('2026-01-01T00:00:00Z');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

for (const [name, config] of Object.entries(configs)) {
  if (!validateRegistry(config, { now }).valid) throw new Error(`${name} is not valid`);
  for (let i = 0; i < 2000; i++) validateRegistry(config, { now }); // warm-up
  const batch = 200;
  const samples = [];
  for (let r = 0; r < 100; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) validateRegistry(config, { now });
    samples.push(Number(process.hrtime.bigint() - t0) / 1000 / batch);
  }
  // Peer in the same run: a JSON round trip of the same object (the boundary alone).
  const peer = [];
  for (let r = 0; r < 100; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) JSON.parse(JSON.stringify(config));
    peer.push(Number(process.hrtime.bigint() - t0) / 1000 / batch);
  }
  const m = median(samples);
  console.log(`validateRegistry(${name}): median ${m.toFixed(2)} µs/call (budget 20 µs); JSON round trip of the same object ${median(peer).toFixed(2)} µs (ratio ${(m / median(peer)).toFixed(1)}x)`);
}
