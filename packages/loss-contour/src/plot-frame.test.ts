import { expect } from '@open-wc/testing';
import { createContourer } from './contour-bands.js';
import { createPlotFrame } from './plot-frame.js';
import { makeGrid, plane } from './test-helpers/landscapes.js';

const rect = { x: 10, y: 20, width: 400, height: 200 };

describe('createPlotFrame', () => {
  it('toPixel puts the grid corners on the plot corners, W2 upwards', () => {
    const frame = createPlotFrame(makeGrid(33), rect);
    expect(frame.toPixel([-20, -20])).to.deep.equal([10, 220]);
    expect(frame.toPixel([20, 20])).to.deep.equal([410, 20]);
    expect(frame.toPixel([0, 0])).to.deep.equal([210, 120]);
  });

  it('toWeights inverts toPixel', () => {
    const frame = createPlotFrame(makeGrid(33, [-3, 7], [1, 2]), rect);
    const [x, y] = frame.toPixel([4.25, 1.75]);
    const w = frame.toWeights(x, y);
    expect(w[0]).to.be.closeTo(4.25, 1e-9);
    expect(w[1]).to.be.closeTo(1.75, 1e-9);
  });

  it("contourToPlot puts d3-contour's line for a plane exactly where the loss crosses the threshold", () => {
    // loss = w1 + 20 on 33 points: the 25.5 contour lies at w1 = 5.5, which is not on a grid point.
    const landscape = plane(makeGrid(33));
    const frame = createPlotFrame(landscape.grid, { x: 0, y: 0, width: 400, height: 400 });
    const band = createContourer(33)(landscape.values, 25.5);
    // Points on the plot's inside (the ring also runs around the grid's border, outside the plot).
    const xs = band.coordinates
      .flat()
      .flat()
      .map(([x = NaN, y = NaN]) => frame.contourToPlot(x, y))
      .filter(([x, y]) => x > 1 && x < 399 && y > 1 && y < 399)
      .map(([x]) => x);
    expect(xs.length).to.be.greaterThan(0);
    const expected = ((5.5 + 20) / 40) * 400;
    for (const x of xs) expect(x).to.be.closeTo(expected, 1e-3);
  });
});
