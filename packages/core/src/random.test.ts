import { expect } from '@open-wc/testing';
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
