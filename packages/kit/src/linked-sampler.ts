// What a view may read from and ask of the sampler it is linked to. <batch-sampler> implements it.
import type { Dataset, Landscape, Vec2 } from '@lossquake/core';
import type { WeightsChangeDetail } from './events.js';

/**
 * Which landscape of a linked sampler a view shows: the current batch's, the full data's, one row's,
 * or the per-cell variance of the batches seen. Each view accepts the modes it can draw (the surface
 * has no `variance`).
 */
export const landscapeModes = ['batch', 'full', 'sample', 'variance'] as const;
export type LandscapeMode = (typeof landscapeModes)[number];

// `dataset` is DESIGN.md's data set, which shadows HTMLElement's data-* map, hence the Omit.
export interface LinkedSampler extends Omit<HTMLElement, 'dataset'> {
  /** Training steps taken since the last reset. */
  readonly iteration: number;
  readonly epoch: number;
  /** Every current parameter: the logistic model's two weights, a network's P. */
  readonly weights: readonly number[];
  /** Where the weights are drawn: plane coordinates (the weights themselves for the logistic model). */
  readonly point: Vec2;
  /** Every point visited since the last reset, oldest first, ending with `point`. */
  readonly path: readonly Vec2[];
  /** The plane the views draw (its axis names for their labels); absent or null for the weights themselves. */
  readonly plane?: { readonly labels: readonly [string, string] } | null;
  /** The current batch's landscape; before the first batch of a run, the full-data landscape. */
  readonly landscape: Landscape | null;
  /** The landscape of all rows at the sampler's extent and resolution. */
  readonly fullLandscape: Landscape | null;
  /** The k-th row of the current batch alone (null before the first batch or when k is out of range). */
  sampleLandscape(k: number): Landscape | null;
  /** Per-cell variance of the batch landscapes seen since the last reset (null before the second). */
  readonly varianceMap: Landscape | null;
  /** Rows of the current batch (empty before the first batch). */
  readonly rows: Uint32Array;
  readonly dataset: Dataset;
  /** Batches per second while playing; views fit their morph to its beat (kit's `morphDuration`). */
  readonly rate?: number;
  /** While a network's landscapes are computed, the share done (0..1); absent or null otherwise. */
  readonly building?: number | null;
  /** False while playing (a stand-in without it is taken as paused). */
  readonly paused?: boolean;
  /** The last `weights-change` payload, or null right after a reset. */
  readonly lastStep: WeightsChangeDetail | null;
  /** Moves the weights to a point a reader picked (the iteration stays), and fires `weights-change`. */
  pick(point: Vec2): void;
}

/** What a view shows in place while its sampler computes a network's landscapes, or null. */
export function buildingMessage(sampler: Pick<LinkedSampler, 'building'> | null): string | null {
  const done = sampler?.building;
  return typeof done === 'number'
    ? `Computing the network’s landscapes… ${Math.round(done * 100)} %`
    : null;
}

/** True for an upgraded <batch-sampler> (or anything that honours the same interface). */
export function isLinkedSampler(element: Element | null): element is LinkedSampler {
  return (
    !!element &&
    typeof (element as Partial<LinkedSampler>).pick === 'function' &&
    'fullLandscape' in element
  );
}

/**
 * What both views offer for export and recording, with one shape: `captureFrame()` composes what is on
 * screen (plot, axes, labels) into a new canvas at device resolution, null before the first frame;
 * `toBlob()` encodes it and rejects with an Error when nothing is drawn yet (never resolves null).
 */
export interface CapturableView extends HTMLElement {
  captureFrame(): Promise<HTMLCanvasElement | null>;
  toBlob(type?: string): Promise<Blob>;
  download(filename?: string): Promise<void>;
  toHTML(): string;
}
