// <loss-surface> following the real <batch-sampler> (the surface's own tests use a stand-in).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@lossquake/batch-sampler';
import '@lossquake/loss-surface';
import type { BatchSampler } from '@lossquake/batch-sampler';
import type { LossSurface } from '@lossquake/loss-surface';
import { countNear, pixels, settle } from './surface-helpers.js';

describe('<loss-surface> with the real <batch-sampler>', () => {
  it('shows the sampler’s landscape, then each new batch’s, with the weights on it', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <batch-sampler id="real" resolution="16" samples="200" seed="2"></batch-sampler>
        <loss-surface
          for="real"
          transition="0"
          style="width:160px;height:120px;max-width:none;aspect-ratio:auto"
        ></loss-surface>
      </div>`,
    );
    const sampler = wrapper.querySelector('batch-sampler') as unknown as BatchSampler;
    const el = wrapper.querySelector<LossSurface>('loss-surface')!;
    await waitUntil(
      () => el.currentLandscape !== null && sampler.landscape !== null,
      'first landscape',
      { timeout: 10000 },
    );
    expect(el.currentLandscape).to.equal(sampler.landscape);
    const batch = new Promise((resolve) =>
      sampler.addEventListener('batch-change', resolve, { once: true }),
    );
    await sampler.step();
    await batch;
    await waitUntil(() => el.currentLandscape === sampler.landscape, 'batch landscape', {
      timeout: 10000,
    });
    expect(el.currentLandscape!.grid.size).to.equal(16);
    await settle(el);
    expect(countNear(pixels(el), [230, 64, 26], 30), 'weights marker').to.be.greaterThan(4);
  });
});
