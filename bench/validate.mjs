// Median microseconds per validateRegistry call on a typical configuration, measured in Node
// with the boundary crossing included (not part of `make test`).
// Run: make pkg && node bench/validate.mjs (`make bench` measures it against ajv in bench/run.mjs)
import { validateRegistry } from 'regcred';
import { configs, now } from './configs.mjs';

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
