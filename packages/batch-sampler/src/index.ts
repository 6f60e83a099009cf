// @lossquake/batch-sampler: the <batch-sampler> element, the event contract and the toolkit views link with.
export * from './events.js';
export * from './attributes.js';
export * from './linked-sampler.js';
export { SamplerLink, type SamplerLinkHost, type SamplerLinkHandlers } from './sampler-link.js';
export { VisibilityController } from './controllers/visibility.js';
export { ResizeController } from './controllers/resize.js';
export { ReducedMotionController } from './controllers/reduced-motion.js';
export { colormap, colormapTable, colormapNames, type ColormapName } from './colormaps.js';
export { viewBox } from './view-box.js';
export { define } from './define.js';
export { warnOnce } from './warn.js';
export { BatchSampler, type QuakeMagnitude } from './batch-sampler.js';
export { MAX_DATA_BYTES, readLimitedText } from './data-source.js';
export { loadFrames } from './frames-source.js';
export { saveBlob } from './save-blob.js';
export { Timeline, type PickedWeights, type Step, type TimelineOptions } from './timeline.js';
export { runColumns, type ExportedRun, type RunSettings, type RunStep } from './export-run.js';
export { webmType, type RecordableView, type RecordOptions } from './record.js';
export {
  applyState,
  embedCode,
  encodeState,
  stateAttributes,
  type ShareableElement,
} from './share-state.js';
export { formatPicks, picksType } from './state-markup.js';
export { linkedViews } from './view-registry.js';
