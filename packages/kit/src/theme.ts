// The look every lossquake element shares: the theme tokens with their defaults, written once, and
// the default box of the views. A page themes a whole explainer by setting the public --lossquake-*
// properties once on a wrapper; the elements read the private --lq-* copies below, so the default
// of each token lives here and nowhere else.
//
// The text, axes and the backgrounds behind text follow the page: they derive from `currentColor`
// (the colour the element inherits), so a dark blog's light text gives light labels. On a page that
// sets no colour they are exactly the old #333 and #555: black mixed with the Canvas colour (white).
// Behind text over the plot (readout, messages) lies the grey opposite the text's own colour: white
// behind dark text, black behind light.
// Each use resolves currentColor where it is written, so an element must not set its own `color` to
// one of these tokens and then use another under it (the mix would be applied twice).
import { css } from 'lit';

/**
 * Include in an element's styles, then write `var(--lq-text-color)` (no fallback needed).
 * Each token is resolved on the element's own :host, so a nested element keeps its own defaults.
 */
export const theme = css`
  :host {
    --lq-font-family: var(--lossquake-font-family, system-ui, sans-serif);
    --lq-font-size: var(--lossquake-font-size, 12px);
    --lq-text-color: var(--lossquake-text-color, color-mix(in srgb, currentColor 80%, Canvas));
    --lq-focus-color: var(--lossquake-focus-color, #1a73e8);
    --lq-message-background: var(
      --lossquake-message-background,
      hsl(from currentColor 0 0 calc(min(100, (100 - l) * 1.25)) / 0.92)
    );
    --lq-error-color: var(--lossquake-error-color, #b00020);
    --lq-accent: var(--lossquake-accent, #2563eb);
    --lq-on-accent: var(--lossquake-on-accent, #fff);
    --lq-background: var(--lossquake-background, #f3f5f8);
    --lq-radius: var(--lossquake-radius, 8px);
    /* The views' drawing. */
    --lq-axis-color: var(--lossquake-axis-color, color-mix(in srgb, currentColor 66.67%, Canvas));
    --lq-path-color: var(--lossquake-path-color, #fff);
    --lq-weights-color: var(--lossquake-weights-color, #ff5a36);
    --lq-arrow-color: var(--lossquake-arrow-color, #ff5a36);
    --lq-full-color: var(--lossquake-full-color, rgba(255, 255, 255, 0.75));
    --lq-minimum-color: var(--lossquake-minimum-color, #fff);
    --lq-readout-background: var(
      --lossquake-readout-background,
      hsl(from currentColor 0 0 calc(min(100, (100 - l) * 1.25)) / 0.88)
    );
    --lq-surface-background: var(--lossquake-surface-background, transparent);
  }
  /* Browsers without relative colours (before 2024) keep the white backgrounds behind text. */
  @supports not (color: hsl(from red h s l)) {
    :host {
      --lq-message-background: var(--lossquake-message-background, rgba(255, 255, 255, 0.92));
      --lq-readout-background: var(--lossquake-readout-background, rgba(255, 255, 255, 0.88));
    }
  }
`;

/**
 * The default box both views take, so a surface and a contour side by side line up: the width they
 * are given up to 560 px, 4:3, their layout and paint contained (a page's CSS cannot reach inside).
 */
export const viewBox = css`
  :host {
    display: block;
    position: relative;
    width: 100%;
    max-width: 560px;
    aspect-ratio: 4 / 3;
    contain: content;
  }
`;

/** The SVG axes both 2-D views draw: tick labels in the theme's text, domain and ticks in its axis colour. */
export const svgAxes = css`
  text {
    fill: var(--lq-text-color);
    font-family: var(--lq-font-family);
    font-size: var(--lq-font-size);
  }
  .domain,
  .tick line {
    stroke: var(--lq-axis-color);
    stroke-width: 1;
    fill: none;
    shape-rendering: crispEdges;
  }
`;

/** The note a view shows in place (nothing to show yet, a missing sampler, an error): centred, on the theme's message background. */
export const viewMessage = css`
  [part~='message'] {
    position: absolute;
    left: 50%;
    top: 50%;
    transform: translate(-50%, -50%);
    max-width: 80%;
    padding: 8px 12px;
    border-radius: 4px;
    background: var(--lq-message-background);
    color: var(--lq-text-color);
    text-align: center;
  }
`;
