import { expect } from 'chai';
import { checkGrid, createGrid, gridCoordinate, gridWeights, MAX_GRID_SIZE } from './grid.js';

describe('createGrid(extent, size)', () => {
  it('createGrid(extent, size) spans both ends and gridWeights(grid, i, j) lerps', () => {
    const grid = createGrid([-20, 20, -10, 30], 5);
    expect(grid).to.deep.equal({ w1: [-20, 20], w2: [-10, 30], size: 5 });
    expect(gridWeights(grid, 0, 0)).to.deep.equal([-20, -10]);
    expect(gridWeights(grid, 4, 4)).to.deep.equal([20, 30]);
    expect(gridWeights(grid, 1, 3)).to.deep.equal([-10, 20]);
    expect(gridCoordinate([1, 0], 1, 3)).to.equal(0.5);
  });

  it('checkGrid(grid) rejects sizes below 2 and non-finite ranges', () => {
    expect(() => createGrid([0, 1, 0, 1], 1)).to.throw(RangeError, /size/);
    expect(() => createGrid([0, 1, 0, 1], 5000)).to.throw(RangeError, /size/);
    expect(() => checkGrid({ w1: [0, 1], w2: [0, Infinity], size: 3 })).to.throw(RangeError, /w2/);
  });
});

describe('checkGrid(grid) at its limits', () => {
  it('checkGrid takes sizes 2 .. MAX_GRID_SIZE and refuses one past either end or a missing range', () => {
    expect(checkGrid({ w1: [0, 1], w2: [0, 1], size: 2 }).size).to.equal(2);
    expect(checkGrid({ w1: [0, 1], w2: [0, 1], size: MAX_GRID_SIZE }).size).to.equal(MAX_GRID_SIZE);
    expect(() => checkGrid({ w1: [0, 1], w2: [0, 1], size: MAX_GRID_SIZE + 1 })).to.throw(
      RangeError,
    );
    expect(() => checkGrid({ w1: [0, 1], w2: [0, 1], size: 1 })).to.throw(RangeError);
    const missing = { w1: undefined, w2: [0, 1], size: 4 } as unknown as Parameters<
      typeof checkGrid
    >[0];
    expect(() => checkGrid(missing)).to.throw(RangeError, /grid\.w1/);
  });
});
