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
  /** Every parameter before this batch's training step (the two weights of the logistic model). */
  weights: readonly number[];
  /** Where those weights are drawn: plane coordinates (the weights themselves for the logistic model). */
  point: Vec2;
}

/**
 * A training step was taken on the batch announced by the preceding `batch-change`, or a reader
 * picked a point. Views draw `point`, `previousPoint` and `path`, which are plane coordinates; for
 * the logistic model the plane is the identity and they equal the weights.
 */
export interface WeightsChangeDetail {
  iteration: number;
  /** Every parameter after the step: the logistic model's two weights, a network's P (layout in DESIGN.md). */
  weights: readonly number[];
  previous: readonly number[];
  /** The batch gradient at `previous`, per parameter (zero when the reader picked the point). */
  gradient: readonly number[];
  /** The batch loss at `previous`; for a pick, the loss at the picked weights (on the current batch, or all rows at iteration 0). */
  loss: number;
  /** Where `weights` is drawn on the plane, and where `previous` was. */
  point: Vec2;
  previousPoint: Vec2;
  /** How far `weights` lies from the plane (0 for the logistic model, and right after a pick). */
  offPlane: number;
  /** The batch loss at the plane point under `previous` (what the landscape shows there); equals `loss` on the identity plane. */
  planeLoss: number;
  /** True when a reader picked `point` rather than a training step moving there. */
  picked: boolean;
  /** Every point visited since the last reset, oldest first, ending with `point`. */
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
/** A network's landscapes are being computed (its per-row table): the share done, 0..1. */
export interface LandscapeProgressDetail {
  done: number;
}

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
  'landscape-progress': CustomEvent<LandscapeProgressDetail>;
  'weights-pick': CustomEvent<WeightsPickDetail>;
  'camera-change': CustomEvent<CameraChangeDetail>;
  error: CustomEvent<ErrorDetail>;
}

// `error` stays out of the global map: HTMLElementEventMap already types it as ErrorEvent.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges into the DOM's own map
  interface HTMLElementEventMap extends Omit<LossquakeEventMap, 'error'> {}
}

/** A frozen array of numbers (a point of a path) is already safe to share, and long paths hold many. */
const isFrozenNumbers = (value: object): boolean =>
  Array.isArray(value) && Object.isFrozen(value) && value.every((v) => typeof v === 'number');

/**
 * `value` as plain data no one else holds: objects and arrays copied and frozen, typed arrays copied
 * (they cannot be frozen). A listener that writes into a payload changes only its own copy.
 */
function frozenCopy<T>(value: T): T {
  if (typeof value !== 'object' || value === null || isFrozenNumbers(value)) return value;
  if (ArrayBuffer.isView(value)) {
    const view = value as unknown as { slice(): unknown };
    return (typeof view.slice === 'function' ? view.slice() : value) as T;
  }
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value)
    ? value.map(frozenCopy)
    : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, frozenCopy(v)]));
  return Object.freeze(copy) as T;
}

/**
 * Dispatches a typed lossquake event from `target`, its detail a `frozenCopy`: a payload is a record
 * of the moment, never the element's live state. Events bubble and cross shadow roots, except
 * `error`: like the native `error` of <img> it does not bubble, so it never reaches `window.onerror`
 * handlers (error trackers, test runners) that would report it as an uncaught script error.
 */
export function emit<K extends keyof LossquakeEventMap>(
  target: EventTarget,
  type: K,
  detail: LossquakeEventMap[K]['detail'],
): boolean {
  const bubbles = type !== 'error';
  return target.dispatchEvent(
    new CustomEvent(type, { detail: frozenCopy(detail), bubbles, composed: bubbles }),
  );
}
