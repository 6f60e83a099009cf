// Sharing a <loss-surface> with the real <batch-sampler>: embed code that reopens the same view, and
// a recording of the surface playing.
import { expect, fixture, fixtureCleanup, html, nextFrame, waitUntil } from '@open-wc/testing';
import '@lossquake/batch-sampler';
import '@lossquake/loss-surface';
import { embedCode, type BatchSampler } from '@lossquake/batch-sampler';
import type { LossSurface } from '@lossquake/loss-surface';
import { settle } from './surface-helpers.js';
import { pasted } from './embed-helpers.js';

const small = 'width:160px;height:120px;max-width:none;aspect-ratio:auto';

describe('<loss-surface> shared with its sampler', () => {
  afterEach(async () => {
    fixtureCleanup();
    await nextFrame();
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

    const { sampler: copySampler, view: copy } = await pasted<LossSurface>(code, 'loss-surface');
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
