// A network's landscapes in both views: progress while its table is built, then the plane's axes and
// the point drawn where the sampler says it is.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '@lossquake/batch-sampler';
import '@lossquake/loss-contour';
import '@lossquake/loss-surface';
import type { BatchSampler } from '@lossquake/batch-sampler';
import type { LossContour } from '@lossquake/loss-contour';
import type { LossSurface } from '@lossquake/loss-surface';
import { contourDrawn, contourWeights } from './contour-helpers.js';

describe('views of a network (<batch-sampler model="mlp">)', () => {
  it('say how far the landscapes are, then draw the plane with its axes and the point', async () => {
    const root = await fixture<HTMLDivElement>(
      html`<div>
        <batch-sampler
          id="net"
          model="mlp"
          dataset="spirals"
          samples="300"
          resolution="40"
          max-iterations="60"
        ></batch-sampler>
        <loss-contour for="net" transition="0" style="width:400px;height:320px"></loss-contour>
        <loss-surface for="net" transition="0" style="width:320px;height:240px"></loss-surface>
      </div>`,
    );
    const sampler = root.querySelector('batch-sampler') as unknown as BatchSampler;
    const contour = root.querySelector('loss-contour') as LossContour;
    const surface = root.querySelector('loss-surface') as LossSurface;
    // While the table builds, both views say so in place.
    expect(sampler.building).to.be.a('number');
    await contour.updateComplete;
    expect(contour.shadowRoot!.querySelector('[part="message"]')?.textContent).to.match(
      /Computing the network’s landscapes… \d+ %/,
    );
    await surface.updateComplete;
    expect(surface.shadowRoot!.querySelector('[part="message"]')?.textContent).to.match(
      /Computing the network’s landscapes/,
    );
    if (!sampler.fullLandscape) await oneEvent(sampler, 'landscape-ready');
    expect(sampler.building).to.equal(null);
    await contourDrawn(contour);
    await sampler.step();
    await sampler.step();
    await contour.updateComplete;
    const titles = [...contour.shadowRoot!.querySelectorAll('text.axis-label')].map(
      (t) => t.textContent,
    );
    expect(titles).to.deep.equal([...sampler.plane!.labels]);
    expect(titles[0]).to.match(/^PC1 \(\d+ % of the path\)$/);
    const dot = contour.shadowRoot!.querySelector<SVGCircleElement>('circle.weights')!;
    const { w1, w2 } = sampler.landscape!.grid;
    const [a, b] = contourWeights(contour, dot.cx.baseVal.value, dot.cy.baseVal.value, [
      ...w1,
      ...w2,
    ]);
    const span = w1[1] - w1[0];
    expect(a).to.be.closeTo(sampler.point[0], span / 100);
    expect(b).to.be.closeTo(sampler.point[1], span / 100);
    await waitUntil(
      () => surface.shadowRoot!.querySelector('.labels')?.textContent?.includes('PC1'),
      'the surface titles its axes with the plane’s names',
    );
  });
});
