import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@lossquake/batch-sampler';
import { embedCode, type BatchSampler } from '@lossquake/batch-sampler';
import './loss-contour.js';
import type { LossContour } from './loss-contour.component.js';
import { drawn } from './test-helpers/pixels.js';

describe('<loss-contour> sharing with the real <batch-sampler>', () => {
  it('embed code reopens the sampler and the contour at the same weights and landscape', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <batch-sampler id="cemb" seed="4" samples="200" resolution="16" batch-size="5">
          <loss-contour transition="0" levels="7" style="width:300px;height:240px"></loss-contour>
        </batch-sampler>
      </div>`,
    );
    const sampler = page.querySelector('batch-sampler') as unknown as BatchSampler;
    const el = page.querySelector<LossContour>('loss-contour')!;
    for (let k = 0; k < 4; k++) await sampler.step();
    sampler.pick([3, -4]);
    await sampler.step();
    const code = embedCode(sampler, [el]);
    // Nested without `for`, the contour stays nested so that it links to the copy.
    expect(code).to.match(
      /<batch-sampler[^>]*>\s*<loss-contour[^>]*><\/loss-contour>\s*<\/batch-sampler>/,
    );
    const weights = sampler.weights;
    const landscape = sampler.landscape!.values;
    page.remove();

    const fresh = await fixture<HTMLDivElement>(html`<div></div>`);
    fresh.innerHTML = code;
    const copy = fresh.querySelector('batch-sampler') as unknown as BatchSampler;
    const view = fresh.querySelector<LossContour>('loss-contour')!;
    // (view.landscape reads back the mode, 'batch', so it cannot tell whether a landscape is shown.)
    await waitUntil(
      () => view.currentLandscape !== null && view.currentLandscape === copy.landscape,
      'the copy shows its sampler’s landscape',
      { timeout: 10000 },
    );
    expect(copy.iteration).to.equal(5);
    expect(copy.weights.every((w, i) => Object.is(w, weights[i]))).to.be.true;
    expect(copy.landscape!.values.every((v, i) => Object.is(v, landscape[i]))).to.be.true;
    expect(view.levels).to.equal(7);
  });

  it('a sampler records the contour (axes and legend included) at its size × devicePixelRatio', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <batch-sampler id="crec" seed="4" samples="100" resolution="16" rate="10"></batch-sampler>
        <loss-contour for="crec" transition="0" style="width:300px;height:240px"></loss-contour>
      </div>`,
    );
    const sampler = page.querySelector('batch-sampler') as unknown as BatchSampler;
    const el = page.querySelector<LossContour>('loss-contour')!;
    await drawn(el);
    const frame = (await el.captureFrame())!;
    expect([frame.width, frame.height]).to.deep.equal([
      Math.round(300 * devicePixelRatio),
      Math.round(240 * devicePixelRatio),
    ]);
    const blob = await sampler.record({ seconds: 1, fps: 10 });
    expect(blob.size).to.be.greaterThan(0);
    const video = document.createElement('video');
    video.muted = true;
    video.src = URL.createObjectURL(blob);
    await new Promise((resolve, reject) => {
      video.onloadedmetadata = resolve;
      video.onerror = reject;
    });
    const even = (n: number) => n + (n % 2);
    expect([video.videoWidth, video.videoHeight]).to.deep.equal([
      even(frame.width),
      even(frame.height),
    ]);
    URL.revokeObjectURL(video.src);
  });
});
