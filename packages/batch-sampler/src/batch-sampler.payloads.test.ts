import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { createGrid, logistic, lossGrid, makeDataset, type Landscape } from '@lossquake/core';
import { SamplerLink } from '@lossquake/kit';
import './batch-sampler.js';
import type { BatchSampler } from './batch-sampler.js';

/** Writes into every field of a payload it can reach: typed arrays, arrays, objects, all nested. */
function vandalise(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  if (ArrayBuffer.isView(value)) {
    (value as unknown as Float32Array).fill(7);
    return;
  }
  const fields = value as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    vandalise(fields[key]);
    try {
      fields[key] = Array.isArray(fields[key]) ? [1e9, 1e9] : 1e9;
    } catch {
      // A frozen payload refuses the write, as it should.
    }
  }
  if (Array.isArray(value)) {
    try {
      value.push([1e9, 1e9]);
    } catch {
      // frozen
    }
  }
}

/** A view that keeps the landscapes its link hands it, as the real views do, to draw them later. */
class KeepingView extends LitElement {
  @property() for: string | null = null;
  batches: Landscape[] = [];
  fulls: Landscape[] = [];
  link = new SamplerLink(this, {
    onBatch: (detail) => this.batches.push(detail.landscape),
    onLandscapeReady: (detail) => this.fulls.push(detail.landscape),
  });
}
customElements.define('payload-keeping-view', KeepingView);

const vandal = (event: Event) => {
  if ((event.target as Element).id === 'vandalised') vandalise((event as CustomEvent).detail);
};
const types = ['batch-change', 'weights-change', 'landscape-ready', 'sampler-reset'];

describe('<batch-sampler> event payloads are frozen copies', () => {
  it('a listener that writes into every field of every payload changes neither the run nor a linked view', async () => {
    // Capture on the document: it runs before the sampler's and the view's own listeners.
    for (const type of types) document.addEventListener(type, vandal, true);
    try {
      const settings = { seed: 4, samples: 300, resolution: 16, learningRate: 0.5 };
      const markup = (id: string) =>
        html`<batch-sampler
            id=${id}
            seed=${settings.seed}
            samples=${settings.samples}
            resolution=${settings.resolution}
            learning-rate=${settings.learningRate}
          ></batch-sampler
          ><payload-keeping-view for=${id}></payload-keeping-view>`;
      const wrapper = await fixture<HTMLElement>(
        html`<div>${markup('vandalised')} ${markup('untouched')}</div>`,
      );
      const [hit, twin] = [...wrapper.querySelectorAll<BatchSampler>('batch-sampler')];
      const [view, twinView] = [...wrapper.querySelectorAll<KeepingView>('payload-keeping-view')];
      for (let k = 0; k < 3; k++) {
        await hit!.step();
        await twin!.step();
      }
      expect(hit!.weights).to.deep.equal(twin!.weights);
      expect(hit!.path).to.deep.equal(twin!.path);
      expect(hit!.rows).to.deep.equal(twin!.rows);
      expect(hit!.landscape!.values).to.deep.equal(twin!.landscape!.values);

      const data = makeDataset('blobs', { n: settings.samples, seed: settings.seed });
      const grid = createGrid([-20, 20, -20, 20], settings.resolution);
      expect(view!.batches).to.have.length(3);
      view!.batches.forEach((landscape, k) =>
        expect(landscape.values, `batch ${k + 1}`).to.deep.equal(twinView!.batches[k]!.values),
      );
      expect(view!.batches[2]!.values).to.deep.equal(
        lossGrid(logistic, data, hit!.rows, grid).values,
      );
      expect(hit!.fullLandscape!.values).to.deep.equal(
        lossGrid(logistic, data, 'all', grid).values,
      );
    } finally {
      for (const type of types) document.removeEventListener(type, vandal, true);
    }
  });

  it('landscape-ready from the worker cannot be changed for the sampler or a linked view', async () => {
    document.addEventListener('landscape-ready', vandal, true);
    try {
      const wrapper = await fixture<HTMLElement>(
        html`<div>
          <batch-sampler id="vandalised" samples="2000" resolution="32"></batch-sampler>
          <payload-keeping-view for="vandalised"></payload-keeping-view>
        </div>`,
      );
      const sampler = wrapper.querySelector<BatchSampler>('batch-sampler')!;
      const view = wrapper.querySelector<KeepingView>('payload-keeping-view')!;
      const full = await sampler.fullLandscapeReady();
      const expected = lossGrid(
        logistic,
        makeDataset('blobs', { n: 2000, seed: 1 }),
        'all',
        createGrid([-20, 20, -20, 20], 32),
      ).values;
      expect(full.values).to.deep.equal(expected);
      expect(view.fulls).to.have.length(1);
      expect(view.fulls[0]!.values).to.deep.equal(expected);
      expect(sampler.quakeMagnitude!.theory).to.be.finite;
    } finally {
      document.removeEventListener('landscape-ready', vandal, true);
    }
  });

  it('payloads are frozen: objects and arrays refuse writes, typed arrays are copies', async () => {
    const s = await fixture<BatchSampler>(html`<batch-sampler resolution="8"></batch-sampler>`);
    const details: Record<string, unknown> = {};
    const keep = (event: Event) => {
      details[event.type] = (event as CustomEvent<unknown>).detail;
    };
    s.addEventListener('batch-change', keep);
    s.addEventListener('weights-change', keep);
    await s.step();
    const batch = details['batch-change'] as Record<string, unknown>;
    const step = details['weights-change'] as Record<string, unknown>;
    expect(Object.isFrozen(batch)).to.equal(true);
    expect(Object.isFrozen(batch.weights)).to.equal(true);
    expect(Object.isFrozen(batch.landscape)).to.equal(true);
    expect(Object.isFrozen(step)).to.equal(true);
    expect(Object.isFrozen(step.path)).to.equal(true);
    expect((step.path as unknown[]).every((w) => Object.isFrozen(w))).to.equal(true);
    expect(batch.rows).not.to.equal(s.rows);
    expect(batch.rows).to.deep.equal(s.rows);
  });
});
