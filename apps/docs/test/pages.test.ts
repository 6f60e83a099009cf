// End-to-end: every built docs page opens without console noise, every figure's elements draw,
// the training figure's controls move the weights, and every example shows its own source.
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import {
  click,
  delay,
  drawnOnScreen,
  frames,
  look,
  openPage,
  problems,
  until,
  viewCanvas,
  type OpenPage,
} from './helpers.js';

const pages = ['index.html', 'more.html', 'guide.html', 'reference.html'];

before(async () => {
  await setViewport({ width: 1100, height: 900 });
});

/** Every view on a page draws once it is on screen. */
async function expectAllViewsDrawn(page: OpenPage): Promise<number> {
  const views = [...page.document.querySelectorAll('loss-surface, loss-contour')];
  const blank: string[] = [];
  for (const view of views) {
    if (!(await drawnOnScreen(view))) {
      const figure = view.closest('figure')?.id ?? '(no figure)';
      blank.push(
        `${figure} <${view.localName}${view.getAttribute('for') ? ` for=${view.getAttribute('for')}` : ''}> ${JSON.stringify(look(viewCanvas(view)))}`,
      );
    }
  }
  expect(blank, `views that never drew:\n${blank.join('\n')}`).to.deep.equal([]);
  return views.length;
}

describe('docs pages', () => {
  for (const name of pages) {
    it(`${name} loads with no console errors or warnings and every view draws`, async () => {
      const page = await openPage(name);
      try {
        const views = await expectAllViewsDrawn(page);
        if (name !== 'reference.html') expect(views, 'views on the page').to.be.greaterThan(0);
        await delay(300);
        expect(problems(page)).to.deep.equal([]);
      } finally {
        page.close();
      }
    });
  }
});

