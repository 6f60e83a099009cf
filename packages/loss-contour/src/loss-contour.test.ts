import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import './loss-contour.js';
import type { LossContour } from './loss-contour.component.js';
import { hooksOf } from './testing.js';
import { landscapeOf, makeGrid, paraboloid, plane } from './test-helpers/landscapes.js';
import { bandColour, colourDistance, drawn, pixelAt, until } from './test-helpers/pixels.js';

async function contour(landscape = plane(), attributes = ''): Promise<LossContour> {
  const el = await fixture<LossContour>(
    html`<loss-contour style="width:480px;height:400px"></loss-contour>`,
  );
  for (const pair of attributes.split(/\s+/).filter(Boolean)) {
    const [name = '', value = ''] = pair.split('=');
    el.setAttribute(name, value);
  }
  el.landscape = landscape;
  await drawn(el);
  return el;
}

describe('<loss-contour> bands', () => {
  it('paints a plane as 10 bands, each in its viridis colour, with the edges where the loss crosses a level', async () => {
    // loss = w1 + 20 from 0 to 40: levels 0, 4, …, 36, so band k covers w1 in [4k - 20, 4k - 16).
    const el = await contour(plane(makeGrid(33)));
    expect(hooksOf(el).thresholds).to.deep.equal([0, 4, 8, 12, 16, 20, 24, 28, 32, 36]);
    for (let k = 0; k < 10; k++) {
      const w1 = 4 * k - 18; // the middle of band k
      expect(colourDistance(pixelAt(el, [w1, 3]), bandColour(k, 10)), `band ${k}`).to.be.at.most(2);
    }
    // Where band 4 meets band 5 (loss 20, w1 = 0): a half-cell misplacement (0.625) would show here.
    expect(colourDistance(pixelAt(el, [-0.3, 0]), bandColour(4, 10))).to.be.at.most(2);
    expect(colourDistance(pixelAt(el, [0.3, 0]), bandColour(5, 10))).to.be.at.most(2);
  });

  it('shows exactly `levels` distinct colours across the plot', async () => {
    const el = await contour(plane(makeGrid(33)), 'levels=6');
    const seen: string[] = [];
    for (let s = 0; s < 240; s++) {
      const colour = pixelAt(el, [-20 + (40 * (s + 0.5)) / 240, 0]).join();
      if (seen[seen.length - 1] !== colour) seen.push(colour);
    }
    // Antialiased edges may add a blended pixel between bands; count only the colours of the map.
    const bands = seen.filter((c) =>
      Array.from({ length: 6 }, (_, k) => bandColour(k, 6)).some(
        (b) => colourDistance(b, c.split(',').map(Number) as never) <= 2,
      ),
    );
    expect(new Set(bands).size).to.equal(6);
  });

  it('follows colormap: the lowest band of magma is magma(0)', async () => {
    const el = await contour(paraboloid(), 'colormap=magma');
    expect(colourDistance(pixelAt(el, [0, 0]), bandColour(0, 10, 'magma'))).to.be.at.most(2);
    el.colormap = 'greys';
    await el.updateComplete;
    expect(colourDistance(pixelAt(el, [0, 0]), bandColour(0, 10, 'greys'))).to.be.at.most(2);
  });

  it('sizes the canvas backing store to its CSS size times devicePixelRatio', async () => {
    const el = await contour();
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    const box = canvas.getBoundingClientRect();
    expect(canvas.width).to.equal(Math.round(box.width * devicePixelRatio));
    expect(canvas.height).to.equal(Math.round(box.height * devicePixelRatio));
  });

  it('draws a legend with one swatch per level and says that levels are fixed', async () => {
    const el = await contour(plane(), 'levels=7');
    const legend = el.shadowRoot!.querySelector('[part~="legend"]')!;
    expect(legend.querySelectorAll('.legend-band')).to.have.length(7);
    expect(legend.textContent).to.contain('levels fixed');
    el.levelScale = 'auto';
    await el.updateComplete;
    expect(legend.textContent).to.contain('levels per landscape');
  });

  it('labels the axes W1 and W2 with ticks at the extent', async () => {
    const el = await contour();
    const axes = el.shadowRoot!.querySelector('[part~="axes"]')!;
    const labels = Array.from(axes.querySelectorAll('text')).map((t) => t.textContent.trim());
    expect(labels).to.include.members(['W1', 'W2', '−20', '0', '20']);
  });

  it('resizes its canvas with its box', async () => {
    const el = await contour();
    const before = el.shadowRoot!.querySelector('canvas')!.width;
    el.style.width = '300px';
    el.style.height = '260px';
    await until(() => el.shadowRoot!.querySelector('canvas')!.width !== before, 'a resize');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('canvas')!.getBoundingClientRect().right).to.be.at.most(
      el.getBoundingClientRect().right,
    );
  });
});

