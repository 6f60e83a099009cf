// What the contour draws over the bands, as pure templates of plain data: the weights, their trail,
// the last step, the full landscape's contour lines, the minimum, the keyboard crosshair, the readout.
import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { Landscape, Vec2 } from '@lossquake/core';
import { formatLevel } from './axes.js';
import { bandPathData, createContourer } from './contour-bands.js';
import { cssomStyle } from './cssom-style.js';
import type { PlotFrame } from './plot-frame.js';

type Overlay = SVGTemplateResult | typeof nothing;

/** The `points` of the trail's polyline: every weight visited, in plot pixels. */
export function trailPoints(path: readonly Vec2[], frame: PlotFrame): string {
  return path
    .map((w) =>
      frame
        .toPixel(w)
        .map((v) => v.toFixed(2))
        .join(','),
    )
    .join(' ');
}

export function trailTemplate(points: string | null): Overlay {
  return points ? svg`<polyline class="trail" points=${points}></polyline>` : nothing;
}

export function weightsTemplate(frame: PlotFrame, weights: Vec2 | null): Overlay {
  if (!weights) return nothing;
  const [x, y] = frame.toPixel(weights);
  return svg`<circle class="weights" cx=${x} cy=${y} r="5"></circle>`;
}

/** The last step as an arrow from the previous weights (nothing when it is under a pixel long). */
export function stepTemplate(
  frame: PlotFrame,
  step: { previous: Vec2; weights: Vec2 } | null,
): Overlay {
  if (!step) return nothing;
  const [x1, y1] = frame.toPixel(step.previous);
  const [x2, y2] = frame.toPixel(step.weights);
  if (Math.hypot(x2 - x1, y2 - y1) < 1) return nothing;
  return svg`<line class="step" x1=${x1} y1=${y1} x2=${x2} y2=${y2} marker-end="url(#step-head)"></line>`;
}

/** Path data of `full`'s contour lines at every threshold but the lowest, in plot pixels. */
export function fullLinesPath(
  full: Landscape,
  thresholds: ArrayLike<number>,
  frame: PlotFrame,
): string {
  const contour = createContourer(full.grid.size);
  let d = '';
  for (let k = 1; k < thresholds.length; k++)
    d += bandPathData(contour(full.values, thresholds[k]!), frame);
  return d;
}

export function fullLinesTemplate(frame: PlotFrame, d: string | null): Overlay {
  if (d === null) return nothing;
  const { x, y } = frame.rect;
  return svg`<path class="full-lines" transform="translate(${x},${y})" d=${d}></path>`;
}

/** A cross on the lowest grid point. */
export function minimumTemplate(frame: PlotFrame, at: Vec2 | null): Overlay {
  if (!at) return nothing;
  const [x, y] = frame.toPixel(at);
  return svg`<path class="minimum" d="M${x - 5},${y - 5}L${x + 5},${y + 5}M${x - 5},${y + 5}L${x + 5},${y - 5}"></path>`;
}

/** The keyboard's crosshair: lines across the plot and a ring at `at`. */
export function crosshairTemplate(frame: PlotFrame, at: Vec2 | null): Overlay {
  if (!at) return nothing;
  const [x, y] = frame.toPixel(at);
  const { rect } = frame;
  return svg`<path class="crosshair" d="M${rect.x},${y}H${rect.x + rect.width}M${x},${rect.y}V${rect.y + rect.height}"></path>
      <circle class="crosshair" cx=${x} cy=${y} r="6"></circle>`;
}

/** Numbers as the reader sees them: three significant digits, a true minus sign. */
export function formatNumber(value: number): string {
  return formatLevel(value).replace('-', '−');
}

/** The loss (or variance) under the pointer or crosshair, in the plot's top-left corner. */
export function readoutTemplate(
  frame: PlotFrame,
  reading: { at: Vec2; value: number; caption: string } | null,
  compact: boolean,
): TemplateResult | typeof nothing {
  if (!reading) return nothing;
  const { at, value, caption } = reading;
  const { rect } = frame;
  // Positions go through CSSOM, which a CSP without 'unsafe-inline' styles allows.
  return html`<div
    part="readout"
    class=${compact ? 'compact' : ''}
    style=${cssomStyle({ left: `${rect.x + 6}px`, top: `${rect.y + 6}px` })}
  >
    W1 ${formatNumber(at[0])}, W2 ${formatNumber(at[1])} · ${caption} ${formatNumber(value)}
  </div>`;
}

/** An error (role="alert"), or what is missing while there is nothing to draw. */
export function messageTemplate(
  error: string | null,
  missing: { linked: boolean; mode: string; sample: number; src: string | null } | null,
): TemplateResult | typeof nothing {
  if (error) return html`<div part="message" role="alert">${error}</div>`;
  if (!missing) return nothing;
  const { linked, mode, sample, src } = missing;
  const text = linked
    ? mode === 'variance'
      ? 'The variance map appears after two batches.'
      : mode === 'sample'
        ? `No sample ${sample} in the current batch yet.`
        : 'Waiting for the sampler’s landscape.'
    : src
      ? 'Loading frames…'
      : 'No landscape: link a <batch-sampler>, set src, or set the landscape property.';
  return html`<div part="message">${text}</div>`;
}
