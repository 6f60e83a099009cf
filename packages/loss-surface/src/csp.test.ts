// <loss-surface> under a strict Content-Security-Policy (no 'unsafe-eval', Trusted Types required):
// once a page imports strict-csp.ts, regl's code for our commands comes from gl/generated-code.ts, so
// the surface draws the same pixels as without the policy; without it (or where that code misses)
// regl needs Function and the surface says why, with no uncaught error.
import { expect, fixture, fixtureCleanup, html, nextFrame, waitUntil } from '@open-wc/testing';
import './loss-surface.js';
import type { LossSurface } from './loss-surface.component.js';
import { hooksOf, type ContextHooks } from './testing.js';
import { bowl } from './test-helpers/landscapes.js';
import { differingShare, pixels, settle } from './test-helpers/pixels.js';

const small = 'width:160px;height:120px;max-width:none;aspect-ratio:auto';
const frames: HTMLIFrameElement[] = [];

/** Opens test-helpers/csp-page.html in an iframe and returns its surface once it is on the page. */
async function strictPage(query = ''): Promise<{ win: Window; surface: LossSurface }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:200px;height:160px;border:0';
  frame.src = new URL(`./test-helpers/csp-page.html${query}`, import.meta.url).href;
  frames.push(frame);
  document.body.append(frame);
  await waitUntil(() => frame.contentDocument?.querySelector('loss-surface'), 'the page', {
    timeout: 15000,
  });
  const win = frame.contentWindow!;
  return { win, surface: frame.contentDocument!.querySelector('loss-surface') as LossSurface };
}

/** Errors that reached the strict page's window (test-helpers/csp-page.ts records them). */
function pageErrors(win: Window): string[] {
  return (win as unknown as { __errors: string[] }).__errors;
}

/** The surface's painted pixels (alpha above zero). */
function painted(surface: LossSurface): number {
  const { data } = pixels(surface);
  let count = 0;
  for (let k = 3; k < data.length; k += 4) if (data[k]! > 0) count++;
  return count;
}

function contextOf(surface: LossSurface): ContextHooks {
  const tag = surface.constructor as unknown as Record<symbol, ContextHooks>;
  return tag[Symbol.for('lossquake.loss-surface.testing')]!;
}

describe('<loss-surface> under script-src without unsafe-eval', () => {
  afterEach(async () => {
    fixtureCleanup();
    for (const frame of frames.splice(0)) frame.remove();
    await nextFrame();
  });

  it('draws the same pixels as without the policy once strict-csp is imported', async () => {
    const { win, surface } = await strictPage();
    // The policy is in force: eval and Function are refused in that page.
    expect(() => (win as unknown as { eval(code: string): unknown }).eval('1')).to.throw();
    expect(() => new (win as unknown as { Function: FunctionConstructor }).Function('')).to.throw();

    await settle(surface);
    expect(contextOf(surface).status).to.equal('ready');
    expect(surface.shadowRoot!.querySelector('.message')).to.equal(null);

    const free = await fixture<LossSurface>(
      html`<loss-surface style=${small} transition="0" .landscape=${bowl(16)}></loss-surface>`,
    );
    await settle(free);
    expect(hooksOf(free).framesDrawn).to.be.greaterThan(0);
    const strict = pixels(surface);
    const unrestricted = pixels(free);
    expect([strict.width, strict.height]).to.deep.equal([unrestricted.width, unrestricted.height]);
    expect(painted(surface), 'painted pixels under the policy').to.be.greaterThan(2000);
    expect(differingShare(strict, unrestricted, 2)).to.be.below(0.002);
    expect(pageErrors(win)).to.deep.equal([]);
  });

  it('shows why it cannot draw without strict-csp, and throws nothing', async () => {
    const { win, surface } = await strictPage('?miss');
    await waitUntil(() => surface.shadowRoot?.querySelector('.message'), 'the message');
    expect(contextOf(surface).status).to.equal('unavailable');
    expect(surface.shadowRoot!.querySelector('.message')!.textContent).to.match(
      /Content-Security-Policy forbids 'unsafe-eval'/,
    );
    await nextFrame();
    expect(pageErrors(win)).to.deep.equal([]);
  });

  it('draws once strict-csp is imported after the surface met the policy', async () => {
    const { win, surface } = await strictPage('?late');
    // The page imports strict-csp when the surface reports the policy's refusal.
    await settle(surface);
    const refusals = (win as unknown as { __refusals: string[] }).__refusals;
    expect(refusals).to.have.length(1);
    expect(refusals[0]).to.match(/unsafe-eval/);
    expect(contextOf(surface).status).to.equal('ready');
    expect(surface.shadowRoot!.querySelector('.message')).to.equal(null);
    expect(painted(surface), 'painted pixels under the policy').to.be.greaterThan(2000);
    expect(pageErrors(win)).to.deep.equal([]);
  });
});
