// Numbers the docs show that are computed once at build time with @lossquake/core: the quake measured
// against theory, and the frames file that the "landscapes from elsewhere" section plays.
import {
  createGrid,
  createSchedule,
  logistic,
  lossGrid,
  makeDataset,
  perSampleVariance,
  quakeMagnitude,
  theoreticalQuake,
} from '@lossquake/core';

/** The seed's setting: 1000 blob points, logistic regression, weights in [-20, 20]². */
const ROWS = 1000;
const SEED = 1;
const EXTENT = [-20, 20, -20, 20];

/**
 * The quake's magnitude (RMS over the grid of batch landscape − full landscape) measured on real
 * batches for each batch size, with and without replacement, beside what theory predicts from the
 * per-sample variance σ²: σ²/B, and σ²/B·(N−B)/(N−1) for batches dealt from a shuffled epoch.
 */
export function measureQuake({
  batchSizes = [1, 2, 5, 10, 20, 50, 100, 200, 500],
  batches = 120,
  size = 24,
} = {}) {
  const data = makeDataset('blobs', { n: ROWS, seed: SEED });
  const grid = createGrid(EXTENT, size);
  const full = lossGrid(logistic, data, 'all', grid);
  const sigma2 = perSampleVariance(logistic, data, grid);
  const measure = (batchSize, sampling) => {
    const schedule = createSchedule(ROWS, batchSize, { sampling, seed: SEED, dropLast: true });
    const landscapes = [];
    for (let k = 0; k < batches; k++)
      landscapes.push(lossGrid(logistic, data, schedule.next().value.rows, grid));
    return quakeMagnitude(full, landscapes);
  };
  const rows = batchSizes.map((batchSize) => ({
    batchSize,
    measuredReplacement: measure(batchSize, 'replacement'),
    measuredEpoch: measure(batchSize, 'epoch'),
    theoryReplacement: theoreticalQuake(sigma2, batchSize, ROWS, 'replacement'),
    theoryEpoch: theoreticalQuake(sigma2, batchSize, ROWS, 'epoch'),
  }));
  return {
    rows: ROWS,
    seed: SEED,
    extent: EXTENT,
    gridSize: size,
    batchesPerPoint: batches,
    results: rows,
  };
}

/**
 * A frames file in the `src` format: twelve mini-batch landscapes of the moons data set (batch size
 * 16), rounded to 4 significant digits to keep the file small.
 */
export function writeFrames({ frames = 12, size = 41, batchSize = 16 } = {}) {
  const data = makeDataset('moons', { n: 400, seed: 3 });
  const grid = createGrid([-8, 8, -8, 8], size);
  const schedule = createSchedule(data.n, batchSize, { seed: 3 });
  const out = [];
  for (let k = 0; k < frames; k++) {
    const landscape = lossGrid(logistic, data, schedule.next().value.rows, grid);
    out.push({ values: Array.from(landscape.values, (v) => Number(v.toPrecision(4))) });
  }
  return { grid: { w1: grid.w1, w2: grid.w2, size }, frames: out };
}
