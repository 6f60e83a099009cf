// Generated data sets: the seed's two Gaussian blobs, moons and xor for contrast, circles and
// spirals for a network.

import { createRandom } from './random.js';
import type { Dataset } from './types.js';

export type DatasetKind = 'blobs' | 'moons' | 'xor' | 'circles' | 'spirals';

export interface DatasetOptions {
  /** Number of points, 2 .. 100 000 (default 1000). */
  n?: number;
  /** Seeds the noise (default 1). */
  seed?: number;
  /** Standard deviation of the Gaussian noise; defaults: blobs 1, moons 0.1, xor 0.5, circles 0.1,
   * spirals 0.1. */
  noise?: number;
}

/** The most rows a data set may have: bounds memory and keeps landscapes interactive. */
export const MAX_ROWS = 100_000;
/** A landscape's mean and variance need at least two rows. */
export const MIN_ROWS = 2;

export const datasetKinds: readonly DatasetKind[] = ['blobs', 'moons', 'xor', 'circles', 'spirals'];

const defaultNoise: Record<DatasetKind, number> = {
  blobs: 1,
  moons: 0.1,
  xor: 0.5,
  circles: 0.1,
  spirals: 0.1,
};

/** circles: the inner circle's radius as a share of the outer (unit) one, scikit-learn's `factor`. */
const CIRCLES_FACTOR = 0.5;
/** spirals: each arm turns 1.25 times out to radius SPIRAL_RADIUS (TensorFlow Playground turns 1.75,
 * which a 16-16 tanh network trained from x1, x2 alone escapes only after thousands of steps). */
const SPIRAL_TURNS = 1.25;
const SPIRAL_RADIUS = 2;

/** Features per row of `data`: its `d`, or 2 when absent. */
export function featureCount(data: Dataset): number {
  return data.d ?? 2;
}

/** Where the xor clusters sit: one per quadrant, labelled 1 where the signs differ. */
const XOR_CENTRE = 1.5;

/** A validated row count, or a RangeError that says what was wrong. */
export function checkRowCount(n: number, where: string): number {
  if (!Number.isInteger(n) || n < MIN_ROWS || n > MAX_ROWS) {
    throw new RangeError(
      `${where}: n must be an integer from ${MIN_ROWS} to ${MAX_ROWS}, got ${n}`,
    );
  }
  return n;
}

/**
 * A generated data set. Rows come class by class (blobs, moons) or cluster by cluster (xor),
 * which the schedules' shuffling makes irrelevant.
 *
 * - 'blobs' (the seed's): class 0 around (0, 3), class 1 around (0, 0), sd `noise`; the first
 *   ceil(n/2) rows are class 0. This is the labelling the seed's figures show (its data plot draws
 *   class 0 first, in blue, at (0, 3); its landscapes have their valley at w2 < 0 and their plateau
 *   at w2 > 0), as DESIGN.md states.
 * - 'moons': scikit-learn's make_moons, two interleaving half circles (class 0 the upper one,
 *   evenly spaced angles), plus Gaussian noise.
 * - 'xor': four clusters at (±1.5, ±1.5), dealt round-robin; a cluster's label is 1 when its
 *   centre's coordinates have opposite signs (labels follow the centre, not the noisy point).
 * - 'circles': scikit-learn's make_circles with factor 0.5: class 0 on the unit circle, class 1 on
 *   the circle of radius 0.5, both about the origin, evenly spaced angles, plus Gaussian noise.
 * - 'spirals': two arms from the origin out to radius 2, 1.25 turns each, class 1 the class-0 arm
 *   turned by π (after TensorFlow Playground's spiral), plus Gaussian noise.
 *
 * Circles and spirals are symmetric about the origin, so no line through it (a linear model
 * without bias) separates them: they need a network.
 */
export function makeDataset(kind: DatasetKind, options: DatasetOptions = {}): Dataset {
  if (!datasetKinds.includes(kind)) {
    throw new RangeError(
      `makeDataset: unknown kind '${String(kind)}' (expected ${datasetKinds.join(', ')})`,
    );
  }
  const n = checkRowCount(options.n ?? 1000, 'makeDataset');
  const noise = options.noise ?? defaultNoise[kind];
  if (!Number.isFinite(noise) || noise < 0) {
    throw new RangeError(`makeDataset: noise must be a finite number ≥ 0, got ${noise}`);
  }
  const random = createRandom(options.seed ?? 1);
  const x = new Float64Array(2 * n);
  const y = new Uint8Array(n);
  const n0 = n - Math.floor(n / 2);

  for (let r = 0; r < n; r++) {
    let cx: number, cy: number, label: number;
    if (kind === 'blobs') {
      label = r < n0 ? 0 : 1;
      cx = 0;
      cy = label === 0 ? 3 : 0;
    } else if (kind === 'moons') {
      label = r < n0 ? 0 : 1;
      const count = label === 0 ? n0 : n - n0;
      const k = label === 0 ? r : r - n0;
      const angle = count > 1 ? (Math.PI * k) / (count - 1) : 0;
      cx = label === 0 ? Math.cos(angle) : 1 - Math.cos(angle);
      cy = label === 0 ? Math.sin(angle) : 0.5 - Math.sin(angle);
    } else if (kind === 'circles' || kind === 'spirals') {
      label = r < n0 ? 0 : 1;
      const count = label === 0 ? n0 : n - n0;
      const share = (label === 0 ? r : r - n0) / count;
      if (kind === 'circles') {
        const radius = label === 0 ? 1 : CIRCLES_FACTOR;
        cx = radius * Math.cos(2 * Math.PI * share);
        cy = radius * Math.sin(2 * Math.PI * share);
      } else {
        const radius = SPIRAL_RADIUS * share;
        const angle = SPIRAL_TURNS * 2 * Math.PI * share + label * Math.PI;
        cx = radius * Math.sin(angle);
        cy = radius * Math.cos(angle);
      }
    } else {
      const quadrant = r % 4;
      cx = quadrant & 1 ? XOR_CENTRE : -XOR_CENTRE;
      cy = quadrant & 2 ? XOR_CENTRE : -XOR_CENTRE;
      label = cx * cy < 0 ? 1 : 0;
    }
    x[2 * r] = cx + noise * random.normal();
    x[2 * r + 1] = cy + noise * random.normal();
    y[r] = label;
  }
  return { n, x, y };
}
