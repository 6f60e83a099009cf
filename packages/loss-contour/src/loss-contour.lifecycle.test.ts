import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import './loss-contour.js';
import type { LossContour } from './loss-contour.component.js';
import { hooksOf } from './testing.js';
import { landscapeOf, makeGrid, paraboloid, plane } from './test-helpers/landscapes.js';
import { bandColour, colourDistance, drawn, pixelAt, rgbOf, until } from './test-helpers/pixels.js';

describe('<loss-contour> lifecycle', () => {
  it('survives being moved in the DOM and draws again', async () => {
    const root = await fixture<HTMLDivElement>(
      html`<div>
        <section></section>
        <loss-contour transition="0" style="width:400px;height:320px"></loss-contour>
      </div>`,
    );
    const el = root.querySelector('loss-contour')!;
    el.landscape = paraboloid();
    await drawn(el);
    root.querySelector('section')!.append(el);
    await drawn(el);
    expect(colourDistance(pixelAt(el, [0, 0]), bandColour(0, 10))).to.be.at.most(2);
  });

  it('off-screen, paints once when laid out, then waits for the reader: a new landscape is painted when scrolled into view', async () => {
    const root = await fixture<HTMLDivElement>(
      html`<div style="height:300px;overflow:auto">
        <div style="height:3000px"></div>
        <loss-contour transition="0" style="width:300px;height:240px"></loss-contour>
      </div>`,
    );
    const el = root.querySelector('loss-contour')!;
    el.landscape = plane();
    await el.updateComplete;
    // Laid out off screen: painted once, so a print or a full-page capture shows the plot.
    await until(
      () =>
        !!el.shadowRoot!.querySelector('canvas') &&
        colourDistance(pixelAt(el, [-19, 0]), bandColour(0, 10)) <= 2,
      'the first paint',
    );
    el.landscape = landscapeOf(makeGrid(), (w1) => 20 - w1);
    await el.updateComplete;
    for (let f = 0; f < 5; f++) await nextFrame();
    expect(hooksOf(el).visible).to.equal(false);
    expect(colourDistance(pixelAt(el, [-19, 0]), bandColour(0, 10)), 'not repainted').to.be.at.most(
      2,
    );
    el.scrollIntoView();
    await drawn(el);
    expect(colourDistance(pixelAt(el, [-19, 0]), bandColour(9, 10))).to.be.at.most(2);
  });

  it('toBlob() returns an image of the plot with its axes and legend', async () => {
    const el = await fixture<LossContour>(
      html`<loss-contour transition="0" style="width:400px;height:320px"></loss-contour>`,
    );
    el.landscape = plane();
    await drawn(el);
    const blob = await el.toBlob();
    expect(blob.type).to.equal('image/png');
    const bitmap = await createImageBitmap(blob);
    expect(bitmap.width).to.equal(Math.round(400 * devicePixelRatio));
    expect(bitmap.height).to.equal(Math.round(320 * devicePixelRatio));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    // A pixel of band 9 (w1 = 18) in the image, where the element draws it.
    const box = el.shadowRoot!.querySelector('canvas')!.getBoundingClientRect();
    const host = el.getBoundingClientRect();
    const x = Math.round((box.left - host.left + (38 / 40) * box.width) * devicePixelRatio);
    const y = Math.round((box.top - host.top + box.height / 2) * devicePixelRatio);
    const data = ctx.getImageData(x, y, 1, 1).data;
    expect(colourDistance(rgbOf(data), bandColour(9, 10))).to.be.at.most(3);
    // The axes came along: some dark text/axis pixels left of the plot.
    const strip = ctx.getImageData(
      0,
      0,
      Math.round((box.left - host.left) * devicePixelRatio),
      bitmap.height,
    ).data;
    let dark = 0;
    for (let k = 0; k < strip.length; k += 4) if (strip[k]! < 120) dark++;
    expect(dark).to.be.greaterThan(20);
  });

  it('toHTML() gives the tag with its attributes', async () => {
    const el = await fixture<LossContour>(
      html`<loss-contour levels="7" colormap="magma"></loss-contour>`,
    );
    expect(el.toHTML()).to.equal('<loss-contour levels="7" colormap="magma"></loss-contour>');
  });
});
