import { expect } from '@open-wc/testing';
import { Morph } from './morph.js';

describe('Morph', () => {
  // Old and new landscapes that differ in both directions, cell by cell.
  const old = Float32Array.from([0, 10, -5, 3]);
  const next = Float32Array.from([8, 2, -5, 7]);

  function morphing(): Morph {
    const morph = new Morph();
    morph.jump(old);
    // A long morph driven by hand: at(t) is what each animation frame shows.
    morph.start(next, 1e9, () => {});
    return morph;
  }

  it('morph.at(0) shows the old landscape and morph.at(1) exactly the new one', () => {
    const morph = morphing();
    morph.at(0);
    expect(Array.from(morph.displayed)).to.deep.equal(Array.from(old));
    morph.at(1);
    expect(Array.from(morph.displayed)).to.deep.equal(Array.from(next));
    morph.stop();
  });

  it('morph.at(t) moves every value monotonically from old to new as t grows', () => {
    const morph = morphing();
    let previous = Array.from(old);
    for (let step = 1; step <= 20; step++) {
      morph.at(step / 20);
      const now = Array.from(morph.displayed);
      now.forEach((v, k) => {
        const [a, b] = [old[k]!, next[k]!];
        // Never outside [old, new], and never back towards old.
        expect(v, `cell ${k} at t = ${step / 20}`).to.be.within(Math.min(a, b), Math.max(a, b));
        expect((v - previous[k]!) * Math.sign(b - a), `cell ${k} moves towards new`).to.be.at.least(
          0,
        );
      });
      previous = now;
    }
    morph.stop();
  });

  it('stop() lands on the new landscape and ends the frame loop', () => {
    const morph = morphing();
    expect(morph.running).to.be.true;
    morph.at(0.3);
    morph.stop();
    expect(morph.running).to.be.false;
    expect(Array.from(morph.displayed)).to.deep.equal(Array.from(next));
  });
});
