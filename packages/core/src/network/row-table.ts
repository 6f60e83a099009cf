// The per-row landscape table L[row, j, i] of a network on a plane: built once, then every batch's
// landscape is a mean of table rows.

import { checkGrid, gridCoordinate } from '../grid.js';
import { featureCount } from '../dataset.js';
import { MAX_LOSS } from '../landscape.js';
import { softplus } from '../softplus.js';
import { tanh } from './tanh.js';
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
 * row). Per grid cell the deeper layers' weights are formed once per block of rows (P − P1 ops).
 * Per (row, cell) that leaves h1 first-layer activations (a multiply and a divide each, see
 * planeLosses), then Σ in·out multiply-adds and the activations of the deeper layers, and one
 * softplus. For inputs 2, layers [16, 16]: 256 + 16 multiply-adds and 16 full tanh, instead of the
 * 337 + 337 a plain θ-then-forward evaluation spends, per row and cell: N = 1000 at 64² is 4.1e6
 * (row, cell) pairs, about 1.7 s of one core in Node 20 (4.2 s before the first-layer recurrence,
 * the cheaper tanh, the row blocks and the four-neuron loops), the deep layers 70 % of it.
 */

/** |s| up to which e^{2s} (from e^{−600} to e^{600}) is a finite, normal float64. */
const RECURRENCE_LIMIT = 300;
/** Cells a first-layer e^{2s} is carried by the recurrence before a fresh exp re-anchors it. */
const ANCHOR_CELLS = 64;
/**
 * Rows evaluated together at each cell: the cell's deep weights are formed once per block, and the
 * block's first-layer state (ROW_BLOCK·h1 numbers) stays in L1 cache.
 */
const ROW_BLOCK = 64;

