// The seed's figures, exactly: Figure 7 is ln(1 + e⁻ˣ) with a point the reader drags or moves by
// keyboard to read the loss, and the hero shows its mesh facets and fills its panels as the seed's
// still does. Numbers are checked against the formula, read back through the chart's own ticks.
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import {
  drawnOnScreen,
  frames,
  openPage,
  problems,
  until,
  viewCanvas,
  type OpenPage,
} from './helpers.js';

/** The seed's formula, written out independently of the site's scripts. */
const lossAt = (x: number) => Math.log(1 + Math.exp(-x));

/** A tick label as a number: the charts write a real minus sign (−). */
const tickValue = (text: string | null) => Number((text ?? '').replace('−', '-'));

/** A linear map through two (value, position) pairs. */
function through(a: [number, number], b: [number, number]) {
  return {
    at: (value: number) => a[1] + ((value - a[0]) / (b[0] - a[0])) * (b[1] - a[1]),
    value: (position: number) => a[0] + ((position - a[1]) / (b[1] - a[1])) * (b[0] - a[0]),
  };
}

/**
 * Figure 7's scales in viewBox units, read from what the reader sees: the tick labels and the grid
 * lines drawn at them (vertical lines in x-tick order, then horizontal ones in y-tick order).
 */
function chartScales(svg: SVGSVGElement) {
  const labels = [...svg.querySelectorAll('.chart-axis text:not(.chart-title)')];
  const xLabels = labels.filter((t) => t.getAttribute('text-anchor') === 'middle');
  const yLabels = labels.filter((t) => t.getAttribute('text-anchor') === 'end');
  const lines = [...svg.querySelectorAll('.chart-grid line')];
  const vertical = lines.filter((l) => l.getAttribute('x1') === l.getAttribute('x2'));
  const horizontal = lines.filter((l) => l.getAttribute('y1') === l.getAttribute('y2'));
  expect(vertical.length).to.equal(xLabels.length);
  expect(horizontal.length).to.equal(yLabels.length);
  const pair = (label: Element, line: Element, attribute: string): [number, number] => [
    tickValue(label.textContent),
    Number(line.getAttribute(attribute)),
  ];
  const last = (list: Element[]) => list[list.length - 1]!;
  return {
    x: through(pair(xLabels[0]!, vertical[0]!, 'x1'), pair(last(xLabels), last(vertical), 'x1')),
    y: through(
      pair(yLabels[0]!, horizontal[0]!, 'y1'),
      pair(last(yLabels), last(horizontal), 'y1'),
    ),
    xLabels: xLabels.map((t) => t.textContent),
    yLabels: yLabels.map((t) => t.textContent),
  };
}

