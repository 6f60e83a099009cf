// Measures of a quake: how far batch landscapes stray from the full-data landscape.

import { createLandscape } from './landscape.js';
import type { Landscape } from './types.js';

function checkSameGrid(a: Landscape, b: Landscape): void {
  if (a.values.length !== b.values.length) {
    throw new RangeError(
      `landscapes differ in size: ${a.grid.size}×${a.grid.size} and ${b.grid.size}×${b.grid.size}`,
    );
  }
}

/**
 * The quake's magnitude: the root mean square, over every grid point of every batch landscape,
 * of (batch − full). The article's "stronger earthquake" for smaller batches, as one number.
 */
export function quakeMagnitude(full: Landscape, batches: readonly Landscape[]): number {
  if (batches.length === 0)
    throw new RangeError('quakeMagnitude needs at least one batch landscape');
  let sum = 0;
  for (const batch of batches) {
    checkSameGrid(full, batch);
    for (let c = 0; c < full.values.length; c++) {
      const d = batch.values[c]! - full.values[c]!;
      sum += d * d;
    }
  }
  return Math.sqrt(sum / (batches.length * full.values.length));
}

/**
 * Per grid point, the variance of the batch landscapes: around `full` when given (the mean squared
 * deviation, whose expectation is the batch mean's variance), else around the batches' own mean
 * with Bessel's k − 1 (zero for fewer than two batches).
 */
export function varianceMap(batches: readonly Landscape[], full?: Landscape): Landscape {
  if (batches.length === 0) throw new RangeError('varianceMap needs at least one batch landscape');
  const first = batches[0]!;
  const cells = first.values.length;
  const values = new Float32Array(cells);
  const k = batches.length;
  for (const batch of batches) checkSameGrid(first, batch);
  if (full) checkSameGrid(first, full);
  for (let c = 0; c < cells; c++) {
    let centre = 0;
    if (full) centre = full.values[c]!;
    else {
      for (const batch of batches) centre += batch.values[c]!;
      centre /= k;
    }
    let sum = 0;
    for (const batch of batches) {
      const d = batch.values[c]! - centre;
      sum += d * d;
    }
    values[c] = full ? sum / k : k > 1 ? sum / (k - 1) : 0;
  }
  return createLandscape(first.grid, values);
}
