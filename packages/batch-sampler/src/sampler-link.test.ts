import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import './batch-sampler.js';
import type { BatchSampler } from './batch-sampler.js';
import { emit } from '@lossquake/kit';
import type { LinkedSampler } from '@lossquake/kit';
import { SamplerLink } from '@lossquake/kit';
import { once } from './test-helpers/events.js';

/** A tiny view: links like <loss-contour> does and records what it hears. */
class TestView extends LitElement {
  static override properties = { for: { type: String, reflect: true } };
  for: string | null = null;
  heard: string[] = [];
  linked: LinkedSampler | null = null;
  link = new SamplerLink(this, {
    onLink: (sampler) => (this.linked = sampler),
    onBatch: (detail) => this.heard.push(`batch ${detail.iteration}`),
    onWeights: (detail) => this.heard.push(`weights ${detail.iteration}`),
    onReset: (detail) => this.heard.push(`reset ${detail.reason}`),
  });
}
customElements.define('link-test-view', TestView);

describe('SamplerLink with <batch-sampler>', () => {
  it('links by for="id" and hears batch-change and weights-change', async () => {
    const root = await fixture(
      html`<div>
        <batch-sampler id="link-a" resolution="8"></batch-sampler>
        <link-test-view for="link-a"></link-test-view>
      </div>`,
    );
    const s = root.querySelector('batch-sampler')!;
    const view = root.querySelector<TestView>('link-test-view')!;
    expect(view.link.sampler).to.equal(s);
    await s.step();
    expect(view.heard).to.deep.equal(['batch 1', 'weights 1']);
  });

  it('follows for="id" to a sampler added later', async () => {
    const root = await fixture(html`<div><link-test-view for="link-late"></link-test-view></div>`);
    const view = root.querySelector<TestView>('link-test-view')!;
    expect(view.link.sampler).to.equal(null);
    const s = document.createElement('batch-sampler');
    s.id = 'link-late';
    root.append(s);
    await new Promise((resolve) => setTimeout(resolve));
    expect(view.link.sampler).to.equal(s);
  });

  it('links to the nearest <batch-sampler> ancestor', async () => {
    const s = await fixture<BatchSampler>(
      html`<batch-sampler resolution="8"
        ><div><link-test-view></link-test-view></div
      ></batch-sampler>`,
    );
    const view = s.querySelector<TestView>('link-test-view')!;
    expect(view.link.sampler).to.equal(s);
    s.reset();
    expect(view.heard).to.deep.equal(['reset reset']);
  });

  it('a weights-pick from a view linked by for moves that sampler only', async () => {
    const root = await fixture(
      html`<div>
        <batch-sampler id="pick-a" resolution="8"
          ><link-test-view for="pick-b"></link-test-view
        ></batch-sampler>
        <batch-sampler id="pick-b" resolution="8"></batch-sampler>
      </div>`,
    );
    const [a, b] = root.querySelectorAll('batch-sampler');
    const view = root.querySelector<TestView>('link-test-view')!;
    const before = a!.weights;
    const changed = once(b!, 'weights-change');
    emit(view, 'weights-pick', { weights: [4, -2] });
    expect((await changed).detail.weights).to.deep.equal([4, -2]);
    expect(b!.weights).to.deep.equal([4, -2]);
    expect(a!.weights).to.deep.equal(before);
  });

  it('a weights-pick from a view inside its sampler moves it once', async () => {
    const s = await fixture<BatchSampler>(
      html`<batch-sampler resolution="8"><link-test-view></link-test-view></batch-sampler>`,
    );
    const changes: unknown[] = [];
    s.addEventListener('weights-change', (e) => changes.push(e.detail.weights));
    emit(s.querySelector('link-test-view')!, 'weights-pick', { weights: [1, 1] });
    expect(changes).to.deep.equal([[1, 1]]);
    expect(s.path).to.deep.equal([
      [15, 15],
      [1, 1],
    ]);
  });
});
