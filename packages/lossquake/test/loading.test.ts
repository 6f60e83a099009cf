// How the script arrives: twice and beside the per-package builds (pages/twice.html), and late, after
// the page set attributes and properties on the not-yet-defined elements (pages/upgrade.html).
import { expect } from '@open-wc/testing';
import {
  canvasOf,
  closePages,
  delay,
  openPage,
  paintedPixels,
  waitFor,
  type BatchSampler,
  type LossContour,
  type LossSurface,
} from './helpers.js';

describe('the bundle loaded twice and beside the per-package builds', () => {
  afterEach(closePages);

  it('throws nothing, keeps one definition per tag, warns at most once, and the elements work', async () => {
    const page = await openPage('twice.html');
    const { doc, win, probe } = page;
    const sampler = doc.querySelector('batch-sampler') as BatchSampler;
    const contour = doc.querySelector('loss-contour') as LossContour;
    // The first copy to define a tag keeps it: here the per-package builds, loaded first.
    const samplerPackage = (await (win as unknown as { eval(code: string): unknown }).eval(
      `import('/packages/batch-sampler/dist/index.js')`,
    )) as { BatchSampler: unknown };
    const bundle = (await page.bundle()) as unknown as {
      BatchSampler: unknown;
      LossSurface: unknown;
    };
    expect(win.customElements.get('batch-sampler')).to.equal(samplerPackage.BatchSampler);
    expect(win.customElements.get('batch-sampler')).not.to.equal(bundle.BatchSampler);
    // The surface came only with the bundle: the first bundle copy's class.
    expect(win.customElements.get('loss-surface')).to.equal(bundle.LossSurface);

    // A view from one copy follows a sampler from another.
    await sampler.step();
    await sampler.step();
    expect(sampler.iteration).to.equal(2);
    await waitFor(() => paintedPixels(canvasOf(contour)) > 1000, 'contour pixels');
    const surface = doc.querySelector('loss-surface') as LossSurface;
    await waitFor(() => paintedPixels(canvasOf(surface)) > 500, 'surface pixels');

    await delay(200);
    expect(probe.errors, 'uncaught errors').to.deep.equal([]);
    expect(probe.rejections).to.deep.equal([]);
    expect(probe.consoleErrors).to.deep.equal([]);
    expect(probe.warnings.length, probe.warnings.join(' | ')).to.be.at.most(1);
  });
});

describe('attributes and properties set before the script loads', () => {
  afterEach(closePages);

  it('survive the upgrade', async () => {
    const page = await openPage('upgrade.html');
    const { doc, probe } = page;
    const sampler = doc.getElementById('s') as unknown as BatchSampler;
    const contour = doc.getElementById('c') as LossContour;
    const surface = doc.getElementById('f') as LossSurface;
    // Attributes (markup).
    expect(sampler.seed).to.equal(7);
    expect(sampler.samples).to.equal(200);
    expect(sampler.sampling).to.equal('replacement');
    expect(contour.levels).to.equal(7);
    expect(surface.azimuth).to.equal(10);
    // Properties set by pages/upgrade-before.js while the elements were still unknown.
    expect(sampler.batchSize, 'sampler.batchSize').to.equal(20);
    expect(sampler.rate, 'sampler.rate').to.equal(5);
    expect([...sampler.weights], 'sampler.weights').to.deep.equal([3, -4]);
    expect(contour.colormap, 'contour.colormap').to.equal('magma');
    expect(contour.showPath, 'contour.showPath').to.equal(false);
    expect(surface.elevation, 'surface.elevation').to.equal(45);
    expect(surface.zoom, 'surface.zoom').to.equal(2);
    // …and they act: a batch has the size set before the upgrade, the step starts where it was put.
    const sizes: number[] = [];
    sampler.addEventListener('batch-change', (e) => sizes.push(e.detail.rows.length));
    await sampler.step();
    expect(sizes).to.deep.equal([20]);
    expect([...sampler.path[0]!]).to.deep.equal([3, -4]);
    // An own property left on the instance would shadow the accessor: none may remain.
    for (const [element, names] of [
      [sampler, ['batchSize', 'rate', 'weights']],
      [contour, ['colormap', 'showPath']],
      [surface, ['elevation', 'zoom']],
    ] as const) {
      for (const name of names)
        expect(Object.prototype.hasOwnProperty.call(element, name), `own ${name}`).to.equal(false);
    }
    expect(probe.errors).to.deep.equal([]);
    expect(probe.warnings).to.deep.equal([]);
  });
});
