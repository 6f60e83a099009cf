// The loss between grid points: bilinear interpolation of a landscape's values.
import type { Grid, Vec2 } from '@lossquake/core';

/** The loss at weights `w` (clamped into the grid), interpolated from the four nearest samples. */
export function lossAt(values: ArrayLike<number>, grid: Grid, w: Vec2): number {
  const n = grid.size;
  const fx = clamp(((w[0] - grid.w1[0]) / (grid.w1[1] - grid.w1[0])) * (n - 1), 0, n - 1);
  const fy = clamp(((w[1] - grid.w2[0]) / (grid.w2[1] - grid.w2[0])) * (n - 1), 0, n - 1);
  const i = Math.min(Math.floor(fx), n - 2);
  const j = Math.min(Math.floor(fy), n - 2);
  const tx = fx - i;
  const ty = fy - j;
  const v00 = values[j * n + i];
  const v10 = values[j * n + i + 1];
  const v01 = values[(j + 1) * n + i];
  const v11 = values[(j + 1) * n + i + 1];
  return (v00 * (1 - tx) + v10 * tx) * (1 - ty) + (v01 * (1 - tx) + v11 * tx) * ty;
}

/** The grid point with the lowest value, as weights. */
export function minimumOf(values: ArrayLike<number>, grid: Grid): Vec2 {
  const n = grid.size;
  let best = 0;
  for (let k = 1; k < n * n; k++) if (values[k] < values[best]) best = k;
  const i = best % n;
  const j = Math.floor(best / n);
  return [
    grid.w1[0] + ((grid.w1[1] - grid.w1[0]) * i) / (n - 1),
    grid.w2[0] + ((grid.w2[1] - grid.w2[0]) * j) / (n - 1),
  ];
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
