// Small timing helpers shared by the benchmarks: medians over batches, ratios against a peer
// measured in the same process and run.
import { performance } from 'node:perf_hooks';

/** Median of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median microseconds per call of `fn`, over `batches` batches of `perBatch` calls after a warm-up. */
export function perCallMicros(fn, { batches = 30, perBatch = 200, warmup = 500 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < perBatch; i++) fn();
    samples.push(((performance.now() - t0) * 1000) / perBatch);
  }
  return median(samples);
}

/** Median milliseconds of one call of `fn` (for heavier work such as a whole CA bundle). */
export function perRunMillis(fn, { runs = 15, warmup = 3 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

export const round = (x, digits = 2) => Number(x.toFixed(digits));
