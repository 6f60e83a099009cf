import { expect } from '@open-wc/testing';
import { bandOf, bandPosition, levelThresholds } from './levels.js';

describe('levelThresholds', () => {
  it('levelThresholds(0, 40, 10) returns the 10 lower band edges 0, 4, …, 36', () => {
    expect(Array.from(levelThresholds(0, 40, 10))).to.deep.equal([
      0, 4, 8, 12, 16, 20, 24, 28, 32, 36,
    ]);
  });

  it('levelThresholds(lo, lo, n) still returns n increasing thresholds for a flat landscape', () => {
    const t = levelThresholds(3, 3, 4);
    t.forEach((edge, k) => k > 0 && expect(edge).to.be.greaterThan(t[k - 1]!));
  });

  it('levelThresholds writes into `out` when it has the right length', () => {
    const out = new Float64Array(3);
    expect(levelThresholds(0, 3, 3, out)).to.equal(out);
    expect(Array.from(out)).to.deep.equal([0, 1, 2]);
  });
});

describe('bandOf', () => {
  const t = levelThresholds(0, 40, 10);
  it('bandOf(value) puts edges in the upper band and clamps outside values to the end bands', () => {
    expect(bandOf(3.9, t)).to.equal(0);
    expect(bandOf(4, t)).to.equal(1);
    expect(bandOf(21, t)).to.equal(5);
    expect(bandOf(-100, t)).to.equal(0);
    expect(bandOf(1000, t)).to.equal(9);
  });

  it('bandPosition spreads bands over the whole colour map', () => {
    expect(bandPosition(0, 10)).to.equal(0);
    expect(bandPosition(9, 10)).to.equal(1);
  });
});

describe("levelThresholds(…, 'log')", () => {
  it("levelThresholds(lo, hi, n, out, 'log') starts at lo, stays below hi and widens upwards", () => {
    const t = levelThresholds(2, 102, 5, undefined, 'log');
    expect(t[0]).to.equal(2);
    expect(t[4]).to.be.lessThan(102);
    const widths = Array.from(t.subarray(1), (edge, k) => edge - t[k]!);
    widths.forEach((width, k) => k > 0 && expect(width).to.be.greaterThan(widths[k - 1]!));
    // t_k = lo + span · (101^(k/n) − 1) / 100
    expect(t[1]).to.be.closeTo(2 + (100 * (Math.pow(101, 0.2) - 1)) / 100, 1e-9);
  });
});
