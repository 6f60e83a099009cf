// A running per-cell mean and variance of batch landscapes, for a sampler that sees one at a time.

import { createLandscape } from './landscape.js';
import type { Grid, Landscape } from './types.js';

export interface VarianceAccumulator {
  readonly grid: Grid;
  /** Landscapes added so far. */
  readonly count: number;
  add(landscape: Landscape): void;
  /** The per-cell mean of the landscapes added. */
  mean(): Landscape;
  /** The per-cell variance around that mean, with Bessel's k − 1 (zeros until two are added). */
  variance(): Landscape;
  /** The per-cell mean squared deviation from `full`: what `varianceMap(batches, full)` gives. */
  deviation(full: Landscape): Landscape;
  /** What `quakeMagnitude(full, batches)` gives for the landscapes added so far. */
  quakeMagnitude(full: Landscape): number;
  reset(): void;
}

/**
 * Welford's algorithm per cell, in float64: stable for many landscapes whose values sit far from
 * zero. The deviation from a reference comes from the identity
 * Σ(b − f)² = M2 + k·(mean − f)², so `full` may change (say, on new data) without re-adding.
 */
export function createVarianceAccumulator(grid: Grid): VarianceAccumulator {
  const cells = grid.size * grid.size;
  const mean = new Float64Array(cells);
  const m2 = new Float64Array(cells);
  let count = 0;

  function checkCells(landscape: Landscape): void {
    if (landscape.values.length !== cells) {
      throw new RangeError(
        `expected a ${grid.size}×${grid.size} landscape, got ${landscape.values.length} values`,
      );
    }
  }

  function perCell(f: (c: number) => number): Landscape {
    const values = new Float32Array(cells);
    for (let c = 0; c < cells; c++) values[c] = f(c);
    return createLandscape(grid, values);
  }

  function requireSome(what: string): void {
    if (count === 0) throw new RangeError(`${what} needs at least one landscape added`);
  }

  return {
    grid,
    get count() {
      return count;
    },
    add(landscape) {
      checkCells(landscape);
      count++;
      const values = landscape.values;
      for (let c = 0; c < cells; c++) {
        const v = values[c]!;
        const delta = v - mean[c]!;
        mean[c]! += delta / count;
        m2[c]! += delta * (v - mean[c]!);
      }
    },
    mean: () => perCell((c) => mean[c]!),
    variance: () => perCell((c) => (count > 1 ? m2[c]! / (count - 1) : 0)),
    deviation(full) {
      requireSome('deviation');
      checkCells(full);
      return perCell((c) => {
        const d = mean[c]! - full.values[c]!;
        return m2[c]! / count + d * d;
      });
    },
    quakeMagnitude(full) {
      requireSome('quakeMagnitude');
      checkCells(full);
      let sum = 0;
      for (let c = 0; c < cells; c++) {
        const d = mean[c]! - full.values[c]!;
        sum += m2[c]! / count + d * d;
      }
      return Math.sqrt(sum / cells);
    },
    reset() {
      count = 0;
      mean.fill(0);
      m2.fill(0);
    },
  };
}
