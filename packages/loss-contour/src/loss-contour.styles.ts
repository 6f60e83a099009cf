// The look of <loss-contour> inside the shared view box (viewBox): theming through --lossquake-* properties.
import { css } from 'lit';
import { viewBox } from '@lossquake/kit';

export const styles = [
  viewBox,
  css`
    :host {
      box-sizing: border-box;
      font-family: var(--lossquake-font-family, system-ui, sans-serif);
      font-size: var(--lossquake-font-size, 12px);
      color: var(--lossquake-text-color, #333);
      outline: none;
      user-select: none;
      -webkit-user-select: none;
      touch-action: manipulation;
    }
    :host([hidden]) {
      display: none;
    }
    :host(:focus-visible) {
      outline: 2px solid var(--lossquake-focus-color, #1a73e8);
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
    text {
      fill: var(--lossquake-text-color, #333);
      font-family: var(--lossquake-font-family, system-ui, sans-serif);
      font-size: var(--lossquake-font-size, 12px);
    }
    .domain,
    .tick line {
      stroke: var(--lossquake-axis-color, #555);
      stroke-width: 1;
      fill: none;
      shape-rendering: crispEdges;
    }
    .axis-label {
      font-weight: 600;
    }
    .compact text {
      font-size: calc(var(--lossquake-font-size, 12px) * 0.84);
    }
    .legend-caption {
      font-size: calc(var(--lossquake-font-size, 12px) * 0.9);
    }
    .hit {
      fill: transparent;
      cursor: crosshair;
    }
    .trail {
      fill: none;
      stroke: var(--lossquake-path-color, #fff);
      stroke-width: 1.5;
      stroke-linejoin: round;
      opacity: 0.85;
    }
    .trail-point {
      fill: var(--lossquake-path-color, #fff);
      opacity: 0.6;
    }
    .weights {
      fill: var(--lossquake-weights-color, #ff5a36);
      stroke: #fff;
      stroke-width: 1.5;
    }
    .step {
      stroke: var(--lossquake-arrow-color, #ff5a36);
      stroke-width: 2;
    }
    .step-head {
      fill: var(--lossquake-arrow-color, #ff5a36);
    }
    .full-lines {
      fill: none;
      stroke: var(--lossquake-full-color, rgba(255, 255, 255, 0.75));
      stroke-width: 1;
      stroke-dasharray: 3 2;
    }
    .minimum {
      stroke: var(--lossquake-minimum-color, #fff);
      stroke-width: 2;
      fill: none;
    }
    .crosshair {
      stroke: var(--lossquake-focus-color, #1a73e8);
      stroke-width: 1;
      fill: none;
    }
    [part~='readout'] {
      position: absolute;
      pointer-events: none;
      padding: 2px 6px;
      border-radius: 3px;
      background: var(--lossquake-readout-background, rgba(255, 255, 255, 0.88));
      color: var(--lossquake-text-color, #333);
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    [part~='readout'].compact {
      padding: 1px 4px;
      font-size: calc(var(--lossquake-font-size, 12px) * 0.84);
    }
    [part~='message'] {
      position: absolute;
      left: 50%;
      top: 50%;
      transform: translate(-50%, -50%);
      max-width: 80%;
      padding: 8px 12px;
      border-radius: 4px;
      background: var(--lossquake-message-background, rgba(255, 255, 255, 0.92));
      color: var(--lossquake-text-color, #333);
      text-align: center;
    }
    [part~='message'][role='alert'] {
      color: var(--lossquake-error-color, #b00020);
      border: 1px solid currentColor;
    }
  `,
];
