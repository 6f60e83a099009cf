// A stand-in <batch-sampler> for the views' tests, next to the LinkedSampler contract it implements (a
// change to the contract breaks it here, at compile time). Tests drive it by hand; it fires the
// sampler's events through emit() in the real sampler's order: batch-change, then weights-change.
import { makeDataset, type Dataset, type Landscape, type Vec2 } from '@lossquake/core';
import { emit, type ResetReason, type WeightsChangeDetail } from '../events.js';
import type { LinkedSampler } from '../linked-sampler.js';

/** A flat landscape, for a batch whose landscape the test does not look at. */
const flat = (): Landscape => ({
  grid: { w1: [-1, 1], w2: [-1, 1], size: 2 },
  values: new Float32Array(4),
  min: 0,
  max: 0,
});

export class FakeSampler extends HTMLElement implements LinkedSampler {
  iteration = 0;
  epoch = 0;
  weights: Vec2 = [0, 0];
  path: readonly Vec2[] = [[0, 0]];
  plane: { readonly labels: readonly [string, string] } | null = null;
  landscape: Landscape | null = null;
  fullLandscape: Landscape | null = null;
  varianceMap: Landscape | null = null;
  /** What `sampleLandscape(k)` returns: the rows of the current batch alone. */
  samples: Landscape[] = [];
  rows = new Uint32Array(0);
  lastStep: WeightsChangeDetail | null = null;
  /** Batches per second, and whether it plays: views fit their morph to the beat. */
  rate = 2;
  paused = true;
  building: number | null = null;
  /** The points `pick()` was asked for, in order (the fake stays put: `movePicked` moves it). */
  picks: Vec2[] = [];
  #data: Dataset | null = null;

  /** The logistic model's plane is the identity: the point is the weights. */
  get point(): Vec2 {
    return this.weights;
  }

  // The sampler's `dataset` is its data set, which shadows HTMLElement's data-* map.
  override get dataset(): DOMStringMap & Dataset {
    this.#data ??= makeDataset('blobs', { n: 200, seed: 3 });
    return this.#data as DOMStringMap & Dataset;
  }

  sampleLandscape(k: number): Landscape | null {
    return this.samples[k] ?? null;
  }

  pick(point: Vec2): void {
    this.picks.push(point);
  }

  /** Announces a new batch with `landscape`, the first beat of the step `iteration + 1`. */
  batch(landscape: Landscape, batch = this.iteration): void {
    this.landscape = landscape;
    emit(this, 'batch-change', {
      iteration: this.iteration + 1,
      epoch: this.epoch,
      batch,
      rows: this.rows,
      landscape,
      weights: this.weights,
      point: this.weights,
    });
  }

  /** Deals `rows` as the next batch (its landscape the current one, or a flat one). */
  deal(rows: readonly number[], batch = this.iteration): void {
    this.rows = Uint32Array.from(rows);
    this.batch(this.landscape ?? flat(), batch);
  }

  /** Moves the weights to `weights` as a training step (the second beat). */
  step(weights: Vec2): void {
    this.iteration += 1;
    this.#move(weights, false);
  }

  /** Moves the weights where a reader picked them, as <batch-sampler> reports it: the iteration stays, zero gradient. */
  movePicked(weights: Vec2): void {
    this.#move(weights, true);
  }

  /** Starts over (with new data, if given), as a change of settings does: `sampler-reset`. */
  reset(reason: ResetReason = 'reset', data?: Dataset): void {
    if (data) this.#data = data;
    this.iteration = 0;
    this.rows = new Uint32Array(0);
    this.path = [this.weights];
    this.lastStep = null;
    this.landscape = this.fullLandscape;
    emit(this, 'sampler-reset', { reason });
  }

  #move(weights: Vec2, picked: boolean): void {
    const previous = this.weights;
    this.weights = weights;
    this.path = [...this.path, weights];
    this.lastStep = {
      iteration: this.iteration,
      weights,
      previous,
      gradient: picked ? [0, 0] : [previous[0] - weights[0], previous[1] - weights[1]],
      loss: 0,
      point: weights,
      previousPoint: previous,
      offPlane: 0,
      planeLoss: 0,
      picked,
      path: this.path,
    };
    emit(this, 'weights-change', this.lastStep);
  }
}

let count = 0;

/**
 * Registers a FakeSampler under `tag` (a fresh name unless given; a name already taken stays as it is)
 * and returns the tag. Each tag gets its own subclass: one constructor cannot take two names.
 */
export function defineFakeSampler(
  tag = `fake-sampler-${++count}-${Math.random().toString(36).slice(2, 7)}`,
): string {
  if (!customElements.get(tag)) customElements.define(tag, class extends FakeSampler {});
  return tag;
}
