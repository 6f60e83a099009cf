import { expect } from 'chai';
import { checkLandscape, parseFrames, FramesError, MAX_FRAMES_SIZE } from './frames.js';
import type { Landscape } from './types.js';

const grid = { w1: [-1, 1], w2: [-1, 1], size: 2 };

describe('parseFrames', () => {
  it('parseFrames(good) returns one Landscape per frame with min and max', () => {
    const frames = parseFrames({
      grid: { w1: [-1, 1], w2: [0, 2], size: 2 },
      frames: [{ values: [1, 2, 3, 4] }, { values: [0, -1, 5, 2] }],
    });
    expect(frames).to.have.length(2);
    const [first, second] = frames as [Landscape, Landscape];
    expect(Array.from(second.values)).to.deep.equal([0, -1, 5, 2]);
    expect([second.min, second.max]).to.deep.equal([-1, 5]);
    expect(first.grid).to.deep.equal({ w1: [-1, 1], w2: [0, 2], size: 2 });
  });

  it('parseFrames(data) keeps values up to float32 max, the largest a landscape can store', () => {
    const [frame] = parseFrames({ grid, frames: [{ values: [3.4e38, -3.4e38, 1e-50, 0] }] });
    expect(frame!.max).to.equal(Math.fround(3.4e38));
    expect(frame!.min).to.equal(Math.fround(-3.4e38));
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
    [
      'a value beyond float32',
      { grid, frames: [{ values: [1, 2, 3, 4] }, { values: [1, 2, -1e39, 4] }] },
      'frames[1].values[2] is -1e+39, beyond the float32 range landscapes are stored in (±3.4028234663852886e+38)',
    ],
    [
      'a window whose span overflows',
      { grid: { ...grid, w2: [-1e308, 1e308] }, frames: [{ values: [1, 2, 3, 4] }] },
      'grid.w2 spans [-1e+308, 1e+308], wider than the largest finite number',
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

describe('parseFrames and checkLandscape: every malformed part is refused', () => {
  const good = { w1: [-1, 1], w2: [0, 2], size: 2 };
  const frames = (grid: unknown, values: unknown = [1, 2, 3, 4]) => ({
    grid,
    frames: [{ values }],
  });

  it('parseFrames(bad document) throws a FramesError naming the part, for every malformed part', () => {
    const cases: [unknown, RegExp][] = [
      [null, /JSON object/],
      [[], /JSON object/],
      [{ grid: good }, /"frames"/],
      [{ grid: good, frames: [] }, /"frames"/],
      [frames([]), /"grid"/],
      [frames({ ...good, w1: 'wide' }), /grid\.w1 must be two finite numbers/],
      [frames({ ...good, w1: [0, 1, 2] }), /grid\.w1 must be two finite numbers/],
      [frames({ ...good, w2: [0, '1'] }), /grid\.w2 must be two finite numbers/],
      [frames({ ...good, w2: [0, Infinity] }), /grid\.w2 must be two finite numbers/],
      [frames({ ...good, w1: [1, -1] }), /grid\.w1 must have min < max, got \[1, -1\]/],
      [frames({ ...good, size: '2' }), /grid\.size must be an integer/],
      [frames({ ...good, size: 2.5 }), /grid\.size must be an integer/],
      [frames({ ...good, size: 1 }), /grid\.size must be an integer/],
      [frames({ ...good, size: MAX_FRAMES_SIZE + 1 }), /grid\.size must be an integer/],
      [{ grid: good, frames: [[1, 2, 3, 4]] }, /frames\[0\]\.values must be an array/],
      [frames(good, [1, 2, 3]), /has 3 numbers/],
      [frames(good, [1, 2, '3', 4]), /values\[2\] is "3"/],
      [frames(good, [1, 2, null, 4]), /values\[2\] is null/],
    ];
    for (const [document, message] of cases) {
      expect(() => parseFrames(document), JSON.stringify(document)).to.throw(FramesError, message);
    }
    expect(new FramesError('x').name).to.equal('FramesError');
  });

  it('checkLandscape(value) is null for each malformed part, and takes grids up to MAX_FRAMES_SIZE', () => {
    const values = new Float32Array([1, 2, 3, 4]);
    expect(checkLandscape({ grid: good, values: Array.from(values) })).to.equal(null);
    expect(checkLandscape({ grid: good, values: new Float32Array(3) })).to.equal(null);
    expect(checkLandscape({ grid: { ...good, size: 1 }, values: new Float32Array(1) })).to.equal(
      null,
    );
    expect(checkLandscape({ grid: { ...good, w2: [2, 0] }, values })).to.equal(null);
    expect(checkLandscape({ grid: good, values: new Float32Array([1, NaN, 3, 4]) })).to.equal(null);
    const size = MAX_FRAMES_SIZE;
    const largest = checkLandscape({
      grid: { ...good, size },
      values: new Float32Array(size * size),
    });
    expect(largest?.grid.size).to.equal(size);
  });
});
