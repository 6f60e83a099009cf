// A small multi-layer perceptron with one logit: its parameter layout, loss and backprop gradient.

/*
 * Parameter layout (θ, a Float64Array of P numbers). For each layer ℓ = 1 .. L in order, where
 * layers 1 .. L−1 are the hidden ones (`layers`) and layer L has one output (the logit z):
 *
 *   Wℓ  rows × cols = out × in, row-major: Wℓ[o][i] = θ[offset + o·in + i]  (row o: neuron o's
 *       incoming weights, a "filter" in Li et al.'s filter normalisation)
 *   bℓ  out numbers: bℓ[o] = θ[offset + o]
 *
 * The forward pass: h0 = x (the row's d features), hℓ = act(Wℓ·hℓ₋₁ + bℓ) for hidden layers with
 * act = tanh or relu, z = W_L·h_{L−1} + b_L. The loss is the article's cross-entropy with x·w
 * replaced by z: softplus((1 − 2y)·z). With inputs 2 and layers [16, 16]:
 * W1 16×2 at 0, b1 at 32, W2 16×16 at 48, b2 at 304, W3 1×16 at 320, b3 at 336: P = 337.
 */

import { createRandom } from '../random.js';
import { featureCount } from '../dataset.js';
import { resolveRows } from '../rows.js';
import { sigmoid, softplus } from '../softplus.js';
import { tanh } from './tanh.js';
import type { Dataset, Rows } from '../types.js';

export type Activation = 'tanh' | 'relu';

export const activations: readonly Activation[] = ['tanh', 'relu'];

/** Where one weight matrix or bias vector sits in θ. A bias has `cols` 1. */
export interface ParameterBlock {
  name: string;
  offset: number;
  rows: number;
  cols: number;
}

export interface NetworkOptions {
  /** Features per row (the data set's d). */
  inputs: number;
  /** Hidden layer sizes (default [16, 16]); [] is logistic regression with a bias. */
  layers?: readonly number[];
  /** Hidden activation (default 'tanh'). */
  activation?: Activation;
}

export interface Network {
  readonly inputs: number;
  readonly layers: readonly number[];
  readonly activation: Activation;
  /** P, the number of parameters. */
  readonly size: number;
  /** W1, b1, W2, b2, ... in θ's order. */
  readonly layout: readonly ParameterBlock[];
  /** Seeded weights: Glorot-uniform for tanh, He-uniform for relu, biases 0. */
  initialise(seed: number): Float64Array;
  /** The logit z for the features `x[xOffset]` .. `x[xOffset + inputs − 1]`. */
  logit(theta: ArrayLike<number>, x: ArrayLike<number>, xOffset: number): number;
  /** Row r's loss softplus((1 − 2y)·z). */
  rowLoss(theta: ArrayLike<number>, data: Dataset, r: number): number;
  /** The rows' mean loss, with their mean gradient written into `gradOut` (length P) by backprop. */
  batchLossGradient(
    theta: ArrayLike<number>,
    data: Dataset,
    rows: Rows,
    gradOut: Float64Array,
  ): number;
}

/** Hidden layers wider than this would make a table take minutes: the page is for small networks. */
export const MAX_LAYER_SIZE = 256;
export const MAX_LAYERS = 8;

function checkOptions(options: NetworkOptions): Required<NetworkOptions> {
  const { inputs, layers = [16, 16], activation = 'tanh' } = options;
  if (!Number.isInteger(inputs) || inputs < 1 || inputs > MAX_LAYER_SIZE) {
    throw new RangeError(
      `createNetwork: inputs must be an integer from 1 to ${MAX_LAYER_SIZE}, got ${inputs}`,
    );
  }
  const hidden: readonly number[] = layers;
  if (!Array.isArray(hidden) || hidden.length > MAX_LAYERS) {
    throw new RangeError(`createNetwork: layers must list at most ${MAX_LAYERS} hidden sizes`);
  }
  for (const h of hidden) {
    if (!Number.isInteger(h) || h < 1 || h > MAX_LAYER_SIZE) {
      throw new RangeError(
        `createNetwork: each hidden size must be an integer from 1 to ${MAX_LAYER_SIZE}, got ${h}`,
      );
    }
  }
  if (!activations.includes(activation)) {
    throw new RangeError(
      `createNetwork: unknown activation '${String(activation)}' (expected tanh or relu)`,
    );
  }
  return { inputs, layers: hidden.slice(), activation };
}

/** The blocks of θ for a network with these inputs and hidden sizes, and P. */
export function networkLayout(
  inputs: number,
  layers: readonly number[],
): { layout: ParameterBlock[]; size: number } {
  const layout: ParameterBlock[] = [];
  let offset = 0;
  let fanIn = inputs;
  const outs = [...layers, 1];
  outs.forEach((out, l) => {
    layout.push({ name: `W${l + 1}`, offset, rows: out, cols: fanIn });
    offset += out * fanIn;
    layout.push({ name: `b${l + 1}`, offset, rows: out, cols: 1 });
    offset += out;
    fanIn = out;
  });
  return { layout, size: offset };
}

