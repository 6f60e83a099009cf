// The contour's shadow content as one pure template: the bands' and the trail's canvases, then an SVG with the axes,
// the legend, the overlays and the area that takes the pointer, then the readout and any message.
import { html, nothing, type TemplateResult } from 'lit';
import type { Vec2 } from '@lossquake/core';
import { axesTemplate, legendTemplate } from './axes.js';
import { cssomStyle } from './cssom-style.js';
import type { Layout } from './layout.js';
import * as overlay from './overlays.js';
import type { PlotFrame } from './plot-frame.js';
import { svgNumber as n } from './svg-number.js';

export interface ContourView {
  layout: Layout;
  frame: PlotFrame;
  thresholds: ArrayLike<number>;
  colours: readonly string[];
  /** What the values are (`loss` or `variance`) and what the legend says of its levels. */
  caption: string;
  note: string;
  /** The titles of the horizontal and vertical axes: W1 and W2, or a network's plane's directions. */
  axisNames: readonly [string, string];
  marks: {
    fullLines: string | null;
    minimum: Vec2 | null;
    step: { previous: Vec2; weights: Vec2; picked: boolean } | null;
    weights: Vec2 | null;
    cursor: Vec2 | null;
  };
  reading: { at: Vec2; value: number; caption: string } | null;
  pointer: {
    onClick: (event: MouseEvent) => void;
    onPointerMove: (event: PointerEvent) => void;
    onPointerLeave: () => void;
  };
}

export function contourView(view: ContourView, message: TemplateResult | typeof nothing) {
  const { layout, frame, marks, pointer } = view;
  const { plot, width, height } = layout;
  const box = { x: plot.x, y: plot.y, width: plot.width, height: plot.height };
  // The bands, then the trail, each a canvas over the plot.
  const placed = cssomStyle({
    left: `${box.x}px`,
    top: `${box.y}px`,
    width: `${box.width}px`,
    height: `${box.height}px`,
  });
  return html`
    <canvas part="plot" aria-hidden="true" style=${placed}></canvas>
    <canvas part="trail" class="trail" aria-hidden="true" style=${placed}></canvas>
    <svg aria-hidden="true" width=${n(width)} height=${n(height)}>
      <defs>
        <clipPath id="plot-clip">
          <rect x=${n(box.x)} y=${n(box.y)} width=${n(box.width)} height=${n(box.height)}></rect>
        </clipPath>
        <marker
          id="step-head"
          viewBox="0 0 10 10"
          refX="8"
          refY="5"
          markerWidth="6"
          markerHeight="6"
          orient="auto-start-reverse"
        >
          <path class="step-head" d="M0,0L10,5L0,10z"></path>
        </marker>
      </defs>
      ${axesTemplate(layout, frame.grid, view.axisNames)}
      ${legendTemplate(layout, view.thresholds, view.colours, view.caption, view.note)}
      <g part="overlay" clip-path="url(#plot-clip)">
        ${overlay.fullLinesTemplate(frame, marks.fullLines)}
        ${overlay.minimumTemplate(frame, marks.minimum)} ${overlay.stepTemplate(frame, marks.step)}
        ${overlay.weightsTemplate(frame, marks.weights)}
        ${overlay.crosshairTemplate(frame, marks.cursor)}
      </g>
      <rect
        class="hit"
        x=${n(box.x)}
        y=${n(box.y)}
        width=${n(box.width)}
        height=${n(box.height)}
        @click=${pointer.onClick}
        @pointermove=${pointer.onPointerMove}
        @pointerleave=${pointer.onPointerLeave}
      ></rect>
    </svg>
    ${overlay.readoutTemplate(frame, view.reading, layout.compact)} ${message}
  `;
}
