import { expect } from 'chai';
import { makeDataset } from './dataset.js';
import { createGrid } from './grid.js';
import { createLandscape, lossGrid } from './landscape.js';
import { logistic } from './models/logistic.js';
import { quakeMagnitude, varianceMap } from './quake.js';
import { createSchedule } from './schedule.js';
import { assertInDelta } from './test-helpers/assert.js';
import {
  batchMeanVariance,
  perSampleVariance,
  perSampleVarianceJob,
  theoreticalQuake,
} from './theory.js';
import { createVarianceAccumulator } from './variance-accumulator.js';
import type { Dataset, Grid, Landscape, Sampling } from './types.js';

const grid2: Grid = { w1: [0, 1], w2: [0, 1], size: 2 };
const flat = (values: number[]): Landscape => createLandscape(grid2, Float32Array.from(values));

describe('quakeMagnitude(full, batches) and varianceMap(batches, full)', () => {
  it('quakeMagnitude(full, batches) is the RMS of batch − full over cells and batches', () => {
    const full = flat([1, 1, 1, 1]);
    // Deviations: (1, −1, 0, 0) and (2, 0, 0, 0): squares sum to 6 over 8 values.
    assertInDelta(
      quakeMagnitude(full, [flat([2, 0, 1, 1]), flat([3, 1, 1, 1])]),
      Math.sqrt(6 / 8),
      1e-12,
    );
    expect(() => quakeMagnitude(full, [])).to.throw(RangeError);
  });

  it('varianceMap(batches) is the per-cell sample variance; with full, the mean square about it', () => {
    const batches = [flat([1, 2, 0, 5]), flat([3, 2, 0, 5]), flat([5, 2, 3, 5])];
    // Cell 0: values 1, 3, 5, mean 3, Σd² = 8 → 8/2 = 4. Cell 2: 0, 0, 3, mean 1, Σd² = 6 → 3.
    assertInDelta(varianceMap(batches).values, [4, 0, 3, 0], 1e-6);
    // About full (2, 2, 1, 5): cell 0: (1 + 1 + 9)/3; cell 2: (1 + 1 + 4)/3.
    assertInDelta(varianceMap(batches, flat([2, 2, 1, 5])).values, [11 / 3, 0, 2, 0], 1e-6);
  });

  it('createVarianceAccumulator(grid) agrees with varianceMap and quakeMagnitude', () => {
    const batches = [flat([1, 2, 0, 5]), flat([3, 2, 0, 5]), flat([5, 2, 3, 5])];
    const full = flat([2, 2, 1, 5]);
    const accumulator = createVarianceAccumulator(grid2);
    expect(() => accumulator.quakeMagnitude(full)).to.throw(RangeError);
    for (const batch of batches) accumulator.add(batch);
    expect(accumulator.count).to.equal(3);
    assertInDelta(accumulator.mean().values, [3, 2, 1, 5], 1e-6);
    assertInDelta(accumulator.variance().values, varianceMap(batches).values, 1e-6);
    assertInDelta(accumulator.deviation(full).values, varianceMap(batches, full).values, 1e-6);
    assertInDelta(accumulator.quakeMagnitude(full), quakeMagnitude(full, batches), 1e-6);
    accumulator.reset();
    expect(accumulator.count).to.equal(0);
    expect(() =>
      accumulator.add(createLandscape({ ...grid2, size: 3 }, new Float32Array(9))),
    ).to.throw(RangeError);
  });
});

