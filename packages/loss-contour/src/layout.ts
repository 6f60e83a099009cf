// Where the plot, its axes and the legend go inside the element's box.
import type { Grid } from '@lossquake/core';
import type { PlotRect } from './plot-frame.js';

export interface Layout {
  width: number;
  height: number;
  plot: PlotRect;
  /** The colour bar: to the right of the plot, or (compact) a thin bar under the W1 tick labels. */
  legend: PlotRect;
  /** Small tiles: short margins, smaller tick labels, no axis titles, a thin legend bar below. */
  compact: boolean;
}

/** Below this width (CSS px) the layout is compact by itself; the `compact` attribute forces it. */
export const COMPACT_WIDTH = 260;

const MARGIN = { top: 12, right: 8, bottom: 40, left: 48 };
const LEGEND = { gap: 16, bar: 12, labels: 48 };
// Compact: W2 tick labels on the left, W1 tick labels then a 4 px colour bar below, nothing beside.
const COMPACT_MARGIN = { top: 6, right: 6, bottom: 25, left: 26 };
const COMPACT_LEGEND = { offset: 17, bar: 4 };

/**
 * The largest plot that keeps the grid's aspect ratio (w1 span : w2 span, kept within 1:3..3:1), with
 * room for the W2 axis on the left, the W1 axis below and the legend on the right (compact: below);
 * whole pixels, centred. Compact when `compact` is set or the box is narrower than COMPACT_WIDTH.
 */
export function computeLayout(
  width: number,
  height: number,
  grid: Grid | null,
  compact = false,
): Layout {
  const span1 = grid ? grid.w1[1] - grid.w1[0] : 1;
  const span2 = grid ? grid.w2[1] - grid.w2[0] : 1;
  const aspect = Math.min(3, Math.max(1 / 3, span1 / span2));
  const small = compact || width < COMPACT_WIDTH;
  const margin = small ? COMPACT_MARGIN : MARGIN;
  const legendWidth = small ? 0 : LEGEND.gap + LEGEND.bar + LEGEND.labels;
  const availableWidth = Math.max(0, width - margin.left - margin.right - legendWidth);
  const availableHeight = Math.max(0, height - margin.top - margin.bottom);
  let plotWidth = Math.min(availableWidth, availableHeight * aspect);
  let plotHeight = plotWidth / aspect;
  plotWidth = Math.floor(plotWidth);
  plotHeight = Math.floor(plotHeight);
  const used = margin.left + plotWidth + legendWidth + margin.right;
  const x = Math.floor((width - used) / 2) + margin.left;
  const y = Math.floor((height - margin.top - margin.bottom - plotHeight) / 2) + margin.top;
  const plot = { x, y, width: plotWidth, height: plotHeight };
  const legend = small
    ? { x, y: y + plotHeight + COMPACT_LEGEND.offset, width: plotWidth, height: COMPACT_LEGEND.bar }
    : { x: x + plotWidth + LEGEND.gap, y, width: LEGEND.bar, height: plotHeight };
  return { width, height, plot, legend, compact: small };
}
