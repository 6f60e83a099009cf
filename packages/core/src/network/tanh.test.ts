import { expect } from 'chai';
import { tanh } from './tanh.js';

describe('tanh (the network loops’)', () => {
  it('is Math.tanh to 1e−14 absolute, and exactly ±1 far out', () => {
    let worst = 0;
    for (let k = 0; k <= 200_000; k++) {
      const s = -30 + (60 * k) / 200_000;
      worst = Math.max(worst, Math.abs(tanh(s) - Math.tanh(s)));
    }
    expect(worst).to.be.below(1e-14);
    expect([tanh(21), tanh(-1e300), tanh(0)]).to.deep.equal([1, -1, 0]);
  });
});
