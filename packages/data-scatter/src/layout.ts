// Where the plot and its axes go inside the element's box, and the map from data to pixels.
import type { DataDomain } from './domain.js';

export interface PlotRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ScatterLayout {
  width: number;
  height: number;
  plot: PlotRect;
  /** x1 → pixels, left to right. */
  px(x1: number): number;
  /** x2 → pixels, bottom to top. */
  py(x2: number): number;
}

// Room for the x2 tick labels and title on the left, the x1 ones below.
const MARGIN = { top: 12, right: 14, bottom: 40, left: 46 };

/** The plot fills the box (each axis fitted to its own feature, as the seed's figure does). */
export function scatterLayout(width: number, height: number, domain: DataDomain): ScatterLayout {
  const plot = {
    x: MARGIN.left,
    y: MARGIN.top,
    width: Math.max(0, Math.floor(width - MARGIN.left - MARGIN.right)),
    height: Math.max(0, Math.floor(height - MARGIN.top - MARGIN.bottom)),
  };
  const [a1, b1] = domain.x1;
  const [a2, b2] = domain.x2;
  return {
    width,
    height,
    plot,
    px: (x1) => plot.x + ((x1 - a1) / (b1 - a1)) * plot.width,
    py: (x2) => plot.y + plot.height - ((x2 - a2) / (b2 - a2)) * plot.height,
  };
}
