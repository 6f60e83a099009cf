import { expect } from 'chai';
import { makeDataset } from '../dataset.js';
import { createGrid, gridCoordinate } from '../grid.js';
import { batchGradient, batchLoss, lossGrid, lossGridReference } from '../landscape.js';
import { logistic } from '../models/logistic.js';
import { assertInDelta } from '../test-helpers/assert.js';
import type { Dataset, Grid } from '../types.js';
import { createNetwork } from './mlp.js';
import { randomPlane, type Plane } from './plane.js';
import { planeModel } from './plane-model.js';
import { createRowTable, fillRowTable, tableBytes, tableLandscape } from './row-table.js';

/**
 * The oracle, written apart from the code under test: θ = origin + a·d1 + b·d2 entry by entry,
 * then the documented layout (per layer W out×in row-major, then b) in plain loops, tanh (or the
 * given activation) hidden layers, logit out, loss ln(1 + e^{±z}).
 */
function naivePlaneLoss(
  plane: Plane,
  a: number,
  b: number,
  hidden: number[],
  x: number[],
  y: number,
  activation: (s: number) => number = Math.tanh,
) {
  const theta: number[] = [];
  for (let k = 0; k < plane.origin.length; k++) {
    theta.push(plane.origin[k]! + a * plane.directions[0][k]! + b * plane.directions[1][k]!);
  }
  let h = x;
  let offset = 0;
  const sizes = [...hidden, 1];
  for (let l = 0; l < sizes.length; l++) {
    const next: number[] = [];
    for (let o = 0; o < sizes[l]!; o++) {
      let s = theta[offset + sizes[l]! * h.length + o]!;
      for (let i = 0; i < h.length; i++) s += theta[offset + o * h.length + i]! * h[i]!;
      next.push(l === sizes.length - 1 ? s : activation(s));
    }
    offset += sizes[l]! * h.length + sizes[l]!;
    h = next;
  }
  const t = y === 1 ? -h[0]! : h[0]!;
  return t > 30 ? t + Math.exp(-t) : Math.log1p(Math.exp(t));
}

/** A documented parameter vector: θ_k = 0.8·cos(0.7·k) − 0.1. */
const documented = (p: number) =>
  Float64Array.from({ length: p }, (_, k) => 0.8 * Math.cos(0.7 * k) - 0.1);

const rowOf = (data: Dataset, r: number) => {
  const d = data.d ?? 2;
  return Array.from(data.x.subarray(d * r, d * r + d));
};

/** Every cell of rows `check` of `out` (a table of `grid` from row 0) against the oracle. */
function expectTableRows(
  out: Float32Array,
  check: number[],
  plane: Plane,
  grid: Grid,
  hidden: number[],
  data: Dataset,
  activation?: (s: number) => number,
) {
  const { size } = grid;
  for (const r of check) {
    const expected: number[] = [];
    for (let j = 0; j < size; j++) {
      for (let i = 0; i < size; i++) {
        const a = gridCoordinate(grid.w1, i, size);
        const b = gridCoordinate(grid.w2, j, size);
        expected.push(naivePlaneLoss(plane, a, b, hidden, rowOf(data, r), data.y[r]!, activation));
      }
    }
    assertInDelta(out.subarray(r * size * size, (r + 1) * size * size), expected, 1e-6, {
      relative: true,
    });
  }
}

