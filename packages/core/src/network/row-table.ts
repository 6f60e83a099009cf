// The per-row landscape table L[row, j, i] of a network on a plane: built once, then every batch's
// landscape is a mean of table rows.

import { checkGrid, gridCoordinate } from '../grid.js';
import { featureCount } from '../dataset.js';
import { MAX_LOSS } from '../landscape.js';
import { softplus } from '../softplus.js';
import type { Dataset, Grid } from '../types.js';
import type { Network } from './mlp.js';
import type { Plane } from './plane.js';

/** Table rows for every row of a data set, over one grid: `values[r·size² + j·size + i]`. */
export interface RowTable {
  grid: Grid;
  values: Float32Array;
}

/** The memory cap for a table: 256 MiB holds N = 16 000 rows at 64² or N = 1 000 at 256². */
export const MAX_TABLE_BYTES = 256 * 2 ** 20;

/** Bytes a table of n rows on a size×size grid takes (float32). */
export function tableBytes(n: number, size: number): number {
  return n * size * size * Float32Array.BYTES_PER_ELEMENT;
}

/*
 * Cost. θ(a, b) = o + a·d1 + b·d2, and the first layer's pre-activation W1(θ)·x + b1(θ) is linear
 * in θ, so per row it is p0 + a·pa + b·pb with p0, pa, pb computed once (3·h1·(d + 1) ops per
 * row). Per grid cell the deeper layers' weights are formed once (P − P1 ops, shared by all rows).
 * Per (row, cell) that leaves 2·h1 multiply-adds and h1 activations for the first layer, then
 * Σ in·out multiply-adds and the activations of the deeper layers, and one softplus. For inputs 2,
 * layers [16, 16]: 32 + 256 + 16 + 16 = 320 multiply-adds and 32 tanh, instead of the 337 + 337
 * a plain θ-then-forward evaluation spends, per row and cell: N = 1000 at 64² is 1.3e9 of them.
 */

/** 2^k for k in −64 .. 64, the scale of tanh's exponential below. */
const POW2 = Float64Array.from({ length: 129 }, (_, k) => 2 ** (k - 64));
const LN2_HI = 0.6931471803691238; // ln 2 split in two (Cody & Waite): k·LN2_HI is exact
const LN2_LO = 1.9082149292705877e-10;
/** 1/n! for n = 0 .. 10. */
const INVERSE_FACTORIAL = Float64Array.from({ length: 11 }, (_, n) => {
  let f = 1;
  for (let k = 2; k <= n; k++) f *= k;
  return 1 / f;
});

/**
 * tanh(s) = 1 − 2/(e^{2s} + 1), with e^{2s} = 2^k·e^r (|r| ≤ ln 2 / 2) and e^r by its Taylor series
 * to r¹⁰: truncation below 0.347¹¹/11! = 3e−13 relative, so tanh is within ~1e−13 absolute.
 * Math.tanh costs V8 a library call; tanh is most of a table's time, and this is about 3× faster.
 * Through at most three layers of 16 weights that error stays far below 1e−6 of any loss. Beyond
 * |s| = 20, tanh is ±1 to the last bit of a float64.
 */
function tanh(s: number): number {
  if (s > 20) return 1;
  if (s < -20) return -1;
  const x = 2 * s;
  const k = Math.round(x * Math.LOG2E);
  const r = x - k * LN2_HI - k * LN2_LO;
  // Horner on Σ rⁿ/n!, n = 0 .. 10, from the highest term.
  let er = r * INVERSE_FACTORIAL[10]! + INVERSE_FACTORIAL[9]!;
  er = er * r + INVERSE_FACTORIAL[8]!;
  er = er * r + INVERSE_FACTORIAL[7]!;
  er = er * r + INVERSE_FACTORIAL[6]!;
  er = er * r + INVERSE_FACTORIAL[5]!;
  er = er * r + INVERSE_FACTORIAL[4]!;
  er = er * r + INVERSE_FACTORIAL[3]!;
  er = er * r + 0.5;
  er = er * r + 1;
  er = er * r + 1;
  return 1 - 2 / (er * POW2[k + 64]! + 1);
}

/** The same tanh, for the tests to check against Math.tanh. */
export { tanh as tableTanh };

