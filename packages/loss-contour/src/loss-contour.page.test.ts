// <loss-contour> at home in any page: scaled and zoomed slides, dark themes, printing and full-page
// captures of a contour scrolled out of sight.
import { expect, fixture, html } from '@open-wc/testing';
import type { Vec2 } from '@lossquake/core';
import './loss-contour.js';
import type { LossContour } from './loss-contour.component.js';
import { hooksOf } from './testing.js';
import { channels, lightness } from './test-helpers/colours.js';
import { landscapeOf, makeGrid, plane } from './test-helpers/landscapes.js';
import { bandColour, bandsCanvas, colourDistance, pixelAt, until } from './test-helpers/pixels.js';

/** A contour showing a plane inside a wrapper styled `wrapperStyle`, drawn (its own size check: a scaled canvas box is not its width). */
async function contourIn(wrapperStyle: string, before = html``): Promise<LossContour> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div>
      ${before}
      <div style=${wrapperStyle}>
        <loss-contour transition="0" style="width:480px;height:360px"></loss-contour>
      </div>
    </div>`,
  );
  const el = wrapper.querySelector<LossContour>('loss-contour')!;
  el.landscape = plane();
  await el.updateComplete;
  await until(
    () => !!el.shadowRoot!.querySelector('canvas')?.width && !hooksOf(el).morphing,
    'the first drawing',
  );
  await el.updateComplete;
  return el;
}

/** The screen (client) point where weights w are drawn, from the canvas's on-screen box. */
function screenPoint(el: LossContour, w: Vec2): [number, number] {
  const box = bandsCanvas(el).getBoundingClientRect();
  return [box.left + ((w[0] + 20) / 40) * box.width, box.top + (1 - (w[1] + 20) / 40) * box.height];
}

function hitArea(el: LossContour): Element {
  return el.shadowRoot!.querySelector('.hit')!;
}

/** One grid cell of the 33-point default grid over [-20, 20]. */
const CELL = 40 / 32;

describe('<loss-contour> in a scaled or zoomed page', () => {
  for (const style of [
    'transform: scale(0.5); transform-origin: 0 0',
    'transform: scale(1.25); transform-origin: 0 0',
    'zoom: 0.75',
  ]) {
    it(`a click where (10, 10) is drawn picks (10, 10) inside ${style}`, async () => {
      const el = await contourIn(style);
      const picks: Vec2[] = [];
      el.addEventListener('weights-pick', (e) => picks.push(e.detail.weights));
      const [clientX, clientY] = screenPoint(el, [10, 10]);
      hitArea(el).dispatchEvent(new MouseEvent('click', { clientX, clientY, bubbles: true }));
      expect(picks).to.have.length(1);
      expect(picks[0]![0]).to.be.closeTo(10, CELL);
      expect(picks[0]![1]).to.be.closeTo(10, CELL);
    });

    it(`the hover readout reads the weights under the pointer inside ${style}`, async () => {
      const el = await contourIn(style);
      const [clientX, clientY] = screenPoint(el, [-12, 6]);
      hitArea(el).dispatchEvent(new PointerEvent('pointermove', { clientX, clientY }));
      await el.updateComplete;
      const text = el.shadowRoot!.querySelector('[part~="readout"]')!.textContent;
      const [w1, w2] = /W1 (\S+), W2 (\S+)/
        .exec(text)!
        .slice(1)
        .map((v) => Number(v.replace('−', '-')));
      expect(w1).to.be.closeTo(-12, CELL);
      expect(w2).to.be.closeTo(6, CELL);
    });
  }
});

describe('<loss-contour> on a dark page', () => {
  const dark = 'color: white; background: #111';

  function axisTitle(el: LossContour): SVGTextElement {
    return el.shadowRoot!.querySelector<SVGTextElement>('.axis-label')!;
  }

  it('its axis labels, ticks and axes follow the page’s light text', async () => {
    const el = await contourIn(dark);
    expect(lightness(getComputedStyle(axisTitle(el)).fill)).to.be.above(200);
    const domain = el.shadowRoot!.querySelector('[part~="axes"] .domain')!;
    expect(lightness(getComputedStyle(domain).stroke)).to.be.above(150);
  });

  it('the readout is light text on a dark ground', async () => {
    const el = await contourIn(dark);
    const [clientX, clientY] = screenPoint(el, [0, 0]);
    hitArea(el).dispatchEvent(new PointerEvent('pointermove', { clientX, clientY }));
    await el.updateComplete;
    const style = getComputedStyle(el.shadowRoot!.querySelector('[part~="readout"]')!);
    expect(lightness(style.color)).to.be.above(200);
    expect(lightness(style.backgroundColor)).to.be.below(60);
    expect(channels(style.backgroundColor).alpha).to.be.above(0.8);
  });

  it('on a plain page the defaults are the documented #333 text and #555 axes', async () => {
    const el = await contourIn('');
    expect(channels(getComputedStyle(axisTitle(el)).fill).rgb).to.deep.equal([51, 51, 51]);
    const domain = el.shadowRoot!.querySelector('[part~="axes"] .domain')!;
    expect(channels(getComputedStyle(domain).stroke).rgb).to.deep.equal([85, 85, 85]);
  });

  it('an explicit --lossquake-text-color and -axis-color still win over the page', async () => {
    const el = await contourIn(
      `${dark}; --lossquake-text-color: rgb(10, 20, 30); --lossquake-axis-color: rgb(200, 0, 0)`,
    );
    expect(getComputedStyle(axisTitle(el)).fill).to.equal('rgb(10, 20, 30)');
    const domain = el.shadowRoot!.querySelector('[part~="axes"] .domain')!;
    expect(getComputedStyle(domain).stroke).to.equal('rgb(200, 0, 0)');
  });
});

describe('<loss-contour> out of sight', () => {
  const fold = html`<div style="height: ${innerHeight + 400}px"></div>`;
  /** The plane reversed: high where the plane is low. */
  const reversed = () => landscapeOf(makeGrid(), (w1) => 20 - w1);

  it('a contour below the fold paints its landscape without being scrolled to', async () => {
    const el = await contourIn('', fold);
    expect(el.getBoundingClientRect().top).to.be.above(innerHeight);
    await until(
      () => colourDistance(pixelAt(el, [-19, 0]), bandColour(0, 10)) < 12,
      'the lowest band painted off screen',
    );
    expect(colourDistance(pixelAt(el, [19, 0]), bandColour(9, 10))).to.be.below(12);
  });

  it('beforeprint paints what it shows now', async () => {
    const el = await contourIn('', fold);
    await until(() => colourDistance(pixelAt(el, [-19, 0]), bandColour(0, 10)) < 12, 'a paint');
    el.landscape = reversed();
    await el.updateComplete;
    // Out of sight, a new landscape waits for the reader (or a print) before it is painted.
    expect(colourDistance(pixelAt(el, [-19, 0]), bandColour(0, 10))).to.be.below(12);
    window.dispatchEvent(new Event('beforeprint'));
    expect(colourDistance(pixelAt(el, [-19, 0]), bandColour(9, 10))).to.be.below(12);
  });
});
