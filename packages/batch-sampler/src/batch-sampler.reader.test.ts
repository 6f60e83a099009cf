// The reader in control of moving figures: the pause button of a sampler without controls (WCAG
// 2.2.2), BatchSampler.pauseAll and the `lossquake-pause-all` event, and `group` (samplers that play,
// step, seek and reset together).
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import './batch-sampler.js';
import { BatchSampler } from './batch-sampler.js';
import { record } from './test-helpers/events.js';

const pauseButton = (sampler: BatchSampler) =>
  sampler.shadowRoot!.querySelector<HTMLButtonElement>('[part~="pause-button"]');

/** Counts `type` events on each sampler. */
function counter(samplers: BatchSampler[], type: string) {
  const counts = samplers.map(() => 0);
  samplers.forEach((s, k) => s.addEventListener(type, () => counts[k]!++));
  return counts;
}

async function dealing(sampler: BatchSampler, beyond = sampler.iteration) {
  await waitUntil(() => sampler.iteration > beyond, 'dealing batches', { timeout: 5000 });
}

describe('<batch-sampler> pause button without controls', () => {
  it('appears while playing, 28 px at the top-right, and clicking it pauses: no more batch-change', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div style="width: 300px">
        <batch-sampler rate="30" resolution="8" samples="200"></batch-sampler>
        <div style="height: 200px"></div>
      </div>`,
    );
    const sampler = wrapper.querySelector<BatchSampler>('batch-sampler')!;
    void sampler.play();
    await sampler.updateComplete;
    const button = pauseButton(sampler)!;
    expect(button, 'pause button').to.exist;
    expect(button.getAttribute('aria-label')).to.equal('Pause');
    const box = button.getBoundingClientRect();
    const host = sampler.getBoundingClientRect();
    expect([box.width, box.height]).to.deep.equal([28, 28]);
    expect(host.right - box.right).to.be.within(2, 10);
    expect(box.top - host.top).to.be.within(2, 10);
    // It floats: the sampler takes no more room than before, so the page keeps its layout.
    expect(host.height).to.equal(0);
    expect(document.elementFromPoint(box.x + 14, box.y + 14)).to.equal(sampler);

    await dealing(sampler);
    button.click();
    expect(sampler.paused).to.equal(true);
    const batches = counter([sampler], 'batch-change');
    await aTimeout(300); // nine beats at rate 30, had it gone on
    expect(batches[0]).to.equal(0);
    await sampler.updateComplete;
    expect(pauseButton(sampler)!.getAttribute('aria-label')).to.equal('Play');
  });

  it('is reached by Tab, and Enter pauses and plays again', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <button id="before">before</button>
        <batch-sampler rate="30" resolution="8" samples="200"></batch-sampler>
      </div>`,
    );
    const sampler = wrapper.querySelector<BatchSampler>('batch-sampler')!;
    void sampler.play();
    await sampler.updateComplete;
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(sampler.shadowRoot!.activeElement).to.equal(pauseButton(sampler));
    await sendKeys({ press: 'Enter' });
    expect(sampler.paused).to.equal(true);
    await sampler.updateComplete;
    await sendKeys({ press: 'Enter' });
    expect(sampler.paused).to.equal(false);
    await dealing(sampler);
    sampler.pause();
  });

  it('stays after a pause so the reader can resume, and goes on reset()', async () => {
    const sampler = await fixture<BatchSampler>(
      html`<batch-sampler rate="30" resolution="8" samples="200"></batch-sampler>`,
    );
    void sampler.play();
    sampler.pause();
    await sampler.updateComplete;
    expect(pauseButton(sampler)?.getAttribute('aria-label')).to.equal('Play');
    sampler.reset();
    await sampler.updateComplete;
    expect(pauseButton(sampler)).to.equal(null);
  });

  it('never appears for a sampler that never played, even stepped', async () => {
    const sampler = await fixture<BatchSampler>(
      html`<batch-sampler resolution="8" samples="200"></batch-sampler>`,
    );
    await sampler.step();
    await sampler.updateComplete;
    expect(pauseButton(sampler)).to.equal(null);
  });

  it('is not shown under prefers-reduced-motion for an autoplay sampler, which does not play', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const sampler = await fixture<BatchSampler>(
        html`<batch-sampler autoplay rate="30" resolution="8" samples="200"></batch-sampler>`,
      );
      await aTimeout(200);
      await sampler.updateComplete;
      expect(sampler.paused).to.equal(true);
      expect(pauseButton(sampler)).to.equal(null);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('with controls, the toolbar has the only pause button', async () => {
    const sampler = await fixture<BatchSampler>(
      html`<batch-sampler controls rate="30" resolution="8" samples="200"></batch-sampler>`,
    );
    void sampler.play();
    await sampler.updateComplete;
    expect(pauseButton(sampler)).to.equal(null);
    const play = sampler.shadowRoot!.querySelectorAll('[part~="play"]');
    expect([...play].map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Pause']);
    sampler.pause();
  });
});

