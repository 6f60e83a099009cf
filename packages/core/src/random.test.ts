import { expect } from 'chai';
import { createRandom, deriveSeed } from './random.js';

function draws(seed: number, count = 100): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length: count }, () => random.uniform());
}

describe('createRandom(seed)', () => {
  it('createRandom(seed).uniform() repeats for one seed and differs between seeds', () => {
    expect(Array.from(draws(7))).to.deep.equal(Array.from(draws(7)));
    expect(Array.from(draws(7))).to.not.deep.equal(Array.from(draws(8)));
    // Nearby seeds must not give shifted copies of one stream.
    const a = draws(1);
    const b = draws(2);
    expect(a.filter((v) => b.includes(v)).length).to.equal(0);
  });

  it('createRandom(seed).uniform() lies in [0, 1) with mean 1/2 and variance 1/12', () => {
    const values = draws(3, 20000);
    let sum = 0;
    let squares = 0;
    for (const v of values) {
      expect(v >= 0 && v < 1).to.equal(true);
      sum += v;
      squares += v * v;
    }
    const mean = sum / values.length;
    // Standard errors: sqrt(1/12/20000) = 0.002 for the mean, ~0.0007 for the variance.
    expect(Math.abs(mean - 0.5)).to.be.below(0.008);
    expect(Math.abs(squares / values.length - mean * mean - 1 / 12)).to.be.below(0.003);
  });

  it('createRandom(seed).normal() has mean 0 and sd 1, and honours mean and sd', () => {
    const random = createRandom(4);
    const n = 20000;
    let sum = 0;
    let squares = 0;
    for (let k = 0; k < n; k++) {
      const v = random.normal();
      sum += v;
      squares += v * v;
    }
    expect(Math.abs(sum / n)).to.be.below(0.03);
    expect(Math.abs(squares / n - 1)).to.be.below(0.04);
    const shifted = createRandom(5);
    let total = 0;
    for (let k = 0; k < 4000; k++) total += shifted.normal(10, 0.5);
    expect(Math.abs(total / 4000 - 10)).to.be.below(0.04);
  });

  it('createRandom(seed).int(n) covers 0 .. n − 1 evenly and rejects bad n', () => {
    const random = createRandom(6);
    const counts = new Array(5).fill(0);
    for (let k = 0; k < 5000; k++) counts[random.int(5)]++;
    for (const c of counts) expect(Math.abs(c - 1000)).to.be.below(120);
    expect(() => random.int(0)).to.throw(RangeError);
    expect(() => random.int(2.5)).to.throw(RangeError);
  });

  it('createRandom(seed).shuffle(array) permutes in place, reproducibly', () => {
    const a = createRandom(9).shuffle(Uint32Array.from({ length: 50 }, (_, k) => k));
    const b = createRandom(9).shuffle(Uint32Array.from({ length: 50 }, (_, k) => k));
    expect(Array.from(a)).to.deep.equal(Array.from(b));
    expect(Array.from(a).sort((p, q) => p - q)).to.deep.equal(
      Array.from({ length: 50 }, (_, k) => k),
    );
    expect(Array.from(a)).to.not.deep.equal(Array.from({ length: 50 }, (_, k) => k));
  });

  it('createRandom(seed).shuffle(array) makes every permutation of 3 about equally likely', () => {
    const random = createRandom(10);
    const counts = new Map<string, number>();
    for (let k = 0; k < 6000; k++) {
      const key = random.shuffle([0, 1, 2]).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).to.equal(6);
    for (const c of counts.values()) expect(Math.abs(c - 1000)).to.be.below(130);
  });

  it('createRandom(seed).getState() and setState(state) resume exactly, spare normal included', () => {
    const random = createRandom(11);
    random.normal(); // leaves a spare deviate cached
    const saved = random.getState();
    const ahead = [random.normal(), random.uniform(), random.normal()];
    random.setState(saved);
    expect([random.normal(), random.uniform(), random.normal()]).to.deep.equal(ahead);
    const resumed = createRandom(saved);
    expect([resumed.normal(), resumed.uniform(), resumed.normal()]).to.deep.equal(ahead);
  });

  it('createRandom(seed).fork() continues the same stream independently', () => {
    const random = createRandom(12);
    random.uniform();
    const fork = random.fork();
    const a = [random.uniform(), random.uniform()];
    expect([fork.uniform(), fork.uniform()]).to.deep.equal(a);
  });

  it('deriveSeed(seed, stream) gives distinct, reproducible sub-streams', () => {
    expect(deriveSeed(1, 0)).to.equal(deriveSeed(1, 0));
    const seeds = new Set(Array.from({ length: 1000 }, (_, k) => deriveSeed(1, k)));
    expect(seeds.size).to.equal(1000);
    expect(deriveSeed(1, 5)).to.not.equal(deriveSeed(2, 5));
  });
});

