// The one transform between weights, grid indices, d3-contour coordinates and CSS pixels of the plot.
import type { Grid, Vec2 } from '@lossquake/core';

/** The plot area in CSS pixels, relative to the element's top-left corner. */
export interface PlotRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlotFrame {
  grid: Grid;
  rect: PlotRect;
  /** CSS pixels (element coordinates) of weights `w`. */
  toPixel(w: Vec2): [number, number];
  /** Weights under CSS pixel (px, py) (element coordinates). */
  toWeights(px: number, py: number): Vec2;
  /** CSS pixels inside the plot rect of d3-contour point (x, y). */
  contourToPlot(x: number, y: number): [number, number];
}

/**
 * d3-contour treats value (i, j) as a unit pixel whose centre is at (i + 0.5, j + 0.5), so contour
 * coordinates run 0..size. The landscape puts sample i at w1 = lerp(grid.w1, i / (size - 1)); hence
 * contour x maps to w1 through (x - 0.5) / (size - 1). The half cell beyond the outer samples falls
 * outside the plot and is clipped. W2 grows upwards, pixels downwards.
 */
export function createPlotFrame(grid: Grid, rect: PlotRect): PlotFrame {
  const [a, b] = grid.w1;
  const [c, d] = grid.w2;
  const last = grid.size - 1;
  const sx = rect.width / last;
  const sy = rect.height / last;
  return {
    grid,
    rect,
    toPixel: (w) => [
      rect.x + ((w[0] - a) / (b - a)) * rect.width,
      rect.y + rect.height - ((w[1] - c) / (d - c)) * rect.height,
    ],
    toWeights: (px, py) => [
      a + ((px - rect.x) / rect.width) * (b - a),
      c + ((rect.y + rect.height - py) / rect.height) * (d - c),
    ],
    contourToPlot: (x, y) => [(x - 0.5) * sx, rect.height - (y - 0.5) * sy],
  };
}
