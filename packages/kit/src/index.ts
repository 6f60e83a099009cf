// @lossquake/kit: what the lossquake elements share, and nothing else: the event contract, the link
// protocol, validated attributes, guarded define and warn, view controllers, theme, colour maps,
// saving and the markup writer. The contract is DESIGN.md at the repository root.
export * from './events.js';
export * from './attributes.js';
export * from './linked-sampler.js';
export { SamplerLink, type SamplerLinkHost, type SamplerLinkHandlers } from './sampler-link.js';
export { linkView, linkedViews, watchLinkedViews } from './view-registry.js';
export { VisibilityController, type VisibilityOptions } from './controllers/visibility.js';
export { ResizeController } from './controllers/resize.js';
export { ReducedMotionController } from './controllers/reduced-motion.js';
export { FramesController, type FramesHandlers } from './controllers/frames.js';
export { DescriptionController } from './controllers/description.js';
export { colormap, colormapTable, colormapNames, type ColormapName } from './colormaps.js';
export { svgAxes, theme, viewBox, viewMessage } from './theme.js';
export { define } from './define.js';
export { warnOnce } from './warn.js';
export { loadFrames } from './frames-source.js';
export { MAX_DATA_BYTES, readLimitedText } from './read-limited.js';
export { saveBlob } from './save-blob.js';
export { downloadFrame, encodeCanvas, frameBlob, viewToHTML } from './view-export.js';
export { elementToHTML, escapeAttribute, escapeScriptData } from './markup.js';
export { validated, type ValidatedHost, type ValidatedOptions } from './validated.js';
export { axisTicks, type Tick } from './ticks.js';
export { pointIn, screenScale } from './pointer.js';
export { linkedMorphDuration, morphDuration } from './beat.js';
export { PrintController } from './controllers/print.js';
