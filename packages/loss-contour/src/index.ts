// @lossquake/loss-contour: the <loss-contour> element and the plain modules it draws with.
export { LossContour } from './loss-contour.js';
export { landscapeModes, type LandscapeMode, type LevelScale } from './loss-contour.component.js';
export { levelThresholds, bandOf, bandPosition, type LevelSpacing } from './levels.js';
export { createPlotFrame, type PlotFrame, type PlotRect } from './plot-frame.js';
export { createContourer, paintBands, bandPathData } from './contour-bands.js';
export { lossAt, minimumOf } from './bilinear.js';
export { Morph } from './morph.js';
