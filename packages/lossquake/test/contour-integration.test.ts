// <loss-contour> with the real <batch-sampler>: following it, sharing with it, being recorded by it,
// and themed with it by one wrapper.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@lossquake/batch-sampler';
import '@lossquake/loss-contour';
import { embedCode, type BatchSampler } from '@lossquake/batch-sampler';
import type { LossContour } from '@lossquake/loss-contour';
import { hooksOf } from '@lossquake/loss-contour/testing';
import { contourDrawn, contourWeights } from './contour-helpers.js';
import { pasted } from './embed-helpers.js';

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
    await contourDrawn(el);
    await sampler.step();
    await sampler.step();
    await waitUntil(() => el.currentLandscape === sampler.landscape, 'the batch landscape', {
      timeout: 10000,
    });
    await el.updateComplete;
    expect(Array.from(hooksOf(el).displayed)).to.deep.equal(Array.from(sampler.landscape!.values));
    const dot = el.shadowRoot!.querySelector<SVGCircleElement>('circle.weights')!;
    const { w1, w2 } = sampler.landscape!.grid;
    const [x, y] = contourWeights(el, dot.cx.baseVal.value, dot.cy.baseVal.value, [...w1, ...w2]);
    expect(x).to.be.closeTo(sampler.point[0], 0.01);
    expect(y).to.be.closeTo(sampler.point[1], 0.01);
    expect(el.shadowRoot!.querySelector('line.step')).to.exist;
  });

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

    const { sampler: copy, view } = await pasted<LossContour>(code, 'loss-contour');
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
    await contourDrawn(el);
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

  it('one wrapper’s --lossquake-* theme reaches the contour’s tick labels and the sampler’s readout alike', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div
        style="--lossquake-font-family: 'Theme Face', serif; --lossquake-text-color: rgb(10, 20, 30)"
      >
        <batch-sampler id="ctheme" controls samples="100"></batch-sampler>
        <loss-contour for="ctheme" transition="0" style="width:480px;height:400px"></loss-contour>
      </div>`,
    );
    const sampler = wrapper.querySelector('batch-sampler') as unknown as BatchSampler;
    const el = wrapper.querySelector<LossContour>('loss-contour')!;
    await contourDrawn(el);
    await sampler.updateComplete;
    const tick = el.shadowRoot!.querySelector('[part~="axes"] text')!;
    const readout = sampler.shadowRoot!.querySelector('[part~="readout"]')!;
    for (const style of [getComputedStyle(tick), getComputedStyle(readout)]) {
      expect(style.fontFamily).to.equal('"Theme Face", serif');
    }
    expect(getComputedStyle(tick).fill).to.equal('rgb(10, 20, 30)');
    expect(getComputedStyle(readout).color).to.equal('rgb(10, 20, 30)');
  });
});
