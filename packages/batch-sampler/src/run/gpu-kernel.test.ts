// The GPU kernel against core's CPU reference, on this machine's software GL (SwiftShader).
import { expect } from '@open-wc/testing';
import {
  createGrid,
  logistic,
  lossGrid,
  makeDataset,
  perSampleVariance,
  type Dataset,
} from '@lossquake/core';
import { LogisticGpuKernel } from './gpu-kernel.js';

/** float32 tolerance: 1e-5 of the value, and below float32's smallest normal number, that number. */
function expectClose(actual: Float32Array, expected: Float32Array, what: string): void {
  expect(actual.length).to.equal(expected.length);
  for (let c = 0; c < actual.length; c++) {
    const error = Math.abs(actual[c]! - expected[c]!);
    if (error > 1e-5 * Math.max(Math.abs(expected[c]!), 1.2e-38))
      expect.fail(`${what}: cell ${c} is ${actual[c]}, the CPU's ${expected[c]}`);
  }
}

const sets: [string, Dataset][] = [
  ['blobs', makeDataset('blobs', { n: 3000, seed: 2 })],
  ['moons', makeDataset('moons', { n: 500, seed: 5 })],
  ['xor', makeDataset('xor', { n: 400, seed: 7 })],
];
// [w1 range, w2 range, size, batch]: sizes not a multiple of 4, one or several texture lines,
// and windows where |z| reaches the hundreds (losses from ~1e-10 to ~1e2).
const cases: [[number, number], [number, number], number, number][] = [
  [[-20, 20], [-20, 20], 64, 10],
  [[-20, 20], [-14, 26], 33, 100],
  [[-1, 1], [-1, 1], 17, 1000],
  [[-200, 200], [-140, 260], 40, 50],
  [[5, 60], [-60, -5], 63, 2500],
];

describe('LogisticGpuKernel', () => {
  const kernel = LogisticGpuKernel.create();

  it('has WebGL2 with float render targets here (software GL)', () => {
    expect(kernel).to.not.equal(null);
  });

  it("equals core's lossGrid within float32 tolerance over grids, batches and extents", () => {
    for (const [name, data] of sets) {
      for (const [w1, w2, size, batch] of cases) {
        const grid = createGrid([...w1, ...w2], size);
        const rows = Uint32Array.from(
          { length: Math.min(batch, data.n) },
          (_, k) => (k * 37) % data.n,
        );
        const gpu = kernel!.logistic(data, rows, grid)!;
        expectClose(gpu, lossGrid(logistic, data, rows, grid).values, `${name} ${size}² ${batch}`);
      }
    }
  });

  it("computes σ² per cell equal to core's perSampleVariance", () => {
    for (const [name, data] of sets.slice(1)) {
      const grid = createGrid([-30, 30, -25, 35], 21);
      const all = Uint32Array.from({ length: data.n }, (_, k) => k);
      const gpu = kernel!.logistic(data, all, grid, true)!;
      expectClose(gpu, perSampleVariance(logistic, data, grid).values, `${name} σ²`);
    }
  });

  it('answers null once its context is lost', () => {
    const canvas = new OffscreenCanvas(1, 1);
    const other = LogisticGpuKernel.create(canvas)!;
    const data = sets[1]![1];
    const grid = createGrid([-5, 5, -5, 5], 8);
    expect(other.logistic(data, [0, 1, 2], grid)).to.not.equal(null);
    const gl = canvas.getContext('webgl2')!;
    gl.getExtension('WEBGL_lose_context')!.loseContext();
    expect(other.lost).to.equal(true);
    expect(other.logistic(data, [0, 1, 2], grid)).to.equal(null);
  });
});
