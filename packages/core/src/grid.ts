// Where a grid's points sit in the weight plane, and the check that a grid is usable.

import type { Grid, Vec2 } from './types.js';

/** Grids finer than this would allocate hundreds of megabytes per landscape. */
export const MAX_GRID_SIZE = 4096;

/** A grid over `[w1min, w1max, w2min, w2max]` (the sampler's `extent`) with `size` points per side. */
export function createGrid(extent: readonly [number, number, number, number], size: number): Grid {
  return checkGrid({ w1: [extent[0], extent[1]], w2: [extent[2], extent[3]], size });
}

/** The i-th of `size` evenly spaced points from range[0] to range[1] (both included). */
export function gridCoordinate(range: readonly [number, number], i: number, size: number): number {
  return range[0] + (range[1] - range[0]) * (i / (size - 1));
}

/** The weights at grid point (i, j), i along w1, j along w2. */
export function gridWeights(grid: Grid, i: number, j: number): Vec2 {
  return [gridCoordinate(grid.w1, i, grid.size), gridCoordinate(grid.w2, j, grid.size)];
}

/** Returns `grid`, or throws a RangeError naming what is wrong with it. */
export function checkGrid(grid: Grid): Grid {
  const { w1, w2, size } = grid;
  if (!Number.isInteger(size) || size < 2 || size > MAX_GRID_SIZE) {
    throw new RangeError(`grid.size must be an integer from 2 to ${MAX_GRID_SIZE}, got ${size}`);
  }
  for (const [name, range] of [
    ['w1', w1],
    ['w2', w2],
  ] as const) {
    if (!range || !Number.isFinite(range[0]) || !Number.isFinite(range[1])) {
      throw new RangeError(`grid.${name} must be two finite numbers, got ${String(range)}`);
    }
  }
  return grid;
}
