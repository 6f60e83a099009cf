import { expect } from '@open-wc/testing';
import { checkGrid, createGrid, gridCoordinate, gridWeights } from './grid.js';

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