describe('batchMeanVariance(sigma2, B, N, sampling) and theoreticalQuake(sigma2, B, N, sampling)', () => {
  it('batchMeanVariance(σ², B, N, sampling) is σ²/B, with (N − B)/(N − 1) without replacement, 0 for full', () => {
    assertInDelta(batchMeanVariance(2, 10, 1000, 'replacement'), 0.2, 1e-15);
    assertInDelta(batchMeanVariance(2, 10, 1000, 'epoch'), (0.2 * 990) / 999, 1e-15);
    expect(batchMeanVariance(2, 1000, 1000, 'epoch')).to.equal(0);
    expect(batchMeanVariance(2, 10, 1000, 'full')).to.equal(0);
    expect(() => batchMeanVariance(2, 0, 10, 'epoch')).to.throw(RangeError);
  });

  it('perSampleVariance(model, data, grid) is the population variance of single-sample losses', () => {
    const data: Dataset = {
      n: 3,
      x: Float64Array.of(1, 0, 0, 1, -1, 2),
      y: Uint8Array.of(0, 1, 1),
    };
    const grid: Grid = { w1: [-1, 2], w2: [0.5, 3], size: 3 };
    const sigma2 = perSampleVariance(logistic, data, grid).values;
    for (let j = 0; j < 3; j++) {
      for (let i = 0; i < 3; i++) {
        const w1 = -1 + 1.5 * i;
        const w2 = 0.5 + 1.25 * j;
        const losses = [0, 1, 2].map((r) =>
          logistic.loss(data.x[2 * r]!, data.x[2 * r + 1]!, data.y[r]!, w1, w2),
        );
        const mean = (losses[0]! + losses[1]! + losses[2]!) / 3;
        const expected = losses.reduce((s, l) => s + (l - mean) ** 2, 0) / 3;
        assertInDelta(sigma2[j * 3 + i]!, expected, 1e-6, { relative: true, floor: 1e-12 });
      }
    }
  });

  it('perSampleVarianceJob(model, data, grid, rowsPerPause) pauses between slices and ends on perSampleVariance', () => {
    const data = makeDataset('blobs', { n: 10, seed: 3 });
    const grid: Grid = { w1: [-5, 5], w2: [-5, 5], size: 5 };
    const job = perSampleVarianceJob(logistic, data, grid, 4);
    let pauses = 0;
    let step = job.next();
    while (!step.done) {
      pauses++;
      step = job.next();
    }
    // 10 rows in slices of 4: pauses after rows 4 and 8, none after the last.
    expect(pauses).to.equal(2);
    expect(Array.from(step.value.values)).to.deep.equal(
      Array.from(perSampleVariance(logistic, data, grid).values),
    );
  });

  /*
   * 400 batch landscapes estimate each cell's batch-mean variance with a relative standard error
   * of about sqrt(2/400) = 7% (for a chi-square-like estimate), less after averaging over cells;
   * the RMS halves that, 3.5%. A 10% tolerance on the RMS is about three standard errors, and still
   * separates epoch from replacement sampling when their theories differ by 29% (N = 200, B = 100).
   */
  function measure(
    data: Dataset,
    batchSize: number,
    sampling: Sampling,
    batches = 400,
  ): [number, number] {
    const grid = createGrid([-20, 20, -20, 20], 16);
    const full = lossGrid(logistic, data, 'all', grid);
    const accumulator = createVarianceAccumulator(grid);
    const schedule = createSchedule(data.n, batchSize, { sampling, seed: 77, dropLast: true });
    for (let k = 0; k < batches; k++)
      accumulator.add(lossGrid(logistic, data, schedule.next().value.rows, grid));
    const theory = theoreticalQuake(
      perSampleVariance(logistic, data, grid),
      batchSize,
      data.n,
      sampling,
    );
    return [accumulator.quakeMagnitude(full), theory];
  }

  it('theoreticalQuake(σ², B, N, sampling) predicts the measured quake within 10% (B = 10, 100; N = 1000)', () => {
    const blobs = makeDataset('blobs');
    for (const sampling of ['replacement', 'epoch'] as const) {
      for (const batchSize of [10, 100]) {
        const [measured, theory] = measure(blobs, batchSize, sampling);
        expect(
          Math.abs(measured / theory - 1),
          `${sampling} B=${batchSize}: ${measured} vs ${theory}`,
        ).to.be.below(0.1);
      }
    }
    // Ten times the batch, a third of the quake: sqrt(10) in theory.
    const ratio = measure(blobs, 10, 'replacement')[0] / measure(blobs, 100, 'replacement')[0];
    assertInDelta(ratio, Math.sqrt(10), 0.1 * Math.sqrt(10));
  });

  it('theoreticalQuake(σ², B, N, sampling) tells epoch from replacement sampling (N = 200, B = 100)', () => {
    const small = makeDataset('blobs', { n: 200, seed: 5 });
    const [epochMeasured, epochTheory] = measure(small, 100, 'epoch');
    const [, replacementTheory] = measure(small, 100, 'replacement', 1);
    expect(Math.abs(epochMeasured / epochTheory - 1)).to.be.below(0.1);
    expect(epochMeasured / replacementTheory).to.be.below(0.8);
    const [replacementMeasured] = measure(small, 100, 'replacement');
    expect(Math.abs(replacementMeasured / replacementTheory - 1)).to.be.below(0.1);
  });
});

