import { expect } from '@open-wc/testing';
import {
  gridLines,
  gridPositions,
  gridTriangles,
  heightAt,
  heightsAndSlopes,
  toBox,
} from './mesh.js';
import { landscapeOf } from './test-helpers/landscapes.js';

/** Every triangle of `t` over the grid positions `p` turns counter-clockwise seen from above. */
function expectCounterClockwise(p: Float32Array, t: Uint16Array | Uint32Array): void {
  for (let k = 0; k < t.length; k += 3) {
    const [a, b, c] = [t[k]!, t[k + 1]!, t[k + 2]!];
    const cross =
      (p[b * 2]! - p[a * 2]!) * (p[c * 2 + 1]! - p[a * 2 + 1]!) -
      (p[b * 2 + 1]! - p[a * 2 + 1]!) * (p[c * 2]! - p[a * 2]!);
    expect(cross, `triangle ${k / 3}`).to.be.greaterThan(0);
  }
}

describe('mesh', () => {
  it('gridPositions(size) spans [-1, 1]² with i along x and j along y', () => {
    const p = gridPositions(3);
    expect([...p.slice(0, 2)]).to.deep.equal([-1, -1]);
    expect([...p.slice(2, 4)]).to.deep.equal([0, -1]);
    expect([...p.slice(6, 8)]).to.deep.equal([-1, 0]);
    expect([...p.slice(16, 18)]).to.deep.equal([1, 1]);
  });

  it('gridTriangles(size) winds every triangle counter-clockwise seen from above', () => {
    const size = 4;
    const p = gridPositions(size);
    const t = gridTriangles(size);
    expect(t.length).to.equal((size - 1) ** 2 * 6);
    expectCounterClockwise(p, t);
    expect(gridTriangles(257)).to.be.instanceOf(Uint32Array);
    expect(gridTriangles(256)).to.be.instanceOf(Uint16Array);
  });

  it('gridTriangles(size, stride) spans every stride-th line and the border, wound the same way', () => {
    const size = 6; // lines 0, 2, 4 and the border 5: 3 × 3 cells
    const p = gridPositions(size);
    const t = gridTriangles(size, 2);
    expect(t.length).to.equal(3 * 3 * 6);
    const used = new Set([...t].map((v) => [v % size, Math.floor(v / size)].join()));
    for (const [i, j] of [...used].map((v) => v.split(',').map(Number))) {
      expect([0, 2, 4, 5]).to.include(i);
      expect([0, 2, 4, 5]).to.include(j);
    }
    expect(used.size).to.equal(16);
    expectCounterClockwise(p, t);
  });

  it('gridLines(size, stride) draws every stride-th line and the border', () => {
    // 5 points, stride 2: lines at 0, 2, 4 in each direction, 4 segments each.
    expect(gridLines(5, 2).length).to.equal(2 * 3 * 4 * 2);
    // stride 3 on 5 points: 0, 3 and the border 4.
    expect(gridLines(5, 3).length).to.equal(2 * 3 * 4 * 2);
  });

  it('heightsAndSlopes(landscape) gives the loss and its exact slopes on a plane', () => {
    // loss = 3u + 5v over a 40-wide window: per box unit (2 across) slopes 1.5 and 2.5.
    const plane = landscapeOf(9, (u, v) => 3 * u + 5 * v);
    const h = heightsAndSlopes(plane);
    for (let k = 0; k < 81; k++) {
      expect(h[k * 3]).to.equal(plane.values[k]);
      expect(h[k * 3 + 1]).to.be.closeTo(1.5, 1e-5);
      expect(h[k * 3 + 2]).to.be.closeTo(2.5, 1e-5);
    }
  });

  it('heightAt(values, size, x, y) interpolates bilinearly and is NaN outside the box', () => {
    const f = (u: number, v: number) => 2 * u - v + 4 * u * v;
    const surface = landscapeOf(5, f);
    for (const [u, v] of [
      [0.1, 0.2],
      [0.5, 0.5],
      [0.93, 0.07],
      [1, 1],
    ] as const) {
      // u·v is bilinear, so interpolation reproduces f exactly.
      expect(heightAt(surface.values, 5, 2 * u - 1, 2 * v - 1)).to.be.closeTo(f(u, v), 1e-5);
    }
    expect(heightAt(surface.values, 5, 1.01, 0)).to.be.NaN;
  });

  it('toBox(grid, weights) maps the weight window onto [-1, 1]²', () => {
    const grid = { w1: [-20, 20] as const, w2: [0, 10] as const, size: 4 };
    expect(toBox(grid, [-20, 0])).to.deep.equal([-1, -1]);
    expect(toBox(grid, [10, 7.5])).to.deep.equal([0.5, 0.5]);
  });
});
