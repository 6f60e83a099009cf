// The event contract between <batch-sampler> and its views: payload types, the global event map, emit().
import type { Landscape, Vec2 } from '@lossquake/core';

/** A new mini-batch is in play: its rows and its landscape at the sampler's extent and resolution. */
export interface BatchChangeDetail {
  /** The training step this batch belongs to (1 for the first step after a reset). */
  iteration: number;
  epoch: number;
  /** Index of the batch within its epoch. */
  batch: number;
  rows: Uint32Array;
  landscape: Landscape;
  /** The weights before this batch's training step. */
  weights: Vec2;
}

/** A training step was taken on the batch announced by the preceding `batch-change`. */
export interface WeightsChangeDetail {
  iteration: number;
  weights: Vec2;
  previous: Vec2;
  /** The batch gradient at `previous` (zero when the reader picked the weights). */
  gradient: Vec2;
  /** The batch loss at `previous`; for a pick, the loss at the picked weights (on the current batch, or all rows at iteration 0). */
  loss: number;
  /** Every weight visited since the last reset, oldest first, ending with `weights`. */
  path: readonly Vec2[];
}

export type ResetReason =
  | 'data'
  | 'model'
  | 'seed'
  | 'batch-size'
  | 'sampling'
  | 'optimizer'
  | 'learning-rate'
  | 'weights'
  | 'extent'
  | 'resolution'
  | 'reset'
  | 'seek';

export interface SamplerResetDetail {
  reason: ResetReason;
}

/**
 * The full-data landscape for the sampler's current data, model, extent and resolution is ready.
 * Large ones are computed in a worker, so it can arrive after `sampler-reset`; `sampler.landscape`
 * (at iteration 0) and `sampler.fullLandscape` return it from now on.
 */
export interface LandscapeReadyDetail {
  landscape: Landscape;
}

export interface WeightsPickDetail {
  weights: Vec2;
}

export interface CameraChangeDetail {
  azimuth: number;
  elevation: number;
  zoom: number;
  group: string | null;
}

export interface ErrorDetail {
  message: string;
}

/** Every lossquake event by name. */
export interface LossquakeEventMap {
  'batch-change': CustomEvent<BatchChangeDetail>;
  'weights-change': CustomEvent<WeightsChangeDetail>;
  'sampler-reset': CustomEvent<SamplerResetDetail>;
  'landscape-ready': CustomEvent<LandscapeReadyDetail>;
  'weights-pick': CustomEvent<WeightsPickDetail>;
  'camera-change': CustomEvent<CameraChangeDetail>;
  error: CustomEvent<ErrorDetail>;
}

// `error` stays out of the global map: HTMLElementEventMap already types it as ErrorEvent.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges into the DOM's own map
  interface HTMLElementEventMap extends Omit<LossquakeEventMap, 'error'> {}
}

/**
 * Dispatches a typed lossquake event from `target`. Events bubble and cross shadow roots, except
 * `error`: like the native `error` of <img> it does not bubble, so it never reaches `window.onerror`
 * handlers (error trackers, test runners) that would report it as an uncaught script error.
 */
export function emit<K extends keyof LossquakeEventMap>(
  target: EventTarget,
  type: K,
  detail: LossquakeEventMap[K]['detail'],
): boolean {
  const bubbles = type !== 'error';
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles, composed: bubbles }));
}
