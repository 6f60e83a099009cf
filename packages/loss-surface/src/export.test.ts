import { expect, fixture, fixtureCleanup, html, nextFrame } from '@open-wc/testing';
import './loss-surface.js';
import type { LossSurface } from './loss-surface.component.js';
import { terraces } from './test-helpers/landscapes.js';
import { pixels, settle } from './test-helpers/pixels.js';

const small = 'width:160px;height:120px;max-width:none;aspect-ratio:auto';

async function decodePNG(blob: Blob): Promise<ImageData> {
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
}

const dark = (d: Uint8ClampedArray, k: number) => d[k]! < 110 && d[k + 1]! < 110 && d[k + 2]! < 110;

describe('<loss-surface> export', () => {
  afterEach(async () => {
    fixtureCleanup();
    await nextFrame();
  });

  it('toBlob() is a PNG of the view’s size × devicePixelRatio with the frame’s colours and its labels', async () => {
    const el = await fixture<LossSurface>(
      html`<loss-surface style=${small} transition="0"></loss-surface>`,
    );
    el.landscape = terraces(24, 10);
    await settle(el);
    const blob = await el.toBlob();
    expect(blob.type).to.equal('image/png');
    const image = await decodePNG(blob);
    const box = el.getBoundingClientRect();
    expect([image.width, image.height]).to.deep.equal([
      Math.round(box.width * devicePixelRatio),
      Math.round(box.height * devicePixelRatio),
    ]);
    // Every opaque pixel the view shows, the PNG shows alike (labels aside: text covers a few).
    const shown = pixels(el);
    let compared = 0;
    let same = 0;
    for (let k = 0; k < shown.data.length; k += 4 * 7) {
      if (shown.data[k + 3] !== 255) continue;
      compared++;
      if ([0, 1, 2].every((c) => Math.abs(shown.data[k + c]! - image.data[k + c]!) <= 3)) same++;
    }
    expect(compared).to.be.greaterThan(200);
    expect(same / compared).to.be.greaterThan(0.95);
    // The axis labels (DOM text over the canvas) are in the image: more dark pixels than the canvas has.
    let darkInCanvas = 0;
    let darkInImage = 0;
    for (let k = 0; k < image.data.length; k += 4) {
      if (shown.data[k + 3] === 255 && dark(shown.data, k)) darkInCanvas++;
      if (dark(image.data, k)) darkInImage++;
    }
    expect(darkInImage - darkInCanvas).to.be.greaterThan(30);
  });

  it('toHTML() carries the camera: pasted again, the view looks from the same place', async () => {
    const el = await fixture<LossSurface>(
      html`<loss-surface style=${small} colormap="magma" z-range="0 12"></loss-surface>`,
    );
    el.azimuth = 35.25;
    el.elevation = 50;
    el.zoom = 1.5;
    const snippet = el.toHTML();
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.innerHTML = snippet;
    const copy = host.firstElementChild as LossSurface;
    await copy.updateComplete;
    // Written to a tenth of a degree; azimuths wrap to (-180, 180] in floating point.
    expect(copy.azimuth).to.be.closeTo(35.3, 1e-9);
    expect([copy.elevation, copy.zoom]).to.deep.equal([50, 1.5]);
    expect(copy.getAttribute('colormap')).to.equal('magma');
    expect(copy.getAttribute('z-range')).to.equal('0 12');
  });
});