describe('index.html, the article', () => {
  let page: OpenPage;
  before(async () => {
    page = await openPage('index.html');
  });
  after(() => page.close());

  it('has every figure of the article, in order', () => {
    const ids = [...page.document.querySelectorAll('figure.example')].map((figure) => figure.id);
    expect(ids).to.deep.equal([
      'fig-hero',
      'fig-frame',
      'fig-fast',
      'fig-contours',
      'fig-training',
      'fig-nine',
      'fig-softplus',
      'fig-data',
    ]);
  });

  it('the hero pairs batch size 10 and 100 with the same seed, one camera group and a pinned z-range', () => {
    const samplers = [...page.document.querySelectorAll('#fig-hero batch-sampler')];
    expect(samplers.map((s) => s.getAttribute('batch-size'))).to.deep.equal(['10', '100']);
    expect(new Set(samplers.map((s) => s.getAttribute('seed'))).size).to.equal(1);
    const surfaces = [...page.document.querySelectorAll('#fig-hero loss-surface')];
    expect(surfaces.map((s) => s.getAttribute('camera-group'))).to.deep.equal(['hero', 'hero']);
    for (const surface of surfaces) expect(surface.getAttribute('z-range')).to.match(/^\d+ \d+$/);
  });

  it('play, step and step back on the training figure move the weights', async () => {
    const sampler = page.document.getElementById('training') as HTMLElement & {
      weights: readonly [number, number];
      iteration: number;
      paused: boolean;
    };
    const controls = sampler.shadowRoot!;
    const button = (part: string) =>
      controls.querySelector<HTMLButtonElement>(`[part~="${part}"]`)!;
    const start = [...sampler.weights];

    await click(page, button('step'));
    expect(await until(() => sampler.iteration === 1)).to.equal(true);
    const afterOne = [...sampler.weights];
    expect(afterOne).not.to.deep.equal(start);

    await click(page, button('step'));
    expect(await until(() => sampler.iteration === 2)).to.equal(true);
    const afterTwo = [...sampler.weights];
    expect(afterTwo).not.to.deep.equal(afterOne);

    // Step back from the keyboard: focus the button, press Enter.
    button('step-back').focus();
    await sendKeys({ press: 'Enter' });
    expect(await until(() => sampler.iteration === 1)).to.equal(true);
    expect([...sampler.weights]).to.deep.equal(afterOne);

    await click(page, button('play'));
    expect(await until(() => sampler.iteration >= 3, 10000)).to.equal(true);
    await click(page, button('play'));
    expect(await until(() => sampler.paused)).to.equal(true);
    expect([...sampler.weights]).not.to.deep.equal(afterOne);
  });

  it('the training figure draws the step arrow after a step', async () => {
    // Its own step, not the previous test's: this test must hold alone and in any order.
    const sampler = page.document.getElementById('training') as HTMLElement & {
      step(): Promise<void>;
    };
    const contour = page.document.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>(
      '#fig-training loss-contour',
    )!;
    await sampler.step();
    await contour.updateComplete;
    const overlay = contour.shadowRoot!.querySelector('[part~="overlay"]');
    expect(overlay, 'overlay part').to.exist;
    expect(overlay!.querySelectorAll('line, path, polyline, polygon').length).to.be.greaterThan(0);
  });

  it('"Draw a new batch" deals a new batch of nine, and the data figure circles its rows', async () => {
    const sampler = page.document.getElementById('nine') as HTMLElement & {
      rows: Uint32Array;
      iteration: number;
    };
    const scatter = page.document.querySelector('#fig-data data-scatter')!;
    const root = () => scatter.shadowRoot!;
    const circled = () =>
      [...root().querySelectorAll('circle.ring')].map((c) => Number(c.getAttribute('data-row')));
    await until(() => scatter.shadowRoot && circled().length === 9);
    const before = [...sampler.rows];
    expect(before).to.have.length(9);
    expect(circled()).to.deep.equal(before);
    expect(root().querySelectorAll('circle.point').length).to.equal(1000);
    await click(page, page.document.querySelector('#fig-nine [data-step-sampler]')!);
    expect(await until(() => sampler.iteration === 2)).to.equal(true);
    expect([...sampler.rows]).not.to.deep.equal(before);
    expect(await until(() => circled().join() === [...sampler.rows].join())).to.equal(true);
  });

  it('the data figure colours class 0 blue around (0, 3) and class 1 orange, as the seed’s dataset.png', async () => {
    const scatter = page.document.querySelector('#fig-data data-scatter')!;
    await until(() => scatter.shadowRoot?.querySelector('circle.point'));
    const win = page.document.defaultView!;
    const first = (k: number) => scatter.shadowRoot!.querySelector(`circle.point.class-${k}`)!;
    expect(win.getComputedStyle(first(0)).fill).to.equal('rgb(31, 119, 180)');
    expect(win.getComputedStyle(first(1)).fill).to.equal('rgb(255, 127, 14)');
    const meanY = (k: number) => {
      const ys = [
        ...scatter.shadowRoot!.querySelectorAll<SVGCircleElement>(`circle.point.class-${k}`),
      ].map((c) => c.cy.baseVal.value);
      return ys.reduce((a, b) => a + b, 0) / ys.length;
    };
    expect(meanY(0), 'class 0 above class 1').to.be.lessThan(meanY(1));
    // The axes fit the data: the points reach both sides of the plot (no empty right third).
    const frame = scatter.shadowRoot!.querySelector<SVGRectElement>('[part="axes"] .domain')!;
    const xs = [...scatter.shadowRoot!.querySelectorAll<SVGCircleElement>('circle.point')].map(
      (c) => c.cx.baseVal.value,
    );
    const right = frame.x.baseVal.value + frame.width.baseVal.value;
    expect(Math.max(...xs)).to.be.greaterThan(right - 0.1 * frame.width.baseVal.value);
  });

  it('offers "Copy this state" on the figures that have a sampler, and only there', () => {
    const figures = [...page.document.querySelectorAll('figure.example')];
    const offered = figures.filter((f) => f.querySelector('[data-copy-state]')).map((f) => f.id);
    const withSampler = figures.filter((f) => f.querySelector('batch-sampler')).map((f) => f.id);
    expect(offered).to.deep.equal(withSampler);
    expect(offered).to.include.members(['fig-hero', 'fig-training', 'fig-nine']);
    expect(offered).not.to.include('fig-data');
  });

  it('figure 6 shows its nine rows as small compact contours beside the larger average', () => {
    const tiles = [...page.document.querySelectorAll('#fig-nine .nine loss-contour')];
    expect(tiles).to.have.length(9);
    const average = page.document.querySelector('#fig-nine loss-contour:not([landscape])')!;
    const big = average.getBoundingClientRect();
    for (const tile of tiles) {
      expect(tile.hasAttribute('compact')).to.equal(true);
      const box = tile.getBoundingClientRect();
      expect(box.width).to.be.below(big.width / 2);
      // Compact: the plot keeps most of the tile, and the nine sit left of the average (3 × 3).
      const plot = tile.shadowRoot!.querySelector('canvas')!.getBoundingClientRect();
      expect(plot.width / box.width).to.be.at.least(0.7);
      expect(box.right).to.be.at.most(big.left);
    }
    expect(new Set(tiles.map((t) => Math.round(t.getBoundingClientRect().top))).size).to.equal(3);
  });
  // Figure 7 (ln(1 + e⁻ˣ), live) and the hero's look are checked in figures.test.ts.
});

