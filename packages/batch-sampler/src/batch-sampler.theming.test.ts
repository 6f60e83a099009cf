// The shared --lossquake-* theme reaching <batch-sampler>'s toolbar, and the deprecated names winning where set.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './batch-sampler.js';
import type { BatchSampler } from './batch-sampler.js';

const FIXTURES = '/packages/batch-sampler/src/test-fixtures';

const theme =
  '--lossquake-font-family: "Theme Face", serif; --lossquake-font-size: 17px;' +
  '--lossquake-text-color: rgb(10, 20, 30); --lossquake-focus-color: rgb(200, 0, 100);' +
  '--lossquake-error-color: rgb(150, 0, 0)';

/** A sampler with its toolbar inside a wrapper styled by `wrapperStyle`. */
async function themed(wrapperStyle: string, samplerStyle = ''): Promise<BatchSampler> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style=${wrapperStyle}>
      <batch-sampler controls samples="100" style=${samplerStyle}></batch-sampler>
    </div>`,
  );
  const sampler = wrapper.querySelector<BatchSampler>('batch-sampler')!;
  await sampler.updateComplete;
  return sampler;
}

const part = (s: BatchSampler, name: string) =>
  s.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

/** The outline colour the play button shows when it has keyboard focus. */
function focusRing(s: BatchSampler): string {
  const play = part(s, 'play');
  play.focus();
  expect(play.matches(':focus-visible'), 'play shows keyboard focus').to.equal(true);
  return getComputedStyle(play).outlineColor;
}

/** The error part's colour once a missing `src` failed. */
async function errorColour(s: BatchSampler): Promise<string> {
  const failed = oneEvent(s, 'error');
  s.src = `${FIXTURES}/missing.csv`;
  await failed;
  await s.updateComplete;
  return getComputedStyle(part(s, 'error')).color;
}

describe('<batch-sampler> theming', () => {
  it('with nothing set, the toolbar keeps its own defaults', async () => {
    const s = await themed('');
    const readout = getComputedStyle(part(s, 'readout'));
    expect(readout.color).to.equal('rgb(31, 41, 51)');
    expect(readout.fontFamily).to.match(/^system-ui/);
    expect(getComputedStyle(part(s, 'controls')).fontSize).to.equal('14px');
    expect(focusRing(s)).to.equal('rgb(37, 99, 235)');
    expect(await errorColour(s)).to.equal('rgb(198, 40, 40)');
  });

  it('a wrapper’s --lossquake-font-family, -font-size, -text-color and -focus-color reach the readout, labels and focus ring', async () => {
    const s = await themed(theme);
    for (const text of [part(s, 'readout'), s.shadowRoot!.querySelector('label')!]) {
      const style = getComputedStyle(text);
      expect(style.color, text.localName).to.equal('rgb(10, 20, 30)');
      expect(style.fontFamily, text.localName).to.equal('"Theme Face", serif');
      expect(style.fontSize, text.localName).to.equal('17px');
    }
    expect(focusRing(s)).to.equal('rgb(200, 0, 100)');
    expect(await errorColour(s)).to.equal('rgb(150, 0, 0)');
  });
});