describe('createRandom(seed): the exact stream', () => {
  /** mulberry32 as its author published it, written independently of random.ts. */
  function mulberry32(seed: number): () => number {
    let a = seed;
    return () => {
      let t = (a = (a + 0x6d2b79f5) | 0);
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it('createRandom(state).uniform() is mulberry32 from that state', () => {
    for (const state of [0, 1, 123456789, -5, 0x7fffffff]) {
      const reference = mulberry32(state);
      const random = createRandom({ state, spare: null });
      const draws = Array.from({ length: 5 }, () => random.uniform());
      expect(draws, `state ${state}`).to.deep.equal(Array.from({ length: 5 }, reference));
    }
  });

  it('createRandom(state).normal() is the Marsaglia polar method on that uniform stream', () => {
    const reference = mulberry32(42);
    let u: number, v: number, s: number;
    do {
      u = 2 * reference() - 1;
      v = 2 * reference() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    const random = createRandom({ state: 42, spare: null });
    expect(random.normal(1, 2)).to.equal(1 + 2 * u * f);
    expect(random.normal(1, 2)).to.equal(1 + 2 * v * f);
  });

  it('createRandom(seed) and deriveSeed(seed, stream) stay the numbers they were when snippets were shared', () => {
    // A toHTML() snippet replays its run from the seed, so these streams must never change.
    const first = (seed: number) => {
      const random = createRandom(seed);
      return [random.uniform(), random.uniform()];
    };
    expect(first(1)).to.deep.equal([0.2860478847287595, 0.24245584453456104]);
    expect(first(2)).to.deep.equal([0.034536534920334816, 0.9768460260238498]);
    expect(first(1.5)).to.deep.equal([0.7956613034475595, 0.3430678534787148]);
    expect(first(-3)).to.deep.equal([0.7075134890619665, 0.3121312824077904]);
    expect(first(2 ** 40)).to.deep.equal([0.11769384169019759, 0.7142431477550417]);
    expect(first(2 ** 53)).to.deep.equal([0.9687140379101038, 0.7824564501643181]);
    expect(first(2 ** 60)).to.deep.equal([0.0955582526512444, 0.2124138125218451]);
    // A shuffle draws exactly length − 1 numbers, so what follows it is pinned too.
    const random = createRandom(3);
    expect([random.shuffle([0, 1, 2, 3, 4, 5]), random.uniform()]).to.deep.equal([
      [2, 3, 5, 0, 4, 1],
      0.8299725595861673,
    ]);
    expect([
      deriveSeed(1, 0),
      deriveSeed(1, 1),
      deriveSeed(7, 3),
      deriveSeed(1.5, 2),
    ]).to.deep.equal([3473768677, 4036406759, 4074507105, 933134049]);
  });
});

describe('createRandom(seed).int(n) at its limits', () => {
  it('int(n) takes 1 .. 2^32 and refuses 0, a fraction and 2^32 + 1', () => {
    const random = createRandom(4);
    expect(Array.from({ length: 5 }, () => random.int(1))).to.deep.equal([0, 0, 0, 0, 0]);
    expect(random.int(2 ** 32)).to.be.within(0, 2 ** 32 - 1);
    for (const n of [0, 2.5, 2 ** 32 + 1])
      expect(() => random.int(n), `n = ${n}`).to.throw(RangeError, /random\.int/);
    expect(() => createRandom(NaN)).to.throw(RangeError, /createRandom: seed/);
  });
});
