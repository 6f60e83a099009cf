// <data-scatter> on its own (`data` property): class colours, axes fitted to the data, large data on
// a canvas, bad attributes, two features only, markup and description.
import { expect, fixture, html } from '@open-wc/testing';
import { makeDataset, type Dataset } from '@lossquake/core';
import { axisTicks } from '@lossquake/kit';
import './data-scatter.js';
import type { DataScatter } from './data-scatter.component.js';
import { SVG_POINT_LIMIT } from './points.js';
import {
  centre,
  drawn,
  plotRect,
  points,
  rings,
  watchConsoleErrors,
} from './test-helpers/scatter.js';

const blobs = makeDataset('blobs', { n: 1000, seed: 7 });

async function standalone(data: Dataset, attributes = ''): Promise<DataScatter> {
  const el = await fixture<DataScatter>(
    html`<data-scatter style="width:400px;height:400px"></data-scatter>`,
  );
  for (const [name, value] of attributes ? attributes.split(' ').map((a) => a.split('=')) : [])
    el.setAttribute(name!, value ?? '');
  el.data = data;
  await drawn(el);
  return el;
}

const rgb = (el: Element) => getComputedStyle(el).fill;

let consoleErrors: ReturnType<typeof watchConsoleErrors>;
beforeEach(() => (consoleErrors = watchConsoleErrors()));
afterEach(() => {
  consoleErrors.restore();
  expect(consoleErrors.errors, 'console errors').to.deep.equal([]);
});

describe('<data-scatter> colours the classes as the seed’s dataset.png does', () => {
  it('class 0 is blue (#1f77b4) and sits around (0, 3), above class 1, orange (#ff7f0e), around (0, 0)', async () => {
    const el = await standalone(blobs);
    const drawnPoints = points(el);
    expect(drawnPoints).to.have.length(blobs.n);
    const byClass = (k: number) => drawnPoints.filter((_, r) => blobs.y[r] === k);
    expect(rgb(byClass(0)[0]!)).to.equal('rgb(31, 119, 180)');
    expect(rgb(byClass(1)[0]!)).to.equal('rgb(255, 127, 14)');
    // Screen y grows downwards: class 0, at x2 ≈ 3, is drawn higher than class 1, at x2 ≈ 0.
    const meanY = (list: SVGCircleElement[]) =>
      list.reduce((sum, c) => sum + centre(c)[1], 0) / list.length;
    expect(meanY(byClass(0))).to.be.lessThan(meanY(byClass(1)) - 50);
  });

  it('each point is drawn where its row lies: x1 to the right, x2 upwards', async () => {
    const el = await standalone(blobs);
    const drawnPoints = points(el);
    // Rank order of pixels equals rank order of features (an independent check of the mapping).
    const left = blobs.x.filter((_, k) => k % 2 === 0);
    const r1 = left.indexOf(Math.min(...left));
    const r2 = left.indexOf(Math.max(...left));
    expect(centre(drawnPoints[r1]!)[0]).to.be.lessThan(centre(drawnPoints[r2]!)[0]);
    const up = blobs.x.filter((_, k) => k % 2 === 1);
    const low = up.indexOf(Math.min(...up));
    const high = up.indexOf(Math.max(...up));
    expect(centre(drawnPoints[low]!)[1]).to.be.greaterThan(centre(drawnPoints[high]!)[1]);
  });

  it('a page’s --lossquake-class-0-color wins', async () => {
    const el = await standalone(blobs);
    el.style.setProperty('--lossquake-class-0-color', 'rgb(1, 2, 3)');
    const first0 = points(el).find((_, r) => blobs.y[r] === 0)!;
    expect(rgb(first0)).to.equal('rgb(1, 2, 3)');
  });
});

describe('<data-scatter> fits its axes to the data', () => {
  for (const kind of ['blobs', 'moons', 'circles'] as const) {
    it(`${kind}: the points span the plot in both directions, with no empty third`, async () => {
      const data = makeDataset(kind, { n: 400, seed: 2 });
      const el = await standalone(data);
      const box = plotRect(el);
      const xs = points(el).map((c) => centre(c)[0]);
      const ys = points(el).map((c) => centre(c)[1]);
      const width = box.right - box.left;
      const height = box.bottom - box.top;
      // Every point inside the frame, and the extremes within a 10 % margin of each edge.
      expect(Math.min(...xs)).to.be.within(box.left, box.left + 0.1 * width);
      expect(Math.max(...xs)).to.be.within(box.right - 0.1 * width, box.right);
      expect(Math.min(...ys)).to.be.within(box.top, box.top + 0.1 * height);
      expect(Math.max(...ys)).to.be.within(box.bottom - 0.1 * height, box.bottom);
    });
  }

  it('labels x₁ and x₂, with ticks inside the frame written as kit’s axisTicks writes them', async () => {
    const el = await standalone(blobs);
    const root = el.shadowRoot!;
    const titles = [...root.querySelectorAll('.axis-label')].map((t) => t.textContent);
    expect(titles).to.deep.equal(['x₁', 'x₂']);
    const labels = [...root.querySelectorAll('.tick.x1 text')].map((t) => t.textContent ?? '');
    expect(labels.length).to.be.at.least(3);
    const left = blobs.x.filter((_, k) => k % 2 === 0);
    const all = axisTicks(Math.min(...left) - 1, Math.max(...left) + 1, 6).map((t) => t.text);
    for (const label of labels) expect(all.join(' ')).to.include(label);
    expect(
      labels.some((l) => l.startsWith('−')),
      'true minus signs',
    ).to.equal(true);
  });
});

