// The look of <batch-sampler>: invisible without `controls`, a compact toolbar with them.
// The shared --lossquake-* names theme every lossquake element (kit's theme lists them).
import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    font-family: var(--lossquake-font-family, system-ui, -apple-system, 'Segoe UI', sans-serif);
    color: var(--lossquake-text-color, #1f2933);
  }
  :host([hidden]) {
    display: none;
  }
  [part='controls'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem 0.75rem;
    padding: 0.4rem 0.6rem;
    border-radius: var(--lossquake-radius, 8px);
    background: var(--lossquake-background, #f3f5f8);
    font-size: var(--lossquake-font-size, 0.875rem);
    line-height: 1.2;
  }
  .buttons {
    display: flex;
    gap: 0.25rem;
  }
  button {
    display: inline-grid;
    place-items: center;
    width: 2rem;
    height: 2rem;
    padding: 0;
    border: 1px solid color-mix(in srgb, var(--lossquake-accent, #2563eb) 35%, transparent);
    border-radius: 50%;
    background: transparent;
    color: var(--lossquake-accent, #2563eb);
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.4;
    cursor: default;
  }
  button:hover:not(:disabled) {
    background: color-mix(in srgb, var(--lossquake-accent, #2563eb) 12%, transparent);
  }
  button[part~='play'] {
    background: var(--lossquake-accent, #2563eb);
    border-color: var(--lossquake-accent, #2563eb);
    color: var(--lossquake-on-accent, #fff);
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--lossquake-focus-color, var(--lossquake-accent, #2563eb));
    outline-offset: 2px;
  }
  svg {
    width: 0.9rem;
    height: 0.9rem;
    fill: currentColor;
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    white-space: nowrap;
  }
  input[type='range'] {
    width: 7rem;
    accent-color: var(--lossquake-accent, #2563eb);
  }
  select {
    font: inherit;
    padding: 0.15rem 0.3rem;
    border-radius: 4px;
    border: 1px solid #c5ccd6;
    background: #fff;
    color: inherit;
  }
  .value {
    min-width: 2.5em;
    font-variant-numeric: tabular-nums;
  }
  [part='readout'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.15rem 0.75rem;
    font-variant-numeric: tabular-nums;
    opacity: 0.85;
  }
  [part='readout'] b {
    font-weight: 600;
  }
  /* Without controls: a zero-height row, so the pause button floats over the views' top-right
     corner and the page keeps its layout. */
  .pause-affordance {
    position: relative;
    height: 0;
  }
  button[part~='pause-button'] {
    position: absolute;
    top: 0.375rem;
    right: 0.375rem;
    z-index: 1;
    width: 28px;
    height: 28px;
    background: color-mix(in srgb, var(--lossquake-background, #f3f5f8) 85%, transparent);
    box-shadow: 0 1px 2px rgb(0 0 0 / 0.15);
  }
  button[part~='pause-button']:hover {
    background: color-mix(
      in srgb,
      var(--lossquake-accent, #2563eb) 12%,
      var(--lossquake-background, #f3f5f8)
    );
  }
  button[part~='pause-button'] svg {
    width: 12px;
    height: 12px;
  }
  [part='error'] {
    --error-color: var(--lossquake-error-color, #c62828);
    margin: 0.25rem 0;
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--error-color);
    background: var(
      --lossquake-message-background,
      color-mix(in srgb, var(--error-color) 8%, transparent)
    );
    color: var(--error-color);
    font-size: var(--lossquake-font-size, 0.875rem);
  }
`;
