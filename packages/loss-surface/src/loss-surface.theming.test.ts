// The shared --lossquake-* theme reaching <loss-surface>'s labels, focus ring and exported frames.
// (With a real sampler beside it: packages/lossquake/test/surface-theming.test.ts.)
import { expect, fixture, html } from '@open-wc/testing';
import './loss-surface.js';
import type { LossSurface } from './loss-surface.component.js';
import { bowl } from './test-helpers/landscapes.js';
import { readCanvas, settle } from './test-helpers/pixels.js';

const theme =
  '--lossquake-font-family: "Theme Face", serif; --lossquake-font-size: 17px;' +
  '--lossquake-text-color: rgb(10, 20, 30); --lossquake-focus-color: rgb(200, 0, 100);' +
  '--lossquake-surface-background: rgb(0, 128, 0)';

/** An unlinked surface showing a bowl, in a styled wrapper. */
async function page(wrapperStyle: string): Promise<LossSurface> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style=${wrapperStyle}>
      <loss-surface
        transition="0"
        style="width:240px;height:180px;max-width:none;aspect-ratio:auto"
      ></loss-surface>
    </div>`,
  );
  const el = wrapper.querySelector<LossSurface>('loss-surface')!;
  el.landscape = bowl(16);
  await settle(el);
  return el;
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
async function exportedCorner(el: LossSurface): Promise<number[]> {
  return [...readCanvas((await el.captureFrame())!).data.slice(0, 3)];
}

describe('<loss-surface> theming', () => {
  it('with nothing set, the labels, focus ring and background keep their defaults', async () => {
    const el = await page('');
    const style = getComputedStyle(tickLabel(el));
    // #333 as kit's theme writes it: the page's black text mixed 80 % with Canvas (white).
    expect(style.color).to.equal('color(srgb 0.2 0.2 0.2)');
    expect(style.fontFamily).to.equal('system-ui, sans-serif');
    expect(style.fontSize).to.equal('11px');
    expect(focusRing(el)).to.equal('rgb(37, 99, 235) 0px 0px 0px 2px');
    const frame = el.shadowRoot!.querySelector('[part~="frame"]')!;
    expect(getComputedStyle(frame).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    expect(await exportedCorner(el)).to.deep.equal([255, 255, 255]);
  });

  it('a page’s font size (20px body, a reset’s `* { font: inherit }`) leaves the labels at 11px, titles 1.15 times that', async () => {
    const blog = document.createElement('style');
    blog.textContent = 'body { font-size: 20px } * { font: inherit }';
    document.head.append(blog);
    try {
      const el = await page('');
      expect(getComputedStyle(tickLabel(el)).fontSize).to.equal('11px');
      const title = el.shadowRoot!.querySelector<HTMLElement>('[part~="axis-title"]')!;
      expect(parseFloat(getComputedStyle(title).fontSize)).to.be.closeTo(11 * 1.15, 0.01);
      // The documented override still wins.
      el.style.setProperty('--lossquake-font-size', '15px');
      expect(getComputedStyle(tickLabel(el)).fontSize).to.equal('15px');
    } finally {
      blog.remove();
    }
  });

  it('a wrapper’s --lossquake-font-family, -font-size, -text-color, -focus-color and -surface-background reach the tick labels, the focus ring and the export', async () => {
    const el = await page(theme);
    const style = getComputedStyle(tickLabel(el));
    expect(style.color).to.equal('rgb(10, 20, 30)');
    expect(style.fontFamily).to.equal('"Theme Face", serif');
    expect(style.fontSize).to.equal('17px');
    expect(focusRing(el)).to.equal('rgb(200, 0, 100) 0px 0px 0px 2px');
    expect(await exportedCorner(el)).to.deep.equal([0, 128, 0]);
  });
});
