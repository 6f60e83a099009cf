// Where the data lie: the x1 and x2 ranges an axis must cover, with matplotlib's 5 % margin, so the
// points fill the plot (a range from rounded whole numbers of the larger feature left a third empty).
import type { Dataset } from '@lossquake/core';

export interface DataDomain {
  x1: readonly [number, number];
  x2: readonly [number, number];
}

/** The share of each span added on both sides (matplotlib's default `axes.xmargin`). */
export const MARGIN = 0.05;

function padded(lo: number, hi: number): readonly [number, number] {
  // A single value (or one repeated) still needs a span to draw it in the middle.
  if (!(hi > lo)) return [lo - 0.5, hi + 0.5];
  const pad = (hi - lo) * MARGIN;
  return [lo - pad, hi + pad];
}

/** Each feature's own range over the rows of `data` (two features, row-major), padded by MARGIN. */
export function dataDomain(data: Dataset): DataDomain {
  const { n, x } = data;
  let lo1 = Infinity;
  let hi1 = -Infinity;
  let lo2 = Infinity;
  let hi2 = -Infinity;
  for (let r = 0; r < n; r++) {
    const x1 = x[2 * r]!;
    const x2 = x[2 * r + 1]!;
    if (x1 < lo1) lo1 = x1;
    if (x1 > hi1) hi1 = x1;
    if (x2 < lo2) lo2 = x2;
    if (x2 > hi2) hi2 = x2;
  }
  return { x1: padded(lo1, hi1), x2: padded(lo2, hi2) };
}
