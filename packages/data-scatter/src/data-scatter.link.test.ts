// <data-scatter> linked to a sampler (a stand-in here): the batch's rows circled on `batch-change`,
// new data on `sampler-reset`, a nested scatter, and a `for` that names no sampler.
import { expect, fixture } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { makeDataset } from '@lossquake/core';
import { defineFakeSampler, type FakeSampler } from '@lossquake/kit/testing';
import './data-scatter.js';
import type { DataScatter } from './data-scatter.component.js';
import {
  centre,
  drawn,
  plotRect,
  points,
  rings,
  until,
  watchConsoleErrors,
} from './test-helpers/scatter.js';

const tag = unsafeStatic(defineFakeSampler());

async function linked(): Promise<{ sampler: FakeSampler; el: DataScatter }> {
  const root = await fixture<HTMLDivElement>(
    staticHtml`<div><${tag} id="s"></${tag}><data-scatter for="s" style="width:360px;height:360px"></data-scatter></div>`,
  );
  const sampler = root.firstElementChild as FakeSampler;
  const el = root.querySelector('data-scatter')!;
  await drawn(el);
  return { sampler, el };
}

const circledRows = (el: DataScatter) => rings(el).map((c) => Number(c.dataset.row));

let consoleErrors: ReturnType<typeof watchConsoleErrors>;
beforeEach(() => (consoleErrors = watchConsoleErrors()));
afterEach(() => {
  consoleErrors.restore();
  expect(consoleErrors.errors, 'console errors').to.deep.equal([]);
});

describe('<data-scatter> follows its sampler', () => {
  it('draws the sampler’s data set, with no rings before the first batch', async () => {
    const { sampler, el } = await linked();
    expect(points(el)).to.have.length(sampler.dataset.n);
    expect(rings(el)).to.have.length(0);
  });

  it('circles exactly the rows of each batch, on the points of those rows', async () => {
    const { sampler, el } = await linked();
    sampler.deal([5, 17, 150, 199]);
    await el.updateComplete;
    expect(circledRows(el)).to.deep.equal([5, 17, 150, 199]);
    const all = points(el);
    for (const ring of rings(el)) {
      const row = Number(ring.dataset.row);
      expect(centre(ring)).to.deep.equal(centre(all[row]!));
      expect(ring.classList.contains(`class-${sampler.dataset.y[row]}`)).to.equal(true);
    }
    sampler.deal([0, 1]);
    await el.updateComplete;
    expect(circledRows(el)).to.deep.equal([0, 1]);
  });

  it('new data on sampler-reset: the new points, axes fitted to them, and no rings', async () => {
    const { sampler, el } = await linked();
    sampler.deal([1, 2, 3]);
    await el.updateComplete;
    const before = plotRect(el);
    const moons = makeDataset('moons', { n: 300, seed: 4 });
    sampler.reset('data', moons);
    await el.updateComplete;
    expect(points(el)).to.have.length(300);
    expect(rings(el)).to.have.length(0);
    expect(plotRect(el)).to.deep.equal(before);
    const xs = points(el).map((c) => centre(c)[0]);
    const width = before.right - before.left;
    expect(Math.max(...xs) - Math.min(...xs)).to.be.greaterThan(0.85 * width);
    const labels = [...el.shadowRoot!.querySelectorAll('.tick.x2 text')].map((t) => t.textContent);
    // moons' x2 runs from about −0.7 to 1.2: no tick reaches 3 as the blobs' did.
    expect(labels).to.not.include('3');
  });

  it('a scatter nested in a sampler links to it without `for`', async () => {
    // Links by ancestry find the tag <batch-sampler>: this page (one per test file) has no real one.
    defineFakeSampler('batch-sampler');
    const root = await fixture<FakeSampler>(
      staticHtml`<batch-sampler><data-scatter style="width:300px;height:300px"></data-scatter></batch-sampler>`,
    );
    const el = root.querySelector('data-scatter')!;
    await drawn(el);
    expect(points(el)).to.have.length(root.dataset.n);
    root.deal([7]);
    await el.updateComplete;
    expect(circledRows(el)).to.deep.equal([7]);
  });

  it('`for` naming no sampler: says so in place and warns once', async () => {
    const seen: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void seen.push(args.join(' '));
    try {
      const el = await fixture<DataScatter>(
        staticHtml`<data-scatter for="nowhere" style="width:300px;height:300px"></data-scatter>`,
      );
      const shown = await until(
        () => !!el.shadowRoot!.querySelector('[part="message"]')?.textContent?.includes('nowhere'),
      );
      expect(shown).to.equal(true);
    } finally {
      console.warn = warn;
    }
    expect(seen.filter((s) => s.includes('nowhere'))).to.have.length(1);
  });
});
