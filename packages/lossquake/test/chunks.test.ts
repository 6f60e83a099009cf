// The split bundle: dist/lossquake.js is the one file a page includes, and it works alone. From
// dist/chunks/, relative to its own URL, it fetches what only speeds some pages up: the landscape
// worker, and the GPU code for large landscapes and networks' tables.
import { expect } from '@open-wc/testing';
import {
  canvasOf,
  closePages,
  messageOf,
  openPage,
  paintedPixels,
  waitFor,
  type Page,
} from './helpers.js';

/** The page's own fetches of bundle chunks (resource timing entries), by file name. */
function chunksFetched(page: Page): string[] {
  return page.win.performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.includes('/chunks/'))
    .map((name) => name.slice(name.lastIndexOf('/') + 1));
}

/** A sampler and the views that follow it, added to the page. */
function figure(page: Page, sampler: Record<string, string>) {
  const s = page.create('batch-sampler', {
    id: 'fig',
    samples: '200',
    resolution: '24',
    ...sampler,
  });
  const contour = page.create('loss-contour', { for: 'fig', transition: '0' });
  const surface = page.create('loss-surface', { for: 'fig', transition: '0' });
  contour.style.cssText = 'display:block;width:300px;height:220px';
  surface.style.cssText = 'display:block;width:300px;height:220px';
  page.doc.body.append(s, contour, surface);
  return { sampler: s, contour, surface };
}

describe('the split bundle (dist/lossquake.js and dist/chunks/)', () => {
  afterEach(closePages);

  it('defines all four elements from the entry alone; a logistic figure fetches no chunk and draws', async () => {
    const page = await openPage('blank.html');
    for (const tag of ['batch-sampler', 'loss-surface', 'loss-contour', 'data-scatter'])
      expect(page.win.customElements.get(tag), tag).to.exist;
    const { sampler, contour, surface } = figure(page, { dataset: 'blobs' });
    await waitFor(() => sampler.fullLandscape, 'the full landscape');
    await sampler.step();
    await waitFor(() => paintedPixels(canvasOf(contour)) > 1000, 'the contour drawn');
    await waitFor(() => paintedPixels(canvasOf(surface)) > 1000, 'the surface drawn');
    expect(chunksFetched(page)).to.deep.equal([]);
    expect(page.probe.errors).to.deep.equal([]);
  });

  it('model="mlp" builds its landscapes and the contour draws them', async () => {
    const page = await openPage('blank.html');
    const { sampler, contour } = figure(page, {
      model: 'mlp',
      dataset: 'spirals',
      'max-iterations': '20',
    });
    // While the table is built, the views say so in place.
    expect(sampler.building).to.be.a('number');
    await waitFor(() => sampler.fullLandscape, 'the network’s full landscape', 30000);
    expect(sampler.building).to.equal(null);
    await sampler.step();
    await waitFor(() => paintedPixels(canvasOf(contour)) > 1000, 'the contour drawn');
    expect(page.probe.errors).to.deep.equal([]);
    expect(page.probe.rejections).to.deep.equal([]);
  });

  it('record() through the bundle gives a video', async () => {
    const page = await openPage('blank.html');
    const { sampler, contour } = figure(page, { dataset: 'blobs' });
    await waitFor(() => paintedPixels(canvasOf(contour)) > 1000, 'the contour drawn');
    const video = await sampler.record({ seconds: 0.5, fps: 10 });
    expect(video.type).to.match(/^video\/webm/);
    expect(video.size).to.be.greaterThan(0);
  });

  it('the entry alone, its chunks missing: logistic and network figures still draw, no error', async () => {
    const page = await openPage('no-chunks.html');
    // A landscape large enough for the worker pool, whose chunk is a 404: computed on the page.
    const { sampler: logistic, contour } = figure(page, {
      dataset: 'blobs',
      samples: '2000',
      resolution: '48',
    });
    await waitFor(() => logistic.fullLandscape, 'the logistic landscape');
    await logistic.step();
    await waitFor(() => paintedPixels(canvasOf(contour)) > 1000, 'the contour drawn');
    logistic.remove();
    const { sampler: net, contour: netContour } = figure(page, {
      model: 'mlp',
      dataset: 'spirals',
      samples: '100',
      resolution: '16',
    });
    await waitFor(() => net.fullLandscape, 'the network’s full landscape', 30000);
    await net.step();
    await waitFor(() => paintedPixels(canvasOf(netContour)) > 100, 'the network drawn');
    expect(messageOf(net)).to.equal('');
    expect(page.probe.errors).to.deep.equal([]);
    expect(page.probe.rejections).to.deep.equal([]);
  });

  it('from a CDN on another origin: the worker and the GPU table code load from there', async () => {
    const page = await openPage('cdn.html');
    const origin = page.win.__cdn as string;
    const workers = page.win.__workers as { url: string; answered: boolean }[];
    // A landscape large enough to go to the worker pool.
    const { sampler } = figure(page, { dataset: 'blobs', samples: '2000', resolution: '48' });
    await waitFor(() => sampler.fullLandscape, 'the logistic landscape');
    await waitFor(() => workers.some((worker) => worker.answered), 'a worker’s answer');
    sampler.remove();
    const net = page.create('batch-sampler', { model: 'mlp', samples: '100', resolution: '16' });
    page.doc.body.append(net);
    await waitFor(() => net.fullLandscape, 'the network’s full landscape', 30000);
    const fetched = page.win.performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.startsWith(`${origin}/chunks/`));
    expect(fetched.some((name) => /\/chunks\/gpu-table-backend-[\w-]+\.js$/.test(name))).to.equal(
      true,
    );
    expect(page.probe.errors).to.deep.equal([]);
    expect(page.probe.rejections).to.deep.equal([]);
  });

  it('a #state= link restores through the bundle', async () => {
    const first = await openPage('blank.html');
    const bundle = await first.bundle();
    const { sampler } = figure(first, { dataset: 'moons', 'batch-size': '5', seed: '3' });
    for (let k = 0; k < 4; k++) await sampler.step();
    const encode = bundle.encodeState as (elements: Element[], root: ParentNode) => string;
    const state = encode([...first.doc.querySelectorAll('batch-sampler')], first.doc);
    const expected = [...sampler.point];
    closePages();

    const page = await openPage(`blank.html#state=${state}`);
    const again = await page.bundle();
    const restored = figure(page, {}).sampler;
    const apply = again.applyState as (fragment: string, root: ParentNode) => Element[];
    expect(apply(page.win.location.hash, page.doc)).to.have.length(1);
    await waitFor(() => restored.iteration === 4, 'the replay to iteration 4');
    expect(restored.getAttribute('dataset')).to.equal('moons');
    expect(restored.getAttribute('batch-size')).to.equal('5');
    expect([...restored.point]).to.deep.equal(expected);
  });
});