export function createNetwork(options: NetworkOptions): Network {
  const { inputs, layers, activation } = checkOptions(options);
  const { layout, size } = networkLayout(inputs, layers);
  const depth = layers.length + 1;
  const ins = [inputs, ...layers];
  const outs = [...layers, 1];
  const weightAt = ins.map((_, l) => layout[2 * l]!.offset);
  const biasAt = ins.map((_, l) => layout[2 * l + 1]!.offset);
  const relu = activation === 'relu';
  // Scratch, per network so the hot loops allocate nothing: each hidden layer's activations, and
  // (for backprop) the loss's derivative with respect to each hidden layer's pre-activations.
  const hidden = layers.map((h) => new Float64Array(h));
  const delta = layers.map((h) => new Float64Array(h));

  /** Fills `hidden` for the features at x[xOffset..] and returns the logit. */
  function forward(theta: ArrayLike<number>, x: ArrayLike<number>, xOffset: number): number {
    let z = 0;
    for (let l = 0; l < depth; l++) {
      const nIn = ins[l]!;
      const nOut = outs[l]!;
      const w = weightAt[l]!;
      const b = biasAt[l]!;
      const src = l === 0 ? x : hidden[l - 1]!;
      const srcOffset = l === 0 ? xOffset : 0;
      const dst = l < depth - 1 ? hidden[l]! : null;
      for (let o = 0; o < nOut; o++) {
        let s = theta[b + o]!;
        const row = w + o * nIn;
        for (let i = 0; i < nIn; i++) s += theta[row + i]! * src[srcOffset + i]!;
        if (dst) dst[o] = relu ? (s > 0 ? s : 0) : tanh(s);
        else z = s;
      }
    }
    return z;
  }

  function checkData(data: Dataset, where: string): void {
    const d = featureCount(data);
    if (d !== inputs) {
      throw new RangeError(`${where}: the network takes ${inputs} features, the data has ${d}`);
    }
  }

  function initialise(seed: number): Float64Array {
    const random = createRandom(seed);
    const theta = new Float64Array(size);
    for (let l = 0; l < depth; l++) {
      const nIn = ins[l]!;
      const nOut = outs[l]!;
      // Glorot & Bengio 2010 keep tanh's activations' variance through the layers; He et al. 2015
      // double it for relu, which zeroes half of them.
      const limit = relu ? Math.sqrt(6 / nIn) : Math.sqrt(6 / (nIn + nOut));
      const w = weightAt[l]!;
      for (let k = 0; k < nIn * nOut; k++) theta[w + k] = limit * (2 * random.uniform() - 1);
    }
    return theta;
  }

  function rowLoss(theta: ArrayLike<number>, data: Dataset, r: number): number {
    checkData(data, 'rowLoss');
    const z = forward(theta, data.x, r * inputs);
    return softplus(data.y[r] ? -z : z);
  }

  function batchLossGradient(
    theta: ArrayLike<number>,
    data: Dataset,
    rows: Rows,
    gradOut: Float64Array,
  ): number {
    checkData(data, 'batchLossGradient');
    if (theta.length !== size || gradOut.length !== size) {
      throw new RangeError(
        `batchLossGradient: theta and gradOut must have ${size} values, got ${theta.length} and ${gradOut.length}`,
      );
    }
    const indices = resolveRows(data, rows);
    gradOut.fill(0);
    let loss = 0;
    for (let k = 0; k < indices.length; k++) {
      const r = indices[k]!;
      const xOffset = r * inputs;
      const z = forward(theta, data.x, xOffset);
      const s = data.y[r] ? -1 : 1;
      loss += softplus(s * z);
      // d softplus(s·z)/dz = s·σ(s·z); then back through the layers, last to first.
      let dz = s * sigmoid(s * z);
      for (let l = depth - 1; l >= 0; l--) {
        const nIn = ins[l]!;
        const nOut = outs[l]!;
        const w = weightAt[l]!;
        const b = biasAt[l]!;
        const src = l === 0 ? data.x : hidden[l - 1]!;
        const srcOffset = l === 0 ? xOffset : 0;
        const dOut = l === depth - 1 ? null : delta[l]!;
        const dIn = l === 0 ? null : delta[l - 1]!;
        if (dIn) dIn.fill(0);
        for (let o = 0; o < nOut; o++) {
          const g = dOut ? dOut[o]! : dz;
          if (g === 0) continue;
          gradOut[b + o]! += g;
          const row = w + o * nIn;
          for (let i = 0; i < nIn; i++) {
            gradOut[row + i]! += g * src[srcOffset + i]!;
            if (dIn) dIn[i]! += g * theta[row + i]!;
          }
        }
        if (dIn) {
          // Through the activation of the layer below: tanh' = 1 − h², relu' = [h > 0].
          const h = hidden[l - 1]!;
          for (let i = 0; i < nIn; i++) {
            const a = h[i]!;
            dIn[i] = relu ? (a > 0 ? dIn[i]! : 0) : dIn[i]! * (1 - a * a);
          }
        }
        dz = 0;
      }
    }
    const scale = 1 / indices.length;
    for (let k = 0; k < size; k++) gradOut[k]! *= scale;
    return loss * scale;
  }

  return {
    inputs,
    layers,
    activation,
    size,
    layout,
    initialise,
    logit: forward,
    rowLoss,
    batchLossGradient,
  };
}
