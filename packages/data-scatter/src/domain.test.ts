import { expect } from '@open-wc/testing';
import { dataDomain, MARGIN } from './domain.js';

const rows = (...xy: number[]) => ({
  n: xy.length / 2,
  x: Float64Array.from(xy),
  y: new Uint8Array(xy.length / 2),
});

describe('dataDomain(data)', () => {
  it('returns each feature’s own range, padded by 5 % of its span on each side', () => {
    const { x1, x2 } = dataDomain(rows(-3, 0, 3.2, -2.5, 0, 5.8));
    expect(MARGIN).to.equal(0.05);
    expect(x1[0]).to.be.closeTo(-3 - 0.31, 1e-12);
    expect(x1[1]).to.be.closeTo(3.2 + 0.31, 1e-12);
    expect(x2[0]).to.be.closeTo(-2.5 - 0.415, 1e-12);
    expect(x2[1]).to.be.closeTo(5.8 + 0.415, 1e-12);
  });

  it('gives a feature that never varies a span of 1 around its value', () => {
    expect(dataDomain(rows(2, 7, 2, 9)).x1).to.deep.equal([1.5, 2.5]);
  });
});