describe('<data-scatter> draws large data sets on a canvas', () => {
  it(`above ${SVG_POINT_LIMIT} rows: no SVG points, and the canvas paints each class in its colour`, async () => {
    // Two stacks of rows, far apart, plus two corners that set the axes.
    const n = 6002;
    const x = new Float64Array(2 * n);
    const y = new Uint8Array(n);
    for (let r = 0; r < 3000; r++) x.set([0, 1], 2 * r);
    for (let r = 3000; r < 6000; r++) (x.set([1, 0], 2 * r), (y[r] = 1));
    x.set([-1, -1, 2, 2], 2 * 6000);
    const el = await standalone({ n, x, y });
    expect(points(el)).to.have.length(0);
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    const box = plotRect(el);
    const scale = canvas.width / el.getBoundingClientRect().width;
    const pixel = (x1: number, x2: number) => {
      const px = box.left + ((x1 + 1.15) / 3.3) * (box.right - box.left);
      const py = box.bottom - ((x2 + 1.15) / 3.3) * (box.bottom - box.top);
      const data = canvas.getContext('2d')!.getImageData(px * scale, py * scale, 1, 1).data;
      return [...data];
    };
    const [r0, g0, b0] = pixel(0, 1);
    const [r1, g1, b1] = pixel(1, 0);
    expect(b0!, 'class 0 is blue').to.be.greaterThan(r0!);
    expect(r1!, 'class 1 is orange').to.be.greaterThan(b1!);
    expect(g0! + g1!).to.be.greaterThan(0);
  });
});

describe('<data-scatter> attributes', () => {
  it('point-size sets the radius; a bad value warns once and keeps the last good one', async () => {
    const el = await standalone(blobs, 'point-size=5');
    expect(points(el)[0]!.r.baseVal.value).to.equal(5);
    const seen: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void seen.push(args.join(' '));
    try {
      el.setAttribute('point-size', 'huge');
      el.setAttribute('point-size', '5');
      el.setAttribute('point-size', 'huge');
    } finally {
      console.warn = warn;
    }
    await el.updateComplete;
    expect(seen).to.have.length(1);
    expect(seen[0]).to.include('<data-scatter>').and.include('point-size').and.include('huge');
    expect(el.pointSize).to.equal(5);
    expect(points(el)[0]!.r.baseVal.value).to.equal(5);
  });

  it('rows circles those rows of `data`, each once; show-batch="false" hides the rings', async () => {
    const el = await standalone(blobs, 'rows=4,9,9,2000');
    expect(rings(el).map((c) => Number(c.dataset.row))).to.deep.equal([4, 9]);
    expect(centre(rings(el)[1]!)).to.deep.equal(centre(points(el)[9]!));
    el.setAttribute('show-batch', 'false');
    await el.updateComplete;
    expect(rings(el)).to.have.length(0);
  });

  it('data with more than two features: a quiet note in place, no points, no warning', async () => {
    const n = 10;
    const data = { n, d: 3, x: new Float64Array(3 * n), y: new Uint8Array(n) };
    const el = await standalone(data);
    expect(points(el)).to.have.length(0);
    expect(el.shadowRoot!.querySelector('[part="message"]')!.textContent).to.include('3 features');
  });

  it('a `data` that is not a Dataset warns once and keeps the data shown', async () => {
    const el = await standalone(blobs);
    const seen: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void seen.push(args.join(' '));
    try {
      el.data = { n: 3, x: new Float64Array(2), y: new Uint8Array(3) };
    } finally {
      console.warn = warn;
    }
    expect(seen).to.have.length(1);
    expect(el.data).to.equal(blobs);
  });
});

describe('<data-scatter> describes itself and writes its markup', () => {
  it('role="img" with a description of the data and the circled rows', async () => {
    const el = await standalone(blobs, 'rows=0,1,2');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(el.getAttribute('role')).to.equal('img');
    const label = el.getAttribute('aria-label')!;
    const zeros = blobs.y.filter((v) => v === 0).length;
    expect(label).to.include(`1000 points`).and.include(`${zeros} of class 0`);
    expect(label).to.include('3 rows circled');
  });

  it('toHTML() writes the element with its attributes, not its role or its own label', async () => {
    const el = await standalone(blobs, 'point-size=4 show-batch=false');
    el.removeAttribute('style');
    expect(el.toHTML()).to.equal('<data-scatter point-size="4" show-batch="false"></data-scatter>');
  });
});
