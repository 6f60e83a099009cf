import { expect } from 'chai';
import { makeDataset } from './dataset.js';
import { createGrid } from './grid.js';
import {
  batchGradient,
  batchLoss,
  createLandscape,
  lossGrid,
  lossGridReference,
  MAX_LOSS,
} from './landscape.js';
import type { Model } from './model.js';
import { logistic } from './models/logistic.js';
import { createRandom } from './random.js';
import { createSchedule } from './schedule.js';
import { createOptimizer } from './optimizer.js';
import { assertInDelta } from './test-helpers/assert.js';
import type { Dataset, Grid } from './types.js';

const blobs = makeDataset('blobs');

function maxRelativeError(actual: Float32Array, expected: Float32Array): number {
  let worst = 0;
  for (let c = 0; c < expected.length; c++) {
    const scale = Math.abs(expected[c]!);
    // Below float32's normal range the reference itself has no relative precision to match.
    const error = Math.abs(actual[c]! - expected[c]!) / Math.max(scale, 1e-30);
    // A NaN on either side is the worst error there is, not one to skip.
    if (!(error <= worst)) worst = Number.isNaN(error) ? Infinity : error;
  }
  return worst;
}

/** The same maths as logistic without its fast path, so lossGrid takes the generic loop. */
const plainLogistic: Model = {
  name: 'plain',
  loss: logistic.loss,
  gradient: logistic.gradient,
  defaultWeights: logistic.defaultWeights,
  defaultLearningRate: logistic.defaultLearningRate,
};

describe('lossGrid(model, data, rows, grid)', () => {
  it('lossGridReference(model, data, rows, grid) puts w1 along i and w2 along j', () => {
    const data: Dataset = { n: 2, x: Float64Array.of(1, 2, -1, 0.5), y: Uint8Array.of(0, 1) };
    const grid: Grid = { w1: [-1, 3], w2: [2, -2], size: 3 };
    const landscape = lossGridReference(logistic, data, [0, 1], grid);
    for (let j = 0; j < 3; j++) {
      for (let i = 0; i < 3; i++) {
        const w1 = -1 + 2 * i;
        const w2 = 2 - 2 * j;
        const expected = (logistic.loss(1, 2, 0, w1, w2) + logistic.loss(-1, 0.5, 1, w1, w2)) / 2;
        assertInDelta(landscape.values[j * 3 + i]!, expected, 1e-6, { relative: true });
      }
    }
    expect(landscape.min).to.equal(Math.min(...landscape.values));
    expect(landscape.max).to.equal(Math.max(...landscape.values));
  });

  it('lossGrid(model, data, rows, grid) equals the mean of single-sample landscapes', () => {
    const grid = createGrid([-20, 20, -20, 20], 24);
    const rows = [3, 17, 600, 999, 512, 4, 250, 800, 42];
    const batch = lossGrid(logistic, blobs, rows, grid).values;
    const mean = new Float64Array(batch.length);
    for (const r of rows) {
      const single = lossGrid(logistic, blobs, [r], grid).values;
      for (let c = 0; c < mean.length; c++) mean[c]! += single[c]! / rows.length;
    }
    assertInDelta(batch, mean, 1e-6, { relative: true });
  });

  it('lossGrid(model, data, rows, grid) stays within 1e-6 relative of lossGridReference on random grids', () => {
    const random = createRandom(21);
    const extents = [20, 1, 0.01, 100, 1e4];
    for (let trial = 0; trial < 30; trial++) {
      const half = extents[trial % extents.length]!;
      const cx = (random.uniform() - 0.5) * half;
      const cy = (random.uniform() - 0.5) * half;
      const grid = createGrid(
        [cx - half, cx + half * random.uniform(), cy - half * random.uniform(), cy + half],
        5 + random.int(40),
      );
      const data = makeDataset((['blobs', 'moons', 'xor'] as const)[trial % 3]!, {
        n: 300,
        seed: trial,
      });
      const size = [1, 2, 10, 100, 300][trial % 5]!;
      const rows = Uint32Array.from({ length: size }, () => random.int(data.n));
      const fast = lossGrid(logistic, data, rows, grid).values;
      const reference = lossGridReference(logistic, data, rows, grid).values;
      expect(maxRelativeError(fast, reference), `trial ${trial}`).to.be.below(1e-6);
    }
  });

  it('lossGrid(model, data, rows, grid) takes the generic loop for models without accumulateGrid', () => {
    const grid = createGrid([-5, 5, -3, 8], 17);
    const generic = lossGrid(plainLogistic, blobs, [1, 2, 700], grid).values;
    const fast = lossGrid(logistic, blobs, [1, 2, 700], grid).values;
    expect(maxRelativeError(generic, fast)).to.be.below(1e-6);
  });

  it('lossGrid(logistic, ...) matches the reference for rows with x1 = 0 (flat along a grid row)', () => {
    // x1 = 0 makes t constant along w1, the fast path's third case (slope b = 0).
    const data: Dataset = {
      n: 4,
      x: Float64Array.from([0, 2, 0, -1, 1.5, 0.5, 0, 0]),
      y: Uint8Array.from([1, 0, 1, 0]),
    };
    const grid = createGrid([-6, 6, -4, 5], 13);
    for (const rows of [[0], [1], [0, 1, 2, 3]]) {
      const fast = lossGrid(logistic, data, rows, grid).values;
      const reference = lossGridReference(logistic, data, rows, grid).values;
      expect(maxRelativeError(fast, reference), `rows ${rows.join(', ')}`).to.be.below(1e-6);
    }
  });

  it('createLandscape(grid, values) refuses values that do not fill the grid', () => {
    const grid = createGrid([0, 1, 0, 1], 3);
    expect(createLandscape(grid, new Float32Array(9)).values.length).to.equal(9);
    expect(() => createLandscape(grid, new Float32Array(8))).to.throw(
      RangeError,
      /3×3 .* 9 values, got 8/,
    );
  });

  it('lossGrid(model, data, rows, grid) has no NaN or Infinity for weights up to 1e300', () => {
    for (const half of [1e4, 1e6, 1e300]) {
      const grid = createGrid([-half, half, -half, half], 9);
      for (const rows of [[0], [0, 999], 'all'] as const) {
        const landscape = lossGrid(logistic, blobs, rows, grid);
        for (const v of landscape.values)
          expect(Number.isFinite(v) && v >= 0, `${v} at ${half}`).to.equal(true);
      }
    }
    // Losses beyond float32's range saturate at its largest value instead of becoming Infinity.
    expect(
      lossGrid(logistic, blobs, 'all', createGrid([-1e300, 1e300, -1e300, 1e300], 3)).max,
    ).to.equal(MAX_LOSS);
    const huge = createGrid([-1e4, 1e4, -1e4, 1e4], 33);
    const rows = createSchedule(1000, 100, { seed: 2 }).next().value.rows;
    const fast = lossGrid(logistic, blobs, rows, huge).values;
    expect(
      maxRelativeError(fast, lossGridReference(logistic, blobs, rows, huge).values),
    ).to.be.below(1e-6);
  });

  it("lossGrid(model, data, 'all', grid) at a grid point equals batchLoss there", () => {
    const grid = createGrid([-20, 20, -20, 20], 9);
    const landscape = lossGrid(logistic, blobs, 'all', grid);
    assertInDelta(
      landscape.values[2 * 9 + 7]!,
      batchLoss(logistic, blobs, 'all', [15, -10]),
      1e-6,
      { relative: true },
    );
  });

  it('lossGrid(model, data, rows, grid, {out}) fills and returns the given array', () => {
    const grid = createGrid([-2, 2, -2, 2], 8);
    const out = new Float32Array(64);
    const landscape = lossGrid(logistic, blobs, [5, 6], grid, { out });
    expect(landscape.values).to.equal(out);
    expect(Array.from(out)).to.deep.equal(
      Array.from(lossGrid(logistic, blobs, [5, 6], grid).values),
    );
    expect(() => lossGrid(logistic, blobs, [5], grid, { out: new Float32Array(10) })).to.throw(
      RangeError,
    );
  });

  it('lossGrid(model, data, rows, grid) rejects empty batches, foreign rows and bad grids', () => {
    const grid = createGrid([-1, 1, -1, 1], 4);
    expect(() => lossGrid(logistic, blobs, [], grid)).to.throw(RangeError, /at least one row/);
    expect(() => lossGrid(logistic, blobs, [1000], grid)).to.throw(RangeError, /row 1000/);
    expect(() => lossGrid(logistic, blobs, [1.5], grid)).to.throw(RangeError);
    expect(() => lossGrid(logistic, blobs, [1], { ...grid, size: 1 })).to.throw(RangeError, /size/);
    expect(() => lossGrid(logistic, blobs, [1], { ...grid, w1: [0, NaN] })).to.throw(
      RangeError,
      /w1/,
    );
  });
});