/** The path's points, in viewBox units. */
function pathPoints(d: string): [number, number][] {
  return [...d.matchAll(/[ML]\s*(-?[\d.]+)[ ,](-?[\d.]+)/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
}

/** The path's height at `px`, linearly between its two nearest points. */
function heightAt(points: [number, number][], px: number): number {
  for (let k = 1; k < points.length; k++) {
    const [x0, y0] = points[k - 1]!;
    const [x1, y1] = points[k]!;
    if ((x0 - px) * (x1 - px) <= 0)
      return x0 === x1 ? y0 : y0 + ((px - x0) / (x1 - x0)) * (y1 - y0);
  }
  throw new Error(`the path does not reach x = ${px}`);
}

/** The readout's x and loss ("x = −2.0: loss ln(1 + e⁻ˣ) = 2.127, …"), minus signs read as minus. */
function numbersIn(text: string | null): [number, number] {
  const match = /x = (\S+): .*= (\S+),/.exec((text ?? '').replace(/−/g, '-'));
  return match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
}

describe('Figure 7: ln(1 + e⁻ˣ), live', () => {
  let page: OpenPage;
  let svg: SVGSVGElement;
  let thumb: SVGCircleElement;
  let readout: HTMLElement;

  before(async () => {
    await setViewport({ width: 1100, height: 900 });
    page = await openPage('index.html');
    svg = page.document.querySelector<SVGSVGElement>('#fig-softplus svg')!;
    thumb = svg.querySelector<SVGCircleElement>('.chart-thumb')!;
    readout = page.document.querySelector<HTMLElement>('#fig-softplus .chart-readout')!;
    svg.scrollIntoView({ block: 'center' });
    await frames(page.window, 2);
  });
  after(() => page.close());

  /** The point's x (its slider value), and checks that it sits on the curve and the readout agrees. */
  function expectPointOnCurve(): number {
    const { x, y } = chartScales(svg);
    const value = Number(thumb.getAttribute('aria-valuenow'));
    expect(x.value(Number(thumb.getAttribute('cx')))).to.be.closeTo(value, 0.05);
    expect(y.value(Number(thumb.getAttribute('cy')))).to.be.closeTo(lossAt(value), 0.05);
    const [shownX, shownLoss] = numbersIn(readout.textContent);
    expect(shownX, readout.textContent ?? '').to.be.closeTo(value, 1e-9);
    expect(shownLoss, readout.textContent ?? '').to.be.closeTo(lossAt(value), 0.0005);
    expect(thumb.getAttribute('aria-valuetext')).to.equal(readout.textContent);
    return value;
  }

  it('plots ln(1 + e⁻ˣ): the curve meets the formula at x = −2, 0 and 2', () => {
    const { x, y } = chartScales(svg);
    const curve = pathPoints(svg.querySelector('.chart-line')!.getAttribute('d')!);
    expect(curve.length).to.be.greaterThan(100);
    for (const at of [-2, 0, 2]) {
      const plotted = y.value(heightAt(curve, x.at(at)));
      expect(plotted, `loss at x = ${at}`).to.be.closeTo(lossAt(at), 0.03);
    }
  });

  it('labels its axes with the formula and real minus signs, as every figure does', () => {
    const { xLabels, yLabels } = chartScales(svg);
    expect(xLabels).to.deep.equal(['−10', '−5', '0', '5', '10']);
    expect(yLabels[0]).to.equal('−2');
    const all = [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '');
    expect(all.filter((text) => text.includes('-'))).to.deep.equal([]);
    const titles = [...svg.querySelectorAll('.chart-title')].map((t) => t.textContent);
    expect(titles).to.deep.equal(['x', 'ln(1 + e⁻ˣ)']);
  });

  it('shows the loss at its point before anyone touches it', () => {
    expect(expectPointOnCurve()).to.equal(-2);
  });

  it('the arrow keys move the point along the curve and the readout follows', async () => {
    thumb.focus();
    expect(page.document.activeElement).to.equal(thumb);
    const start = Number(thumb.getAttribute('aria-valuenow'));
    for (let k = 0; k < 3; k++) await sendKeys({ press: 'ArrowRight' });
    expect(expectPointOnCurve()).to.be.closeTo(start + 0.3, 1e-9);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ up: 'Shift' });
    expect(expectPointOnCurve()).to.be.closeTo(start + 0.3 - 1, 1e-9);
    await sendKeys({ press: 'End' });
    expect(expectPointOnCurve()).to.equal(10);
    await sendKeys({ press: 'Home' });
    expect(expectPointOnCurve()).to.equal(-10);
  });

  it('dragging the point moves it to where the pointer is, and the readout shows the loss there', async () => {
    const { x, y } = chartScales(svg);
    const frame = page.frame.getBoundingClientRect();
    // viewBox units → the page's pixels, through the SVG's own screen transform.
    const screen = (vx: number, vy: number) => {
      const p = new DOMPoint(vx, vy).matrixTransform(svg.getScreenCTM()!);
      return [Math.round(frame.x + p.x), Math.round(frame.y + p.y)] as [number, number];
    };
    const from = screen(Number(thumb.getAttribute('cx')), Number(thumb.getAttribute('cy')));
    await sendMouse({ type: 'move', position: from });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: screen(x.at(0.5), y.at(3)) });
    await sendMouse({ type: 'move', position: screen(x.at(2), y.at(3)) });
    await sendMouse({ type: 'up' });
    expect(
      await until(() => thumb.getAttribute('aria-valuenow') === '2'),
      `aria-valuenow ${thumb.getAttribute('aria-valuenow')} after a drag from ${from.join(', ')}`,
    ).to.equal(true);
    expect(expectPointOnCurve()).to.equal(2);
    expect(numbersIn(readout.textContent)[1]).to.equal(Number(lossAt(2).toFixed(3)));
    expect(problems(page)).to.deep.equal([]);
  });
});

/**
 * How much of a surface's box its surface covers: the bounding box of the pixels the 'Blues' map
 * colours (blue clearly above red; the panes and labels are grey), as shares of width and height.
 */
function surfaceBox(canvas: HTMLCanvasElement) {
  const context = new OffscreenCanvas(canvas.width, canvas.height).getContext('2d', {
    willReadFrequently: true,
  })!;
  context.drawImage(canvas, 0, 0);
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  for (let py = 0; py < height; py += 2) {
    for (let px = 0; px < width; px += 2) {
      const k = 4 * (py * width + px);
      if (data[k + 3]! < 200 || data[k + 2]! - data[k]! < 24) continue;
      left = Math.min(left, px);
      right = Math.max(right, px);
      top = Math.min(top, py);
      bottom = Math.max(bottom, py);
    }
  }
  return { width: (right - left) / width, height: (bottom - top) / height };
}

describe('Figure 1, the hero', () => {
  it('shows the mesh facets and fills its panels, as the seed’s still does', async () => {
    await setViewport({ width: 1100, height: 900 });
    const page = await openPage('index.html');
    try {
      const surfaces = [...page.document.querySelectorAll('#fig-hero loss-surface')];
      expect(surfaces).to.have.length(2);
      for (const surface of surfaces) {
        expect(await drawnOnScreen(surface)).to.equal(true);
        // The surface itself, not only its box. Measured this way the seed's still spans 54 % of
        // its width and 63 % of its height; the hero spanned 53 % × 63 % of its wider 4:3 panels,
        // and zoomed to fill them spans about 63 % × 68 %.
        const canvas = viewCanvas(surface)!;
        const covered = await until(() => {
          const box = surfaceBox(canvas);
          return box.width > 0.6 && box.height > 0.6 ? box : null;
        });
        expect(covered, JSON.stringify(surfaceBox(canvas))).to.not.equal(null);
        // Every axis keeps its title: zoomed in, nothing falls off the panel.
        const titles = [...surface.shadowRoot!.querySelectorAll('[part~="axis-title"]')].map(
          (t) => t.textContent,
        );
        expect(titles).to.include.members(['Loss']);
        expect(titles).to.have.length(3);
        // The seed's surface shows its mesh facets.
        expect(surface.hasAttribute('wireframe'), 'wireframe').to.equal(true);
      }
      expect(problems(page)).to.deep.equal([]);
    } finally {
      page.close();
    }
  });
});
