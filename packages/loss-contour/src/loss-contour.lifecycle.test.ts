import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import '@lossquake/batch-sampler';
import type { BatchSampler } from '@lossquake/batch-sampler';
import './loss-contour.js';
import type { LossContour } from './loss-contour.component.js';
import { paraboloid, plane } from './test-helpers/landscapes.js';
import {
  bandColour,
  colourDistance,
  drawn,
  localWeights,
  pixelAt,
  until,
} from './test-helpers/pixels.js';

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

  it('draws nothing while off-screen, and draws when scrolled into view', async () => {
    const root = await fixture<HTMLDivElement>(
      html`<div style="height:300px;overflow:auto">
        <div style="height:3000px"></div>
        <loss-contour transition="0" style="width:300px;height:240px"></loss-contour>
      </div>`,
    );
    const el = root.querySelector('loss-contour')!;
    el.landscape = plane();
    await el.updateComplete;
    for (let f = 0; f < 5; f++) await nextFrame();
    const canvas = el.shadowRoot!.querySelector('canvas');
    // Never sized for drawing: either not rendered yet or still at the default 300×150 backing store.
    expect(!canvas || canvas.height === 150).to.be.true;
    el.scrollIntoView();
    await drawn(el);
    expect(colourDistance(pixelAt(el, [-19, 0]), bandColour(0, 10))).to.be.at.most(2);
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
    expect(colourDistance([data[0], data[1], data[2]], bandColour(9, 10))).to.be.at.most(3);
    // The axes came along: some dark text/axis pixels left of the plot.
    const strip = ctx.getImageData(
      0,
      0,
      Math.round((box.left - host.left) * devicePixelRatio),
      bitmap.height,
    ).data;
    let dark = 0;
    for (let k = 0; k < strip.length; k += 4) if (strip[k] < 120) dark++;
    expect(dark).to.be.greaterThan(20);
  });

  it('toHTML() gives the tag with its attributes', async () => {
    const el = await fixture<LossContour>(
      html`<loss-contour levels="7" colormap="magma"></loss-contour>`,
    );
    expect(el.toHTML()).to.equal('<loss-contour levels="7" colormap="magma"></loss-contour>');
  });
});

describe('<loss-contour> with a real <batch-sampler>', () => {
  it('follows the sampler’s batches and weights', async () => {
    const root = await fixture<HTMLDivElement>(
      html`<div>
        <batch-sampler id="real" seed="3" resolution="32" batch-size="10"></batch-sampler>
        <loss-contour for="real" transition="0" style="width:400px;height:320px"></loss-contour>
      </div>`,
    );
    const sampler = root.querySelector('batch-sampler') as unknown as BatchSampler;
    const el = root.querySelector('loss-contour')!;
    await sampler.fullLandscapeReady();
    await drawn(el);
    await sampler.step();
    await sampler.step();
    await until(() => el.currentLandscape === sampler.landscape, 'the batch landscape');
    await el.updateComplete;
    expect(Array.from(el.displayedValues)).to.deep.equal(Array.from(sampler.landscape!.values));
    const dot = el.shadowRoot!.querySelector<SVGCircleElement>('circle.weights')!;
    const [w1, w2] = localWeights(el, dot.cx.baseVal.value, dot.cy.baseVal.value, [
      ...sampler.landscape!.grid.w1,
      ...sampler.landscape!.grid.w2,
    ]);
    expect(w1).to.be.closeTo(sampler.weights[0], 0.01);
    expect(w2).to.be.closeTo(sampler.weights[1], 0.01);
    expect(el.shadowRoot!.querySelector('line.step')).to.exist;
  });
});