/**
 * Evaluates every (row, cell) loss of `rows` on `grid`: into `table` (row k of `rows` at
 * table[k·size² + cell]) or added into float64 `sums[cell]`. One kernel for both, so the table and
 * a landscape computed without one are the same numbers.
 *
 * Speed. Along a grid row only a changes, so a first-layer pre-activation s = c + a·pa moves by
 * Δa·pa per cell and e^{2s} grows by the constant factor e^{2·Δa·pa}: tanh(s) = 1 − 2/(e^{2s} + 1)
 * then costs a multiply and a divide instead of an exp. Error: each product adds one rounding, and a
 * fresh exp re-anchors e^{2s} every ANCHOR_CELLS cells, so it stays within ~64·2⁻⁵² relative and
 * tanh (whose slope in ln e^{2s} is at most ½) within ~1e−14 absolute. Where s starts a stretch
 * beyond ±RECURRENCE_LIMIT, e^{2s} is out of range and a product could not come back, so that
 * neuron takes tanh directly for the stretch. Leaving the range later is harmless: s is linear in
 * a, so once e^{2s} overflows to ∞ or underflows to 0 it stays beyond ±300 for the rest of the
 * stretch, where 1 − 2/(∞ + 1) = 1 and 1 − 2/(0 + 1) = −1 are tanh to the last bit. Rows go in
 * blocks of ROW_BLOCK at each cell, so each row still writes along its own contiguous table row.
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
  const step = (grid.w1[1] - grid.w1[0]) / (size - 1); // Δa from one cell to the next

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

  // The current cell's θ from the second layer on.
  const weights = new Float64Array(p - deep);
  const widest = Math.max(...outs);
  // Activations: the block's first layer at slot (k − k0)·h1 + o, then, for the deeper layers, two
  // rows' worth of a layer's input and two of its output, taking turns (offsets, not array swaps,
  // so the hot loop stays monomorphic).
  const deeper = ROW_BLOCK * h1;
  const act = new Float64Array(deeper + 4 * widest);
  // Per slot: e^{2s} at the next cell and its factor per cell; `direct` lists the slots that take
  // tanh directly in the current stretch.
  const power = new Float64Array(ROW_BLOCK * h1);
  const growth = new Float64Array(ROW_BLOCK * h1);
  const direct = new Int32Array(ROW_BLOCK * h1);
  let directCount = 0;
  for (let k0 = 0; k0 < count; k0 += ROW_BLOCK) {
    const k1 = Math.min(count, k0 + ROW_BLOCK);
    const slots = (k1 - k0) * h1;
    for (let q = 0; q < slots; q++) growth[q] = Math.exp(2 * step * first[(k0 * h1 + q) * 3 + 1]!);
    for (let j = 0; j < size; j++) {
      const b = gridCoordinate(grid.w2, j, size);
      for (let i = 0; i < size; i++) {
        const a = gridCoordinate(grid.w1, i, size);
        const cell = j * size + i;
        for (let q = 0; q < weights.length; q++) {
          weights[q] = origin[deep + q]! + a * d1[deep + q]! + b * d2[deep + q]!;
        }
        if (depth > 1 && relu) {
          for (let q = 0; q < slots; q++) {
            const at = (k0 * h1 + q) * 3;
            const s = first[at]! + a * first[at + 1]! + b * first[at + 2]!;
            act[q] = s > 0 ? s : 0;
          }
        } else if (depth > 1) {
          if (i % ANCHOR_CELLS === 0) {
            directCount = 0;
            for (let q = 0; q < slots; q++) {
              const at = (k0 * h1 + q) * 3;
              const s = first[at]! + a * first[at + 1]! + b * first[at + 2]!;
              if (Math.abs(s) <= RECURRENCE_LIMIT) power[q] = Math.exp(2 * s);
              else {
                power[q] = 0;
                direct[directCount++] = q;
              }
            }
          }
          for (let q = 0; q < slots; q++) {
            const e = power[q]!;
            act[q] = 1 - 2 / (e + 1);
            power[q] = e * growth[q]!;
          }
          for (let m = 0; m < directCount; m++) {
            const q = direct[m]!;
            const at = (k0 * h1 + q) * 3;
            act[q] = tanh(first[at]! + a * first[at + 1]! + b * first[at + 2]!);
          }
        }
        let cellSum = 0;
        for (let k = k0; k < k1; k += 2) {
          const kb = k + 1 < k1 ? k + 1 : k; // an odd last row goes with itself
          let za: number;
          let zb: number;
          if (depth === 1) {
            za = first[k * 3]! + a * first[k * 3 + 1]! + b * first[k * 3 + 2]!;
            zb = first[kb * 3]! + a * first[kb * 3 + 1]! + b * first[kb * 3 + 2]!;
          } else {
            let fromA = (k - k0) * h1;
            let fromB = (kb - k0) * h1;
            let to = deeper;
            let nIn = h1;
            for (let l = 1; l < depth - 1; l++) {
              const nOut = outs[l]!;
              hiddenLayers(
                weights,
                weightAt[l]!,
                biasAt[l]!,
                nIn,
                nOut,
                act,
                fromA,
                fromB,
                to,
                to + widest,
                relu,
              );
              nIn = nOut;
              fromA = to;
              fromB = to + widest;
              to = to === deeper ? deeper + 2 * widest : deeper;
            }
            za = logit(weights, weightAt[depth - 1]!, biasAt[depth - 1]!, nIn, act, fromA);
            zb = logit(weights, weightAt[depth - 1]!, biasAt[depth - 1]!, nIn, act, fromB);
          }
          const lossA = softplus(signs[k]! * za);
          if (table) table[k * cells + cell] = Math.min(lossA, MAX_LOSS);
          else cellSum += lossA;
          if (kb !== k) {
            const lossB = softplus(signs[kb]! * zb);
            if (table) table[kb * cells + cell] = Math.min(lossB, MAX_LOSS);
            else cellSum += lossB;
          }
        }
        if (sums) sums[cell]! += cellSum;
      }
    }
  }
}

/**
 * One hidden layer for two rows at once, A and B: act[toA + o] = activation(bias[o] + Σ W[o][q]·
 * act[fromA + q]), and act[toB + o] likewise from act[fromB ..], with W (nOut × nIn, row-major) at
 * weights[w] and the bias at weights[bias]. Four neurons by two rows share each load of a weight
 * and of an input, so the multiply-adds rather than the loads set the pace: in Chromium a table
 * takes 12 % less time than with one row and four neurons at a time (in Node 20 about the same).
 */
