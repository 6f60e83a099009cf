// Where the plot, its axes and the legend go inside the element's box.
import type { Grid } from '@lossquake/core';
import type { PlotRect } from './plot-frame.js';

export interface Layout {
  width: number;
  height: number;
  plot: PlotRect;
  /** The colour bar, to the right of the plot. */
  legend: PlotRect;
}

const MARGIN = { top: 12, right: 8, bottom: 40, left: 48 };
const LEGEND = { gap: 16, bar: 12, labels: 48 };

/**
 * The largest plot that keeps the grid's aspect ratio (w1 span : w2 span, kept within 1:3..3:1), with
 * room for the W2 axis on the left, the W1 axis below and the legend on the right; whole pixels, centred.
 */
export function computeLayout(width: number, height: number, grid: Grid | null): Layout {
  const span1 = grid ? grid.w1[1] - grid.w1[0] : 1;
  const span2 = grid ? grid.w2[1] - grid.w2[0] : 1;
  const aspect = Math.min(3, Math.max(1 / 3, span1 / span2));
  const legendWidth = LEGEND.gap + LEGEND.bar + LEGEND.labels;
  const availableWidth = Math.max(0, width - MARGIN.left - MARGIN.right - legendWidth);
  const availableHeight = Math.max(0, height - MARGIN.top - MARGIN.bottom);
  let plotWidth = Math.min(availableWidth, availableHeight * aspect);
  let plotHeight = plotWidth / aspect;
  plotWidth = Math.floor(plotWidth);
  plotHeight = Math.floor(plotHeight);
  const used = MARGIN.left + plotWidth + legendWidth + MARGIN.right;
  const x = Math.floor((width - used) / 2) + MARGIN.left;
  const y = Math.floor((height - MARGIN.top - MARGIN.bottom - plotHeight) / 2) + MARGIN.top;
  return {
    width,
    height,
    plot: { x, y, width: plotWidth, height: plotHeight },
    legend: { x: x + plotWidth + LEGEND.gap, y, width: LEGEND.bar, height: plotHeight },
  };
}
