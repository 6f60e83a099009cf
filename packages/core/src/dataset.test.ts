import { expect } from 'chai';
import { featureCount, makeDataset, MAX_ROWS, MIN_ROWS } from './dataset.js';
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

describe('makeDataset: circles and spirals, the data that needs a network', () => {
  it("makeDataset('blobs' | 'moons' | 'xor') draws the same numbers as before circles and spirals were added", () => {
    // Pinned from the previous makeDataset (n = 301): x[0], x[601] and the sum of x, in order.
    // Bit-identical in Node; browsers' Math.log may differ in the last bit, hence 1e−14 (a change
    // in how the noise is drawn moves these by whole units).
    const pinned: [string, number, number, number, number][] = [
      ['blobs', 1, -0.8093105794684012, 0.2641656840955915, 424.3899709111757],
      ['blobs', 7, -0.4047440977462849, -0.7505447278235619, 460.91899680913593],
      ['moons', 1, 0.9190689420531599, 0.5264165684095591, 222.77564029124085],
      ['moons', 7, 0.9595255902253715, 0.42494552721764367, 226.42854288103698],
      ['xor', 1, -1.9046552897342006, -1.3679171579522043, -17.30501454441204],
      ['xor', 7, -1.7023720488731424, -1.875272363911781, 0.9594984045678001],
    ];
    for (const [kind, seed, first, last, sum] of pinned) {
      const data = makeDataset(kind as 'blobs', { seed, n: 301 });
      assertInDelta(
        [data.x[0]!, data.x[601]!, data.x.reduce((s, v) => s + v, 0)],
        [first, last, sum],
        1e-14,
        { relative: true, floor: 1e-14 },
      );
    }
  });

  it("makeDataset('circles', {noise: 0}) puts class 0 on the unit circle and class 1 on radius 0.5", () => {
    const data = makeDataset('circles', { n: 101, noise: 0 });
    expect(classMean(data, 0)[2]).to.equal(51);
    for (let r = 0; r < data.n; r++) {
      const radius = Math.hypot(data.x[2 * r]!, data.x[2 * r + 1]!);
      assertInDelta(radius, data.y[r] ? 0.5 : 1, 1e-12);
    }
    // Evenly spaced angles: the classes are centred on the origin, so no line through it splits them.
    assertInDelta(classMean(data, 0).slice(0, 2), [0, 0], 1e-12);
    assertInDelta(classMean(data, 1).slice(0, 2), [0, 0], 1e-12);
  });

  it("makeDataset('spirals', {noise: 0}) makes class 1 the class-0 arm turned by π, radius growing to 2", () => {
    const data = makeDataset('spirals', { n: 200, noise: 0 });
    for (let k = 0; k < 100; k++) {
      assertInDelta(
        [data.x[2 * (100 + k)]!, data.x[2 * (100 + k) + 1]!],
        [-data.x[2 * k]!, -data.x[2 * k + 1]!],
        1e-12,
      );
      expect([data.y[k], data.y[100 + k]]).to.deep.equal([0, 1]);
      assertInDelta(Math.hypot(data.x[2 * k]!, data.x[2 * k + 1]!), (2 * k) / 100, 1e-12);
    }
  });

  it('makeDataset(circles | spirals, {seed}) repeats for one seed, and featureCount(data) is 2', () => {
    for (const kind of ['circles', 'spirals'] as const) {
      const a = makeDataset(kind, { seed: 5 });
      expect(Array.from(a.x)).to.deep.equal(Array.from(makeDataset(kind, { seed: 5 }).x));
      expect(Array.from(a.x)).to.not.deep.equal(Array.from(makeDataset(kind, { seed: 6 }).x));
      expect(featureCount(a)).to.equal(2);
    }
    expect(featureCount({ n: 1, x: new Float64Array(5), y: new Uint8Array(1), d: 5 })).to.equal(5);
  });
});
