// <loss-contour> and its sampler: a reader's pick drawn as a pick, the morph fitted to the beat, a
// `for` that names no sampler, and coordinates far outside the plot.
import { expect, fixture } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { morphDuration } from '@lossquake/kit';
import { defineFakeSampler, type FakeSampler } from '@lossquake/kit/testing';
import './loss-contour.js';
import type { LossContour } from './loss-contour.component.js';
import { hooksOf } from './testing.js';
import { makeGrid, plane } from './test-helpers/landscapes.js';
import { drawn, localWeights, trailAlphaAt, until } from './test-helpers/pixels.js';

const samplerTag = defineFakeSampler();
const tag = unsafeStatic(samplerTag);

async function linked(grid = makeGrid()): Promise<{ sampler: FakeSampler; el: LossContour }> {
  const root = await fixture<HTMLDivElement>(
    staticHtml`<div><${tag} id="s"></${tag}><loss-contour for="s" transition="0" style="width:480px;height:400px"></loss-contour></div>`,
  );
  const sampler = root.firstElementChild as FakeSampler;
  const el = root.querySelector('loss-contour')!;
  sampler.fullLandscape = plane(grid);
  sampler.landscape = sampler.fullLandscape;
  sampler.reset();
  await drawn(el);
  return { sampler, el };
}

const weightsOf = (el: LossContour, x: number, y: number) => localWeights(el, x, y);

describe('<loss-contour> draws a reader’s pick as a pick', () => {
  it('the last move, a pick, is a dashed jump with no arrowhead; the trail jumps dashed too', async () => {
    const { sampler, el } = await linked();
    sampler.step([5, -5]);
    sampler.movePicked([10, 10]);
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('line.step'), 'no training-step arrow').to.be.null;
    const pick = root.querySelector<SVGLineElement>('line.pick')!;
    expect(pick.hasAttribute('marker-end')).to.equal(false);
    expect(getComputedStyle(pick).strokeDasharray).to.not.equal('none');
    const from = weightsOf(el, pick.x1.baseVal.value, pick.y1.baseVal.value);
    const to = weightsOf(el, pick.x2.baseVal.value, pick.y2.baseVal.value);
    expect(from[0]).to.be.closeTo(5, 0.01);
    expect(to[1]).to.be.closeTo(10, 0.01);

    // The solid trail holds the training step only; the jump is its own dashed path.
    const { runs, jumps } = hooksOf(el).trail!;
    expect(runs).to.have.length(1);
    expect(runs[0]).to.have.length(2);
    expect(jumps).to.have.length(1);
    const [[x1, y1], [x2, y2]] = jumps[0]!;
    const end = weightsOf(el, x2, y2);
    expect(end[0]).to.be.closeTo(10, 0.01);
    expect(end[1]).to.be.closeTo(10, 0.01);
    // Dashed as the reader sees it: along the jump, painted pixels and gaps both.
    const along = Array.from({ length: 60 }, (_, k) => {
      const t = 0.1 + (0.8 * k) / 59;
      return trailAlphaAt(el, x1 + t * (x2 - x1), y1 + t * (y2 - y1), 0);
    });
    expect(Math.max(...along), 'dashes').to.be.above(100);
    expect(Math.min(...along), 'gaps').to.be.below(40);
  });

  it('a training step after the pick is an arrow again, and the trail goes on from the picked point', async () => {
    const { sampler, el } = await linked();
    sampler.step([5, -5]);
    sampler.movePicked([10, 10]);
    sampler.step([12, 8]);
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('line.pick')).to.be.null;
    expect(root.querySelector('line.step')!.getAttribute('marker-end')).to.equal('url(#step-head)');
    expect(hooksOf(el).trail!.runs.map((run) => run.length)).to.deep.equal([2, 2]);
    sampler.reset();
    await el.updateComplete;
    expect(hooksOf(el).trail).to.be.null;
  });
});

describe('<loss-contour> fits its morph to the sampler’s beat', () => {
  const FRAME = 1000 / 60;

  for (const rate of [1, 2, 10, 60]) {
    it(`at rate ${rate} the morph ends, frames included, before the step's weights-change`, async () => {
      const { sampler, el } = await linked();
      el.transition = 400;
      sampler.rate = rate;
      sampler.paused = false;
      const length = hooksOf(el).morphLength;
      expect(length).to.equal(morphDuration(400, rate));
      // A morph starts on the next animation frame and lands on one: two frames late at most.
      expect(length === 0 || length + 2 * FRAME <= 500 / rate, `${length} ms`).to.equal(true);
      expect(length).to.be.at.most(400);
    });
  }

  it('a paused sampler (stepped by hand) morphs for the whole transition', async () => {
    const { sampler, el } = await linked();
    el.transition = 400;
    sampler.paused = true;
    expect(hooksOf(el).morphLength).to.equal(400);
  });
});

