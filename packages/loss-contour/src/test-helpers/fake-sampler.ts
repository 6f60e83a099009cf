// A stand-in <batch-sampler> for view tests: holds landscapes and weights, and fires the sampler's events.
import { emit, type LinkedSampler, type WeightsChangeDetail } from '@lossquake/kit';
import type { Landscape, Vec2 } from '@lossquake/core';

export class FakeSampler extends HTMLElement {
  iteration = 0;
  epoch = 0;
  weights: Vec2 = [0, 0];
  path: Vec2[] = [[0, 0]];
  landscape: Landscape | null = null;
  fullLandscape: Landscape | null = null;
  varianceMap: Landscape | null = null;
  samples: Landscape[] = [];
  rows = new Uint32Array(0);
  lastStep: WeightsChangeDetail | null = null;
  picks: Vec2[] = [];
  /** Batches per second, and whether it plays: views fit their morph to the beat. */
  rate = 2;
  paused = true;

  /** The logistic model's plane is the identity: the point is the weights. */
  get point(): Vec2 {
    return this.weights;
  }

  sampleLandscape(k: number): Landscape | null {
    return this.samples[k] ?? null;
  }

  pick(weights: Vec2): void {
    this.picks.push(weights);
  }

  /** Announces a new batch with `landscape` (the first beat of a step). */
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

  /** Moves the weights to `weights` as a training step (the second beat). */
  step(weights: Vec2): void {
    const previous = this.weights;
    this.iteration += 1;
    this.weights = weights;
    this.path = [...this.path, weights];
    this.lastStep = {
      iteration: this.iteration,
      weights,
      previous,
      gradient: [previous[0] - weights[0], previous[1] - weights[1]],
      loss: 0,
      point: weights,
      previousPoint: previous,
      offPlane: 0,
      planeLoss: 0,
      picked: false,
      path: this.path,
    };
    emit(this, 'weights-change', this.lastStep);
  }

  /** Moves the weights where a reader picked them, as <batch-sampler> reports it: the iteration stays, zero gradient. */
  movePicked(weights: Vec2): void {
    const previous = this.weights;
    this.weights = weights;
    this.path = [...this.path, weights];
    this.lastStep = {
      iteration: this.iteration,
      weights,
      previous,
      gradient: [0, 0],
      loss: 0,
      point: weights,
      previousPoint: previous,
      offPlane: 0,
      planeLoss: 0,
      picked: true,
      path: this.path,
    };
    emit(this, 'weights-change', this.lastStep);
  }

  reset(): void {
    this.iteration = 0;
    this.path = [this.weights];
    this.lastStep = null;
    this.landscape = this.fullLandscape;
    emit(this, 'sampler-reset', { reason: 'reset' });
  }
}

let count = 0;

/** Registers FakeSampler under a fresh tag and returns it. */
export function defineFakeSampler(): string {
  const tag = `fake-sampler-${++count}-${Math.random().toString(36).slice(2, 7)}`;
  customElements.define(tag, class extends FakeSampler {});
  return tag;
}

export type { LinkedSampler };
