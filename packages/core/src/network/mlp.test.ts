import { expect } from 'chai';
import { makeDataset } from '../dataset.js';
import { assertInDelta } from '../test-helpers/assert.js';
import type { Dataset } from '../types.js';
import { createNetwork } from './mlp.js';

/**
 * The oracle: the documented layout read with plain loops, written apart from mlp.ts. For each
 * layer, W (out × in, row-major) then b (out); hidden layers apply `act`, the last gives the logit.
 */
function naiveLoss(
  theta: ArrayLike<number>,
  hidden: number[],
  act: (s: number) => number,
  x: number[],
  y: number,
): number {
  let h = x;
  let offset = 0;
  const sizes = [...hidden, 1];
  for (let l = 0; l < sizes.length; l++) {
    const out = sizes[l]!;
    const fanIn = h.length;
    const next: number[] = [];
    for (let o = 0; o < out; o++) {
      let s = theta[offset + out * fanIn + o]!;
      for (let i = 0; i < fanIn; i++) s += theta[offset + o * fanIn + i]! * h[i]!;
      next.push(l === sizes.length - 1 ? s : act(s));
    }
    offset += out * fanIn + out;
    h = next;
  }
  const t = y === 1 ? -h[0]! : h[0]!;
  return t > 30 ? t + Math.exp(-t) : Math.log1p(Math.exp(t));
}

/** A documented parameter vector: θ_k = 0.6·sin(1.3·k + 0.4). */
function documentedTheta(p: number): Float64Array {
  return Float64Array.from({ length: p }, (_, k) => 0.6 * Math.sin(1.3 * k + 0.4));
}

const relu = (s: number) => Math.max(s, 0);

describe('createNetwork(options)', () => {
  it('createNetwork({inputs: 2}) has layers [16, 16], tanh, P = 337 and the documented layout', () => {
    const network = createNetwork({ inputs: 2 });
    expect(network.layers).to.deep.equal([16, 16]);
    expect(network.activation).to.equal('tanh');
    expect(network.size).to.equal(337);
    expect(network.layout).to.deep.equal([
      { name: 'W1', offset: 0, rows: 16, cols: 2 },
      { name: 'b1', offset: 32, rows: 16, cols: 1 },
      { name: 'W2', offset: 48, rows: 16, cols: 16 },
      { name: 'b2', offset: 304, rows: 16, cols: 1 },
      { name: 'W3', offset: 320, rows: 1, cols: 16 },
      { name: 'b3', offset: 336, rows: 1, cols: 1 },
    ]);
  });

  it('network.rowLoss(θ, data, r) agrees with a plain-loop forward pass for tanh and relu, d = 3', () => {
    const data: Dataset = {
      n: 3,
      d: 3,
      x: Float64Array.of(0.5, -1, 2, 1.5, 0.25, -0.75, -2, 3, 0.1),
      y: Uint8Array.of(0, 1, 1),
    };
    for (const [activation, act] of [
      ['tanh', Math.tanh],
      ['relu', relu],
    ] as const) {
      const network = createNetwork({ inputs: 3, layers: [5, 4], activation });
      expect(network.size).to.equal(3 * 5 + 5 + 5 * 4 + 4 + 4 + 1);
      const theta = documentedTheta(network.size);
      for (let r = 0; r < 3; r++) {
        const x = Array.from(data.x.subarray(3 * r, 3 * r + 3));
        const expected = naiveLoss(theta, [5, 4], act, x, data.y[r]!);
        assertInDelta(network.rowLoss(theta, data, r), expected, 1e-12, { relative: true });
      }
    }
  });

  it('network.batchLossGradient(θ, data, rows, g) is the mean loss and matches central differences', () => {
    const data = makeDataset('spirals', { n: 40, seed: 3 });
    const rows = [0, 5, 17, 22, 39];
    for (const activation of ['tanh', 'relu'] as const) {
      const network = createNetwork({ inputs: 2, layers: [6, 5], activation });
      const act = activation === 'tanh' ? Math.tanh : relu;
      const theta = network.initialise(4);
      for (let k = 0; k < theta.length; k++) theta[k]! += 0.05 * Math.cos(k); // biases not all 0
      const mean = (t: ArrayLike<number>) =>
        rows.reduce(
          (s, r) => s + naiveLoss(t, [6, 5], act, [data.x[2 * r]!, data.x[2 * r + 1]!], data.y[r]!),
          0,
        ) / rows.length;
      const g = new Float64Array(network.size);
      const loss = network.batchLossGradient(theta, data, rows, g);
      assertInDelta(loss, mean(theta), 1e-12, { relative: true });
      const h = 1e-6;
      for (let k = 0; k < network.size; k++) {
        const plus = Float64Array.from(theta);
        const minus = Float64Array.from(theta);
        plus[k]! += h;
        minus[k]! -= h;
        const fd = (mean(plus) - mean(minus)) / (2 * h);
        assertInDelta(g[k]!, fd, 1e-6, { relative: true, floor: 1e-7 });
      }
    }
  });

  it('network.initialise(seed) is seeded, Glorot-uniform for tanh and He-uniform for relu, biases 0', () => {
    for (const activation of ['tanh', 'relu'] as const) {
      const network = createNetwork({ inputs: 2, activation });
      const theta = network.initialise(7);
      expect(Array.from(theta)).to.deep.equal(Array.from(network.initialise(7)));
      expect(Array.from(theta)).to.not.deep.equal(Array.from(network.initialise(8)));
      for (const block of network.layout) {
        const values = theta.subarray(block.offset, block.offset + block.rows * block.cols);
        if (block.name.startsWith('b')) {
          expect(
            values.every((v) => v === 0),
            block.name,
          ).to.equal(true);
          continue;
        }
        const limit =
          activation === 'tanh'
            ? Math.sqrt(6 / (block.cols + block.rows))
            : Math.sqrt(6 / block.cols);
        const largest = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
        expect(largest, block.name).to.be.at.most(limit);
        if (values.length >= 32) expect(largest, block.name).to.be.above(0.8 * limit);
      }
    }
  });

  it('createNetwork rejects bad sizes and activations; the loss refuses data of another width', () => {
    expect(() => createNetwork({ inputs: 0 })).to.throw(RangeError, /inputs/);
    expect(() => createNetwork({ inputs: 2, layers: [0] })).to.throw(RangeError, /hidden size/);
    expect(() => createNetwork({ inputs: 2, activation: 'gelu' as 'tanh' })).to.throw(
      RangeError,
      /activation 'gelu'/,
    );
    const network = createNetwork({ inputs: 3 });
    expect(() => network.rowLoss(network.initialise(1), makeDataset('blobs'), 0)).to.throw(
      RangeError,
      /3 features, the data has 2/,
    );
  });
});
