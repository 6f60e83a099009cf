import { expect } from 'chai';
import { sigmoid, softplus } from './softplus.js';

describe('softplus(t) and sigmoid(z)', () => {
  it('softplus(t) is ln(1 + e^t) where that is finite, t for large t, e^t for very negative t', () => {
    for (const t of [-5, -1, 0, 0.5, 3])
      expect(softplus(t)).to.be.closeTo(Math.log(1 + Math.exp(t)), 1e-15);
    expect(softplus(1000)).to.equal(1000);
    expect(softplus(-700) / Math.exp(-700)).to.be.closeTo(1, 1e-12);
  });

  it('sigmoid(z) is 1 / (1 + e^−z), symmetric, and keeps its tiny values far out on the negative side', () => {
    for (const z of [-3, -0.5, 0, 0.5, 3])
      expect(sigmoid(z)).to.be.closeTo(1 / (1 + Math.exp(-z)), 1e-15);
    expect(sigmoid(2) + sigmoid(-2)).to.be.closeTo(1, 1e-15);
    // e^720 overflows, so 1 / (1 + e^720) would round to 0; e^−720 / (1 + e^−720) does not.
    expect(sigmoid(-720) / Math.exp(-720)).to.be.closeTo(1, 1e-12);
  });
});