function hiddenLayers(
  weights: Float64Array,
  w: number,
  bias: number,
  nIn: number,
  nOut: number,
  act: Float64Array,
  fromA: number,
  fromB: number,
  toA: number,
  toB: number,
  relu: boolean,
): void {
  let o = 0;
  for (; o + 3 < nOut; o += 4) {
    const r0 = w + o * nIn;
    const r1 = r0 + nIn;
    const r2 = r1 + nIn;
    const r3 = r2 + nIn;
    let a0 = weights[bias + o]!;
    let a1 = weights[bias + o + 1]!;
    let a2 = weights[bias + o + 2]!;
    let a3 = weights[bias + o + 3]!;
    let b0 = a0;
    let b1 = a1;
    let b2 = a2;
    let b3 = a3;
    for (let q = 0; q < nIn; q++) {
      const ha = act[fromA + q]!;
      const hb = act[fromB + q]!;
      const w0 = weights[r0 + q]!;
      const w1 = weights[r1 + q]!;
      const w2 = weights[r2 + q]!;
      const w3 = weights[r3 + q]!;
      a0 += w0 * ha;
      b0 += w0 * hb;
      a1 += w1 * ha;
      b1 += w1 * hb;
      a2 += w2 * ha;
      b2 += w2 * hb;
      a3 += w3 * ha;
      b3 += w3 * hb;
    }
    act[toA + o] = relu ? (a0 > 0 ? a0 : 0) : tanh(a0);
    act[toA + o + 1] = relu ? (a1 > 0 ? a1 : 0) : tanh(a1);
    act[toA + o + 2] = relu ? (a2 > 0 ? a2 : 0) : tanh(a2);
    act[toA + o + 3] = relu ? (a3 > 0 ? a3 : 0) : tanh(a3);
    act[toB + o] = relu ? (b0 > 0 ? b0 : 0) : tanh(b0);
    act[toB + o + 1] = relu ? (b1 > 0 ? b1 : 0) : tanh(b1);
    act[toB + o + 2] = relu ? (b2 > 0 ? b2 : 0) : tanh(b2);
    act[toB + o + 3] = relu ? (b3 > 0 ? b3 : 0) : tanh(b3);
  }
  for (; o < nOut; o++) {
    const row = w + o * nIn;
    let sa = weights[bias + o]!;
    let sb = sa;
    for (let q = 0; q < nIn; q++) {
      const wq = weights[row + q]!;
      sa += wq * act[fromA + q]!;
      sb += wq * act[fromB + q]!;
    }
    act[toA + o] = relu ? (sa > 0 ? sa : 0) : tanh(sa);
    act[toB + o] = relu ? (sb > 0 ? sb : 0) : tanh(sb);
  }
}

/** The output neuron: weights[bias] + Σ W[q]·act[from + q], with two partial sums to overlap. */
function logit(
  weights: Float64Array,
  w: number,
  bias: number,
  nIn: number,
  act: Float64Array,
  from: number,
): number {
  let s0 = weights[bias]!;
  let s1 = 0;
  let q = 0;
  for (; q + 1 < nIn; q += 2) {
    s0 += weights[w + q]! * act[from + q]!;
    s1 += weights[w + q + 1]! * act[from + q + 1]!;
  }
  if (q < nIn) s0 += weights[w + q]! * act[from + q]!;
  return s0 + s1;
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
