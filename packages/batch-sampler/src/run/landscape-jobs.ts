// Landscape computations, whole (in a worker, or when small) or cut into slices of rows for the
// main-thread fallback, which yields between slices so no task runs long; and the worker pool's tasks.
import {
  accumulateLossGrid,
  createLandscape,
  getModel,
  lossGrid,
  perSampleVariance,
  perSampleVarianceJob,
  type Dataset,
  type Grid,
  type Landscape,
  type Model,
} from '@lossquake/core';
import { gpuLossGrid, gpuPerSampleVariance } from './landscape-backend.js';
import { tableBandTask } from './table-jobs.js';
import type { PoolTask } from './worker-pool.js';

/** The full-data landscape and, per cell, the population variance of the single-sample losses (σ²). */
export interface FullLandscapes {
  full: Landscape;
  sigma2: Landscape;
}

/** Exactly core's lossGrid(model, data, 'all', grid) and perSampleVariance(model, data, grid). */
export function computeFull(model: Model, data: Dataset, grid: Grid): FullLandscapes {
  return { full: lossGrid(model, data, 'all', grid), sigma2: perSampleVariance(model, data, grid) };
}

export { gpuLossGrid };

/** computeFull on the GPU, where the start-up measurement chose it; null where the CPU computes it. */
export function gpuFull(model: Model, data: Dataset, grid: Grid): FullLandscapes | null {
  const full = gpuLossGrid(model, data, 'all', grid);
  const sigma2 = full && gpuPerSampleVariance(model, data, grid);
  return full && sigma2 && { full, sigma2 };
}

/** About how many loss evaluations one slice does: a few milliseconds. */
const SLICE_WORK = 300_000;

function rowsPerSlice(grid: Grid): number {
  return Math.max(1, Math.floor(SLICE_WORK / (grid.size * grid.size)));
}

/**
 * The mean loss of `rows` over `grid`, yielding between slices of rows. Core's fast path tunes its
 * cut-offs to the rows it is given, so slices agree with one lossGrid call to its 1e-6, not bit for bit.
 */
export function* batchLandscapeJob(
  model: Model,
  data: Dataset,
  rows: ArrayLike<number>,
  grid: Grid,
): Generator<void, Landscape> {
  const cells = grid.size * grid.size;
  const sums = new Float64Array(cells);
  const slice = rowsPerSlice(grid);
  const indices = Uint32Array.from(rows);
  for (let start = 0; start < indices.length; start += slice) {
    accumulateLossGrid(model, data, indices.subarray(start, start + slice), grid, sums);
    if (start + slice < indices.length) yield;
  }
  const scale = 1 / indices.length;
  return createLandscape(
    grid,
    Float32Array.from(sums, (sum) => sum * scale),
  );
}

/** `computeFull` in slices: the full landscape as batchLandscapeJob of every row, σ² by Welford over rows. */
export function* fullLandscapeJob(
  model: Model,
  data: Dataset,
  grid: Grid,
): Generator<void, FullLandscapes> {
  const all = new Uint32Array(data.n);
  for (let r = 0; r < data.n; r++) all[r] = r;
  const full: Landscape = yield* batchLandscapeJob(model, data, all, grid);
  const sigma2 = yield* perSampleVarianceJob(model, data, grid, rowsPerSlice(grid));
  return { full, sigma2 };
}

/** The mean loss of `rows` over `grid` (core's lossGrid), as the worker pool runs it. */
export interface BatchLandscapeMessage {
  task: 'landscape-batch';
  model: string;
  data: Dataset;
  rows: Uint32Array;
  grid: Grid;
}

/** The full landscape and σ² (computeFull), as the worker pool runs it. */
export interface FullLandscapeMessage {
  task: 'landscape-full';
  model: string;
  data: Dataset;
  grid: Grid;
}

const batchTask: PoolTask<BatchLandscapeMessage, Landscape> = {
  whole: ({ model, data, rows, grid }) => {
    const result = lossGrid(getModel(model), data, rows, grid);
    return { result, transfer: [result.values.buffer] };
  },
  sliced: ({ model, data, rows, grid }) => batchLandscapeJob(getModel(model), data, rows, grid),
};

const fullTask: PoolTask<FullLandscapeMessage, FullLandscapes> = {
  whole: ({ model, data, grid }) => {
    const result = computeFull(getModel(model), data, grid);
    return { result, transfer: [result.full.values.buffer, result.sigma2.values.buffer] };
  },
  sliced: ({ model, data, grid }) => fullLandscapeJob(getModel(model), data, grid),
};

/** The tasks the landscape worker serves, by the name each message carries. */
export const landscapeTasks = {
  'landscape-batch': batchTask,
  'landscape-full': fullTask,
  'row-table': tableBandTask,
};