/** |s| up to which e^{2s} (≤ e^{600}) stays a finite, normal float64, so a product of them is exact to rounding. */
const RECURRENCE_LIMIT = 300;
/** Cells a first-layer e^{2s} is carried by the recurrence before a fresh exp re-anchors it. */
const ANCHOR_CELLS = 64;
/** Rows evaluated together at each cell: their deep weights are formed once, and their per-row
 * state (e^{2s} and its growth per cell) stays in L1. */
const ROW_BLOCK = 64;

/**
 * Evaluates every (row, cell) loss of `rows` on `grid`: into `table` (row k of `rows` at
 * table[k·size² + cell]) or added into float64 `sums[cell]`. One kernel for both, so the table and
 * a landscape computed without one are the same numbers.
 *
 * Speed. Along a grid row only a changes, so a first-layer pre-activation s = c + a·pa moves by
 * Δa·pa per cell and e^{2s} grows by the constant factor g = e^{2·Δa·pa}: tanh(s) = 1 − 2/(e^{2s} + 1)
 * costs one multiply and one divide instead of an exp. Error: each product adds one rounding, so
 * after at most ANCHOR_CELLS cells e^{2s} is within ~64·2⁻⁵² relative, and tanh (whose slope in
 * ln e^{2s} is at most ½) within ~1e−14 absolute; a fresh exp re-anchors it every ANCHOR_CELLS cells.
 * Where s leaves ±RECURRENCE_LIMIT within a stretch (e^{2s} would overflow or underflow and the
 * product could not come back), that neuron's stretch uses tanh directly. Rows go in blocks of
 * ROW_BLOCK at each cell, so the deep weights of a cell are formed once per block and each row's
 * writes run along its own contiguous table row.
 */
