import { expect } from 'chai';
import { makeDataset } from '../dataset.js';
import { assertInDelta } from '../test-helpers/assert.js';
import { createNetwork } from './mlp.js';
import { identityPlane, pcaPlane, planePoint, project, randomPlane } from './plane.js';
import { trainPath } from './train.js';

const dot = (u: ArrayLike<number>, v: ArrayLike<number>) => {
  let s = 0;
  for (let k = 0; k < u.length; k++) s += u[k]! * v[k]!;
  return s;
};

describe('pcaPlane(path)', () => {
  const network = createNetwork({ inputs: 2, layers: [8, 8] });
  const data = makeDataset('circles', { n: 200, seed: 2 });
  const path = trainPath({
    network,
    data,
    batchSize: 10,
    optimizer: 'adam',
    learningRate: 0.02,
    iterations: 150,
    seed: 3,
  });

  it('pcaPlane(path) has orthonormal directions through the last point, explained fractions in (0, 1] summing ≤ 1', () => {
    const plane = pcaPlane(path);
    const [d1, d2] = plane.directions;
    assertInDelta([dot(d1, d1), dot(d2, d2), dot(d1, d2)], [1, 1, 0], 1e-12);
    expect(Array.from(plane.origin)).to.deep.equal(Array.from(path.at(-1)!));
    const [e1, e2] = plane.explained!;
    expect(e1).to.be.above(0).and.at.most(1);
    expect(e2).to.be.above(0).and.at.most(e1);
    expect(e1 + e2).to.be.at.most(1 + 1e-12);
    expect(plane.labels[0]).to.equal(`PC1 (${Math.round(100 * e1)} % of the path)`);
    expect(plane.kind).to.equal('pca');
  });

  it('pcaPlane(path) finds the best plane: no other direction holds more of the path than PC1', () => {
    // Independent check of PC1: power iteration on XᵀX with X the rows θ_t − θ_final, plain loops.
    const last = path.at(-1)!;
    const diffs = path.map((t) => t.map((v, k) => v - last[k]!));
    let v = new Float64Array(network.size).fill(1);
    for (let it = 0; it < 2000; it++) {
      const next = new Float64Array(network.size);
      for (const d of diffs) {
        const c = dot(d, v);
        for (let k = 0; k < d.length; k++) next[k]! += c * d[k]!;
      }
      const norm = Math.sqrt(dot(next, next));
      v = next.map((x) => x / norm);
    }
    const plane = pcaPlane(path);
    assertInDelta(Math.abs(dot(v, plane.directions[0])), 1, 1e-8);
    const total = diffs.reduce((s, d) => s + dot(d, d), 0);
    const held = diffs.reduce((s, d) => s + dot(d, v) ** 2, 0);
    assertInDelta(plane.explained![0], held / total, 1e-9, { relative: true });
    // Signs: the path's first point has positive coordinates on both axes.
    const first = project(plane, path[0]!).point;
    expect(first[0]).to.be.above(0);
    expect(first[1]).to.be.above(0);
  });

  it('project(plane, θ) of a point that lies in the plane returns its coordinates and offPlane ≈ 0', () => {
    const plane = pcaPlane(path);
    const theta = planePoint(plane, 1.25, -0.5);
    const { point, offPlane } = project(plane, theta);
    assertInDelta(point, [1.25, -0.5], 1e-12);
    expect(offPlane).to.be.below(1e-12);
    // A path point off the plane: its distance is the norm of what the plane cannot hold.
    const off = project(plane, path[10]!);
    const back = planePoint(plane, off.point[0], off.point[1]);
    const gap = path[10]!.map((v, k) => v - back[k]!);
    assertInDelta(off.offPlane, Math.sqrt(dot(gap, gap)), 1e-12);
    assertInDelta([dot(gap, plane.directions[0]), dot(gap, plane.directions[1])], [0, 0], 1e-10);
  });

  it('pcaPlane(path) of a straight path still gives an orthonormal plane; a still path throws', () => {
    const straight = [0, 1, 2, 3].map((t) => Float64Array.of(t, 2 * t, 0));
    const plane = pcaPlane(straight);
    const [d1, d2] = plane.directions;
    assertInDelta([dot(d1, d1), dot(d2, d2), dot(d1, d2)], [1, 1, 0], 1e-12);
    assertInDelta(Array.from(d1), [-1 / Math.sqrt(5), -2 / Math.sqrt(5), 0], 1e-12);
    expect(plane.explained![1]).to.equal(0);
    expect(() => pcaPlane([Float64Array.of(1, 2), Float64Array.of(1, 2)])).to.throw(RangeError);
  });
});

describe('randomPlane(network, origin, seed) and identityPlane()', () => {
  it('randomPlane gives each neuron’s incoming-weight row its norm in the origin, and zero biases', () => {
    const network = createNetwork({ inputs: 2 });
    const origin = network.initialise(5);
    const plane = randomPlane(network, origin, 9);
    for (const d of plane.directions) {
      for (const block of network.layout) {
        for (let o = 0; o < block.rows; o++) {
          const start = block.offset + o * block.cols;
          const row = d.subarray(start, start + block.cols);
          if (block.name.startsWith('b')) {
            expect(Array.from(row)).to.deep.equal([0]);
            continue;
          }
          const want = origin.subarray(start, start + block.cols);
          assertInDelta(Math.sqrt(dot(row, row)), Math.sqrt(dot(want, want)), 1e-12, {
            relative: true,
          });
        }
      }
    }
    const [d1, d2] = plane.directions;
    assertInDelta(plane.cosine!, dot(d1, d2) / Math.sqrt(dot(d1, d1) * dot(d2, d2)), 1e-14);
    expect(Math.abs(plane.cosine!)).to.be.below(0.5);
    expect(plane.labels).to.deep.equal(['random direction 1', 'random direction 2']);
    expect(Array.from(randomPlane(network, origin, 9).directions[1])).to.deep.equal(Array.from(d2));
  });

  it('project(randomPlane, θ) solves the normal equations for non-orthogonal directions', () => {
    const network = createNetwork({ inputs: 2, layers: [3] });
    const plane = randomPlane(network, network.initialise(1), 2);
    const { point, offPlane } = project(plane, planePoint(plane, -0.7, 2.5));
    assertInDelta(point, [-0.7, 2.5], 1e-10);
    expect(offPlane).to.be.below(1e-10);
  });

  it('project(identityPlane(), w) returns the weights exactly, off the plane by 0', () => {
    const plane = identityPlane();
    expect(plane.labels).to.deep.equal(['W₁', 'W₂']);
    for (const w of [
      [15, 15],
      [-0.123456789, 3e-9],
      [1e300, -7.25],
    ]) {
      expect(project(plane, w)).to.deep.equal({ point: w, offPlane: 0 });
      expect(Array.from(planePoint(plane, w[0]!, w[1]!))).to.deep.equal(w);
    }
  });
});
