// The guide against the contract: its events table lists every event DESIGN.md names and says which
// do not bubble, it says what weights-change's `loss` is, it explains the surface's default z-range,
// its table-of-contents links land on headings the header does not cover, and the licence files the
// bundles' banners name are served beside them.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { click, DIST, frames, openPage, until, type OpenPage } from './helpers.js';

/** The event names in DESIGN.md's Events table (the contract), read from the file itself. */
async function contractEvents(): Promise<string[]> {
  const design = await (await fetch('/DESIGN.md')).text();
  const section = design.slice(design.indexOf('\n## Events'));
  const table = section.slice(0, section.indexOf('\n## ', 1));
  return [...table.matchAll(/^\| `([\w-]+)` \|/gm)].map((m) => m[1]!);
}

/** DESIGN.md's Events section: `error` bubbles not, nor do the sampler's `play` and `pause`. */
const notBubbling = ['error', 'play', 'pause'];

describe('guide.html', () => {
  let page: OpenPage;
  before(async () => {
    await setViewport({ width: 1100, height: 900 });
    page = await openPage('guide.html');
  });
  after(() => page.close());

  /** The events table's rows: event name → { bubbles, detail } as the reader reads them. */
  function eventsTable() {
    const table = [...page.document.querySelectorAll('#main table')].find((t) =>
      t.querySelector('caption')?.textContent?.includes('Events'),
    )!;
    expect(table, 'events table').to.exist;
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
    const column = (name: string) => headers.findIndex((h) => h.startsWith(name));
    return new Map(
      [...table.querySelectorAll('tbody tr')].map((row) => {
        const cells = [...row.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim());
        return [
          cells[0]!,
          { bubbles: cells[column('bubbles')], detail: cells[column('detail')] ?? '' },
        ];
      }),
    );
  }

  it('lists every event of the contract, play and pause too, and says which do not bubble', async () => {
    const events = [...(await contractEvents()), 'play', 'pause'];
    expect(events).to.include.members(['landscape-ready', 'landscape-progress', 'weights-change']);
    const rows = eventsTable();
    for (const name of events) {
      expect(rows.has(name), `${name} in the guide's events table`).to.equal(true);
      expect(rows.get(name)!.bubbles, `${name} bubbles`).to.equal(
        notBubbling.includes(name) ? 'no' : 'yes',
      );
    }
  });

  it('says that weights-change’s loss is the batch loss before the step', () => {
    const detail = eventsTable().get('weights-change')!.detail;
    expect(detail).to.match(/loss is the batch loss at previous, before the step/);
  });

  it('explains the surface’s default z-range, the one the element really has', () => {
    const surface = page.document.createElement('loss-surface') as HTMLElement & {
      zRange: unknown;
    };
    expect(surface.zRange).to.equal('grow');
    const section = page.document.getElementById('loss-axis')!;
    expect(section, '#loss-axis heading').to.exist;
    let text = '';
    for (let node = section.nextElementSibling; node && !/^H[23]$/.test(node.tagName);) {
      text += node.textContent;
      node = node.nextElementSibling;
    }
    text = text.replace(/\s+/g, ' ');
    expect(section.textContent).to.include('z-range');
    expect(text).to.include('z-range="grow"');
    expect(text).to.match(/only ever widens/);
    expect(text).to.include('z-range="auto"');
  });
});

describe('table-of-contents links', () => {
  for (const width of [1100, 375]) {
    it(`at ${width} px, each lands on its heading with nothing covering it`, async () => {
      await setViewport({ width: Math.max(width, 1100), height: 900 });
      const page = await openPage('guide.html', { width, height: 700 });
      try {
        const links = [...page.document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')];
        expect(links.length).to.be.greaterThan(4);
        for (const link of links) {
          const heading = page.document.getElementById(link.hash.slice(1))!;
          page.window.scrollTo(0, 0);
          await click(page, link);
          expect(await until(() => page.window.location.hash === link.hash)).to.equal(true);
          await frames(page.window, 2);
          const box = heading.getBoundingClientRect();
          // In view (the last section may stop lower: the page ends), and uncovered.
          expect(box.top, `${link.hash} in view`).to.be.within(
            0,
            page.window.innerHeight - box.height,
          );
          // What the reader sees at the heading's first letter is the heading, not the header.
          const seen = page.document.elementFromPoint(box.left + 4, box.top + box.height / 2);
          expect(seen && heading.contains(seen), `${link.hash} is uncovered`).to.equal(true);
        }
      } finally {
        page.close();
      }
    });
  }
});

describe('licences of the bundles', () => {
  for (const bundle of ['lossquake.js', 'lossquake.strict-csp.js']) {
    it(`${bundle}'s banner names a licence file the docs serve beside it`, async () => {
      const head = (await (await fetch(`${DIST}${bundle}`)).text()).slice(0, 300);
      const named = /licences: ([\w.-]+)/.exec(head)?.[1];
      expect(named, head).to.equal(`${bundle}.LICENSE.txt`);
      const response = await fetch(`${DIST}${named}`);
      expect(response.status).to.equal(200);
      const text = await response.text();
      for (const bundled of ['lit', 'regl', 'd3-contour']) expect(text).to.include(bundled);
    });
  }

  it('the guide and the footer link to them', async () => {
    const page = await openPage('guide.html');
    try {
      const hrefs = [...page.document.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(hrefs).to.include.members([
        'lossquake.js.LICENSE.txt',
        'lossquake.strict-csp.js.LICENSE.txt',
      ]);
      expect(page.document.querySelector('footer a[href="lossquake.js.LICENSE.txt"]')).to.exist;
    } finally {
      page.close();
    }
  });
});
