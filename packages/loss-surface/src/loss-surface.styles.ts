// Styles for <loss-surface> inside the shared 4:3 view box: labels over the canvas, a message in place.
// Themed by kit's tokens (--lq-*, set from the public --lossquake-* names). Four defaults still differ
// from the kit's and are kept here so the figures and the surface's look do not change: tick labels
// 11px (kit 12px), focus ring #2563eb, message background and error colour.
import { css } from 'lit';
import { theme, viewBox } from '@lossquake/kit';

export const styles = [
  theme,
  viewBox,
  css`
    :host {
      color: var(--lq-text-color);
      touch-action: pan-y;
      user-select: none;
      -webkit-user-select: none;
      cursor: grab;
      outline: none;
      border-radius: 4px;
    }
    :host(:focus-visible) {
      box-shadow: 0 0 0 2px var(--lossquake-focus-color, #2563eb);
    }
    :host([hidden]) {
      display: none;
    }
    .frame,
    canvas,
    .labels {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
    }
    /* In flow, so it keeps a 4:3 default size even when page CSS forces the host inline. */
    .frame {
      position: relative;
      inset: auto;
      aspect-ratio: 4 / 3;
      background: var(--lq-surface-background);
    }
    /* Set here, not on :host: a page rule that reaches the host (a reset's \`* { font: inherit }\`)
       beats :host, and gave the labels a blog's 20px; only the custom property overrides 11px. */
    .labels {
      pointer-events: none;
      overflow: visible;
      font: var(--lossquake-font-size, 11px) var(--lq-font-family);
    }
    .labels span {
      position: absolute;
      left: 0;
      top: 0;
      white-space: nowrap;
      line-height: 1;
      font-variant-numeric: tabular-nums;
    }
    .labels .title {
      font-size: 1.15em;
      font-style: italic;
    }
    .message {
      position: absolute;
      inset: 0;
      display: flex;
      align-items: center;
      justify-content: center;
      padding: 1em;
      text-align: center;
      font: 14px var(--lq-font-family);
      background: var(--lossquake-message-background, rgba(248, 249, 250, 0.92));
      color: var(--lq-text-color);
    }
    .message[role='alert'] {
      color: var(--lossquake-error-color, var(--lq-text-color));
    }
  `,
];
