import { expect } from '@open-wc/testing';
import { morphDuration } from './beat.js';

describe('morphDuration', () => {
  const FRAME = 1000 / 60;

  it('morphDuration(transition, rate) ends, two frames late included, before the step’s weights-change', () => {
    for (const rate of [0.5, 1, 2, 3, 10, 30, 60])
      for (const transition of [50, 400, 2000]) {
        const length = morphDuration(transition, rate);
        // weights-change comes half a beat after batch-change (DESIGN.md: the two beats).
        expect(length === 0 || length + 2 * FRAME <= 500 / rate, `${transition} at ${rate}`).to.be
          .true;
        expect(length).to.be.within(0, transition);
      }
  });

  it('morphDuration(400, 2) leaves the still landscape part of the half-beat', () => {
    const length = morphDuration(400, 2);
    expect(length)
      .to.be.above(100)
      .and.below(250 - 2 * FRAME);
  });

  it('morphDuration(transition, rate) keeps transition when there is room or no rate', () => {
    expect(morphDuration(100, 1)).to.equal(100);
    expect(morphDuration(400, null)).to.equal(400);
    expect(morphDuration(400, undefined)).to.equal(400);
    expect(morphDuration(400, 0)).to.equal(400);
    expect(morphDuration(0, 2)).to.equal(0);
  });

  it('morphDuration(transition, 60) switches at once: a frame has no room for a morph', () => {
    expect(morphDuration(400, 60)).to.equal(0);
    expect(morphDuration(400, 10)).to.equal(0);
  });
});
