// Accessibility of the built docs pages: axe-core, injected into each page's iframe after the page's
// elements are defined and drawn, reports no violations (the page's light DOM and the elements'
// shadow roots, which axe walks too).
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { drawnOnScreen, openPage, until, type OpenPage } from './helpers.js';

const AXE = '/node_modules/axe-core/axe.min.js';
const pages = ['networks.html'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}
interface Axe {
  run(context: Document, options?: object): Promise<{ violations: AxeViolation[] }>;
}

/** Adds axe-core to the page in the iframe and resolves with it once the script has run. */
async function injectAxe(page: OpenPage): Promise<Axe> {
  const script = page.document.createElement('script');
  script.src = AXE;
  await new Promise((resolve, reject) => {
    script.onload = resolve;
    script.onerror = () => reject(new Error(`${AXE} did not load: is axe-core installed?`));
    page.document.head.append(script);
  });
  return (page.window as unknown as { axe: Axe }).axe;
}

/** One line per violation: rule, impact, what it asks and the first few nodes it found. */
function describeViolation(violation: AxeViolation): string {
  const targets = violation.nodes.slice(0, 3).map((node) => JSON.stringify(node.target));
  const more = violation.nodes.length > 3 ? ` (+${violation.nodes.length - 3} more)` : '';
  return `${violation.id} (${violation.impact}): ${violation.help} — ${targets.join(', ')}${more}`;
}

before(async () => {
  await setViewport({ width: 1100, height: 900 });
});

describe('accessibility of the docs pages', () => {
  for (const name of pages) {
    it(`${name}: axe-core reports no violations`, async () => {
      const page = await openPage(name);
      try {
        // Let every view render its canvas and labels before axe looks at the page.
        for (const view of page.document.querySelectorAll('loss-surface, loss-contour'))
          await drawnOnScreen(view, 4000);
        page.window.scrollTo(0, 0);
        await until(() => page.document.readyState === 'complete');
        const axe = await injectAxe(page);
        const results = await axe.run(page.document, { resultTypes: ['violations'] });
        const found = results.violations.map(describeViolation);
        expect(found, `axe-core violations on ${name}:\n${found.join('\n')}`).to.deep.equal([]);
        // axe only checks a table that overflows at this width; at another width any may scroll.
        const unreachable = [...page.document.querySelectorAll<HTMLElement>('.table-wrap')]
          .filter((wrap) => wrap.tabIndex !== 0 || !wrap.getAttribute('aria-labelledby'))
          .map((wrap) => wrap.querySelector('caption')?.textContent ?? '(no caption)');
        expect(unreachable, 'tables the keyboard cannot scroll').to.deep.equal([]);
      } finally {
        page.close();
      }
    });
  }
});
