import { expect, fixture, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { emit } from '@lossquake/kit';
import { defineFakeSampler, type FakeSampler } from '@lossquake/kit/testing';
import type { Vec2 } from '@lossquake/core';
import './loss-contour.js';
import type { LossContour } from './loss-contour.component.js';
import { hooksOf } from './testing.js';
import { landscapeOf, makeGrid, paraboloid, plane } from './test-helpers/landscapes.js';
import {
  bandColour,
  colourDistance,
  drawn,
  localPixel,
  localWeights,
  pixelAt,
  trailAlphaAt,
  trailPainted,
  until,
} from './test-helpers/pixels.js';

const tag = unsafeStatic(defineFakeSampler());

async function linked(
  attributes: Record<string, string> = {},
): Promise<{ sampler: FakeSampler; el: LossContour }> {
  const root = await fixture<HTMLDivElement>(
    staticHtml`<div><${tag} id="s"></${tag}><loss-contour for="s" transition="0" style="width:480px;height:400px"></loss-contour></div>`,
  );
  const sampler = root.firstElementChild as FakeSampler;
  const el = root.querySelector('loss-contour')!;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  sampler.fullLandscape = plane();
  sampler.landscape = sampler.fullLandscape;
  sampler.reset();
  await drawn(el);
  return { sampler, el };
}

function mapBack(el: LossContour, x: number, y: number): [number, number] {
  return localWeights(el, x, y) as [number, number];
}

describe('<loss-contour> with a sampler', () => {
  // A pointer left over a plot by one test would hover the next test's plot, which sits in the same place.
  afterEach(() => resetMouse());

  it('draws the weights, the trail and the last step where the sampler says', async () => {
    const { sampler, el } = await linked();
    sampler.batch(paraboloid());
    sampler.step([5, -5]);
    sampler.batch(paraboloid(makeGrid(), 5, -5));
    sampler.step([8, -12.5]);
    await el.updateComplete;
    const root = el.shadowRoot!;
    const dot = root.querySelector<SVGCircleElement>('circle.weights')!;
    const [w1, w2] = mapBack(el, dot.cx.baseVal.value, dot.cy.baseVal.value);
    expect(w1).to.be.closeTo(8, 0.01);
    expect(w2).to.be.closeTo(-12.5, 0.01);

    const step = root.querySelector<SVGLineElement>('line.step')!;
    const from = mapBack(el, step.x1.baseVal.value, step.y1.baseVal.value);
    const to = mapBack(el, step.x2.baseVal.value, step.y2.baseVal.value);
    expect(from[0]).to.be.closeTo(5, 0.01);
    expect(from[1]).to.be.closeTo(-5, 0.01);
    expect(to[0]).to.be.closeTo(8, 0.01);
    expect(to[1]).to.be.closeTo(-12.5, 0.01);

    const trail = hooksOf(el).trail!;
    expect(trail.runs).to.have.length(1);
    const points = trail.runs[0]!.map(([x, y]) => mapBack(el, x, y));
    expect(points).to.have.length(3);
    // What the reader sees: the canvas is painted along each step (its midpoint) and not far beside it.
    for (let k = 1; k < points.length; k++) {
      const [x1, y1] = trail.runs[0]![k - 1]!;
      const [x2, y2] = trail.runs[0]![k]!;
      expect(trailAlphaAt(el, (x1 + x2) / 2, (y1 + y2) / 2), `step ${k} painted`).to.be.above(150);
    }
    const [x0, y0] = trail.runs[0]![0]!;
    expect(trailAlphaAt(el, x0 - 40, y0 - 40), 'nothing painted off the trail').to.equal(0);
    [
      [0, 0],
      [5, -5],
      [8, -12.5],
    ].forEach(([a = NaN, b = NaN], k) => {
      expect(points[k]?.[0]).to.be.closeTo(a, 0.01);
      expect(points[k]?.[1]).to.be.closeTo(b, 0.01);
    });
  });

  it('the exported frame shows the trail as the reader sees it', async () => {
    const { sampler, el } = await linked({ 'show-weights': 'false', 'show-gradient': 'false' });
    sampler.step([12, -12]);
    await el.updateComplete;
    const [[x1, y1], [x2, y2]] = hooksOf(el).trail!.runs[0]! as [Vec2, Vec2];
    const frame = (await el.captureFrame())!;
    const ratio = frame.width / el.getBoundingClientRect().width;
    // The lightest pixel around the step's midpoint: the white trail (85 %) over the dark bands.
    const [mx, my] = [((x1 + x2) / 2) * ratio, ((y1 + y2) / 2) * ratio];
    const data = frame
      .getContext('2d')!
      .getImageData(Math.round(mx) - 1, Math.round(my) - 1, 3, 3).data;
    let lightest = 0;
    for (let k = 0; k < data.length; k += 4)
      lightest = Math.max(lightest, Math.min(data[k]!, data[k + 1]!, data[k + 2]!));
    expect(lightest, 'trail in the exported frame').to.be.above(180);
    // Beside the trail, the bands alone (none of them that light).
    const beside = pixelAt(el, [-15, 15]);
    expect(Math.min(...beside)).to.be.below(180);
  });

  it('hides the trail, dot and arrow when asked, and clears them on sampler-reset', async () => {
    const { sampler, el } = await linked({ 'show-path': 'false', 'show-gradient': 'off' });
    sampler.step([5, 5]);
    await el.updateComplete;
    expect(trailPainted(el), 'no trail painted').to.equal(false);
    expect(el.shadowRoot!.querySelector('line.step')).to.be.null;
    expect(el.shadowRoot!.querySelector('circle.weights')).to.exist;
    el.showPath = true;
    el.setAttribute('show-weights', 'false');
    await el.updateComplete;
    expect(trailPainted(el), 'the trail painted').to.equal(true);
    expect(el.shadowRoot!.querySelector('circle.weights')).to.be.null;
    sampler.reset();
    await el.updateComplete;
    expect(trailPainted(el), 'the trail cleared').to.equal(false);
  });

  it('morphs to each new batch and keeps the full landscape’s levels', async () => {
    const { sampler, el } = await linked({ transition: '300' });
    const batch = landscapeOf(makeGrid(), (w1) => (w1 + 20) * 2); // 0..80, beyond the full range 0..40
    sampler.batch(batch);
    await el.updateComplete;
    expect(hooksOf(el).morphing).to.be.true;
    await until(() => !hooksOf(el).morphing, 'the morph');
    expect(Array.from(hooksOf(el).displayed)).to.deep.equal(Array.from(batch.values));
    expect(hooksOf(el).thresholds[1]).to.equal(4);
    // loss 2·(−15 + 20) = 10 is band 2 of the fixed levels 0, 4, …; w1 = 5 (loss 50) is in the open top band.
    expect(colourDistance(pixelAt(el, [-15, 0]), bandColour(2, 10))).to.be.at.most(2);
    expect(colourDistance(pixelAt(el, [5, 0]), bandColour(9, 10))).to.be.at.most(2);
  });

  describe('fixed levels come from the full landscape', () => {
    // A batch landscape twice as steep as the full one: 0..80 against 0..40.
    const steep = () => landscapeOf(makeGrid(), (w1) => (w1 + 20) * 2);

    async function showingBatchFirst(full: ReturnType<typeof plane> | null) {
      const root = await fixture<HTMLDivElement>(staticHtml`<div><${tag} id="f"></${tag}></div>`);
      const sampler = root.firstElementChild as FakeSampler;
      const batch = steep();
      sampler.fullLandscape = full;
      sampler.landscape = batch;
      const el = document.createElement('loss-contour');
      el.setAttribute('for', 'f');
      el.setAttribute('transition', '0');
      el.style.cssText = 'width:480px;height:400px';
      root.append(el);
      await drawn(el);
      expect(el.currentLandscape, 'the batch is shown first').to.equal(batch);
      return { sampler, el };
    }

    it('when the sampler already has it, a batch shown first still gets the full landscape’s levels', async () => {
      const { el } = await showingBatchFirst(plane());
      expect(hooksOf(el).thresholds[1]).to.equal(4);
      // loss 2·(−15 + 20) = 10: band 2 of the full landscape's levels 0, 4, 8, … (band 1 of the batch's).
      expect(colourDistance(pixelAt(el, [-15, 0]), bandColour(2, 10))).to.be.at.most(2);
    });

    it('when it arrives after the batch, the levels move to the full landscape’s', async () => {
      const { sampler, el } = await showingBatchFirst(null);
      expect(hooksOf(el).thresholds[1], 'the batch’s own levels until then').to.equal(8);
      sampler.fullLandscape = plane();
      emit(sampler, 'landscape-ready', { landscape: sampler.fullLandscape });
      await drawn(el);
      expect(hooksOf(el).thresholds[1]).to.equal(4);
      expect(colourDistance(pixelAt(el, [-15, 0]), bandColour(2, 10))).to.be.at.most(2);
    });
  });

  it('shows the batch, full, sample and variance landscapes by the landscape attribute', async () => {
    const { sampler, el } = await linked();
    const batch = paraboloid(makeGrid(), 5, 5);
    const sample = paraboloid(makeGrid(), -10, -10);
    const variance = landscapeOf(makeGrid(), (_, w2) => (w2 + 20) / 100);
    sampler.samples = [plane(), plane(), sample];
    sampler.varianceMap = variance;
    sampler.batch(batch);
    await el.updateComplete;
    const expected: [string, typeof batch][] = [
      ['full', sampler.fullLandscape!],
      ['sample', sample],
      ['variance', variance],
      ['batch', batch],
    ];
    el.sample = 2;
    for (const [mode, landscape] of expected) {
      el.setAttribute('landscape', mode);
      await el.updateComplete;
      expect(el.currentLandscape, mode).to.equal(landscape);
      expect(Array.from(hooksOf(el).displayed), mode).to.deep.equal(Array.from(landscape.values));
    }
    el.setAttribute('landscape', 'variance');
    await el.updateComplete;
    // The variance map takes its own levels (0 to 0.4), and the legend says so.
    expect(colourDistance(pixelAt(el, [0, 19]), bandColour(9, 10))).to.be.at.most(2);
    expect(el.shadowRoot!.querySelector('[part~="legend"]')!.textContent)
      .to.contain('variance')
      .and.contain('per map');
  });

  it('fires weights-pick with the weights under a click, and the sampler is told', async () => {
    const { sampler, el } = await linked();
    const [lx, ly] = localPixel(el, [7, -3]);
    const host = el.getBoundingClientRect();
    const x = Math.round(host.left + lx);
    const y = Math.round(host.top + ly);
    const picked = oneEvent<HTMLElementEventMap['weights-pick']>(el, 'weights-pick');
    await sendMouse({ type: 'click', position: [x, y] });
    const { detail } = await picked;
    const expected = localWeights(el, x - host.left, y - host.top);
    expect(detail.weights[0]).to.be.closeTo(expected[0], 1e-6);
    expect(detail.weights[1]).to.be.closeTo(expected[1], 1e-6);
    expect(detail.weights[0]).to.be.closeTo(7, 0.2);
    expect(sampler.picks).to.deep.equal([detail.weights]);
  });

  it('shows the loss under the pointer in the readout', async () => {
    const { el } = await linked();
    const [lx, ly] = localPixel(el, [10, 0]);
    const host = el.getBoundingClientRect();
    await sendMouse({
      type: 'move',
      position: [Math.round(host.left + lx), Math.round(host.top + ly)],
    });
    await el.updateComplete;
    const readout = el.shadowRoot!.querySelector('[part~="readout"]')!;
    // The plane's loss at w1 ≈ 10 is ≈ 30.
    const loss = Number(/loss ([\d.]+)/.exec(readout.textContent)![1]);
    expect(loss).to.be.closeTo(30, 0.3);
  });

  it('moves a crosshair with the arrow keys and picks with Enter', async () => {
    const { sampler, el } = await linked();
    sampler.step([2, 2]);
    el.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.crosshair')).to.exist;
    const picked = oneEvent<HTMLElementEventMap['weights-pick']>(el, 'weights-pick');
    await sendKeys({ press: 'Enter' });
    const { detail } = await picked;
    // One arrow press moves 1/20 of the extent (2) from the current weights.
    expect(detail.weights[0]).to.be.closeTo(4, 1e-9);
    expect(detail.weights[1]).to.be.closeTo(4, 1e-9);
  });

  it('draws the full landscape’s contour lines with show-full', async () => {
    const { sampler, el } = await linked({ 'show-full': '' });
    sampler.batch(paraboloid());
    await el.updateComplete;
    const path = el.shadowRoot!.querySelector<SVGPathElement>('path.full-lines')!;
    expect(path).to.exist;
    // The plane's level 20 (w1 = 0) is a vertical line through the middle of the plot.
    const [mid] = localPixel(el, [0, 0]);
    const box = el.shadowRoot!.querySelector('canvas')!.getBoundingClientRect();
    const host = el.getBoundingClientRect();
    const xs = (path.getAttribute('d')!.match(/[ML](-?[\d.]+),/g) ?? []).map(
      (s) => Number(s.slice(1, -1)) + box.left - host.left,
    );
    expect(xs.some((x) => Math.abs(x - mid) < 0.2)).to.be.true;
  });

  it('describes the batch, the loss at the weights and the minimum in its aria-label', async () => {
    const { sampler, el } = await linked({ 'show-minimum': '' });
    expect(el.getAttribute('role')).to.equal('img');
    expect(el.tabIndex).to.equal(0);
    sampler.batch(paraboloid(makeGrid(), 5, -10), 2);
    sampler.step([5, 0]);
    // The description follows at most once a second (a timer), so wait for it rather than for frames.
    await until(() => hooksOf(el).description.includes('Batch 3'), 'the description');
    expect(el.getAttribute('aria-label')).to.equal(hooksOf(el).description);
    expect(hooksOf(el).description)
      .to.contain('loss 100')
      .and.contain('(5.0, 0.0)')
      .and.contain('near (5.0, −10.0)');
    expect(el.shadowRoot!.querySelector('path.minimum')).to.exist;
  });

  it('says when training has carried the weights outside the window, instead of a loss', async () => {
    const { sampler, el } = await linked();
    sampler.batch(paraboloid(makeGrid(), 5, -10), 0);
    sampler.step([500, 0]);
    await until(
      () => hooksOf(el).description.includes('outside the window'),
      'the description says the weights left the window',
    );
    expect(hooksOf(el).description).to.contain('(500.0, 0.0)').and.not.contain('loss');
  });
});
