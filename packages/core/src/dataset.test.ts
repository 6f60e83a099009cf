import { expect } from 'chai';
import { makeDataset, MAX_ROWS, MIN_ROWS } from './dataset.js';
import { assertInDelta } from './test-helpers/assert.js';
import type { Dataset } from './types.js';

function classMean(data: Dataset, label: number): [number, number, number] {
  let sx = 0;
  let sy = 0;
  let count = 0;
  for (let r = 0; r < data.n; r++) {
    if (data.y[r] !== label) continue;
    sx += data.x[2 * r]!;
    sy += data.x[2 * r + 1]!;
    count++;
  }
  return [sx / count, sy / count, count];
}

describe('makeDataset(kind, options)', () => {
  it("makeDataset('blobs') is the seed's data: class 0 around (0, 3), class 1 around (0, 0), 500 each, sd 1", () => {
    const data = makeDataset('blobs');
    expect(data.n).to.equal(1000);
    expect(data.x.length).to.equal(2000);
    expect(data.y.length).to.equal(1000);
    const [x0, y0, n0] = classMean(data, 0);
    const [x1, y1, n1] = classMean(data, 1);
    expect([n0, n1]).to.deep.equal([500, 500]);
    // Standard error of a 500-point mean with sd 1: 0.045.
    assertInDelta([x0, y0, x1, y1], [0, 3, 0, 0], 0.15);
    let squares = 0;
    for (let r = 0; r < 500; r++) squares += data.x[2 * r]! ** 2;
    assertInDelta(Math.sqrt(squares / 500), 1, 0.1);
  });

  it("makeDataset('blobs', {noise}) scales the spread", () => {
    const data = makeDataset('blobs', { noise: 0.1 });
    for (let r = 0; r < data.n; r++) {
      expect(Math.abs(data.x[2 * r]!)).to.be.below(0.6);
      expect(Math.abs(data.x[2 * r + 1]! - (data.y[r] === 0 ? 3 : 0))).to.be.below(0.6);
    }
  });

  it('makeDataset(kind, {seed}) repeats for one seed and differs between seeds', () => {
    for (const kind of ['blobs', 'moons', 'xor'] as const) {
      expect(Array.from(makeDataset(kind, { seed: 3 }).x)).to.deep.equal(
        Array.from(makeDataset(kind, { seed: 3 }).x),
      );
      expect(Array.from(makeDataset(kind, { seed: 3 }).x)).to.not.deep.equal(
        Array.from(makeDataset(kind, { seed: 4 }).x),
      );
    }
  });

  it("makeDataset('moons') puts class 0 on the upper unit half circle and class 1 on the shifted lower one", () => {
    const data = makeDataset('moons', { n: 201, noise: 0 });
    expect(classMean(data, 0)[2]).to.equal(101);
    for (let r = 0; r < data.n; r++) {
      const [px, py] = [data.x[2 * r]!, data.x[2 * r + 1]!];
      const [cx, cy] = data.y[r] ? [1, 0.5] : [0, 0];
      assertInDelta(Math.hypot(px - cx, py - cy), 1, 1e-12);
      expect(data.y[r] ? py <= 0.5 + 1e-12 : py >= -1e-12).to.equal(true);
    }
  });

  it("makeDataset('xor') labels the quadrants by the sign of x1·x2", () => {
    const data = makeDataset('xor', { n: 400, noise: 0.1 });
    for (let r = 0; r < data.n; r++) {
      expect(data.y[r]).to.equal(data.x[2 * r]! * data.x[2 * r + 1]! < 0 ? 1 : 0);
    }
    expect(classMean(data, 1)[2]).to.equal(200);
  });

  it('makeDataset(kind, {n}) rejects sizes outside 2 .. 100 000 and unknown kinds', () => {
    expect(makeDataset('blobs', { n: 2 }).n).to.equal(2);
    expect(makeDataset('blobs', { n: 7 }).y.filter((v) => v === 0).length).to.equal(4);
    for (const n of [1, 0, -5, 2.5, 100_001, NaN]) {
      expect(() => makeDataset('blobs', { n }), `n = ${n}`).to.throw(RangeError, /2 to 100000/);
    }
    expect(() => makeDataset('spiral' as 'blobs')).to.throw(RangeError, /unknown kind 'spiral'/);
    expect(() => makeDataset('blobs', { noise: -1 })).to.throw(RangeError, /noise/);
  });
});

describe('makeDataset(kind, {noise: 0}): the shapes themselves', () => {
  const points = (data: Dataset): [number, number, number][] =>
    Array.from({ length: data.n }, (_, r) => [data.x[2 * r]!, data.x[2 * r + 1]!, data.y[r]!]);

  it("makeDataset('moons') puts class 0 on the upper half circle and class 1 on scikit-learn's lower one", () => {
    // n = 9: five upper points at angles 0, π/4, …, π; four lower ones at 0, π/3, 2π/3, π.
    const expected: [number, number, number][] = [
      ...[0, 1, 2, 3, 4].map((k): [number, number, number] => {
        const a = (Math.PI * k) / 4;
        return [Math.cos(a), Math.sin(a), 0];
      }),
      ...[0, 1, 2, 3].map((k): [number, number, number] => {
        const a = (Math.PI * k) / 3;
        return [1 - Math.cos(a), 0.5 - Math.sin(a), 1];
      }),
    ];
    const got = points(makeDataset('moons', { n: 9, noise: 0 }));
    assertInDelta(got.flat(), expected.flat(), 1e-12);
  });

  it("makeDataset('moons', {n: 2}) puts its one point per class at the start of each arc", () => {
    expect(points(makeDataset('moons', { n: 2, noise: 0 }))).to.deep.equal([
      [1, 0, 0],
      [0, 0.5, 1],
    ]);
  });

  it("makeDataset('xor') deals the four corners (±1.5, ±1.5) in turn, labelled 1 where the signs differ", () => {
    expect(points(makeDataset('xor', { n: 8, noise: 0 }))).to.deep.equal([
      [-1.5, -1.5, 0],
      [1.5, -1.5, 1],
      [-1.5, 1.5, 1],
      [1.5, 1.5, 0],
      [-1.5, -1.5, 0],
      [1.5, -1.5, 1],
      [-1.5, 1.5, 1],
      [1.5, 1.5, 0],
    ]);
  });

  it('makeDataset(kind, {n}) takes n from MIN_ROWS to MAX_ROWS and names itself when n is outside', () => {
    expect(makeDataset('blobs', { n: MIN_ROWS }).n).to.equal(MIN_ROWS);
    expect(makeDataset('blobs', { n: MAX_ROWS }).n).to.equal(MAX_ROWS);
    expect(() => makeDataset('blobs', { n: MAX_ROWS + 1 })).to.throw(RangeError, /^makeDataset: /);
    expect(() => makeDataset('blobs', { n: MIN_ROWS - 1 })).to.throw(RangeError, /^makeDataset: /);
  });
});
