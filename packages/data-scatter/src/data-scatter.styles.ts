// The look of <data-scatter>: kit's shared theme tokens for text and axes, and two class colours
// of its own (matplotlib's first two, as the seed's dataset.png draws them: class 0 blue, class 1 orange).
import { css } from 'lit';
import { svgAxes, theme, viewMessage } from '@lossquake/kit';

export const styles = [
  theme,
  svgAxes,
  viewMessage,
  css`
    :host {
      --lq-class-0-color: var(--lossquake-class-0-color, #1f77b4);
      --lq-class-1-color: var(--lossquake-class-1-color, #ff7f0e);
      --lq-point-opacity: var(--lossquake-point-opacity, 0.3);
      --lq-batch-color: var(--lossquake-batch-color, var(--lq-text-color));
      display: block;
      position: relative;
      box-sizing: border-box;
      width: 100%;
      max-width: 480px;
      aspect-ratio: 1;
      contain: content;
      font-family: var(--lq-font-family);
      font-size: var(--lq-font-size);
    }
    :host([hidden]) {
      display: none;
    }
    /* Holds everything and carries the size: the host's when it has one, else a square. */
    .frame {
      position: relative;
      width: 100%;
      height: 100%;
      aspect-ratio: 1;
    }
    canvas,
    svg {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      display: block;
    }
    svg {
      overflow: visible;
    }
    .axis-label {
      font-style: italic;
    }
    .class-0,
    .probe.class-0 {
      fill: var(--lq-class-0-color);
      color: var(--lq-class-0-color);
    }
    .class-1,
    .probe.class-1 {
      fill: var(--lq-class-1-color);
      color: var(--lq-class-1-color);
    }
    .probe.ring {
      color: var(--lq-batch-color);
    }
    .probe {
      display: none;
    }
    .point {
      fill-opacity: var(--lq-point-opacity);
    }
    .ring {
      stroke: var(--lq-batch-color);
      stroke-width: 1.5;
    }
  `,
];