/** A custom element holding a playing sampler in its shadow root. */
class ShadowFigure extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML =
      '<batch-sampler rate="30" resolution="8" samples="200"></batch-sampler>';
  }
}
customElements.define('reader-shadow-figure', ShadowFigure);

async function pageAndShadowSamplers() {
  const wrapper = await fixture<HTMLElement>(
    html`<div>
      <batch-sampler rate="30" resolution="8" samples="200"></batch-sampler>
      <reader-shadow-figure></reader-shadow-figure>
    </div>`,
  );
  const figure = wrapper.querySelector('reader-shadow-figure')!;
  const samplers = [
    wrapper.querySelector<BatchSampler>('batch-sampler')!,
    figure.shadowRoot!.querySelector<BatchSampler>('batch-sampler')!,
  ];
  for (const s of samplers) void s.play();
  await Promise.all(samplers.map((s) => dealing(s)));
  return { samplers, figure };
}

describe('BatchSampler.pauseAll and the lossquake-pause-all event', () => {
  it('BatchSampler.pauseAll() pauses every sampler of the page, one in a shadow root too', async () => {
    const { samplers } = await pageAndShadowSamplers();
    BatchSampler.pauseAll();
    expect(samplers.map((s) => s.paused)).to.deep.equal([true, true]);
    const batches = counter(samplers, 'batch-change');
    await aTimeout(300);
    expect(batches).to.deep.equal([0, 0]);
  });

  it('BatchSampler.pauseAll(root) pauses only the samplers inside root', async () => {
    const { samplers, figure } = await pageAndShadowSamplers();
    BatchSampler.pauseAll(figure.shadowRoot!);
    expect(samplers.map((s) => s.paused)).to.deep.equal([false, true]);
    samplers[0]!.pause();
  });

  for (const target of ['document', 'window'] as const) {
    it(`a lossquake-pause-all event on ${target} pauses every sampler`, async () => {
      const { samplers } = await pageAndShadowSamplers();
      (target === 'document' ? document : window).dispatchEvent(new Event('lossquake-pause-all'));
      expect(samplers.map((s) => s.paused)).to.deep.equal([true, true]);
    });
  }

  it('cancels an autoplay still waiting to be seen, as pause() does on media elements', async () => {
    const sampler = await fixture<BatchSampler>(
      html`<batch-sampler autoplay style="display:none" rate="30" resolution="8"></batch-sampler>`,
    );
    BatchSampler.pauseAll();
    sampler.style.display = 'block';
    await aTimeout(300);
    expect(sampler.paused).to.equal(true);
    expect(sampler.iteration).to.equal(0);
  });
});

