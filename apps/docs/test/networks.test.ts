// End-to-end: the "Real networks" page. Its four figures are there in order, every view draws, the
// PCA views name their axes after the plane, the random plane reports its cosine, and the live
// readouts (plane, quake table) agree with numbers recomputed here from the samplers' public API.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import {
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

interface Plane {
  kind: string;
  origin: Float64Array;
  directions: [Float64Array, Float64Array];
  labels: [string, string];
  explained?: [number, number];
  cosine?: number;
}
interface QuakeMagnitude {
  measured: number | null;
  theory: number;
  batches: number;
}
type NetworkSampler = HTMLElement & {
  plane: Plane | null;
  weights: readonly number[];
  iteration: number;
  batchSize: number;
  paused: boolean;
  quakeMagnitude: QuakeMagnitude | null;
  step(): Promise<void>;
};

const figures = ['fig-net-batches', 'fig-net-planes', 'fig-net-quake', 'fig-net-minima'];

/** The axis titles a view shows: the contour's SVG labels, the surface's title spans. */
function axisTitles(view: Element): string[] {
  const root = view.shadowRoot!;
  const titles =
    view.localName === 'loss-contour'
      ? root.querySelectorAll('[part~="axes"] .axis-label')
      : root.querySelectorAll('[part~="axis-title"]');
  return [...titles].map((title) => title.textContent?.trim() ?? '');
}

function dot(u: ArrayLike<number>, v: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < u.length; k++) sum += u[k]! * v[k]!;
  return sum;
}

/** θ's distance from the plane, by Gram–Schmidt (independent of the page's normal equations). */
function distanceOffPlane(plane: Plane, theta: readonly number[]): number {
  const [d1, d2] = plane.directions;
  const e1 = Array.from(d1, (x) => x / Math.sqrt(dot(d1, d1)));
  const along = dot(d2, e1);
  const rest = Array.from(d2, (x, k) => x - along * e1[k]!);
  const e2 = rest.map((x) => x / Math.sqrt(dot(rest, rest)));
  const r = theta.map((w, k) => w - plane.origin[k]!);
  const [a, b] = [dot(r, e1), dot(r, e2)];
  return Math.sqrt(Math.max(0, dot(r, r) - a * a - b * b));
}

before(async () => {
  await setViewport({ width: 1100, height: 900 });
});

