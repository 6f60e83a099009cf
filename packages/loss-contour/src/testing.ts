// Test hooks (package export `@lossquake/loss-contour/testing`), kept out of the public API: what a
// contour has on screen now. The symbol is registered (Symbol.for), so a test reaches the hooks of a
// bundle loaded in another frame too: contour[Symbol.for('lossquake.loss-contour.testing')].displayed
import type { TrailMarks } from './trail-layer.js';

export const testing: unique symbol = Symbol.for('lossquake.loss-contour.testing');

export interface ContourHooks {
  /** The values on screen now (mid-morph, in between two landscapes). */
  readonly displayed: Float32Array;
  /** The lower edges of the bands on screen (band k: thresholds[k] ≤ loss < thresholds[k + 1]). */
  readonly thresholds: readonly number[];
  /** On screen and the page visible (an off-screen contour paints once, then waits for the reader). */
  readonly visible: boolean;
  /** True while a morph is running. */
  readonly morphing: boolean;
  /** The length (ms) the next morph takes: `transition` fitted to a playing sampler's beat. */
  readonly morphLength: number;
  /** Index of the `src` frame shown. */
  readonly frame: number;
  /** The text description last given to assistive technology. */
  readonly description: string;
  /** The trail painted now (element pixels): training-step polylines and the picks' jumps; null when none. */
  readonly trail: TrailMarks | null;
}

export function hooksOf(contour: Element): ContourHooks {
  return (contour as unknown as Record<symbol, ContourHooks>)[testing]!;
}
