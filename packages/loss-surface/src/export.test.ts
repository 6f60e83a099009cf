import { expect, fixture, fixtureCleanup, html, nextFrame, waitUntil } from '@open-wc/testing';
import '@lossquake/batch-sampler';
import { embedCode, type BatchSampler } from '@lossquake/batch-sampler';
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
    const blob = (await el.toBlob())!;
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

  it('embed code of a sampler and its surface, pasted into a fresh page, reopens at the same weights and landscape', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <batch-sampler
          id="emb"
          seed="7"
          samples="200"
          resolution="16"
          batch-size="5"
        ></batch-sampler>
        <loss-surface for="emb" style=${small} transition="0" azimuth="-20"></loss-surface>
      </div>`,
    );
    const sampler = page.querySelector('batch-sampler') as unknown as BatchSampler;
    const el = page.querySelector<LossSurface>('loss-surface')!;
    for (let k = 0; k < 5; k++) await sampler.step();
    await waitUntil(() => el.currentLandscape === sampler.landscape, 'surface follows', {
      timeout: 10000,
    });
    const code = embedCode(sampler, [el]);
    const weights = sampler.weights;
    const values = el.currentLandscape!.values;
    page.remove();

    const fresh = await fixture<HTMLDivElement>(html`<div></div>`);
    fresh.innerHTML = code;
    const copySampler = fresh.querySelector('batch-sampler') as unknown as BatchSampler;
    const copy = fresh.querySelector<LossSurface>('loss-surface')!;
    await waitUntil(
      () => copy.currentLandscape !== null && copy.currentLandscape === copySampler.landscape,
      'copy shows its sampler’s landscape',
      { timeout: 10000 },
    );
    expect(copySampler.iteration).to.equal(5);
    expect(copySampler.weights.every((w, i) => Object.is(w, weights[i]))).to.be.true;
    expect(copy.azimuth).to.equal(-20);
    const shown = copy.currentLandscape!.values;
    expect(shown.length).to.equal(values.length);
    expect(shown.every((v, i) => Object.is(v, values[i]))).to.be.true;
  });

  it('a sampler records the surface playing, at the frame’s size', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <batch-sampler id="rec" seed="7" samples="100" resolution="16" rate="10"></batch-sampler>
        <loss-surface for="rec" style=${small} transition="0"></loss-surface>
      </div>`,
    );
    const sampler = page.querySelector('batch-sampler') as unknown as BatchSampler;
    const el = page.querySelector<LossSurface>('loss-surface')!;
    await waitUntil(() => el.currentLandscape !== null, 'surface shows a landscape', {
      timeout: 10000,
    });
    await settle(el);
    const blob = await sampler.record({ seconds: 1, fps: 15 });
    expect(blob.size).to.be.greaterThan(0);
    expect(sampler.iteration).to.be.greaterThan(0);
    const video = document.createElement('video');
    video.muted = true;
    video.src = URL.createObjectURL(blob);
    await new Promise((resolve, reject) => {
      video.onloadedmetadata = resolve;
      video.onerror = reject;
    });
    const even = (n: number) => n + (n % 2);
    expect([video.videoWidth, video.videoHeight]).to.deep.equal([
      even(Math.round(160 * devicePixelRatio)),
      even(Math.round(120 * devicePixelRatio)),
    ]);
    URL.revokeObjectURL(video.src);
  });
});
