// Reading a landscape between and across its grid points: the lookups both views need, written once.
import type { Grid, Landscape, Vec2 } from './types.js';

/** True when two grids cover the same window with the same number of points. */
export function sameGrid(a: Grid | null | undefined, b: Grid | null | undefined): boolean {
  return (
    !!a &&
    !!b &&
    a.size === b.size &&
    a.w1[0] === b.w1[0] &&
    a.w1[1] === b.w1[1] &&
    a.w2[0] === b.w2[0] &&
    a.w2[1] === b.w2[1]
  );
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** The loss at weights `w` (clamped into the grid), interpolated bilinearly from the four nearest points. */
export function lossAt(values: ArrayLike<number>, grid: Grid, w: Vec2): number {
  const n = grid.size;
  const fx = clamp(((w[0] - grid.w1[0]) / (grid.w1[1] - grid.w1[0])) * (n - 1), 0, n - 1);
  const fy = clamp(((w[1] - grid.w2[0]) / (grid.w2[1] - grid.w2[0])) * (n - 1), 0, n - 1);
  const i = Math.min(Math.floor(fx), n - 2);
  const j = Math.min(Math.floor(fy), n - 2);
  const tx = fx - i;
  const ty = fy - j;
  const v00 = values[j * n + i]!;
  const v10 = values[j * n + i + 1]!;
  const v01 = values[(j + 1) * n + i]!;
  const v11 = values[(j + 1) * n + i + 1]!;
  return (v00 * (1 - tx) + v10 * tx) * (1 - ty) + (v01 * (1 - tx) + v11 * tx) * ty;
}

/** The grid point with the lowest value, as weights (the first one on a tie). */
export function minimumOf(values: ArrayLike<number>, grid: Grid): Vec2 {
  const n = grid.size;
  let best = 0;
  for (let k = 1; k < n * n; k++) if (values[k]! < values[best]!) best = k;
  const i = best % n;
  const j = Math.floor(best / n);
  return [
    grid.w1[0] + ((grid.w1[1] - grid.w1[0]) * i) / (n - 1),
    grid.w2[0] + ((grid.w2[1] - grid.w2[0]) * j) / (n - 1),
  ];
}

/** The smallest and largest finite value ([Infinity, -Infinity] when there is none). */
export function valueRange(values: ArrayLike<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

/** A landscape's vertical range, widened by ±0.5 when flat so an axis never collapses. */
export function landscapeRange(landscape: Landscape): [number, number] {
  const { min, max } = landscape;
  return max > min ? [min, max] : [min - 0.5, max + 0.5];
}

/** Smoothstep easing of a progress in [0, 1] (clamped): a morph neither jumps nor stops abruptly. */
export function ease(progress: number): number {
  const p = clamp(progress, 0, 1);
  return p * p * (3 - 2 * p);
}

/** The range `t` of the way from `from` to `to` (t in [0, 1]): an axis or level range mid-morph. */
export function lerpRange(
  from: readonly [number, number],
  to: readonly [number, number],
  t: number,
): [number, number] {
  return [from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t];
}