function planeLosses(
  network: Network,
  data: Dataset,
  plane: Plane,
  grid: Grid,
  rows: ArrayLike<number>,
  table: Float32Array | null,
  sums: Float64Array | null,
): void {
  checkGrid(grid);
  const { inputs, layout, size: p } = network;
  if (featureCount(data) !== inputs) {
    throw new RangeError(
      `the network takes ${inputs} features, the data has ${featureCount(data)}`,
    );
  }
  if (plane.origin.length !== p) {
    throw new RangeError(`the plane has ${plane.origin.length} weights, the network ${p}`);
  }
  const { origin } = plane;
  const [d1, d2] = plane.directions;
  const relu = network.activation === 'relu';
  const outs = Int32Array.from([...network.layers, 1]);
  const depth = outs.length;
  const h1 = outs[0]!;
  const w1 = layout[0]!.offset;
  const b1 = layout[1]!.offset;
  const deep = depth > 1 ? layout[2]!.offset : p; // where the second layer's weights begin
  // Deeper layers' weights and biases, as offsets into `weights` (θ from `deep` on).
  const weightAt = Int32Array.from(outs, (_, l) => layout[2 * l]!.offset - deep);
  const biasAt = Int32Array.from(outs, (_, l) => layout[2 * l + 1]!.offset - deep);
  const count = rows.length;
  const { size } = grid;
  const cells = size * size;
  const step = (grid.w1[1] - grid.w1[0]) / (size - 1); // Δa between neighbouring cells

  // Per row: (p0, pa, pb) of the first layer, interleaved per neuron, and the label's sign.
  const first = new Float64Array(count * h1 * 3);
  const signs = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const r = rows[k]!;
    const x = r * inputs;
    signs[k] = data.y[r] ? -1 : 1;
    for (let o = 0; o < h1; o++) {
      let s0 = origin[b1 + o]!;
      let sa = d1[b1 + o]!;
      let sb = d2[b1 + o]!;
      for (let i = 0; i < inputs; i++) {
        const xi = data.x[x + i]!;
        const w = w1 + o * inputs + i;
        s0 += origin[w]! * xi;
        sa += d1[w]! * xi;
        sb += d2[w]! * xi;
      }
      const at = (k * h1 + o) * 3;
      first[at] = s0;
      first[at + 1] = sa;
      first[at + 2] = sb;
    }
  }

  const weights = new Float64Array(p - deep);
  const widest = Math.max(...outs);
  // Layer l's activations at act[l·widest ..]: no array swaps in the hot loop.
  const act = new Float64Array(depth * widest);
  // Per (row of the block, first-layer neuron): e^{2s} at the next cell, its growth per cell, and
  // whether this stretch takes tanh directly instead.
  const power = new Float64Array(ROW_BLOCK * h1);
  const growth = new Float64Array(ROW_BLOCK * h1);
  const direct = new Uint8Array(ROW_BLOCK * h1);
  for (let k0 = 0; k0 < count; k0 += ROW_BLOCK) {
    const k1 = Math.min(count, k0 + ROW_BLOCK);
    for (let k = k0; k < k1; k++) {
      for (let o = 0; o < h1; o++) {
        growth[(k - k0) * h1 + o] = Math.exp(2 * step * first[(k * h1 + o) * 3 + 1]!);
      }
    }
    for (let j = 0; j < size; j++) {
      const b = gridCoordinate(grid.w2, j, size);
      for (let i = 0; i < size; i++) {
        const a = gridCoordinate(grid.w1, i, size);
        const cell = j * size + i;
        for (let q = 0; q < weights.length; q++) {
          weights[q] = origin[deep + q]! + a * d1[deep + q]! + b * d2[deep + q]!;
        }
        if (!relu && i % ANCHOR_CELLS === 0) {
          // Re-anchor e^{2s} here; s is linear in a, so checking the stretch's ends bounds it all.
          const aEnd = gridCoordinate(grid.w1, Math.min(i + ANCHOR_CELLS, size) - 1, size);
          for (let k = k0; k < k1; k++) {
            for (let o = 0; o < h1; o++) {
              const at = (k * h1 + o) * 3;
              const c = first[at]! + b * first[at + 2]!;
              const s = c + a * first[at + 1]!;
              const sEnd = c + aEnd * first[at + 1]!;
              const slot = (k - k0) * h1 + o;
              const inRange = Math.abs(s) <= RECURRENCE_LIMIT && Math.abs(sEnd) <= RECURRENCE_LIMIT;
              direct[slot] = inRange ? 0 : 1;
              power[slot] = inRange ? Math.exp(2 * s) : 0;
            }
          }
        }
        let cellSum = 0;
        for (let k = k0; k < k1; k++) {
          let at = k * h1 * 3;
          let slot = (k - k0) * h1;
          let z = 0;
          if (depth === 1) z = first[at]! + a * first[at + 1]! + b * first[at + 2]!;
          else {
            for (let o = 0; o < h1; o++, at += 3, slot++) {
              if (relu) {
                const s = first[at]! + a * first[at + 1]! + b * first[at + 2]!;
                act[o] = s > 0 ? s : 0;
              } else if (direct[slot] === 0) {
                const e = power[slot]!;
                act[o] = 1 - 2 / (e + 1);
                power[slot] = e * growth[slot]!;
              } else act[o] = tanh(first[at]! + a * first[at + 1]! + b * first[at + 2]!);
            }
            z = deeperLayers(weights, act, outs, weightAt, biasAt, widest, relu);
          }
          const loss = softplus(signs[k]! * z);
          if (table) table[k * cells + cell] = Math.min(loss, MAX_LOSS);
          else cellSum += loss;
        }
        if (sums) sums[cell]! += cellSum;
      }
    }
  }
}

/**
 * The logit from the first hidden layer's activations act[0 .. outs[0]): layers 1 .. depth − 1 with
 * `weights` (θ from the second layer on). Four partial sums per neuron, so the adds do not wait on
 * each other.
 */
function deeperLayers(
  weights: Float64Array,
  act: Float64Array,
  outs: Int32Array,
  weightAt: Int32Array,
  biasAt: Int32Array,
  widest: number,
  relu: boolean,
): number {
  const depth = outs.length;
  let nIn = outs[0]!;
  let from = 0;
  let z = 0;
  for (let l = 1; l < depth; l++) {
    const nOut = outs[l]!;
    const w = weightAt[l]!;
    const bias = biasAt[l]!;
    const to = from + widest;
    for (let o = 0; o < nOut; o++) {
      const row = w + o * nIn;
      let s0 = weights[bias + o]!;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let q = 0;
      for (; q + 3 < nIn; q += 4) {
        s0 += weights[row + q]! * act[from + q]!;
        s1 += weights[row + q + 1]! * act[from + q + 1]!;
        s2 += weights[row + q + 2]! * act[from + q + 2]!;
        s3 += weights[row + q + 3]! * act[from + q + 3]!;
      }
      for (; q < nIn; q++) s0 += weights[row + q]! * act[from + q]!;
      const s = s0 + s1 + (s2 + s3);
      if (l === depth - 1) z = s;
      else act[to + o] = relu ? (s > 0 ? s : 0) : tanh(s);
    }
    from = to;
    nIn = nOut;
  }
  return z;
}

