// Styles for <loss-surface> inside the shared 4:3 view box: labels over the canvas, a message in place.
// Themed by the shared --lossquake-* names; each --loss-surface-* name from before is kept as an alias
// that wins when set, so pages themed with the old names look the same.
import { css } from 'lit';
import { viewBox } from '@lossquake/kit';

export const styles = [
  viewBox,
  css`
    :host {
      color: var(--loss-surface-label-color, var(--lossquake-text-color, #333));
      font: var(
        --loss-surface-font,
        var(--lossquake-font-size, 11px) var(--lossquake-font-family, system-ui, sans-serif)
      );
      touch-action: pan-y;
      user-select: none;
      -webkit-user-select: none;
      cursor: grab;
      outline: none;
      border-radius: 4px;
    }
    :host(:focus-visible) {
      box-shadow: 0 0 0 2px var(--loss-surface-focus-ring, var(--lossquake-focus-color, #2563eb));
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
      background: var(--loss-surface-background, var(--lossquake-surface-background, transparent));
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
      font: var(
        --loss-surface-message-font,
        14px var(--lossquake-font-family, system-ui, sans-serif)
      );
      background: var(
        --loss-surface-message-background,
        var(--lossquake-message-background, rgba(248, 249, 250, 0.92))
      );
      color: var(--loss-surface-message-color, var(--lossquake-text-color, #333));
    }
    .message[role='alert'] {
      color: var(
        --loss-surface-message-color,
        var(--lossquake-error-color, var(--lossquake-text-color, #333))
      );
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
];
