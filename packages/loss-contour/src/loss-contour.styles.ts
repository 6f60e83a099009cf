// The look of <loss-contour> inside the shared view box: the shared theme tokens (kit's theme.ts, where
// each --lossquake-* property has its default) applied to the axes, legend, overlays and messages.
import { css } from 'lit';
import { svgAxes, theme, viewBox, viewMessage } from '@lossquake/kit';

export const styles = [
  viewBox,
  theme,
  svgAxes,
  viewMessage,
  css`
    :host {
      box-sizing: border-box;
      font-family: var(--lq-font-family);
      font-size: var(--lq-font-size);
      /* No own colour: the theme's tokens resolve currentColor, the page's text colour, once below. */
      outline: none;
      user-select: none;
      -webkit-user-select: none;
      touch-action: manipulation;
    }
    :host([hidden]) {
      display: none;
    }
    :host(:focus-visible) {
      outline: 2px solid var(--lq-focus-color);
      outline-offset: 2px;
    }
    /* Holds everything and carries the size: the host's when it has one, else 4:3 of the width. */
    .frame {
      position: relative;
      width: 100%;
      height: 100%;
      aspect-ratio: 4 / 3;
    }
    canvas {
      position: absolute;
      display: block;
    }
    svg {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      overflow: visible;
    }
    .axis-label {
      font-weight: 600;
    }
    .compact text {
      font-size: calc(var(--lq-font-size) * 0.84);
    }
    .legend-caption {
      font-size: calc(var(--lq-font-size) * 0.9);
    }
    .hit {
      fill: transparent;
      cursor: crosshair;
    }
    /* The trail's canvas strokes in its CSS colour (trail-layer.ts). */
    canvas.trail {
      color: var(--lq-path-color);
      pointer-events: none;
    }
    .weights {
      fill: var(--lq-weights-color);
      stroke: #fff;
      stroke-width: 1.5;
    }
    .step {
      stroke: var(--lq-arrow-color);
      stroke-width: 2;
    }
    .step-head {
      fill: var(--lq-arrow-color);
    }
    /* A reader's pick: a dashed jump, no arrowhead (no gradient took the weights there). */
    .pick {
      fill: none;
      stroke-dasharray: 4 3;
      stroke: var(--lq-arrow-color);
      stroke-width: 1.5;
    }
    .full-lines {
      fill: none;
      stroke: var(--lq-full-color);
      stroke-width: 1;
      stroke-dasharray: 3 2;
    }
    .minimum {
      stroke: var(--lq-minimum-color);
      stroke-width: 2;
      fill: none;
    }
    .crosshair {
      stroke: var(--lq-focus-color);
      stroke-width: 1;
      fill: none;
    }
    [part~='readout'] {
      position: absolute;
      pointer-events: none;
      padding: 2px 6px;
      border-radius: 3px;
      background: var(--lq-readout-background);
      color: var(--lq-text-color);
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    [part~='readout'].compact {
      padding: 1px 4px;
      font-size: calc(var(--lq-font-size) * 0.84);
    }
    [part~='message'][role='alert'] {
      color: var(--lq-error-color);
      border: 1px solid currentColor;
    }
  `,
];
