// Pages with strict policies: a Content-Security-Policy with nothing inline and no eval plus Trusted
// Types (pages/csp-strict.html with dist/lossquake.js, pages/csp-strict-bundle.html with
// dist/lossquake.strict-csp.js; headers from web-test-runner.config.mjs), and a sandboxed iframe.
import { expect } from '@open-wc/testing';
import {
  canvasOf,
  closePages,
  delay,
  messageOf,
  openPage,
  paintedPixels,
  waitFor,
  type BatchSampler,
  type LossContour,
  type LossSurface,
  type Page,
} from './helpers.js';

describe('a page with a strict CSP and Trusted Types', () => {
  afterEach(closePages);

  /** Opens `name` and checks what works under the policy with either bundle: sampler and contours. */
  async function underThePolicy(name: string): Promise<{ page: Page; surface: LossSurface }> {
    const page = await openPage(name);
    const { doc } = page;

    const sampler = doc.querySelector('batch-sampler') as BatchSampler;
    const contour = doc.querySelector('loss-contour') as LossContour;
    const full = await sampler.fullLandscapeReady();
    expect(full.values.length).to.equal(24 * 24);
    await sampler.step();
    await sampler.step();
    expect(sampler.iteration).to.equal(2);

    // Contours: bands painted on the canvas, laid out at the size the page gave.
    const bands = await waitFor(() => paintedPixels(canvasOf(contour)), 'contour pixels');
    expect(bands).to.be.greaterThan(1000);
    const plot = canvasOf(contour)!.getBoundingClientRect();
    expect(plot.width, 'plot width').to.be.greaterThan(100);
    expect(plot.height, 'plot height').to.be.greaterThan(80);
    const box = contour.getBoundingClientRect();
    expect(plot.left, 'plot inside its element').to.be.at.least(box.left);
    expect(plot.right).to.be.at.most(box.right + 1);
    return { page, surface: doc.querySelector('loss-surface') as LossSurface };
  }

  /** Nothing uncaught, and no style attribute the policy had to block (style-src 'self'). */
  async function quiet({ probe, win }: Page): Promise<void> {
    await delay(300);
    // The policy really is in force: eval is refused here (checked last: a refusal is a violation).
    expect(() => (win as unknown as { eval(code: string): unknown }).eval('1')).to.throw();
    expect(probe.errors, 'uncaught errors').to.deep.equal([]);
    expect(probe.rejections, 'unhandled rejections').to.deep.equal([]);
    expect(
      probe.violations.filter((v) => v.startsWith('style-src')),
      'inline styles the policy blocked',
    ).to.deep.equal([]);
  }

  it('with lossquake.js: sampler and contours run, the surface says why it cannot draw, nothing throws', async () => {
    const { page, surface } = await underThePolicy('csp-strict.html');
    // The plain bundle leaves out the regl code generated ahead of time: regl needs Function.
    const bundle = await page.bundle();
    await waitFor(() => bundle.sharedStatus() === 'unavailable', 'the surface to give up');
    expect(messageOf(surface)).to.match(/Content-Security-Policy|unsafe-eval/);
    await waitFor(
      () => page.probe.violations.some((v) => /script-src eval|trusted-types-sink/.test(v)),
      'the policy refusing Function',
    );
    // The page's surface fired its error while loading; one added now fires its own.
    const late = page.create('loss-surface', { for: 's' });
    const heard = new Promise<string>((resolve) =>
      late.addEventListener('error', (e) =>
        resolve((e as unknown as CustomEvent<{ message: string }>).detail.message),
      ),
    );
    page.doc.body.append(late);
    expect(await heard).to.match(/unsafe-eval/);
    expect(messageOf(late)).to.match(/unsafe-eval/);
    await quiet(page);
  });

  it('with lossquake.strict-csp.js: the surface draws too, with nothing eval-like refused', async () => {
    const { page, surface } = await underThePolicy('csp-strict-bundle.html');
    const bundle = await page.bundle();
    const drawn = await waitFor(() => paintedPixels(canvasOf(surface)), 'surface pixels');
    expect(drawn).to.be.greaterThan(1000);
    expect(bundle.sharedStatus()).to.equal('ready');
    expect(messageOf(surface)).to.equal('');
    await delay(300);
    // Neither eval nor a Trusted Types sink was tried: the violations left are the blob: worker's.
    expect(page.probe.violations.filter((v) => !/ blob(:|$)/.test(v))).to.deep.equal([]);
    await quiet(page);
  });
});

describe('inside <iframe sandbox="allow-scripts">', () => {
  afterEach(closePages);

  it('works without storage or same-origin access and posts what it saw', async () => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.style.cssText = 'width:600px;height:500px;border:0';
    type Report = {
      ok: boolean;
      errors: string[];
      steps: number;
      iteration: number;
      contourPixels: number;
      surfacePixels: number;
      surface: string;
      storage: string;
    };
    const report = new Promise<Report>((resolve) => {
      const listen = (event: MessageEvent<{ lossquakeSandbox?: Report } | null>) => {
        const sandbox = event.data?.lossquakeSandbox;
        if (event.source !== frame.contentWindow || !sandbox) return;
        window.removeEventListener('message', listen);
        resolve(sandbox);
      };
      window.addEventListener('message', listen);
    });
    frame.src = '/packages/lossquake/test/pages/sandbox.html';
    document.body.append(frame);
    try {
      const seen = await Promise.race([
        report,
        delay(30000).then(() => {
          throw new Error('the sandboxed frame never reported');
        }),
      ]);
      expect(seen.storage, 'the sandbox really has no storage').to.match(/^blocked/);
      expect(seen.errors).to.deep.equal([]);
      expect(seen.ok).to.equal(true);
      expect(seen.iteration).to.equal(2);
      expect(seen.steps).to.equal(2);
      expect(seen.contourPixels).to.be.greaterThan(1000);
      expect(seen.surfacePixels, seen.surface).to.be.greaterThan(500);
    } finally {
      frame.remove();
    }
  });
});