describe('batchLoss(model, data, rows, w) and batchGradient(model, data, rows, w)', () => {
  it('batchLoss(model, data, rows, w) is the mean of the rows’ losses', () => {
    const w = [0.4, -1.2] as const;
    const expected =
      [7, 8, 9].reduce(
        (s, r) => s + logistic.loss(blobs.x[2 * r]!, blobs.x[2 * r + 1]!, blobs.y[r]!, ...w),
        0,
      ) / 3;
    assertInDelta(batchLoss(logistic, blobs, [7, 8, 9], w), expected, 1e-15);
  });

  it('batchGradient(model, data, rows, w) matches finite differences of batchLoss', () => {
    const rows = [1, 50, 501, 900, 333];
    const h = 1e-6;
    for (const w of [
      [0.3, 0.9],
      [-15, -15],
      [4, -2],
    ] as const) {
      const g = batchGradient(logistic, blobs, rows, w);
      const d1 =
        (batchLoss(logistic, blobs, rows, [w[0] + h, w[1]]) -
          batchLoss(logistic, blobs, rows, [w[0] - h, w[1]])) /
        (2 * h);
      const d2 =
        (batchLoss(logistic, blobs, rows, [w[0], w[1] + h]) -
          batchLoss(logistic, blobs, rows, [w[0], w[1] - h])) /
        (2 * h);
      assertInDelta(g, [d1, d2], 1e-6);
    }
  });

  it('logistic.defaultWeights and defaultLearningRate train blobs with SGD at batch size 10', () => {
    const schedule = createSchedule(1000, 10, { seed: 1 });
    const sgd = createOptimizer('sgd', { learningRate: logistic.defaultLearningRate });
    let w = logistic.defaultWeights;
    const start = batchLoss(logistic, blobs, 'all', w);
    for (let k = 0; k < 100; k++)
      w = sgd.step(w, batchGradient(logistic, blobs, schedule.next().value.rows, w));
    // The full-data minimum is about 0.44, at w ≈ (0, −0.8).
    expect(start).to.be.above(20);
    expect(batchLoss(logistic, blobs, 'all', w)).to.be.below(0.6);
  });
});