/**
 * Writes the loss of each row r in rowStart .. rowEnd − 1 at every cell of `grid` into
 * out[(r − rowStart)·size² + j·size + i] (i along grid.w1, the plane's a; j along grid.w2, its b),
 * so workers can each fill a band of rows.
 */
export function fillRowTable(
  network: Network,
  data: Dataset,
  plane: Plane,
  grid: Grid,
  rowStart: number,
  rowEnd: number,
  out: Float32Array,
): void {
  if (!Number.isInteger(rowStart) || !Number.isInteger(rowEnd) || rowStart < 0) {
    throw new RangeError(`fillRowTable: rows must be integers, got ${rowStart} .. ${rowEnd}`);
  }
  if (rowEnd > data.n || rowEnd < rowStart) {
    throw new RangeError(
      `fillRowTable: rows ${rowStart} .. ${rowEnd} are not in the data set (0 .. ${data.n})`,
    );
  }
  const cells = grid.size * grid.size;
  if (out.length < (rowEnd - rowStart) * cells) {
    throw new RangeError(
      `fillRowTable: out needs ${(rowEnd - rowStart) * cells} values, got ${out.length}`,
    );
  }
  const rows = new Uint32Array(rowEnd - rowStart);
  for (let k = 0; k < rows.length; k++) rows[k] = rowStart + k;
  planeLosses(network, data, plane, grid, rows, out, null);
}

/** The whole table in one thread; a RangeError past MAX_TABLE_BYTES. */
export function createRowTable(
  network: Network,
  data: Dataset,
  plane: Plane,
  grid: Grid,
): RowTable {
  const bytes = tableBytes(data.n, grid.size);
  if (bytes > MAX_TABLE_BYTES) {
    throw new RangeError(
      `a table of ${data.n} rows at ${grid.size}² needs ${Math.ceil(bytes / 2 ** 20)} MiB, over the ${MAX_TABLE_BYTES / 2 ** 20} MiB cap: use fewer rows or a lower resolution`,
    );
  }
  const values = new Float32Array(data.n * grid.size * grid.size);
  fillRowTable(network, data, plane, grid, 0, data.n, values);
  return { grid, values };
}

/** Adds the listed rows' losses at every cell of `grid` into `sums`, without a table. */
export function accumulatePlaneGrid(
  network: Network,
  data: Dataset,
  plane: Plane,
  grid: Grid,
  rows: ArrayLike<number>,
  sums: Float64Array,
): void {
  planeLosses(network, data, plane, grid, rows, null, sums);
}

let scratch = new Float64Array(0);

/** Adds table rows `rows` into float64 `sums` (length size²). */
export function accumulateTableRows(
  table: Float32Array,
  rows: ArrayLike<number>,
  cells: number,
  sums: Float64Array,
): void {
  const available = Math.floor(table.length / cells);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    if (!Number.isInteger(r) || r < 0 || r >= available) {
      throw new RangeError(`row ${r} is not in the table (0 .. ${available - 1})`);
    }
    const start = r * cells;
    for (let c = 0; c < cells; c++) sums[c]! += table[start + c]!;
  }
}

/**
 * A batch's landscape values from the table: the mean of the listed rows' table rows (summed in
 * float64), capped at MAX_LOSS like lossGrid, into `out` (a new array when omitted).
 */
export function tableLandscape(
  table: Float32Array,
  rows: ArrayLike<number>,
  size: number,
  out = new Float32Array(size * size),
): Float32Array {
  const cells = size * size;
  if (rows.length === 0) throw new RangeError('a batch needs at least one row');
  if (out.length !== cells)
    throw new RangeError(`out must have ${cells} values, got ${out.length}`);
  // One shared buffer: this is synchronous, so no two calls use it at once.
  if (scratch.length < cells) scratch = new Float64Array(cells);
  const sums = scratch.subarray(0, cells);
  sums.fill(0);
  accumulateTableRows(table, rows, cells, sums);
  const scale = 1 / rows.length;
  for (let c = 0; c < cells; c++) out[c] = Math.min(sums[c]! * scale, MAX_LOSS);
  return out;
}
