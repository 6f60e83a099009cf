// Loss landscapes: a batch's mean loss at every point of a weight grid.

import { featureCount } from './dataset.js';
import { valueRange } from './lookup.js';
import { checkGrid, gridCoordinate } from './grid.js';
import type { Model } from './model.js';
import { resolveRows } from './rows.js';
import type { Dataset, Grid, Landscape, Rows, Vec2 } from './types.js';

export interface LossGridOptions {
  /** Receives the values (length size²) instead of a new array, so animation frames need not allocate. */
  out?: Float32Array;
}

/** A landscape from values already computed, with their min and max. */
export function createLandscape(grid: Grid, values: Float32Array): Landscape {
  if (values.length !== grid.size * grid.size) {
    throw new RangeError(
      `a ${grid.size}×${grid.size} landscape needs ${grid.size ** 2} values, got ${values.length}`,
    );
  }
  const [min, max] = valueRange(values);
  return { grid, values, min, max };
}

/**
 * Row r's loss at (w1, w2): through the model's row-indexed member when it has one (any number of
 * features), else through `loss` on the row's two features.
 */
function rowLoss(model: Model, data: Dataset, r: number, w1: number, w2: number): number {
  if (model.rowLoss) return model.rowLoss(data, r, w1, w2);
  return model.loss(data.x[2 * r]!, data.x[2 * r + 1]!, data.y[r]!, w1, w2);
}

/** Row r's gradient at (w1, w2) into `out`, as `rowLoss` chooses. */
function rowGradient(
  model: Model,
  data: Dataset,
  r: number,
  w1: number,
  w2: number,
  out: Float64Array,
): Float64Array {
  if (model.rowGradient) return model.rowGradient(data, r, w1, w2, out);
  return model.gradient(data.x[2 * r]!, data.x[2 * r + 1]!, data.y[r]!, w1, w2, out);
}

/** Throws unless the model can read the data's rows: `loss(x1, x2, …)` takes exactly two features. */
function checkFeatures(model: Model, data: Dataset): void {
  const d = featureCount(data);
  if (d !== 2 && !model.rowLoss) {
    throw new RangeError(
      `the ${model.name} model needs exactly 2 features per row, the data has ${d}`,
    );
  }
}

/**
 * The plain definition, kept as the oracle for `lossGrid`: for every grid point, the mean of
 * `model.loss` over the rows.
 */
export function lossGridReference(model: Model, data: Dataset, rows: Rows, grid: Grid): Landscape {
  checkGrid(grid);
  checkFeatures(model, data);
  const indices = resolveRows(data, rows);
  const { size } = grid;
  const values = new Float32Array(size * size);
  for (let j = 0; j < size; j++) {
    const w2 = gridCoordinate(grid.w2, j, size);
    for (let i = 0; i < size; i++) {
      const w1 = gridCoordinate(grid.w1, i, size);
      let sum = 0;
      for (let k = 0; k < indices.length; k++) {
        sum += rowLoss(model, data, indices[k]!, w1, w2);
      }
      values[j * size + i] = Math.min(sum / indices.length, MAX_LOSS);
    }
  }
  return createLandscape(grid, values);
}

/**
 * Adds every row's loss at every grid point into `sums` (float64, so a thousand rows lose nothing
 * before the one rounding to float32), through the model's fast path when it has one.
 */
export function accumulateLossGrid(
  model: Model,
  data: Dataset,
  rows: ArrayLike<number>,
  grid: Grid,
  sums: Float64Array,
): void {
  checkFeatures(model, data);
  if (model.accumulateGrid) {
    model.accumulateGrid(data, rows, grid, sums);
    return;
  }
  const { size } = grid;
  for (let j = 0; j < size; j++) {
    const w2 = gridCoordinate(grid.w2, j, size);
    for (let i = 0; i < size; i++) {
      const w1 = gridCoordinate(grid.w1, i, size);
      let sum = 0;
      for (let k = 0; k < rows.length; k++) sum += rowLoss(model, data, rows[k]!, w1, w2);
      sums[j * size + i]! += sum;
    }
  }
}

/**
 * The largest float32. Losses beyond it (weights of 1e38 and more) are stored as it, not as
 * Infinity, so a landscape is always drawable.
 */
export const MAX_LOSS = 3.4028234663852886e38;

let scratch = new Float64Array(0);

/** The mean loss of `rows` at every point of `grid`: what one frame of a quake shows. */
export function lossGrid(
  model: Model,
  data: Dataset,
  rows: Rows,
  grid: Grid,
  options: LossGridOptions = {},
): Landscape {
  checkGrid(grid);
  const indices = resolveRows(data, rows);
  const cells = grid.size * grid.size;
  const values = options.out ?? new Float32Array(cells);
  if (values.length !== cells)
    throw new RangeError(`out must have ${cells} values, got ${values.length}`);
  // One shared float64 buffer: lossGrid is synchronous, so no two calls ever use it at once.
  if (scratch.length < cells) scratch = new Float64Array(cells);
  const sums = scratch.subarray(0, cells);
  sums.fill(0);
  accumulateLossGrid(model, data, indices, grid, sums);
  const scale = 1 / indices.length;
  for (let c = 0; c < cells; c++) values[c] = Math.min(sums[c]! * scale, MAX_LOSS);
  return createLandscape(grid, values);
}

/** The mean loss of `rows` at weights `w`. */
export function batchLoss(model: Model, data: Dataset, rows: Rows, w: Vec2): number {
  checkFeatures(model, data);
  const indices = resolveRows(data, rows);
  let sum = 0;
  for (let k = 0; k < indices.length; k++) sum += rowLoss(model, data, indices[k]!, w[0], w[1]);
  return sum / indices.length;
}

/** The mean gradient of `rows` at weights `w`: the direction SGD steps against. */
export function batchGradient(model: Model, data: Dataset, rows: Rows, w: Vec2): [number, number] {
  checkFeatures(model, data);
  const indices = resolveRows(data, rows);
  const g = new Float64Array(2);
  let g1 = 0;
  let g2 = 0;
  for (let k = 0; k < indices.length; k++) {
    rowGradient(model, data, indices[k]!, w[0], w[1], g);
    g1 += g[0]!;
    g2 += g[1]!;
  }
  return [g1 / indices.length, g2 / indices.length];
}