describe('<loss-contour> morph', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('passes through intermediate values and lands exactly on the new landscape', async () => {
    const a = plane();
    const b = landscapeOf(a.grid, (w1) => 20 - w1);
    // Long enough that a machine drawing a few frames a second still shows one in between.
    const el = await contour(a, 'transition=1500');
    el.landscape = b;
    await el.updateComplete;
    expect(hooksOf(el).morphing).to.be.true;
    const k = 3; // a cell where a and b differ (4.375 vs 35.625)
    let between = false;
    await until(() => {
      const v = hooksOf(el).displayed[k]!;
      if (v > a.values[k]! + 0.5 && v < b.values[k]! - 0.5) between = true;
      return !hooksOf(el).morphing;
    }, 'the morph to end');
    expect(between, 'an intermediate frame was shown').to.be.true;
    expect(Array.from(hooksOf(el).displayed)).to.deep.equal(Array.from(b.values));
    expect(colourDistance(pixelAt(el, [-18, 0]), bandColour(9, 10))).to.be.at.most(2);
  });

  it('switches at once with transition="0"', async () => {
    const a = plane();
    const b = paraboloid();
    const el = await contour(a, 'transition=0');
    el.landscape = b;
    await el.updateComplete;
    expect(hooksOf(el).morphing).to.be.false;
    expect(Array.from(hooksOf(el).displayed)).to.deep.equal(Array.from(b.values));
  });

  it('switches at once under prefers-reduced-motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await contour(plane(), 'transition=2000');
    const b = paraboloid();
    el.landscape = b;
    await el.updateComplete;
    expect(hooksOf(el).morphing).to.be.false;
    expect(Array.from(hooksOf(el).displayed)).to.deep.equal(Array.from(b.values));
  });

  it('keeps its fixed levels while the landscape changes, and takes each landscape’s own with level-scale="auto"', async () => {
    const a = plane();
    const half = landscapeOf(a.grid, (w1) => (w1 + 20) / 2);
    const el = await contour(a, 'transition=0');
    el.landscape = half;
    await el.updateComplete;
    expect(hooksOf(el).thresholds[9]).to.equal(36);
    el.levelScale = 'auto';
    el.landscape = plane();
    el.landscape = half;
    await el.updateComplete;
    expect(hooksOf(el).thresholds[9]).to.equal(18);
  });

  it('stops its frame loop when removed mid-morph, landed on the target', async () => {
    const el = await contour(plane(), 'transition=5000');
    const b = paraboloid();
    el.landscape = b;
    await el.updateComplete;
    expect(hooksOf(el).morphing).to.be.true;
    el.remove();
    expect(hooksOf(el).morphing).to.be.false;
    await nextFrame();
    expect(Array.from(hooksOf(el).displayed)).to.deep.equal(Array.from(b.values));
  });
});

describe('<loss-contour> attributes', () => {
  let warnings: unknown[][];
  const warn = console.warn;
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
  });
  afterEach(() => {
    console.warn = warn;
  });

  type Attribute = 'levels' | 'colormap' | 'landscape' | 'transition' | 'levelScale';
  const cases: [
    string,
    string,
    Attribute | 'showPath' | 'showFull' | 'sample' | 'frameRate',
    unknown,
  ][] = [
    ['levels', 'many', 'levels', 10],
    ['levels', '500', 'levels', 50],
    ['colormap', 'rainbow', 'colormap', 'viridis'],
    ['landscape', 'weird', 'landscape', 'batch'],
    ['transition', '-5', 'transition', 0],
    ['level-scale', 'log', 'levelScale', 'fixed'],
    ['show-path', 'maybe', 'showPath', true],
    ['show-full', 'sometimes', 'showFull', false],
    ['sample', '1.5x', 'sample', 0],
    ['frame-rate', '0', 'frameRate', 0.1],
  ];
  for (const [attribute, value, prop, expected] of cases) {
    it(`${attribute}="${value}" warns once, names it, and keeps ${JSON.stringify(expected)}`, async () => {
      const el = await fixture<LossContour>(
        html`<loss-contour style="width:300px;height:240px"></loss-contour>`,
      );
      el.setAttribute(attribute, value);
      await el.updateComplete;
      el.setAttribute(attribute, value);
      await el.updateComplete;
      expect(el[prop]).to.deep.equal(expected);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0]?.[0]))
        .to.contain('<loss-contour>')
        .and.contain(attribute)
        .and.contain(value);
    });
  }

  it('reads show-path="false" as off and keeps the last good levels after a bad one', async () => {
    const el = await fixture<LossContour>(
      html`<loss-contour levels="7" show-path="false"></loss-contour>`,
    );
    expect(el.showPath).to.be.false;
    el.setAttribute('levels', 'NaN');
    await el.updateComplete;
    expect(el.levels).to.equal(7);
    expect(warnings).to.have.length(1);
  });

  it('refuses a landscape with NaN values or a grid without w1, and keeps drawing the last good one', async () => {
    const el = await contour(plane());
    const good = el.currentLandscape;
    const nan = plane();
    nan.values[5] = NaN;
    el.landscape = nan;
    el.landscape = {
      grid: { size: 33 },
      values: new Float32Array(33 * 33),
      min: 0,
      max: 0,
    } as never;
    // Later updates must not throw either: a new colour map redraws the last good landscape.
    el.colormap = 'magma';
    await el.updateComplete;
    expect(el.currentLandscape).to.equal(good);
    // Both print as the same value ([object Object]), and a value is warned about once.
    expect(warnings).to.have.length(1);
    expect(colourDistance(pixelAt(el, [-19, 0]), bandColour(0, 10, 'magma'))).to.be.at.most(2);
  });

  it('ignores a malformed landscape object with one warning', async () => {
    const el = await contour(plane());
    const good = el.currentLandscape;
    el.landscape = {
      grid: { w1: [0, 1], w2: [0, 1], size: 4 },
      values: new Float32Array(3),
      min: 0,
      max: 1,
    };
    el.landscape = {
      grid: { w1: [0, 1], w2: [0, 1], size: 4 },
      values: new Float32Array(3),
      min: 0,
      max: 1,
    };
    await el.updateComplete;
    expect(el.currentLandscape).to.equal(good);
    expect(warnings).to.have.length(1);
  });
});