/** Samplers of one seed with the given `group` attributes (null: none). */
async function samplersIn(groups: (string | null)[]) {
  const wrapper = await fixture<HTMLElement>(
    html`<div>
      ${groups.map(
        (group) =>
          html`<batch-sampler group=${group ?? ''} seed="3" rate="30" resolution="8" samples="200">
          </batch-sampler>`,
      )}
    </div>`,
  );
  const samplers = [...wrapper.querySelectorAll<BatchSampler>('batch-sampler')];
  await Promise.all(samplers.map((s) => s.updateComplete));
  return samplers;
}

describe('<batch-sampler group>', () => {
  it('play on one plays its group, each firing its own play; pause on another pauses both', async () => {
    const [a, b] = await samplersIn(['g', 'g']);
    const plays = counter([a!, b!], 'play');
    await a!.play();
    expect([a!.paused, b!.paused]).to.deep.equal([false, false]);
    expect(plays).to.deep.equal([1, 1]);
    await dealing(b!);
    b!.pause();
    expect([a!.paused, b!.paused]).to.deep.equal([true, true]);
  });

  it('step on one steps both, each once: same iteration, its own events, no echo', async () => {
    const [a, b] = await samplersIn(['g', 'g']);
    const steps = counter([a!, b!], 'weights-change');
    const batches = counter([a!, b!], 'batch-change');
    await a!.step();
    await b!.step();
    expect([a!.iteration, b!.iteration]).to.deep.equal([2, 2]);
    expect(steps).to.deep.equal([2, 2]);
    expect(batches).to.deep.equal([2, 2]);
    expect(a!.weights).to.deep.equal(b!.weights);
  });

  it('stepBack and seek on one move both', async () => {
    const [a, b] = await samplersIn(['g', 'g']);
    await a!.seek(5);
    expect([a!.iteration, b!.iteration]).to.deep.equal([5, 5]);
    await b!.stepBack();
    expect([a!.iteration, b!.iteration]).to.deep.equal([4, 4]);
    expect(a!.weights).to.deep.equal(b!.weights);
  });

  it('reset on one resets both, each firing one sampler-reset', async () => {
    const [a, b] = await samplersIn(['g', 'g']);
    await a!.step();
    const log = [record(a!), record(b!)];
    b!.reset();
    expect([a!.iteration, b!.iteration]).to.deep.equal([0, 0]);
    expect(log.map((l) => l.types())).to.deep.equal([['sampler-reset'], ['sampler-reset']]);
  });

  it('different groups, and samplers without one, are independent', async () => {
    const [a, b, c] = await samplersIn(['g', 'h', null]);
    await a!.step();
    await b!.play();
    expect([a!.iteration, b!.iteration, c!.iteration]).to.deep.equal([1, 0, 0]);
    expect([a!.paused, b!.paused, c!.paused]).to.deep.equal([true, false, true]);
    b!.pause();
  });

  it('a group is per document or shadow root', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <batch-sampler group="g" resolution="8" samples="200"></batch-sampler>
        <reader-shadow-figure></reader-shadow-figure>
      </div>`,
    );
    const outer = wrapper.querySelector<BatchSampler>('batch-sampler')!;
    const inner = wrapper
      .querySelector('reader-shadow-figure')!
      .shadowRoot!.querySelector('batch-sampler') as BatchSampler;
    inner.group = 'g';
    await outer.step();
    expect([outer.iteration, inner.iteration]).to.deep.equal([1, 0]);
  });

  it('autoplay of one member plays the group', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <batch-sampler group="auto" autoplay rate="30" resolution="8"></batch-sampler>
        <batch-sampler group="auto" rate="30" resolution="8"></batch-sampler>
      </div>`,
    );
    const [a, b] = [...wrapper.querySelectorAll<BatchSampler>('batch-sampler')];
    await dealing(b!);
    expect(a!.paused).to.equal(false);
    a!.pause();
  });

  it('start-at is a sampler’s own setting: it does not move the group', async () => {
    const [a, b] = await samplersIn(['g', 'g']);
    a!.setAttribute('start-at', '3');
    await waitUntil(() => a!.iteration === 3, 'a at start-at');
    expect(b!.iteration).to.equal(0);
  });
});