describe('example sources', () => {
  for (const name of ['index.html', 'networks.html', 'guide.html', 'more.html']) {
    it(`${name}: every example's code panel holds the markup that runs`, async () => {
      const page = await openPage(name);
      try {
        const examples = [...page.document.querySelectorAll('.live')];
        expect(examples.length).to.be.greaterThan(0);
        for (const live of examples) {
          const code = live.parentElement!.querySelector(':scope > .source pre code')!;
          expect(code, `source panel of ${live.parentElement!.id}`).to.exist;
          const shown = page.document.createElement('template');
          shown.innerHTML = code.textContent!;
          const shownElements = [...shown.content.querySelectorAll('*')];
          const liveElements = [...live.querySelectorAll('*')].filter(
            (e) => !e.closest('svg') || e.localName === 'svg',
          );
          const shownTop = shownElements.filter((e) => !e.closest('svg') || e.localName === 'svg');
          expect(shownTop.map((e) => e.localName)).to.deep.equal(
            liveElements.map((e) => e.localName),
          );
          shownTop.forEach((element, k) => {
            for (const attribute of element.attributes) {
              expect(
                liveElements[k]!.getAttribute(attribute.name),
                `${element.localName} ${attribute.name}`,
              ).to.equal(attribute.value);
            }
          });
        }
      } finally {
        page.close();
      }
    });
  }

  it('the copy button copies exactly the shown code', async () => {
    const page = await openPage('guide.html');
    try {
      const source = page.document.querySelector('.source')!;
      let copied: string | null = null;
      // Headless Chromium may refuse the real clipboard; record what the page asks it to hold.
      Object.defineProperty(page.window.navigator, 'clipboard', {
        configurable: true,
        value: { writeText: (text: string) => Promise.resolve(void (copied = text)) },
      });
      await click(page, source.querySelector('[data-copy]')!);
      expect(await until(() => copied !== null)).to.equal(true);
      expect(copied).to.equal(source.querySelector('pre code')!.textContent);
      expect(source.querySelector('[data-copy]')!.textContent).to.equal('Copied');
    } finally {
      page.close();
    }
  });
});

