// Test hooks (package export `@lossquake/loss-surface/testing`), kept out of the public API: what a
// surface drew last, and what the page's shared WebGL context costs. The symbol is registered
// (Symbol.for), so a test reaches the hooks of a bundle loaded in another frame too:
//   surface[Symbol.for('lossquake.loss-surface.testing')].framesDrawn
//   LossSurface[Symbol.for('lossquake.loss-surface.testing')].registeredSurfaces
import type { PlacedLabel } from './labels.js';
import type { SharedContext } from './gl/shared-context.js';

export const testing: unique symbol = Symbol.for('lossquake.loss-surface.testing');

/** One surface's last frame. */
export interface SurfaceHooks {
  /** Frames drawn since the element was made. */
  readonly framesDrawn: number;
  /** Where the tick labels and titles sat, in CSS pixels over the canvas. */
  readonly labels: readonly PlacedLabel[];
  /** Surface triangles drawn (fewer on a software renderer while the surface moves). */
  readonly trianglesDrawn: number;
}

/** The page's shared context: frame loop, registered surfaces, contexts made, status, canvas. */
export type ContextHooks = Pick<
  SharedContext,
  | 'activeFrameLoops'
  | 'registeredSurfaces'
  | 'createdContexts'
  | 'liveContexts'
  | 'status'
  | 'canvas'
  | 'software'
  | 'codeLookup'
>;

export function hooksOf(surface: Element): SurfaceHooks {
  return (surface as unknown as Record<symbol, SurfaceHooks>)[testing]!;
}

export { pageContext } from './gl/shared-context.js';
export type { PlacedLabel };
