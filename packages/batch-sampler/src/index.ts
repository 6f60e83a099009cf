// @lossquake/batch-sampler: the <batch-sampler> element (registered on import) and its sharing helpers.
// The event contract and the link protocol views use live in @lossquake/kit; see DESIGN.md.
export { BatchSampler, type QuakeMagnitude } from './batch-sampler.js';
export type { PickedWeights } from './timeline.js';
export type { ExportedRun, RunSettings, RunStep } from './export-run.js';
export type { RecordOptions } from './record.js';
export { applyState, embedCode, encodeState, type ShareableElement } from './share-state.js';
