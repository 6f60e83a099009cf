// @lossquake/loss-surface: the <loss-surface> element (registered on import) and its public types.
// Test hooks live in '@lossquake/loss-surface/testing'.
export { LossSurface } from './loss-surface.js';
export type { SurfaceMode, SurfaceZRange } from './attributes.js';
export type { LandscapeMode, CameraChangeDetail } from '@lossquake/kit';
