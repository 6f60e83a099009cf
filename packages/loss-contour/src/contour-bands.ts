// Filled contour bands: d3-contour's MultiPolygons, painted on a 2-D canvas or written as SVG paths.
import { contours, type ContourMultiPolygon } from 'd3-contour';
import type { PlotFrame } from './plot-frame.js';

/** A reusable contour generator for one grid size. */
export function createContourer(
  size: number,
): (values: ArrayLike<number>, threshold: number) => ContourMultiPolygon {
  const generator = contours().size([size, size]);
  // d3-contour only indexes `values`, so a Float32Array serves as well as number[].
  return (values, threshold) => generator.contour(values as number[], threshold);
}

/**
 * Paints bands by the painter's algorithm: the whole plot in band 0's colour, then for k >= 1 the region
 * at or above thresholds[k] in band k's colour. Higher regions nest inside lower ones, so each band's
 * edge is drawn once and adjacent bands leave no seams. `ctx` is already scaled to CSS pixels.
 */
export function paintBands(
  ctx: CanvasRenderingContext2D,
  values: ArrayLike<number>,
  thresholds: ArrayLike<number>,
  colours: readonly string[],
  frame: PlotFrame,
  contour: (values: ArrayLike<number>, threshold: number) => ContourMultiPolygon,
): void {
  const { width, height } = frame.rect;
  // One colour per threshold: `colours[k]` and `thresholds[k]` exist together.
  ctx.fillStyle = colours[0]!;
  ctx.fillRect(0, 0, width, height);
  for (let k = 1; k < thresholds.length; k++) {
    const band = contour(values, thresholds[k]!);
    if (band.coordinates.length === 0) continue;
    ctx.beginPath();
    traceRings(ctx, band, frame);
    ctx.fillStyle = colours[k]!;
    ctx.fill('evenodd');
  }
}

// d3-contour's points are [x, y] pairs, typed as number[].
const plotPoint = (frame: PlotFrame, point: number[]) => frame.contourToPlot(point[0]!, point[1]!);

function traceRings(
  ctx: CanvasRenderingContext2D,
  band: ContourMultiPolygon,
  frame: PlotFrame,
): void {
  for (const polygon of band.coordinates) {
    for (const ring of polygon) {
      ring.forEach((point, p) => {
        const [x, y] = plotPoint(frame, point);
        if (p === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      });
      ctx.closePath();
    }
  }
}

/** SVG path data of a band's rings in plot pixels (for contour lines, and the SVG rendering measured). */
export function bandPathData(band: ContourMultiPolygon, frame: PlotFrame): string {
  let d = '';
  for (const polygon of band.coordinates) {
    for (const ring of polygon) {
      ring.forEach((point, p) => {
        const [x, y] = plotPoint(frame, point);
        d += `${p === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
      });
      d += 'Z';
    }
  }
  return d;
}