describe('sharing a figure’s state', () => {
  it('"Copy this state" copies the training figure as it is and links to it; the link reopens it bit-equal', async () => {
    type Sampler = HTMLElement & { weights: readonly [number, number]; iteration: number };
    const page = await openPage('index.html');
    let hash: string;
    let iteration: number;
    let weights: number[];
    try {
      let copied: string | null = null;
      Object.defineProperty(page.window.navigator, 'clipboard', {
        configurable: true,
        value: { writeText: (text: string) => Promise.resolve(void (copied = text)) },
      });
      const sampler = page.document.getElementById('training') as Sampler;
      const step = sampler.shadowRoot!.querySelector('[part~="step"]')!;
      for (let k = 1; k <= 3; k++) {
        await click(page, step);
        expect(await until(() => sampler.iteration === k)).to.equal(true);
      }
      // A pick on the plot too: the state must carry it (the picks replay with start-at).
      const before = [...sampler.weights];
      const contour = page.document.querySelector('#fig-training loss-contour')!;
      await click(page, contour.shadowRoot!.querySelector('canvas')!);
      expect(await until(() => sampler.weights[0] !== before[0])).to.equal(true);
      await click(page, step);
      expect(await until(() => sampler.iteration === 4)).to.equal(true);
      iteration = sampler.iteration;
      weights = [...sampler.weights];

      const button = page.document.querySelector('#fig-training [data-copy-state]')!;
      expect(button.textContent).to.equal('Copy this state');
      await click(page, button);
      expect(await until(() => copied !== null)).to.equal(true);
      const snippet = page.document.createElement('template');
      snippet.innerHTML = copied!;
      const copy = snippet.content.querySelector('batch-sampler')!;
      expect(copy.getAttribute('id')).to.equal('training');
      expect(copy.getAttribute('start-at')).to.equal(String(iteration));
      expect(copy.getAttribute('picks')).to.match(/^3 \S+ \S+$/);
      expect(snippet.content.querySelector('loss-contour')?.getAttribute('for')).to.equal(
        'training',
      );
      expect(button.textContent).to.equal('Copied');
      hash = page.window.location.hash;
      expect(hash).to.match(/^#state=[\w-]+$/);
      expect(problems(page)).to.deep.equal([]);
    } finally {
      page.close();
    }

    const again = await openPage(`index.html${hash}`);
    try {
      const sampler = again.document.getElementById('training') as Sampler;
      expect(await until(() => sampler.iteration === iteration)).to.equal(true);
      const same = () => sampler.weights.every((w, i) => Object.is(w, weights[i]));
      expect(await until(same), `${sampler.weights.join(' ')} vs ${weights.join(' ')}`).to.equal(
        true,
      );
      // The figure drawn there says so, and the page scrolled to it.
      const contour = again.document.querySelector('#fig-training loss-contour')!;
      expect(
        await until(() => contour.getAttribute('aria-label')?.includes(`iteration ${iteration}`)),
      ).to.equal(true);
      const figure = again.document.getElementById('fig-training')!;
      expect(
        await until(() => {
          const top = figure.getBoundingClientRect().top;
          return top > 0 && top < 100;
        }),
        'scrolled to the figure',
      ).to.equal(true);
      await delay(300);
      expect(problems(again)).to.deep.equal([]);
    } finally {
      again.close();
    }
  });
});

describe('the guide’s snippet, saved as a page next to lossquake.js', () => {
  it('is the file the guide shows, and its elements draw with no console noise', async () => {
    const guide = await openPage('guide.html');
    const shown = guide.document.querySelector(
      '.source[data-language="html"] pre code',
    )!.textContent;
    guide.close();
    const served = await (await fetch('/apps/docs/dist/standalone.html?raw')).text();
    // The test server adds its live-reload socket to every HTML file; the file on disk has none.
    const file = served.replace(
      /\s*<!-- injected by web-dev-server -->\s*<script[^>]*><\/script>/,
      '\n  ',
    );
    expect(file.trim()).to.equal(shown.trim());

    const page = await openPage('standalone.html', { width: 700 });
    try {
      const views = [...page.document.querySelectorAll('loss-surface, loss-contour')];
      expect(views.map((v) => v.localName)).to.deep.equal(['loss-surface', 'loss-contour']);
      for (const view of views) expect(await drawnOnScreen(view), view.localName).to.equal(true);
      await delay(300);
      expect(problems(page)).to.deep.equal([]);
    } finally {
      page.close();
    }
  });
});

describe('reference.html', () => {
  it('documents each element from custom-elements.json', async () => {
    const page = await openPage('reference.html');
    try {
      // One section per element, and nothing else (no test helpers from a manifest).
      const sections = [...page.document.querySelectorAll('section.api-element')].map((s) => s.id);
      const tags = ['batch-sampler', 'loss-surface', 'loss-contour', 'data-scatter'];
      expect(sections).to.deep.equal(tags);
      for (const tag of tags) {
        const section = page.document.getElementById(tag);
        expect(section, tag).to.exist;
        const attributes = [...section!.querySelectorAll('table.api')]
          .find((table) => table.querySelector('caption')?.textContent === 'Attributes')
          ?.querySelectorAll('tbody th code');
        const names = [...(attributes ?? [])].map((c) => c.textContent);
        // Each attribute the element really observes is documented.
        const observed = (
          page.window.customElements.get(tag) as unknown as { observedAttributes: string[] }
        ).observedAttributes;
        for (const attribute of observed)
          expect(names, `${tag} documents ${attribute}`).to.include(attribute);
      }
    } finally {
      page.close();
    }
  });

  it('lists the shared --lossquake-* custom properties for every element', async () => {
    const page = await openPage('reference.html');
    try {
      const shared = [
        'font-family',
        'font-size',
        'text-color',
        'focus-color',
        'message-background',
        'error-color',
      ].map((name) => `--lossquake-${name}`);
      for (const tag of ['batch-sampler', 'loss-surface', 'loss-contour']) {
        const table = [...page.document.querySelectorAll(`#${tag} table.api`)].find(
          (t) => t.querySelector('caption')?.textContent === 'CSS custom properties',
        );
        const names = [...(table?.querySelectorAll('tbody th code') ?? [])].map(
          (c) => c.textContent,
        );
        for (const name of shared) expect(names, `${tag} documents ${name}`).to.include(name);
      }
    } finally {
      page.close();
    }
  });
});

describe('phone width', () => {
  for (const name of pages) {
    it(`${name} fits 320 px without sideways scrolling`, async () => {
      const page = await openPage(name, { width: 320, height: 640 });
      try {
        // Measured once the page has loaded, its fonts are in and its elements have laid out.
        await until(() => page.document.readyState === 'complete');
        await page.document.fonts.ready;
        await frames(page.window, 2);
        expect(page.document.documentElement.scrollWidth).to.be.at.most(320);
      } finally {
        page.close();
      }
    });
  }
});

describe('reduced motion', () => {
  it('nothing autoplays; samplers that would show their controls instead', async () => {
    const { emulateMedia } = await import('@web/test-runner-commands');
    await emulateMedia({ reducedMotion: 'reduce' });
    const page = await openPage('index.html');
    try {
      const hero = page.document.getElementById('hero-10') as HTMLElement & {
        paused: boolean;
        iteration: number;
      };
      hero.scrollIntoView();
      await delay(1500);
      expect(hero.paused).to.equal(true);
      expect(hero.iteration).to.equal(0);
      expect(hero.shadowRoot!.querySelector('[part~="play"]')).to.exist;
    } finally {
      page.close();
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});