describe('quake statistics at their edges', () => {
  it('quakeMagnitude and varianceMap refuse no batches and landscapes of different sizes', () => {
    const three = createLandscape(createGrid([0, 1, 0, 1], 3), new Float32Array(9));
    expect(() => quakeMagnitude(flat([1, 1, 1, 1]), [])).to.throw(RangeError, /quakeMagnitude/);
    expect(() => varianceMap([])).to.throw(RangeError, /varianceMap/);
    expect(() => quakeMagnitude(flat([1, 1, 1, 1]), [three])).to.throw(RangeError, /2×2 and 3×3/);
    expect(() => varianceMap([flat([1, 1, 1, 1]), three])).to.throw(RangeError, /differ in size/);
    expect(() => varianceMap([flat([1, 1, 1, 1])], three)).to.throw(RangeError, /differ in size/);
  });

  it('varianceMap(one batch) is 0 everywhere without full, and its squared distance to full with it', () => {
    expect(Array.from(varianceMap([flat([1, 2, 3, 4])]).values)).to.deep.equal([0, 0, 0, 0]);
    expect(Array.from(varianceMap([flat([1, 2, 3, 4])], flat([0, 0, 5, 4])).values)).to.deep.equal([
      1, 4, 4, 0,
    ]);
  });

  it('batchMeanVariance(σ², B, N, sampling) takes 1 ≤ B ≤ N, treats sequential as epoch, and is 0 for N = 1', () => {
    expect(batchMeanVariance(2, 3, 7, 'sequential')).to.equal(batchMeanVariance(2, 3, 7, 'epoch'));
    expect(batchMeanVariance(2, 3, 7, 'sequential')).to.be.closeTo(((2 / 3) * 4) / 6, 1e-15);
    expect(batchMeanVariance(2, 1, 1, 'epoch')).to.equal(0);
    expect(batchMeanVariance(2, 1, 5, 'replacement')).to.equal(2);
    const refusals: [number, number, RegExp][] = [
      [1, 0, /n must be a positive integer, got 0/],
      [1, 2.5, /n must be a positive integer, got 2\.5/],
      [0, 5, /batch size must be an integer from 1 to 5, got 0/],
      [6, 5, /batch size must be an integer from 1 to 5, got 6/],
      [1.5, 5, /batch size must be an integer/],
    ];
    for (const [b, n, message] of refusals) {
      expect(() => batchMeanVariance(2, b, n, 'epoch'), `B = ${b}, N = ${n}`).to.throw(
        RangeError,
        message,
      );
    }
  });

  it('perSampleVarianceJob pauses only between slices, never after the last row', () => {
    const data = makeDataset('blobs', { n: 8, seed: 3 });
    const job = perSampleVarianceJob(logistic, data, { w1: [-5, 5], w2: [-5, 5], size: 3 }, 4);
    let pauses = 0;
    while (!job.next().done) pauses++;
    expect(pauses).to.equal(1); // after row 4; row 8 is the end
  });
});

describe('createVarianceAccumulator(grid) at its edges', () => {
  it('variance is zero with one landscape; deviation and quakeMagnitude name themselves when empty', () => {
    const accumulator = createVarianceAccumulator(grid2);
    expect(() => accumulator.deviation(flat([0, 0, 0, 0]))).to.throw(
      RangeError,
      /^deviation needs/,
    );
    expect(() => accumulator.quakeMagnitude(flat([0, 0, 0, 0]))).to.throw(
      RangeError,
      /^quakeMagnitude needs/,
    );
    accumulator.add(flat([1, 2, 3, 4]));
    expect(Array.from(accumulator.variance().values)).to.deep.equal([0, 0, 0, 0]);
    expect(() =>
      accumulator.add(createLandscape(createGrid([0, 1, 0, 1], 3), new Float32Array(9))),
    ).to.throw(RangeError, /expected a 2×2 landscape, got 9 values/);
  });
});
