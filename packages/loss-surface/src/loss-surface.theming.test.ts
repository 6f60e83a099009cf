// The shared --lossquake-* theme reaching <loss-surface>'s labels, focus ring and exported frames, and
// the deprecated --loss-surface-* names winning where set.
import { expect, fixture, html } from '@open-wc/testing';
import '@lossquake/batch-sampler';
import type { BatchSampler } from '@lossquake/batch-sampler';
import './loss-surface.js';
import type { LossSurface } from './loss-surface.component.js';
import { bowl } from './test-helpers/landscapes.js';
import { readCanvas, settle } from './test-helpers/pixels.js';

const theme =
  '--lossquake-font-family: "Theme Face", serif; --lossquake-font-size: 17px;' +
  '--lossquake-text-color: rgb(10, 20, 30); --lossquake-focus-color: rgb(200, 0, 100);' +
  '--lossquake-surface-background: rgb(0, 128, 0)';

const deprecated =
  '--loss-surface-font: 13px "Old Face", monospace; --loss-surface-label-color: rgb(1, 2, 3);' +
  '--loss-surface-focus-ring: rgb(4, 5, 6); --loss-surface-background: rgb(0, 0, 255)';

/** A toolbar sampler and an unlinked surface showing a bowl, side by side in a styled wrapper. */
async function page(
  wrapperStyle: string,
  surfaceStyle = '',
): Promise<{ sampler: BatchSampler; el: LossSurface }> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style=${wrapperStyle}>
      <batch-sampler controls samples="100"></batch-sampler>
      <loss-surface
        transition="0"
        style=${`width:240px;height:180px;max-width:none;aspect-ratio:auto;${surfaceStyle}`}
      ></loss-surface>
    </div>`,
  );
  const sampler = wrapper.querySelector('batch-sampler') as unknown as BatchSampler;
  const el = wrapper.querySelector<LossSurface>('loss-surface')!;
  el.landscape = bowl(16);
  await settle(el);
  await sampler.updateComplete;
  return { sampler, el };
}

function tickLabel(el: LossSurface): HTMLElement {
  const label = el.shadowRoot!.querySelector<HTMLElement>('[part~="tick-label"]');
  expect(label, 'a tick label').to.exist;
  return label!;
}

function focusRing(el: LossSurface): string {
  el.focus();
  expect(el.matches(':focus-visible'), 'the surface shows keyboard focus').to.equal(true);
  return getComputedStyle(el).boxShadow;
}

/** The top-left pixel of an exported frame: the background, since the surface never reaches the corner. */
function exportedCorner(el: LossSurface): number[] {
  return [...readCanvas(el.captureFrame()!).data.slice(0, 3)];
}

describe('<loss-surface> theming', () => {
  it('with nothing set, the labels, focus ring and background keep their defaults', async () => {
    const { el } = await page('');
    const style = getComputedStyle(tickLabel(el));
    expect(style.color).to.equal('rgb(51, 51, 51)');
    expect(style.fontFamily).to.equal('system-ui, sans-serif');
    expect(style.fontSize).to.equal('11px');
    expect(focusRing(el)).to.equal('rgb(37, 99, 235) 0px 0px 0px 2px');
    const frame = el.shadowRoot!.querySelector('[part~="frame"]')!;
    expect(getComputedStyle(frame).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    expect(exportedCorner(el)).to.deep.equal([255, 255, 255]);
  });

  it('a wrapper’s --lossquake-font-family, -font-size, -text-color and -focus-color reach the tick labels, the focus ring and the sampler', async () => {
    const { sampler, el } = await page(theme);
    const style = getComputedStyle(tickLabel(el));
    expect(style.color).to.equal('rgb(10, 20, 30)');
    expect(style.fontFamily).to.equal('"Theme Face", serif');
    expect(style.fontSize).to.equal('17px');
    expect(focusRing(el)).to.equal('rgb(200, 0, 100) 0px 0px 0px 2px');
    expect(exportedCorner(el)).to.deep.equal([0, 128, 0]);
    const readout = getComputedStyle(sampler.shadowRoot!.querySelector('[part~="readout"]')!);
    expect(readout.color).to.equal('rgb(10, 20, 30)');
    expect(readout.fontFamily).to.equal('"Theme Face", serif');
  });

  it('the deprecated --loss-surface-* names still win over the shared names', async () => {
    const { el } = await page(theme, deprecated);
    const style = getComputedStyle(tickLabel(el));
    expect(style.color).to.equal('rgb(1, 2, 3)');
    expect(style.fontFamily).to.equal('"Old Face", monospace');
    expect(style.fontSize).to.equal('13px');
    expect(focusRing(el)).to.equal('rgb(4, 5, 6) 0px 0px 0px 2px');
    expect(exportedCorner(el)).to.deep.equal([0, 0, 255]);
  });
});