describe('fillRowTable(network, data, plane, grid, rowStart, rowEnd, out)', () => {
  const network = createNetwork({ inputs: 2 });
  const data = makeDataset('spirals', { n: 60, seed: 4 });
  const plane = randomPlane(network, documented(network.size), 3);
  const grid = createGrid([-1.5, 2, -0.75, 1.25], 9);

  it('fillRowTable writes L[r, j, i], each the loss at planePoint(a_i, b_j) to 1e−6 relative', () => {
    const out = new Float32Array(60 * 81);
    fillRowTable(network, data, plane, grid, 0, 60, out);
    for (const r of [0, 13, 59]) {
      for (const [i, j] of [
        [0, 0],
        [8, 0],
        [3, 5],
        [8, 8],
      ] as const) {
        const a = gridCoordinate(grid.w1, i, 9);
        const b = gridCoordinate(grid.w2, j, 9);
        const expected = naivePlaneLoss(plane, a, b, [16, 16], rowOf(data, r), data.y[r]!);
        assertInDelta(out[r * 81 + j * 9 + i]!, expected, 1e-6, { relative: true });
      }
    }
  });

  it('fillRowTable bands written apart are the same numbers as one table, and tableBytes counts them', () => {
    const whole = createRowTable(network, data, plane, grid).values;
    const band = new Float32Array(25 * 81);
    fillRowTable(network, data, plane, grid, 20, 45, band);
    expect(Array.from(band)).to.deep.equal(Array.from(whole.subarray(20 * 81, 45 * 81)));
    expect(tableBytes(1000, 64)).to.equal(1000 * 64 * 64 * 4);
    expect(() => fillRowTable(network, data, plane, grid, 50, 61, band)).to.throw(RangeError);
  });

  it('fillRowTable is right in every cell past one block of rows and one stretch of cells (150 rows, 70²)', () => {
    // The kernel takes rows in blocks of 64 and carries the first layer's e^{2s} from cell to cell
    // along a grid row, re-anchored every 64 cells: rows 64+ and cells i ≥ 64 are on the far side.
    const many = makeDataset('spirals', { n: 150, seed: 9 });
    const wide = createGrid([-2.5, 1.5, -1, 3], 70);
    const out = new Float32Array(150 * 70 * 70);
    fillRowTable(network, many, plane, wide, 0, 150, out);
    expectTableRows(out, [0, 63, 64, 130, 149], plane, wide, [16, 16], many);
    const band = new Float32Array(83 * 70 * 70);
    fillRowTable(network, many, plane, wide, 60, 143, band);
    expect(Array.from(band)).to.deep.equal(Array.from(out.subarray(60 * 4900, 143 * 4900)));
  });

  it('fillRowTable is right where first-layer sums run past ±300 within a grid row (e^{2s} out of range)', () => {
    // Scaled so first-layer pre-activations sweep through thousands along a: e^{2s} overflows or
    // underflows on part of a row, where the kernel must take tanh directly, and comes back within
    // range on the rest.
    const steep: Plane = {
      ...plane,
      directions: [
        plane.directions[0].map((v, k) => (k < 48 ? v * 400 : v)),
        plane.directions[1].map((v, k) => (k < 48 ? v * 3 : v)),
      ],
    };
    const few = makeDataset('spirals', { n: 8, seed: 2 });
    const long = createGrid([-1.5, 2, -0.75, 1.25], 100); // two stretches per grid row
    const out = new Float32Array(8 * 100 * 100);
    fillRowTable(network, few, steep, long, 0, 8, out);
    let sMax = 0;
    for (let r = 0; r < 8; r++) {
      for (let o = 0; o < 16; o++) {
        const [x1, x2] = rowOf(few, r);
        const pa = steep.directions[0][2 * o]! * x1! + steep.directions[0][2 * o + 1]! * x2!;
        sMax = Math.max(sMax, Math.abs(pa * 2));
      }
    }
    expect(sMax, 'the plane sweeps first-layer sums past ±300').to.be.above(600);
    expectTableRows(out, [0, 1, 2, 3, 4, 5, 6, 7], steep, long, [16, 16], few);
  });

  it('fillRowTable is right for relu, for odd widths and three hidden layers, and for no hidden layer', () => {
    const data3: Dataset = {
      n: 71, // odd: the kernel pairs rows, and the last of an odd block goes alone
      d: 3,
      x: Float64Array.from({ length: 213 }, (_, k) => Math.sin(1.3 * k) * 1.5),
      y: Uint8Array.from({ length: 71 }, (_, r) => (Math.cos(r) > 0 ? 1 : 0)),
    };
    const relu = (s: number) => (s > 0 ? s : 0);
    for (const [layers, activation] of [
      [[5, 7, 3], 'relu'],
      [[5, 7, 3], 'tanh'],
      [[6], 'tanh'],
      [[], 'tanh'],
    ] as const) {
      const net = createNetwork({ inputs: 3, layers, activation });
      const netPlane = randomPlane(net, documented(net.size), 5);
      const out = new Float32Array(71 * 81);
      fillRowTable(net, data3, netPlane, grid, 0, 71, out);
      expectTableRows(
        out,
        [0, 41, 70],
        netPlane,
        grid,
        [...layers],
        data3,
        activation === 'relu' ? relu : Math.tanh,
      );
    }
  });

  it('tableLandscape(table, rows, size) and lossGrid(planeModel) give a batch cell to 1e−6 relative', () => {
    const table = createRowTable(network, data, plane, grid);
    const rows = [3, 7, 7, 21, 40, 58];
    const fromTable = tableLandscape(table.values, rows, 9);
    const computed = lossGrid(planeModel(network, plane), data, rows, grid).values;
    const viaTable = lossGrid(planeModel(network, plane, table), data, rows, grid).values;
    for (const [i, j] of [
      [0, 0],
      [4, 2],
      [8, 7],
    ] as const) {
      const a = gridCoordinate(grid.w1, i, 9);
      const b = gridCoordinate(grid.w2, j, 9);
      let sum = 0;
      for (const r of rows)
        sum += naivePlaneLoss(plane, a, b, [16, 16], rowOf(data, r), data.y[r]!);
      const expected = sum / rows.length;
      for (const values of [fromTable, computed, viaTable]) {
        assertInDelta(values[j * 9 + i]!, expected, 1e-6, { relative: true });
      }
    }
    // The plain definition through the model's per-sample loss agrees too.
    assertInDelta(
      lossGridReference(planeModel(network, plane), data, rows, grid).values,
      computed,
      1e-6,
      { relative: true },
    );
  });
});

