// @lossquake/batch-sampler: the <batch-sampler> element (registered on import) and its sharing helpers.
// The event contract and the link protocol views use live in @lossquake/kit; see DESIGN.md.
export { BatchSampler, type QuakeMagnitude } from './batch-sampler.js';
export type { PickedWeights } from './run/timeline.js';
export type { PlaneKind } from './run/network-plane.js';
export type { ExportedRun, RunSettings, RunStep } from './share/export-run.js';
export type { RecordOptions } from './share/record.js';
export {
  applyState,
  embedCode,
  encodeState,
  type ApplyStateOptions,
  type ShareableElement,
} from './share/share-state.js';
