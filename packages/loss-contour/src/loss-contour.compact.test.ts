import { expect, fixture, html } from '@open-wc/testing';
import './loss-contour.js';
import type { LossContour } from './loss-contour.component.js';
import { makeGrid, plane } from './test-helpers/landscapes.js';
import {
  bandColour,
  colourDistance,
  drawn,
  pixelAt,
  rgbOf,
  type RGB,
} from './test-helpers/pixels.js';

async function contour(width: number, height: number, attributes = ''): Promise<LossContour> {
  const el = await fixture<LossContour>(
    html`<loss-contour style=${`width:${width}px;height:${height}px`}></loss-contour>`,
  );
  for (const pair of attributes.split(/\s+/).filter(Boolean)) {
    const [name = '', value = ''] = pair.split('=');
    el.setAttribute(name, value);
  }
  el.landscape = plane(makeGrid(33));
  await drawn(el);
  return el;
}

/** The plot canvas's box relative to the element. */
function plotBox(el: LossContour): DOMRect {
  const host = el.getBoundingClientRect();
  const box = el.shadowRoot!.querySelector('canvas')!.getBoundingClientRect();
  return new DOMRect(box.x - host.x, box.y - host.y, box.width, box.height);
}

function axisTexts(el: LossContour): string[] {
  const axes = el.shadowRoot!.querySelector('[part~="axes"]')!;
  return Array.from(axes.querySelectorAll('text')).map((t) => t.textContent.trim());
}

/** A pixel of the composed frame (what toBlob encodes) at element CSS pixel (x, y). */
async function framePixel(el: LossContour, x: number, y: number): Promise<RGB> {
  const frame = (await el.captureFrame())!;
  const ratio = frame.width / el.getBoundingClientRect().width;
  const data = frame
    .getContext('2d')!
    .getImageData(Math.floor(x * ratio), Math.floor(y * ratio), 1, 1).data;
  return rgbOf(data);
}

describe('<loss-contour> compact layout', () => {
  it('at 160 × 160 the plot keeps most of the box and the bands draw in their colours', async () => {
    const el = await contour(160, 160);
    const plot = plotBox(el);
    expect(plot.width / 160, 'plot share of the width').to.be.at.least(0.6);
    expect(plot.height / 160, 'plot share of the height').to.be.at.least(0.6);
    // loss = w1 + 20 in 10 levels: band k covers w1 in [4k − 20, 4k − 16).
    for (const k of [0, 3, 6, 9]) {
      const colour = pixelAt(el, [4 * k - 18, 0]);
      expect(colourDistance(colour, bandColour(k, 10)), `band ${k}`).to.be.at.most(2);
    }
    // Ticks stay, the titles go, and nothing spills out of the box.
    expect(axisTexts(el)).to.include.members(['−20', '0', '20']);
    expect(axisTexts(el)).not.to.include('W1');
    expect(plot.right).to.be.at.most(160);
    expect(plot.bottom).to.be.at.most(160);
  });

  it('puts the legend as a thin bar under the plot, lowest level on the left', async () => {
    const el = await contour(160, 160, 'levels=6');
    const plot = plotBox(el);
    const legend = el.shadowRoot!.querySelector('[part~="legend"]')!;
    expect(legend.querySelectorAll('.legend-band')).to.have.length(6);
    expect(legend.querySelector('.legend-caption')).to.equal(null);
    const bar = legend.getBoundingClientRect();
    const host = el.getBoundingClientRect();
    expect(bar.top - host.top, 'below the plot').to.be.greaterThan(plot.bottom);
    expect(bar.bottom - host.top, 'inside the box').to.be.at.most(160);
    expect(bar.height).to.be.at.most(6);
    // In the picture the reader gets (toBlob's frame): left end band 0, right end band 5.
    const y = (bar.top + bar.bottom) / 2 - host.top;
    const left = await framePixel(el, bar.left - host.left + 3, y);
    const right = await framePixel(el, bar.right - host.left - 3, y);
    expect(colourDistance(left, bandColour(0, 6)), 'left end').to.be.at.most(3);
    expect(colourDistance(right, bandColour(5, 6)), 'right end').to.be.at.most(3);
  });

  it('is automatic below 260 px only; the attribute forces it at any size', async () => {
    const wide = await contour(300, 240);
    expect(axisTexts(wide)).to.include('W1');
    expect(wide.shadowRoot!.querySelector('.legend-caption')).to.exist;
    wide.remove();
    const narrow = await contour(250, 240);
    expect(axisTexts(narrow)).not.to.include('W1');
    narrow.remove();

    const normal = await contour(480, 400);
    const normalWidth = plotBox(normal).width;
    normal.remove();
    const forced = await contour(480, 400, 'compact');
    expect(forced.compact).to.equal(true);
    expect(axisTexts(forced)).not.to.include('W1');
    expect(plotBox(forced).width).to.be.greaterThan(normalWidth);

    forced.removeAttribute('compact');
    await forced.updateComplete;
    expect(forced.compact).to.equal(false);
    expect(axisTexts(forced)).to.include('W1');
  });

  it('an invalid compact value keeps the last good one and warns once', async () => {
    const el = await contour(480, 400, 'compact');
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      el.setAttribute('compact', 'sometimes');
      el.setAttribute('compact', 'sometimes');
      await el.updateComplete;
    } finally {
      console.warn = original;
    }
    expect(el.compact).to.equal(true);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('compact').and.to.contain('sometimes');
  });
});
