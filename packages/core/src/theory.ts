// The quake predicted: how much a batch mean varies, from the per-sample variance and the sampling.

import { checkGrid } from './grid.js';
import { accumulateLossGrid, createLandscape } from './landscape.js';
import type { Model } from './model.js';
import type { Dataset, Grid, Landscape, Sampling } from './types.js';

/**
 * The variance of a mean of B of N values whose population variance is σ²: σ²/B drawn with
 * replacement; σ²/B·(N − B)/(N − 1) without (finite-population correction), which is how each
 * batch of a shuffled epoch is drawn; 0 for the full batch. 'sequential' batches are fixed slices
 * of the data's order: if that order is exchangeable, they vary as epoch batches do.
 */
export function batchMeanVariance(
  sigma2: number,
  batchSize: number,
  n: number,
  sampling: Sampling,
): number {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`batchMeanVariance: n must be a positive integer, got ${n}`);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > n) {
    throw new RangeError(
      `batchMeanVariance: batch size must be an integer from 1 to ${n}, got ${batchSize}`,
    );
  }
  switch (sampling) {
    case 'replacement':
      return sigma2 / batchSize;
    case 'epoch':
    case 'sequential':
      return n === 1 ? 0 : ((sigma2 / batchSize) * (n - batchSize)) / (n - 1);
    case 'full':
      return 0;
  }
}

/**
 * Per grid point, the population variance of the single-sample losses over all rows: the σ² that
 * `batchMeanVariance` scales down. Welford over rows, one single-sample landscape at a time.
 */
export function perSampleVariance(model: Model, data: Dataset, grid: Grid): Landscape {
  const job = perSampleVarianceJob(model, data, grid);
  let step = job.next();
  while (!step.done) step = job.next();
  return step.value;
}

/**
 * `perSampleVariance` as a resumable job: it pauses (yields) after every `rowsPerPause` rows, so a
 * caller on the main thread can spread the work over several tasks.
 */
export function* perSampleVarianceJob(
  model: Model,
  data: Dataset,
  grid: Grid,
  rowsPerPause = Infinity,
): Generator<void, Landscape> {
  checkGrid(grid);
  const cells = grid.size * grid.size;
  const loss = new Float64Array(cells);
  const mean = new Float64Array(cells);
  const m2 = new Float64Array(cells);
  const row = new Uint32Array(1);
  for (let r = 0; r < data.n; r++) {
    row[0] = r;
    loss.fill(0);
    accumulateLossGrid(model, data, row, grid, loss);
    const k = r + 1;
    for (let c = 0; c < cells; c++) {
      const delta = loss[c]! - mean[c]!;
      mean[c]! += delta / k;
      m2[c]! += delta * (loss[c]! - mean[c]!);
    }
    if (k % rowsPerPause === 0 && k < data.n) yield;
  }
  const values = new Float32Array(cells);
  for (let c = 0; c < cells; c++) values[c] = m2[c]! / data.n;
  return createLandscape(grid, values);
}

/**
 * The quake magnitude theory predicts: sqrt of the mean over grid points of the batch mean's
 * variance, from `perSampleVariance`. Comparable to `quakeMagnitude` (and the accumulator's).
 */
export function theoreticalQuake(
  sigma2: Landscape,
  batchSize: number,
  n: number,
  sampling: Sampling,
): number {
  const values = sigma2.values;
  let sum = 0;
  for (let c = 0; c < values.length; c++)
    sum += batchMeanVariance(values[c]!, batchSize, n, sampling);
  return Math.sqrt(sum / values.length);
}
