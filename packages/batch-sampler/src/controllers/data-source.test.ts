// Where a sampler's data come from, as a page sees it: error events it can catch, messages that go.
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../batch-sampler.js';
import type { BatchSampler } from '../batch-sampler.js';
import { once, warnings } from '../test-helpers/events.js';

const FIXTURES = '/packages/batch-sampler/src/test-fixtures';

const alertOf = (s: Element) => s.shadowRoot!.querySelector('[role="alert"]');
/** The message shown in place, or null: text, so a failure prints it (an element would not print). */
const shown = (s: Element) => alertOf(s)?.textContent ?? null;

describe('<batch-sampler> inline data errors', () => {
  it('fires error after the upgrade, so a listener added right after insertion hears it', async () => {
    const page = await fixture<HTMLDivElement>(html`<div></div>`);
    page.innerHTML = `<batch-sampler id="inline-bad"><script type="application/json">{"x": [[1e308, 0], [0, 1]], "y": [0, 1]}</script></batch-sampler>`;
    const s = page.firstElementChild as BatchSampler;
    const messages: string[] = [];
    s.addEventListener('error', (e) =>
      messages.push((e as unknown as CustomEvent<{ message: string }>).detail.message),
    );
    await aTimeout(0);
    expect(messages).to.have.length(1);
    expect(messages[0]).to.contain('inline data set').and.contain('x[0]: x1 = 1e+308');
    await s.updateComplete;
    expect(shown(s)).to.equal(messages[0]);
  });
  it('fires error after the page’s module scripts ran, so one placed after the element hears it', async () => {
    // The page a writer makes: the elements' module first, the sampler, then their own module.
    const frame = await fixture<HTMLIFrameElement>(html`<iframe></iframe>`);
    const loaded = new Promise((resolve) =>
      frame.addEventListener('load', resolve, { once: true }),
    );
    frame.srcdoc = `
      <script type="module" src="${new URL('../batch-sampler.ts', import.meta.url).href}"></script>
      <batch-sampler><script type="application/json">{"x": 3}</script></batch-sampler>
      <script type="module">
        window.heard = [];
        document.querySelector('batch-sampler')
          .addEventListener('error', (e) => window.heard.push(e.detail.message));
      </script>`;
    await loaded;
    const heard = (frame.contentWindow as Window & { heard?: string[] }).heard;
    expect(heard).to.have.length(1);
    expect(heard![0]).to.contain("'x' must be an array");
  });
});

describe('<batch-sampler> error messages in place', () => {
  async function failedOn(src: string) {
    const s = await fixture<BatchSampler>(html`<batch-sampler samples="200"></batch-sampler>`);
    const failed = once(s, 'error');
    s.setAttribute('src', src);
    await failed;
    await s.updateComplete;
    expect(shown(s)).to.contain(src);
    return s;
  }

  it('goes when the bad src is removed', async () => {
    const s = await failedOn(`${FIXTURES}/missing.csv`);
    s.removeAttribute('src');
    await s.updateComplete;
    expect(shown(s)).to.equal(null);
  });

  it('goes when a good src replaces the bad one and loads', async () => {
    const s = await failedOn(`${FIXTURES}/bad.csv`);
    s.src = `${FIXTURES}/small.csv`;
    await once(s, 'sampler-reset');
    await s.updateComplete;
    expect(shown(s)).to.equal(null);
    expect(s.dataset.n).to.equal(40);
  });

  it('goes when the inline data set is corrected', async () => {
    const s = await fixture<BatchSampler>(
      html`<batch-sampler batch-size="2"
        ><script type="application/json">
          { "x": 3 }
        </script></batch-sampler
      >`,
    );
    await waitUntil(() => shown(s) !== null, 'the message shows');
    s.querySelector('script')!.textContent = '{"x": [[0, 0], [1, 1]], "y": [0, 1]}';
    await waitUntil(() => shown(s) === null, 'the message goes');
    expect(s.dataset.n).to.equal(2);
  });
});

describe('<batch-sampler> dataset property', () => {
  it('refuses features that overflow the maths with one warning, and keeps the data in use', async () => {
    const s = await fixture<BatchSampler>(
      html`<batch-sampler id="big" samples="200"></batch-sampler>`,
    );
    const big = { n: 2, x: Float64Array.from([1, 2, 1e200, 0]), y: Uint8Array.from([0, 1]) };
    const warned = await warnings(() => {
      s.dataset = big;
      s.dataset = big;
    });
    expect(s.dataset.n).to.equal(200);
    expect(warned).to.have.length(1);
    expect(warned[0]).to.contain('<batch-sampler id="big">').and.contain('row 1: x1 = 1e+200');
    expect(warned[0]).to.contain('1e+6');
  });
});
