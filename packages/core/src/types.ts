// The plain data that flows between core, the sampler and the views (fixed by DESIGN.md).

/** A point in the weight plane, `[w1, w2]`. */
export type Vec2 = readonly [number, number];

/**
 * `n` labelled points: `x` is n×d row-major (row r's features are `x[d·r]` .. `x[d·r + d − 1]`),
 * `y[r]` is 0 or 1. `d` is absent for the usual two features (use `featureCount`).
 */
export interface Dataset {
  n: number;
  x: Float64Array;
  y: Uint8Array;
  /** Features per row; absent means 2. Only models with row-indexed members read d > 2. */
  d?: number;
}

/** A size×size lattice over the weight window `w1 × w2` (both ends included). */
export interface Grid {
  w1: readonly [number, number];
  w2: readonly [number, number];
  size: number;
}

/**
 * A loss sampled on a grid: `values[j * size + i]` is the loss at
 * `w1 = lerp(grid.w1, i / (size - 1))`, `w2 = lerp(grid.w2, j / (size - 1))`.
 */
export interface Landscape {
  grid: Grid;
  values: Float32Array;
  min: number;
  max: number;
}

/** The rows of a mini-batch (indices into a data set), or every row. */
export type Rows = ArrayLike<number> | 'all';

/** How a schedule draws its batches. */
export type Sampling = 'epoch' | 'replacement' | 'sequential' | 'full';
