// Styles for <loss-surface>: a 4:3 box by default, labels over the canvas, a message in place.
import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    position: relative;
    width: 100%;
    max-width: 560px;
    aspect-ratio: 4 / 3;
    contain: content;
    color: var(--loss-surface-label-color, #333);
    font: var(--loss-surface-font, 11px system-ui, sans-serif);
    touch-action: pan-y;
    user-select: none;
    -webkit-user-select: none;
    cursor: grab;
    outline: none;
    border-radius: 4px;
  }
  :host(:focus-visible) {
    box-shadow: 0 0 0 2px var(--loss-surface-focus-ring, #2563eb);
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
    background: var(--loss-surface-background, transparent);
  }
  .labels {
    pointer-events: none;
    overflow: visible;
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
    font: var(--loss-surface-message-font, 14px system-ui, sans-serif);
    background: var(--loss-surface-message-background, rgba(248, 249, 250, 0.92));
    color: var(--loss-surface-message-color, #333);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
