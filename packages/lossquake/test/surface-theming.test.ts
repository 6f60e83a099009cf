// One wrapper's --lossquake-* theme reaching a <loss-surface> and the real <batch-sampler> beside it.
import { expect, fixture, html } from '@open-wc/testing';
import '@lossquake/batch-sampler';
import '@lossquake/loss-surface';
import type { BatchSampler } from '@lossquake/batch-sampler';
import type { LossSurface } from '@lossquake/loss-surface';
import { bowl, settle } from './surface-helpers.js';

const theme =
  '--lossquake-font-family: "Theme Face", serif; --lossquake-font-size: 17px;' +
  '--lossquake-text-color: rgb(10, 20, 30)';

describe('<loss-surface> and <batch-sampler> themed together', () => {
  it('a wrapper’s font and text colour reach the surface’s tick labels and the sampler’s readout alike', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style=${theme}>
        <batch-sampler controls samples="100"></batch-sampler>
        <loss-surface
          transition="0"
          style="width:240px;height:180px;max-width:none;aspect-ratio:auto"
        ></loss-surface>
      </div>`,
    );
    const sampler = wrapper.querySelector('batch-sampler') as unknown as BatchSampler;
    const el = wrapper.querySelector<LossSurface>('loss-surface')!;
    el.landscape = bowl(16);
    await settle(el);
    await sampler.updateComplete;
    const tick = el.shadowRoot!.querySelector('[part~="tick-label"]')!;
    const readout = sampler.shadowRoot!.querySelector('[part~="readout"]')!;
    for (const style of [getComputedStyle(tick), getComputedStyle(readout)]) {
      expect(style.color).to.equal('rgb(10, 20, 30)');
      expect(style.fontFamily).to.equal('"Theme Face", serif');
    }
    expect(getComputedStyle(tick).fontSize).to.equal('17px');
  });
});