describe('planeModel(network, plane, table?)', () => {
  it('planeModel gradient is the network gradient on the plane: central differences of its loss', () => {
    const network = createNetwork({ inputs: 2, layers: [7, 5] });
    const data = makeDataset('circles', { n: 30, seed: 1 });
    const plane = randomPlane(network, documented(network.size), 8);
    const model = planeModel(network, plane);
    const rows = [0, 4, 9, 15, 29];
    const h = 1e-6;
    for (const [a, b] of [
      [0, 0],
      [0.4, -0.3],
      [-1.1, 0.9],
    ] as const) {
      const g = batchGradient(model, data, rows, [a, b]);
      const fd = [
        (batchLoss(model, data, rows, [a + h, b]) - batchLoss(model, data, rows, [a - h, b])) /
          (2 * h),
        (batchLoss(model, data, rows, [a, b + h]) - batchLoss(model, data, rows, [a, b - h])) /
          (2 * h),
      ];
      assertInDelta(g, fd, 1e-6, { relative: true, floor: 1e-8 });
      // loss(x1, x2, …) and the row-indexed member agree.
      const r = 9;
      expect(model.loss(data.x[2 * r]!, data.x[2 * r + 1]!, data.y[r]!, a, b)).to.equal(
        model.rowLoss!(data, r, a, b),
      );
    }
  });

  it('lossGrid and batchLoss read d > 2 features through rowLoss; logistic refuses them by name', () => {
    const data: Dataset = {
      n: 4,
      d: 3,
      x: Float64Array.of(1, 0, -1, 0.5, 2, 0, -1, 1, 1, 0.25, -0.5, 2),
      y: Uint8Array.of(0, 1, 0, 1),
    };
    const network = createNetwork({ inputs: 3, layers: [4] });
    const plane = randomPlane(network, documented(network.size), 1);
    const model = planeModel(network, plane);
    const grid = createGrid([-1, 1, -1, 1], 3);
    const values = lossGrid(model, data, 'all', grid).values;
    // Cell (i = 2, j = 0) is (a, b) = (1, −1): the mean of the rows' losses there, plain loops.
    let sum = 0;
    for (let r = 0; r < 4; r++) {
      const theta = Array.from(
        plane.origin,
        (o, k) => o + plane.directions[0][k]! - plane.directions[1][k]!,
      );
      const hidden: number[] = [];
      for (let o = 0; o < 4; o++) {
        let s = theta[12 + o]!;
        for (let i = 0; i < 3; i++) s += theta[o * 3 + i]! * data.x[3 * r + i]!;
        hidden.push(Math.tanh(s));
      }
      let z = theta[20]!;
      for (let o = 0; o < 4; o++) z += theta[16 + o]! * hidden[o]!;
      sum += Math.log1p(Math.exp(data.y[r] ? -z : z));
    }
    assertInDelta(values[2]!, sum / 4, 1e-6, { relative: true });
    assertInDelta(batchLoss(model, data, 'all', [1, -1]), sum / 4, 1e-12, { relative: true });
    expect(() => lossGrid(logistic, data, 'all', grid)).to.throw(
      RangeError,
      /logistic model needs exactly 2 features per row, the data has 3/,
    );
    expect(() => batchLoss(logistic, data, 'all', [0, 0])).to.throw(RangeError, /exactly 2/);
  });
});
