import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import './batch-sampler.js';
import type { BatchSampler } from './batch-sampler.js';
import { record, warnings } from './test-helpers/events.js';
import { defineFakeView } from './test-helpers/fake-view.js';
import { forceLandscapeBackend } from './run/gpu-landscape.js';
import { nextBeatDue } from './controllers/playback.js';

const viewTag = defineFakeView();
const view = unsafeStatic(viewTag);
let ids = 0;

/** A sampler playing fast, with one linked view beside it; `hide` says which get display:none. */
async function playingPair(hide: { sampler: boolean; view: boolean }) {
  const id = `playing-${++ids}`;
  const wrapper = await fixture<HTMLElement>(staticHtml`<div>
    <batch-sampler id=${id} rate="20" resolution="12" samples="200"
      style=${hide.sampler ? 'display:none' : ''}></batch-sampler>
    <${view} for=${id} style=${hide.view ? 'display:none' : 'display:block'}></${view}>
  </div>`);
  const sampler = wrapper.querySelector<BatchSampler>('batch-sampler')!;
  const linked = wrapper.querySelector<HTMLElement>(viewTag)!;
  await sampler.updateComplete;
  return { sampler, linked };
}

describe('<batch-sampler> plays while the reader can see it or a linked view', () => {
  it('a hidden sampler (display:none) keeps dealing batches while its linked view is on screen', async () => {
    const { sampler } = await playingPair({ sampler: true, view: false });
    void sampler.play();
    await waitUntil(() => sampler.iteration >= 2, 'batches dealt while the view is seen', {
      timeout: 5000,
    });
    sampler.pause();
  });

  it('holds while neither is seen, `paused` staying false, and goes on when the view is shown', async () => {
    const { sampler, linked } = await playingPair({ sampler: true, view: true });
    void sampler.play();
    await aTimeout(400); // eight beats at rate 20, had it been playing
    expect(sampler.iteration).to.equal(0);
    expect(sampler.paused).to.equal(false);
    linked.style.display = 'block';
    await waitUntil(() => sampler.iteration >= 1, 'playing again once the view is seen', {
      timeout: 5000,
    });
    sampler.pause();
  });

  it('a view that unlinks no longer keeps a hidden sampler playing', async () => {
    const { sampler, linked } = await playingPair({ sampler: true, view: false });
    void sampler.play();
    await waitUntil(() => sampler.iteration >= 1, 'playing', { timeout: 5000 });
    linked.remove();
    await aTimeout(100); // the step on show is finished
    const held = sampler.iteration;
    await aTimeout(400);
    expect(sampler.iteration).to.equal(held);
    sampler.pause();
  });
});

describe('<batch-sampler> pause()', () => {
  it('drops a batch still being computed: no batch-change arrives after pause', async () => {
    // 800 rows × 40² cells: each batch landscape comes from the worker pool, a while after the beat
    // (on the CPU path: a GPU measured faster would compute it at once).
    await forceLandscapeBackend('cpu');
    const sampler = await fixture<BatchSampler>(
      html`<batch-sampler
        samples="2000"
        batch-size="800"
        resolution="40"
        rate="5"
      ></batch-sampler>`,
    );
    await sampler.fullLandscapeReady();
    const log = record(sampler);
    const order: string[] = [];
    sampler.addEventListener('pause', () => order.push('pause'));
    sampler.addEventListener('batch-change', () => order.push('batch-change'));
    void sampler.play();
    await aTimeout(0); // the first beat asks for its batch's landscape
    sampler.pause();
    await aTimeout(600); // long enough for the worker to answer
    expect(order).to.deep.equal(['pause']);
    expect(sampler.iteration).to.equal(0);
    log.stop();
    // The next step is whole: its batch, then its training step.
    const next = record(sampler);
    await sampler.step();
    expect(next.types()).to.deep.equal(['batch-change', 'weights-change']);
    expect(sampler.iteration).to.equal(1);
  });
});

describe('<batch-sampler controls> readout', () => {
  const readout = (s: BatchSampler) =>
    s.shadowRoot!.querySelector('[part="readout"]')!.textContent.replace(/\s+/g, ' ');

  it('counts epochs from 1, as the contour describes them', async () => {
    const s = await fixture<BatchSampler>(
      html`<batch-sampler controls samples="40" batch-size="20" resolution="8"></batch-sampler>`,
    );
    expect(readout(s)).to.contain('epoch –');
    await s.step();
    await s.updateComplete;
    expect(readout(s)).to.contain('epoch 1');
    await s.step();
    await s.step(); // the first batch of the second epoch
    await s.updateComplete;
    expect(readout(s)).to.contain('epoch 2');
    expect(readout(s)).to.contain('batch 1/2');
  });

  it('"noise" divides by every row when sampling="full", whatever batch-size says', async () => {
    const s = await fixture<BatchSampler>(
      html`<batch-sampler
        controls
        sampling="full"
        samples="200"
        batch-size="10"
        learning-rate="0.5"
        resolution="8"
      ></batch-sampler>`,
    );
    expect(readout(s)).to.contain(`noise ${(0.5 / 200).toPrecision(3)}`);
  });
});

describe('<batch-sampler> seek()', () => {
  it('seek(NaN) warns that it keeps the iteration, and moves nothing', async () => {
    const s = await fixture<BatchSampler>(html`<batch-sampler resolution="8"></batch-sampler>`);
    await s.step();
    await s.step();
    const log = record(s);
    const warned = await warnings(() => s.seek(NaN));
    log.stop();
    expect(warned).to.have.length(1);
    expect(warned[0]).to.contain('seek()').and.contain('keeping 2');
    expect(warned[0]).not.to.contain('keeping NaN');
    expect(s.iteration).to.equal(2);
    expect(log.events).to.deep.equal([]);
  });
});

describe('<batch-sampler> beats keep the rate', () => {
  const half = 500 / 60; // rate 60: a beat every 8.3 ms

  it('the next beat is due half a period after this one was due, however long this one took', () => {
    // Due at 100, ran until 105 (its landscape, the views' updates): the next is due at 108.3, not 113.3.
    expect(nextBeatDue(100, 105, half)).to.be.closeTo(100 + half, 1e-9);
    // A timer that fired late (at 110) does not push the next beat later either.
    expect(nextBeatDue(100, 110, half)).to.be.closeTo(100 + half, 1e-9);
    // Sixty beats of 5 ms work each stay on the 60-per-second grid: beat k is due at k half-periods.
    let due = 0;
    for (let k = 1; k <= 60; k++) due = nextBeatDue(due, due + 5, half);
    expect(due).to.be.closeTo(60 * half, 1e-6);
  });

  it('a late timer catches up; a run more than two batches behind counts again from now', () => {
    // A frame that held the timer 20 ms: the next beat is still due on the grid (at once, then on time).
    expect(nextBeatDue(100, 120, half)).to.be.closeTo(100 + half, 1e-9);
    // A 200 ms stall (a slow landscape): the next beat is due now, not 23 beats in a rapid burst.
    expect(nextBeatDue(100, 300, half)).to.equal(300);
    expect(nextBeatDue(100, 100 + 5 * half + 0.01, half)).to.equal(100 + 5 * half + 0.01);
  });
});