describe('networks.html, real networks', () => {
  let page: OpenPage;
  const sampler = (id: string) => page.document.getElementById(id) as NetworkSampler;
  before(async () => {
    page = await openPage('networks.html');
  });
  after(() => page.close());

  it('has its four figures, in order, each followed by its source', () => {
    const ids = [...page.document.querySelectorAll('figure.example')].map((figure) => figure.id);
    expect(ids).to.deep.equal(figures);
    for (const id of figures) {
      const figure = page.document.getElementById(id)!;
      expect(figure.querySelector(':scope > .live'), id).to.exist;
      expect(figure.querySelector(':scope > .source [data-copy-state]'), id).to.exist;
    }
  });

  it('every sampler is a 16-16 tanh network on spirals, light enough to build quickly', () => {
    const samplers = [...page.document.querySelectorAll('batch-sampler')];
    expect(samplers.length).to.be.greaterThan(0);
    for (const element of samplers) {
      const at = (name: string) => element.getAttribute(name);
      expect([at('model'), at('dataset')], element.id).to.deep.equal(['mlp', 'spirals']);
      expect(at('layers') ?? '16 16', element.id).to.equal('16 16');
      expect(at('activation') ?? 'tanh', element.id).to.equal('tanh');
      expect(Number(at('resolution')), element.id).to.be.at.most(48);
      expect(Number(at('samples')), element.id).to.be.at.most(300);
      expect(Number(at('max-iterations')), element.id).to.be.at.most(300);
      expect(element.hasAttribute('autoplay'), `${element.id} autoplays`).to.equal(false);
    }
  });

  it('batch 10 stands beside batch 100 with the same seed', () => {
    const pairs = [
      ['net-10', 'net-100'],
      ['net-quake-10', 'net-quake-100'],
      ['net-end-10', 'net-end-100'],
    ];
    for (const [small, large] of pairs) {
      expect([sampler(small!).batchSize, sampler(large!).batchSize]).to.deep.equal([10, 100]);
      expect(sampler(small!).getAttribute('seed')).to.equal(sampler(large!).getAttribute('seed'));
    }
  });

  it('the first figure draws batch 100 on batch 10’s plane', async () => {
    const small = sampler('net-10') as unknown as { plane: unknown };
    const large = sampler('net-100') as unknown as { plane: unknown };
    expect(await until(() => large.plane === small.plane, 10000)).to.equal(true);
  });

  it('every view draws once on screen', async () => {
    const blank: string[] = [];
    for (const view of page.document.querySelectorAll('loss-surface, loss-contour')) {
      if (!(await drawnOnScreen(view, 15000)))
        blank.push(
          `${view.closest('figure')?.id} <${view.localName} for=${view.getAttribute('for')}> ${JSON.stringify(look(viewCanvas(view)))}`,
        );
    }
    expect(blank, `views that never drew:\n${blank.join('\n')}`).to.deep.equal([]);
  });

  it('views of a PCA plane title their axes PC1 and PC2 with the share of the path', async () => {
    const views = [...page.document.querySelectorAll('loss-surface, loss-contour')].filter(
      (view) => sampler(view.getAttribute('for')!).plane?.kind === 'pca',
    );
    expect(views.length).to.be.greaterThan(5);
    for (const view of views) {
      view.scrollIntoView({ block: 'center' });
      const titles = await until(() => {
        const shown = axisTitles(view);
        return shown.some((title) => title.startsWith('PC1')) ? shown : null;
      }, 8000);
      expect(titles, `${view.localName} for=${view.getAttribute('for')}`).to.not.equal(null);
      expect(titles![0]).to.match(/^PC1 \(\d+ % of the path\)$/);
      expect(titles![1]).to.match(/^PC2 \(\d+ % of the path\)$/);
      expect(titles!.slice(0, 2)).to.deep.equal(sampler(view.getAttribute('for')!).plane!.labels);
    }
  });

  it('the random figure shows the cosine of its directions, and each plane’s distance after a step', async () => {
    const random = sampler('net-random');
    const pca = sampler('net-pca');
    const output = (id: string) =>
      page.document.querySelector(`output[data-plane-for="${id}"]`)!.textContent ?? '';
    expect(
      await until(() => random.plane !== null && /cosine/.test(output('net-random'))),
    ).to.equal(true);
    const cosine = random.plane!.cosine!;
    expect(Math.abs(cosine)).to.be.below(0.2);
    expect(output('net-random')).to.include(`cosine ${cosine.toFixed(3)}`);
    expect(output('net-pca')).to.match(/PC1 holds \d+ % of the path/);

    for (let k = 0; k < 5; k++) await Promise.all([random.step(), pca.step()]);
    await frames(page.window, 2);
    for (const element of [random, pca]) {
      const off = distanceOffPlane(element.plane!, element.weights);
      expect(output(element.id), element.id).to.include(`off the plane ${off.toFixed(2)}`);
      expect(output(element.id), element.id).to.match(/last step [\d.]+ % in the plane/);
    }
    // The same run: the random plane sees far less of each step than the path's plane does.
    const share = (id: string) => Number(/mean ([\d.]+) %/.exec(output(id))![1]);
    expect(share('net-random')).to.be.below(3);
    expect(share('net-pca')).to.be.above(share('net-random'));
  });

  it('the quake table shows each sampler’s measured quake beside its theory', async () => {
    const ids = ['net-quake-10', 'net-quake-100'];
    const samplers = ids.map(sampler);
    samplers[0]!.scrollIntoView({ block: 'center' });
    expect(await until(() => samplers.every((s) => s.quakeMagnitude !== null), 15000)).to.equal(
      true,
    );
    // The two samplers are one group: a step on one steps both.
    for (let k = 0; k < 8; k++) await samplers[0]!.step();
    await frames(page.window, 2);
    const rows = [...page.document.querySelectorAll('table[data-quake-table] tbody tr')];
    expect(rows.map((row) => row.querySelector('td')!.textContent)).to.deep.equal(['10', '100']);
    rows.forEach((row, k) => {
      const quake = samplers[k]!.quakeMagnitude!;
      const cells = [...row.querySelectorAll('td')].map((cell) => cell.textContent);
      expect(cells.slice(1, 4)).to.deep.equal([
        String(quake.batches),
        quake.measured!.toFixed(3),
        quake.theory.toFixed(3),
      ]);
      expect(quake.batches).to.equal(8);
      expect(quake.measured! / quake.theory).to.be.within(0.5, 2);
    });
  });

  it('logs no console errors or warnings', async () => {
    await delay(300);
    expect(problems(page)).to.deep.equal([]);
  });
});

describe('networks.html at phone width', () => {
  it('fits 320 px without sideways scrolling', async () => {
    const page = await openPage('networks.html', { width: 320, height: 640 });
    try {
      await until(() => page.document.readyState === 'complete');
      await page.document.fonts.ready;
      await frames(page.window, 2);
      expect(page.document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      page.close();
    }
  });
});
