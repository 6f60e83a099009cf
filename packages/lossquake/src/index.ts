// lossquake: every lossquake element and its API from one module. Importing it registers
// <batch-sampler>, <loss-surface>, <loss-contour> and <data-scatter> (each define is guarded, so a second copy is harmless).
export * from '@lossquake/batch-sampler';
export * from '@lossquake/loss-surface';
export * from '@lossquake/loss-contour';
export * from '@lossquake/data-scatter';
// The event contract and the link protocol, for pages and custom views that listen or link.
export {
  SamplerLink,
  linkedViews,
  type BatchChangeDetail,
  type CameraChangeDetail,
  type ErrorDetail,
  type LandscapeProgressDetail,
  type LandscapeReadyDetail,
  type LinkedSampler,
  type LossquakeEventMap,
  type ResetReason,
  type SamplerLinkHandlers,
  type SamplerLinkHost,
  type SamplerResetDetail,
  type WeightsChangeDetail,
  type WeightsPickDetail,
} from '@lossquake/kit';
// Both views name their landscape modes; the contour's is the superset (it adds 'variance').
export { type LandscapeMode } from '@lossquake/loss-contour';
