// A stand-in <batch-sampler> for the scatter's tests: holds a data set and a batch's rows, and fires
// the sampler's events (the real sampler's tests with views live in packages/lossquake/test).
import { makeDataset, type Dataset } from '@lossquake/core';
import { emit, type ResetReason } from '@lossquake/kit';

export class FakeSampler extends HTMLElement {
  iteration = 0;
  epoch = 0;
  #data: Dataset = makeDataset('blobs', { n: 200, seed: 3 });
  rows = new Uint32Array(0);
  fullLandscape = null;

  // The sampler's `dataset` is its data set, which shadows HTMLElement's data-* map.
  // @ts-expect-error -- DESIGN.md's `dataset` is the data set, not a DOMStringMap.
  get dataset(): Dataset {
    return this.#data;
  }

  pick(): void {}

  /** Deals `rows` as the next batch and announces it. */
  deal(rows: number[], batch = this.iteration): void {
    this.rows = Uint32Array.from(rows);
    this.iteration += 1;
    const grid = { w1: [-1, 1] as const, w2: [-1, 1] as const, size: 2 };
    const landscape = { grid, values: new Float32Array(4), min: 0, max: 0 };
    emit(this, 'batch-change', {
      iteration: this.iteration,
      epoch: this.epoch,
      batch,
      rows: this.rows,
      landscape,
      weights: [0, 0],
      point: [0, 0],
    });
  }

  reset(reason: ResetReason = 'reset', data?: Dataset): void {
    if (data) this.#data = data;
    this.iteration = 0;
    this.rows = new Uint32Array(0);
    emit(this, 'sampler-reset', { reason });
  }
}

let count = 0;

/** Registers FakeSampler under a fresh tag and returns it. */
export function defineFakeSampler(): string {
  const tag = `fake-sampler-${++count}-${Math.random().toString(36).slice(2, 7)}`;
  customElements.define(tag, class extends FakeSampler {} as unknown as CustomElementConstructor);
  return tag;
}