describe('<loss-contour for> naming no sampler', () => {
  let warnings: string[] = [];
  const warn = console.warn;
  beforeEach(() => {
    warnings = [];
    console.warn = (message: string) => warnings.push(message);
  });
  afterEach(() => (console.warn = warn));

  const message = (el: LossContour) =>
    el.shadowRoot!.querySelector('[part~="message"]')?.textContent?.trim() ?? '';

  it('says so in place and warns once; a sampler with that id clears it; removing it brings it back', async () => {
    const id = `nowhere-${Math.random().toString(36).slice(2, 7)}`;
    const root = await fixture<HTMLDivElement>(
      staticHtml`<div><loss-contour for=${id} style="width:480px;height:400px"></loss-contour></div>`,
    );
    const el = root.querySelector('loss-contour')!;
    await until(() => message(el) === `no <batch-sampler id="${id}"> on this page`, 'the note');
    expect(warnings.filter((w) => w.includes(`for="${id}"`))).to.have.length(1);

    const sampler = document.createElement(samplerTag) as FakeSampler;
    sampler.fullLandscape = plane();
    sampler.landscape = sampler.fullLandscape;
    sampler.id = id;
    root.prepend(sampler);
    await until(() => !message(el).startsWith('no <batch-sampler'), 'the note cleared');

    sampler.remove();
    await until(() => message(el).startsWith('no <batch-sampler'), 'the note again');
    expect(warnings.filter((w) => w.includes(`for="${id}"`))).to.have.length(1);
  });

  it('a sampler inside another shadow root is not found', async () => {
    const id = `shadowed-${Math.random().toString(36).slice(2, 7)}`;
    const root = await fixture<HTMLDivElement>(
      staticHtml`<div><div class="other"></div><loss-contour for=${id} style="width:480px;height:400px"></loss-contour></div>`,
    );
    const other = root.querySelector('.other')!.attachShadow({ mode: 'open' });
    other.innerHTML = `<${samplerTag} id="${id}"></${samplerTag}>`;
    const el = root.querySelector('loss-contour')!;
    await until(() => message(el) === `no <batch-sampler id="${id}"> on this page`, 'the note');
  });
});

describe('<loss-contour> coordinates far outside the plot', () => {
  /** Every number-bearing attribute of the overlay and axes, for exponents and NaN. */
  function badCoordinates(el: LossContour): string[] {
    const bad: string[] = [];
    const names = [
      'x',
      'y',
      'x1',
      'y1',
      'x2',
      'y2',
      'cx',
      'cy',
      'width',
      'height',
      'points',
      'd',
      'transform',
    ];
    for (const node of el.shadowRoot!.querySelectorAll('svg *')) {
      for (const name of names) {
        const value = node.getAttribute(name);
        if (value !== null && /e|NaN|Infinity/i.test(value.replace(/translate|rotate/g, '')))
          bad.push(`${node.localName} ${name}="${value}"`);
      }
    }
    for (const path of el.shadowRoot!.querySelectorAll('path')) {
      const d = path.getAttribute('d') ?? '';
      if (!/^(\s*[MLHVZmlhvz](\s*-?\d+(\.\d+)?(,-?\d+(\.\d+)?)?)*)*\s*$/.test(d))
        bad.push(`path d="${d}"`);
    }
    return bad;
  }

  it('a tiny extent with the weights far outside writes plain numbers and valid path data', async () => {
    const { sampler, el } = await linked(makeGrid(33, [0, 1e-7], [0, 1e-7]));
    el.showMinimum = true;
    sampler.step([1, -1]);
    sampler.step([1e200, 2]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('circle.weights')).to.exist;
    expect(badCoordinates(el)).to.deep.equal([]);
  });

  it('a huge extent writes plain numbers too', async () => {
    const { sampler, el } = await linked(makeGrid(33, [-1e25, 1e25], [-1e25, 1e25]));
    el.showMinimum = true;
    sampler.step([3e24, -1e24]);
    sampler.step([1e300, 1e-300]);
    await el.updateComplete;
    expect(badCoordinates(el)).to.deep.equal([]);
  });
});
