// @lossquake/batch-sampler: the <batch-sampler> element, the event contract and the toolkit views link with.
export * from './events.js';
export * from './attributes.js';
export * from './linked-sampler.js';
export { SamplerLink, type SamplerLinkHost, type SamplerLinkHandlers } from './sampler-link.js';
export { VisibilityController } from './controllers/visibility.js';
export { ResizeController } from './controllers/resize.js';
export { ReducedMotionController } from './controllers/reduced-motion.js';
export { colormap, colormapTable, colormapNames, type ColormapName } from './colormaps.js';
export { define } from './define.js';
export { warnOnce } from './warn.js';
export { BatchSampler, type QuakeMagnitude } from './batch-sampler.js';
export { Timeline, type Step, type TimelineOptions } from './timeline.js';
