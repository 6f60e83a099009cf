import { expect } from 'chai';
import { createGrid } from './grid.js';
import {
  ease,
  landscapeRange,
  lerpRange,
  lossAt,
  minimumOf,
  sameGrid,
  valueRange,
} from './lookup.js';
import { createLandscape } from './landscape.js';

describe('landscape lookups', () => {
  const grid = createGrid([-1, 1, 0, 4], 3); // w1: -1, 0, 1; w2: 0, 2, 4
  // values[j * 3 + i] = w1 + 10 · w2 at the grid points: a plane, which bilinear lookup reproduces exactly.
  const plane = Float32Array.from(
    { length: 9 },
    (_, k) => (k % 3) - 1 + 10 * 2 * Math.floor(k / 3),
  );

  it('sameGrid compares size and both ranges, and is false for a missing grid', () => {
    expect(sameGrid(grid, createGrid([-1, 1, 0, 4], 3))).to.equal(true);
    expect(sameGrid(grid, createGrid([-1, 1, 0, 4], 4))).to.equal(false);
    expect(sameGrid(grid, createGrid([-1, 2, 0, 4], 3))).to.equal(false);
    expect(sameGrid(grid, createGrid([-1, 1, 0, 5], 3))).to.equal(false);
    expect(sameGrid(grid, createGrid([-2, 1, 0, 4], 3))).to.equal(false);
    expect(sameGrid(grid, createGrid([-1, 1, -1, 4], 3))).to.equal(false);
    expect(sameGrid(grid, null)).to.equal(false);
  });

  it('lossAt and minimumOf read a grid that starts away from zero on both axes', () => {
    // w1: 1, 2, 3, 4, 5; w2: 2, 3, 4, 5, 6; values = 3·w1 − 7·w2 + 100 at the points (a plane).
    const shifted = createGrid([1, 5, 2, 6], 5);
    const at = (w1: number, w2: number) => 3 * w1 - 7 * w2 + 100;
    const values = Float32Array.from({ length: 25 }, (_, k) =>
      at(1 + (k % 5), 2 + Math.floor(k / 5)),
    );
    expect(lossAt(values, shifted, [2.5, 3.25])).to.be.closeTo(at(2.5, 3.25), 1e-4);
    expect(lossAt(values, shifted, [4.75, 5.5])).to.be.closeTo(at(4.75, 5.5), 1e-4);
    expect(lossAt(values, shifted, [2, 60])).to.be.closeTo(at(2, 6), 1e-4); // clamped, not extrapolated
    const dip = new Float32Array(25).fill(9);
    dip[2 * 5 + 3] = 1; // w1 = 4, w2 = 4
    dip[4 * 5 + 1] = 1; // w1 = 2, w2 = 6: as low, but later
    expect(minimumOf(dip, shifted)).to.deep.equal([4, 4]);
  });

  it('lossAt interpolates a plane exactly between points and clamps outside the grid', () => {
    expect(lossAt(plane, grid, [0.5, 1])).to.be.closeTo(0.5 + 10, 1e-9);
    expect(lossAt(plane, grid, [-0.25, 3.5])).to.be.closeTo(-0.25 + 35, 1e-9);
    expect(lossAt(plane, grid, [1, 4])).to.be.closeTo(41, 1e-9);
    expect(lossAt(plane, grid, [9, -9])).to.be.closeTo(1, 1e-9);
  });

  it('minimumOf returns the weights of the lowest point', () => {
    const values = new Float32Array(9).fill(5);
    values[1 * 3 + 2] = -3; // i = 2 (w1 = 1), j = 1 (w2 = 2)
    expect(minimumOf(values, grid)).to.deep.equal([1, 2]);
  });

  it('valueRange and landscapeRange give the extremes, widening a flat landscape', () => {
    expect(valueRange(plane)).to.deep.equal([-1, 41]);
    expect(landscapeRange(createLandscape(grid, plane))).to.deep.equal([-1, 41]);
    expect(landscapeRange(createLandscape(grid, new Float32Array(9).fill(2)))).to.deep.equal([
      1.5, 2.5,
    ]);
  });

  it('ease runs from 0 to 1, monotone, symmetric about the middle, clamped outside', () => {
    expect(ease(-1)).to.equal(0);
    expect(ease(0)).to.equal(0);
    expect(ease(0.5)).to.equal(0.5);
    expect(ease(1)).to.equal(1);
    expect(ease(2)).to.equal(1);
    let last = 0;
    for (let t = 0.05; t <= 1; t += 0.05) {
      expect(ease(t)).to.be.at.least(last);
      expect(ease(t) + ease(1 - t)).to.be.closeTo(1, 1e-12);
      last = ease(t);
    }
  });

  it('lerpRange runs from one range to the other', () => {
    expect(lerpRange([0, 10], [2, 30], 0)).to.deep.equal([0, 10]);
    expect(lerpRange([0, 10], [2, 30], 0.25)).to.deep.equal([0.5, 15]);
    expect(lerpRange([0, 10], [2, 30], 1)).to.deep.equal([2, 30]);
  });
});
