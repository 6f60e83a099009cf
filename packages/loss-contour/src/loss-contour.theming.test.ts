// The shared --lossquake-* theme: one wrapper themes the contour's text and focus ring (with the sampler:
// packages/lossquake/test/contour-integration.test.ts).
import { expect, fixture, html } from '@open-wc/testing';
import './loss-contour.js';
import type { LossContour } from './loss-contour.component.js';
import { plane } from './test-helpers/landscapes.js';
import { channels } from './test-helpers/colours.js';
import { drawn } from './test-helpers/pixels.js';

const theme =
  '--lossquake-font-family: "Theme Face", serif; --lossquake-font-size: 17px;' +
  '--lossquake-text-color: rgb(10, 20, 30); --lossquake-focus-color: rgb(200, 0, 100)';

/** A contour showing a plane in a styled wrapper. */
async function page(wrapperStyle: string): Promise<{ el: LossContour }> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style=${wrapperStyle}>
      <loss-contour style="width:480px;height:400px"></loss-contour>
    </div>`,
  );
  const el = wrapper.querySelector<LossContour>('loss-contour')!;
  el.landscape = plane();
  await drawn(el);
  return { el };
}

/** The tick label "0" of the W1 axis, an SVG <text> whose fill is what the reader sees. */
function tick(el: LossContour): SVGTextElement {
  const axes = el.shadowRoot!.querySelector('[part~="axes"]')!;
  return [...axes.querySelectorAll('text')].find((t) => t.textContent.trim() === '0')!;
}

function focusRing(el: LossContour): string {
  el.focus();
  expect(el.matches(':focus-visible'), 'the contour shows keyboard focus').to.equal(true);
  return getComputedStyle(el).outlineColor;
}

describe('<loss-contour> theming', () => {
  it('with nothing set, the tick labels and focus ring keep their defaults', async () => {
    const { el } = await page('');
    const style = getComputedStyle(tick(el));
    // #333, written as the mix it is: the page's black text 80 % over the Canvas colour (white).
    expect(channels(style.fill).rgb).to.deep.equal([51, 51, 51]);
    expect(style.fontFamily).to.equal('system-ui, sans-serif');
    expect(style.fontSize).to.equal('12px');
    expect(focusRing(el)).to.equal('rgb(26, 115, 232)');
  });

  it('a wrapper’s --lossquake-font-family, -font-size, -text-color and -focus-color reach the tick labels and the focus ring', async () => {
    const { el } = await page(theme);
    const style = getComputedStyle(tick(el));
    expect(style.fill).to.equal('rgb(10, 20, 30)');
    expect(style.fontFamily).to.equal('"Theme Face", serif');
    expect(style.fontSize).to.equal('17px');
    expect(focusRing(el)).to.equal('rgb(200, 0, 100)');
  });
});
