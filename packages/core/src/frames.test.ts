import { expect } from '@open-wc/testing';
import { checkLandscape, parseFrames, FramesError } from './frames.js';

const grid = { w1: [-1, 1], w2: [-1, 1], size: 2 };

describe('parseFrames', () => {
  it('parseFrames(good) returns one Landscape per frame with min and max', () => {
    const frames = parseFrames({
      grid: { w1: [-1, 1], w2: [0, 2], size: 2 },
      frames: [{ values: [1, 2, 3, 4] }, { values: [0, -1, 5, 2] }],
    });
    expect(frames).to.have.length(2);
    expect(Array.from(frames[1].values)).to.deep.equal([0, -1, 5, 2]);
    expect([frames[1].min, frames[1].max]).to.deep.equal([-1, 5]);
    expect(frames[0].grid).to.deep.equal({ w1: [-1, 1], w2: [0, 2], size: 2 });
  });

  it('parseFrames(data) reads landscapes with their min and max', () => {
    const [frame] = parseFrames({ grid, frames: [{ values: [3, 1, 2, 4] }] });
    expect([...frame!.values]).to.deep.equal([3, 1, 2, 4]);
    expect([frame!.min, frame!.max]).to.deep.equal([1, 4]);
  });

  for (const [name, data, message] of [
    ['not an object', [], 'JSON object'],
    ['no grid', { frames: [] }, '"grid"'],
    ['a bad size', { grid: { ...grid, size: 1.5 }, frames: [{ values: [] }] }, 'grid.size'],
    [
      'an empty window',
      { grid: { ...grid, w1: [1, 1] }, frames: [{ values: [1, 2, 3, 4] }] },
      'grid.w1',
    ],
    ['no frames', { grid, frames: [] }, 'non-empty'],
    ['a short frame', { grid, frames: [{ values: [1, 2, 3] }] }, 'frames[0].values has 3 numbers'],
    [
      'a non-number',
      { grid, frames: [{ values: [1, 2, 3, 4] }, { values: [1, null, 3, 4] }] },
      'frames[1].values[1] is null',
    ],
  ] as const) {
    it(`parseFrames(data) throws FramesError on ${name}`, () => {
      expect(() => parseFrames(data)).to.throw(FramesError, message);
    });
  }

  it('checkLandscape(value) accepts a good landscape and refuses NaN or a wrong length', () => {
    expect(
      checkLandscape({ grid, values: new Float32Array([1, 2, 3, 4]), min: 0, max: 0 })?.max,
    ).to.equal(4);
    expect(checkLandscape({ grid, values: new Float32Array([1, NaN, 3, 4]) })).to.equal(null);
    expect(checkLandscape({ grid, values: new Float32Array(3) })).to.equal(null);
    expect(checkLandscape({ grid, values: [1, 2, 3, 4] })).to.equal(null);
  });
});
