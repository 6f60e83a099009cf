// The docs pages under the Content-Security-Policy that `pnpm start` serves them with
// (scripts/content-security-policy.mjs: no 'unsafe-eval', no inline script or style). The test server
// sends no policy, so each built page runs here in a same-origin srcdoc frame with the policy in a
// <meta>. The pages load lossquake.strict-csp.js: every surface draws, and nothing is refused.
import { expect } from '@open-wc/testing';
import { DIST, delay, drawnOnScreen, problems, type DocsWindow, type OpenPage } from './helpers.js';

const POLICY = '/apps/docs/scripts/content-security-policy.mjs';

/** The built page `name`, under the site's policy; its violations are in window.__cspViolations. */
async function underThePolicy(name: string): Promise<OpenPage> {
  const { contentSecurityPolicy } = (await import(POLICY)) as { contentSecurityPolicy: string };
  // A <meta> policy cannot say frame-ancestors (the browser warns and ignores it).
  const policy = contentSecurityPolicy
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
  const built = await (await fetch(`${DIST}${name}?raw`)).text();
  // <base> before the policy (which says base-uri 'none'), so the page's relative URLs still work.
  const head = [
    `<base href="${new URL(DIST, location.href).href}" />`,
    `<meta http-equiv="Content-Security-Policy" content="${policy}" />`,
    '<script src="/apps/docs/test/console-hook.js"></script>',
    '<script src="/apps/docs/test/csp-violations.js"></script>',
  ].join('');
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:1000px;height:760px;border:0;display:block';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = built.replace(/<head>/i, `<head>${head}`);
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as DocsWindow;
  return { frame, window: win, document: frame.contentDocument!, close: () => frame.remove() };
}

function violations(page: OpenPage): string[] {
  return [...((page.window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])];
}

describe('the docs pages under the policy the docs server sends', () => {
  let names: string[] = [];
  before(async () => {
    names = (await (await fetch(`${DIST}pages.json`)).json()) as string[];
  });

  it('load lossquake.strict-csp.js: every surface draws, nothing is refused or logged', async () => {
    expect(names).to.include('index.html');
    for (const name of names) {
      const page = await underThePolicy(name);
      try {
        const win = page.window;
        await Promise.all(
          ['batch-sampler', 'loss-surface', 'loss-contour'].map((tag) =>
            win.customElements.whenDefined(tag),
          ),
        );
        for (const surface of page.document.querySelectorAll('loss-surface'))
          expect(await drawnOnScreen(surface), `${name}: ${surface.id || 'a surface'}`).to.equal(
            true,
          );
        await delay(300);
        expect(violations(page), name).to.deep.equal([]);
        // The policy is in force in this frame (checked last: the refusal is a violation too).
        expect(
          () => (win as unknown as { eval(code: string): unknown }).eval('1'),
          name,
        ).to.throw();
        expect(problems(page), name).to.deep.equal([]);
      } finally {
        page.close();
      }
    }
  });
});
