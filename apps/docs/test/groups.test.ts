// The docs' "Play all / Step all / Reset all" buttons over samplers that share a `group`: each call
// reaches every sampler once, and a reader's own pause button on one figure pauses its group.
import { expect } from '@open-wc/testing';
import { click, openPage, until, type OpenPage } from './helpers.js';

type Sampler = HTMLElement & { iteration: number; paused: boolean; group: string | null };

describe('more.html: the optimiser figure, one group of three samplers', () => {
  let page: OpenPage;
  let samplers: Sampler[];
  const button = (name: string) =>
    page.document.querySelector<HTMLButtonElement>(`#fig-optimizers [${name}]`)!;

  before(async () => {
    page = await openPage('more.html');
    samplers = [...page.document.querySelectorAll<Sampler>('#fig-optimizers batch-sampler')];
  });
  after(() => page.close());

  it('the samplers share one group', () => {
    expect(samplers.map((s) => s.group)).to.deep.equal(['optimisers', 'optimisers', 'optimisers']);
  });

  it('"Step all" steps each sampler once', async () => {
    await click(page, button('data-step-sampler'));
    expect(await until(() => samplers.every((s) => s.iteration === 1))).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(samplers.map((s) => s.iteration)).to.deep.equal([1, 1, 1]);
  });

  it('"Play all" plays all three; a figure’s own pause button pauses the group and the label follows', async () => {
    const play = button('data-play-samplers');
    await click(page, play);
    expect(await until(() => samplers.every((s) => !s.paused))).to.equal(true);
    expect(play.textContent.trim()).to.equal('Pause all');
    const own = samplers[1]!.shadowRoot!.querySelector('[part~="pause-button"]')!;
    expect(own.getAttribute('aria-label')).to.equal('Pause');
    await click(page, own);
    expect(samplers.map((s) => s.paused)).to.deep.equal([true, true, true]);
    expect(play.textContent.trim()).to.equal('Play all');
    expect(play.getAttribute('aria-pressed')).to.equal('false');
  });

  it('"Reset all" brings every sampler back to iteration 0', async () => {
    await click(page, button('data-reset-samplers'));
    expect(await until(() => samplers.every((s) => s.iteration === 0))).to.equal(true);
  });
});
