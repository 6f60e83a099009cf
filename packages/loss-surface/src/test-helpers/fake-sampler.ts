// A stand-in for <batch-sampler> in view tests (its own tag, fake-sampler): holds a landscape and weights, and fires the sampler's
// events on demand, so the surface can be tested without the real sampler or core's maths.
import type { Dataset, Landscape, Vec2 } from '@lossquake/core';
import { emit, type LinkedSampler, type WeightsChangeDetail } from '@lossquake/kit';

export class FakeSampler extends HTMLElement implements Omit<LinkedSampler, 'dataset'> {
  iteration = 0;
  epoch = 0;
  weights: Vec2 = [0, 0];
  path: readonly Vec2[] = [[0, 0]];
  landscape: Landscape | null = null;
  fullLandscape: Landscape | null = null;
  varianceMap: Landscape | null = null;
  rows = new Uint32Array(0);
  samples: Landscape[] = [];
  lastStep: WeightsChangeDetail | null = null;
  picked: Vec2[] = [];

  /** The logistic model's plane is the identity: the point is the weights. */
  get point(): Vec2 {
    return this.weights;
  }

  override get dataset(): DOMStringMap & Dataset {
    return { n: 0, x: new Float64Array(0), y: new Uint8Array(0) } as unknown as DOMStringMap &
      Dataset;
  }

  sampleLandscape(k: number): Landscape | null {
    return this.samples[k] ?? null;
  }

  pick(weights: Vec2): void {
    this.picked.push(weights);
  }

  /** Plays a new batch whose landscape is `landscape`. */
  batch(landscape: Landscape): void {
    this.iteration++;
    this.landscape = landscape;
    emit(this, 'batch-change', {
      iteration: this.iteration,
      epoch: 0,
      batch: this.iteration - 1,
      rows: new Uint32Array([0]),
      landscape,
      weights: this.weights,
      point: this.weights,
    });
  }

  /** Starts over, as a change of settings does: `sampler-reset`. */
  reset(): void {
    this.iteration = 0;
    emit(this, 'sampler-reset', { reason: 'batch-size' });
  }

  /** Takes a training step to `weights`. */
  step(weights: Vec2): void {
    const previous = this.weights;
    this.weights = weights;
    this.path = [...this.path, weights];
    emit(this, 'weights-change', {
      iteration: this.iteration,
      weights,
      previous,
      gradient: [0, 0],
      loss: 0,
      point: weights,
      previousPoint: previous,
      offPlane: 0,
      planeLoss: 0,
      picked: false,
      path: this.path,
    });
  }
}

export function defineFakeSampler(): void {
  if (!customElements.get('fake-sampler')) customElements.define('fake-sampler', FakeSampler);
}
