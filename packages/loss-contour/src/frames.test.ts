import { expect } from '@open-wc/testing';
import { FramesError, parseFrames } from './frames.js';

const grid = { w1: [-1, 1], w2: [0, 2], size: 2 };

function errorOf(data: unknown): string {
  try {
    parseFrames(data);
  } catch (error) {
    expect(error).to.be.instanceOf(FramesError);
    return (error as Error).message;
  }
  throw new Error('parseFrames did not throw');
}

describe('parseFrames', () => {
  it('parseFrames(good) returns one Landscape per frame with min and max', () => {
    const frames = parseFrames({
      grid,
      frames: [{ values: [1, 2, 3, 4] }, { values: [0, -1, 5, 2] }],
    });
    expect(frames).to.have.length(2);
    expect(Array.from(frames[1].values)).to.deep.equal([0, -1, 5, 2]);
    expect([frames[1].min, frames[1].max]).to.deep.equal([-1, 5]);
    expect(frames[0].grid).to.deep.equal(grid);
  });

  it('parseFrames names the frame and index of a value that is not a finite number', () => {
    expect(
      errorOf({ grid, frames: [{ values: [1, 2, 3, 4] }, { values: [1, 'x', 3, 4] }] }),
    ).to.contain('frames[1].values[1]');
    expect(errorOf({ grid, frames: [{ values: [1, 2, null, 4] }] })).to.contain(
      'frames[0].values[2]',
    );
  });

  it('parseFrames rejects a wrong number of values, a bad grid and empty frames', () => {
    expect(errorOf({ grid, frames: [{ values: [1, 2, 3] }] })).to.contain('needs 4');
    expect(errorOf({ grid: { ...grid, size: 1.5 }, frames: [{ values: [1] }] })).to.contain(
      'grid.size',
    );
    expect(
      errorOf({ grid: { ...grid, w1: [1, -1] }, frames: [{ values: [1, 2, 3, 4] }] }),
    ).to.contain('min < max');
    expect(errorOf({ grid, frames: [] })).to.contain('non-empty');
    expect(errorOf([1, 2])).to.contain('object');
  });
});
