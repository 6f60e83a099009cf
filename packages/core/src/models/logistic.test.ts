import { expect } from 'chai';
import { assertInDelta } from '../test-helpers/assert.js';
import { logistic } from './logistic.js';
import { getModel, models } from './registry.js';

describe('logistic', () => {
  it('logistic.loss(x1, x2, y, w1, w2) matches hand-computed cross-entropies', () => {
    // z = 1·0.5 + 2·(−0.25) = 0, so L = ln 2 for either label.
    assertInDelta(logistic.loss(1, 2, 1, 0.5, -0.25), Math.LN2, 1e-15);
    assertInDelta(logistic.loss(1, 2, 0, 0.5, -0.25), Math.LN2, 1e-15);
    // z = 2 + 1 = 3, y = 0: (1 − 0)·3 + ln(1 + e^−3) = 3.048587351573742.
    assertInDelta(logistic.loss(2, 1, 0, 1, 1), 3.048587351573742, 1e-14);
    // y = 1: ln(1 + e^−3) = 0.04858735157374206.
    assertInDelta(logistic.loss(2, 1, 1, 1, 1), 0.04858735157374206, 1e-16);
  });

  it('logistic.loss equals the seed formula (1 − y)·z + ln(1 + e^−z) where that is finite', () => {
    for (const [x1, x2, w1, w2] of [
      [0.3, -1.2, 2, 1.5],
      [-2, 0.5, -3, -7],
      [1, 1, 10, -12],
    ]) {
      const z = x1! * w1! + x2! * w2!;
      for (const y of [0, 1]) {
        assertInDelta(
          logistic.loss(x1!, x2!, y, w1!, w2!),
          (1 - y) * z + Math.log(1 + Math.exp(-z)),
          1e-12,
        );
      }
    }
  });

  it('logistic.loss stays finite and exact for |z| of 1e4, 1e6 and 1e300', () => {
    for (const z of [1e4, 1e6, 1e300]) {
      expect(logistic.loss(1, 0, 0, z, 0)).to.equal(z);
      expect(logistic.loss(1, 0, 1, -z, 0)).to.equal(z);
      expect(logistic.loss(1, 0, 1, z, 0)).to.equal(0);
      expect(logistic.loss(0, 1, 0, 0, -z)).to.equal(0);
      const g = logistic.gradient(1, 2, 0, z, z);
      expect(Array.from(g)).to.deep.equal([1, 2]);
      expect(Array.from(logistic.gradient(1, 2, 1, -z, -z))).to.deep.equal([-1, -2]);
    }
  });

  it('logistic.gradient(x1, x2, y, w1, w2) is (σ(z) − y)·x and matches finite differences', () => {
    // z = 3, y = 0: σ(3) = 0.9525741268224334, so ∇ = (2σ, σ).
    assertInDelta(
      logistic.gradient(2, 1, 0, 1, 1),
      [1.9051482536448667, 0.9525741268224334],
      1e-15,
    );
    const h = 1e-6;
    for (const [x1, x2, y, w1, w2] of [
      [0.7, -1.3, 1, 2, 0.4],
      [-2.5, 3, 0, -0.3, 0.8],
      [1, 3, 1, -4, -2],
    ]) {
      const g = logistic.gradient(x1!, x2!, y!, w1!, w2!);
      const d1 =
        (logistic.loss(x1!, x2!, y!, w1! + h, w2!) - logistic.loss(x1!, x2!, y!, w1! - h, w2!)) /
        (2 * h);
      const d2 =
        (logistic.loss(x1!, x2!, y!, w1!, w2! + h) - logistic.loss(x1!, x2!, y!, w1!, w2! - h)) /
        (2 * h);
      assertInDelta(g, [d1, d2], 1e-7);
    }
  });

  it('logistic.gradient(..., out) writes into out and returns it', () => {
    const out = new Float64Array(2);
    expect(logistic.gradient(1, 2, 1, 0.5, -0.25, out)).to.equal(out);
    assertInDelta(out, [-0.5, -1], 1e-15);
  });

  it('getModel(name) finds the logistic model and rejects unknown names', () => {
    expect(getModel('logistic')).to.equal(logistic);
    expect(models.logistic).to.equal(logistic);
    expect(() => getModel('toString')).to.throw(RangeError, /unknown model 'toString'/);
  });
});
