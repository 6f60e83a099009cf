// Synthetic landscapes with known values, so tests can compute what should be drawn independently.
import type { Grid, Landscape } from '@lossquake/core';

export function makeGrid(
  size = 33,
  w1: [number, number] = [-20, 20],
  w2: [number, number] = [-20, 20],
): Grid {
  return { w1, w2, size };
}

/** A landscape of f(w1, w2) sampled on `grid`. */
export function landscapeOf(grid: Grid, f: (w1: number, w2: number) => number): Landscape {
  const n = grid.size;
  const values = new Float32Array(n * n);
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const w1 = grid.w1[0] + ((grid.w1[1] - grid.w1[0]) * i) / (n - 1);
      const w2 = grid.w2[0] + ((grid.w2[1] - grid.w2[0]) * j) / (n - 1);
      const v = f(w1, w2);
      values[j * n + i] = v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  return { grid, values, min: Math.fround(min), max: Math.fround(max) };
}

/** A plane rising along w1: loss = w1 + 20, from 0 to 40 over [-20, 20]. */
export const plane = (grid = makeGrid()) => landscapeOf(grid, (w1) => w1 + 20);

/** A paraboloid with its minimum at (cx, cy). */
export const paraboloid = (grid = makeGrid(), cx = 0, cy = 0) =>
  landscapeOf(grid, (w1, w2) => (w1 - cx) ** 2 + (w2 - cy) ** 2);
