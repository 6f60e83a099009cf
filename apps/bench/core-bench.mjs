// Times @lossquake/core's lossGrid against its plain reference loop on the seed's data.
// Run after `pnpm --filter @lossquake/core build`: node apps/bench/core-bench.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import {
  createGrid,
  createSchedule,
  logistic,
  lossGrid,
  lossGridReference,
  makeDataset,
} from '../../packages/core/dist/index.js';

const data = makeDataset('blobs', { n: 1000, seed: 1 });
const resolutions = [64, 128];
const batchSizes = [10, 100, 1000];

/** Median milliseconds per call, over enough runs to fill `budget` ms after a warm-up. */
function time(run, budget) {
  for (let k = 0; k < 5; k++) run(k);
  const samples = [];
  const end = performance.now() + budget;
  for (let k = 0; samples.length < 7 || (performance.now() < end && samples.length < 2000); k++) {
    const start = performance.now();
    run(k);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[samples.length >> 1], runs: samples.length };
}

function maxRelativeError(actual, expected) {
  let worst = 0;
  for (let c = 0; c < expected.length; c++) {
    const error = Math.abs(actual[c] - expected[c]) / Math.max(Math.abs(expected[c]), 1e-30);
    if (error > worst) worst = error;
  }
  return worst;
}

const results = [];
for (const size of resolutions) {
  const grid = createGrid([-20, 20, -20, 20], size);
  for (const batchSize of batchSizes) {
    // Epoch batches, as the sampler deals them; each timed call gets the next batch.
    const schedule = createSchedule(data.n, batchSize, { sampling: 'epoch', seed: 1 });
    const batches = Array.from({ length: 32 }, () => schedule.next().value.rows);
    const out = new Float32Array(size * size);
    const fast = time(
      (k) => lossGrid(logistic, data, batches[k % batches.length], grid, { out }),
      1500,
    );
    const reference = time(
      (k) => lossGridReference(logistic, data, batches[k % batches.length], grid),
      1500,
    );
    let error = 0;
    for (const rows of batches.slice(0, 8)) {
      error = Math.max(
        error,
        maxRelativeError(
          lossGrid(logistic, data, rows, grid).values,
          lossGridReference(logistic, data, rows, grid).values,
        ),
      );
    }
    const evaluations = size * size * batchSize;
    results.push({
      resolution: size,
      batchSize,
      lossGridMs: fast.ms,
      lossGridRuns: fast.runs,
      referenceMs: reference.ms,
      referenceRuns: reference.runs,
      speedup: reference.ms / fast.ms,
      lossGridEvaluationsPerSecond: evaluations / (fast.ms / 1000),
      referenceEvaluationsPerSecond: evaluations / (reference.ms / 1000),
      maxRelativeError: error,
    });
  }
}

const fmt = (v, digits = 3) => v.toPrecision(digits);
const lines = [
  '| resolution | batch | lossGrid ms | evals/s | lossGridReference ms | evals/s | speed-up | max rel. error |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map(
    (r) =>
      `| ${r.resolution} | ${r.batchSize} | ${fmt(r.lossGridMs)} | ${fmt(r.lossGridEvaluationsPerSecond)} | ${fmt(r.referenceMs)} | ${fmt(r.referenceEvaluationsPerSecond)} | ${r.speedup.toFixed(1)}× | ${r.maxRelativeError.toExponential(1)} |`,
  ),
];
const environment = {
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  loadAverage: loadavg()[0],
  date: new Date().toISOString(),
};
console.log(
  `lossGrid vs lossGridReference — blobs n=1000, grid [-20, 20]², epoch batches, median ms (${environment.node}, ${environment.cpu}, ${environment.cores} cores, load ${environment.loadAverage.toFixed(1)})\n`,
);
console.log(lines.join('\n'));

const dir = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(dir, { recursive: true });
writeFileSync(
  `${dir}core.json`,
  `${JSON.stringify({ benchmark: 'core lossGrid', data: 'blobs n=1000 seed=1', extent: [-20, 20, -20, 20], environment, results }, null, 2)}\n`,
);
