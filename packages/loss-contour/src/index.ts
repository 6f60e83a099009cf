// @lossquake/loss-contour: the <loss-contour> element (registered on import) and its public types.
// Test hooks live behind the `@lossquake/loss-contour/testing` entry.
export { LossContour } from './loss-contour.js';
export type { LevelScale, LevelSpacing } from './attributes.js';
export type { LandscapeMode } from '@lossquake/kit';
