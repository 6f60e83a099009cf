import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './loss-contour.js';
import type { ErrorDetail } from '@lossquake/kit';
import type { LossContour } from './loss-contour.component.js';
import { hooksOf } from './testing.js';
import { landscapeOf, makeGrid } from './test-helpers/landscapes.js';
import { bandColour, colourDistance, drawn, pixelAt, until } from './test-helpers/pixels.js';

const grid = makeGrid(17, [-1, 1], [-1, 1]);
const framesValues = [0, 1, 2].map((f) =>
  Array.from(landscapeOf(grid, (w1, w2) => f * w1 + w2 + 5).values),
);

function url(data: unknown): string {
  return URL.createObjectURL(
    new Blob([typeof data === 'string' ? data : JSON.stringify(data)], {
      type: 'application/json',
    }),
  );
}

const good = () =>
  url({
    grid: { w1: [-1, 1], w2: [-1, 1], size: 17 },
    frames: framesValues.map((values) => ({ values })),
  });

async function playing(src: string, rate = '20'): Promise<LossContour> {
  const el = await fixture<LossContour>(
    html`<loss-contour
      src=${src}
      frame-rate=${rate}
      transition="0"
      style="width:400px;height:320px"
    ></loss-contour>`,
  );
  await until(() => el.currentLandscape !== null, 'the frames');
  await drawn(el);
  return el;
}

describe('<loss-contour src>', () => {
  it('plays the frames of a good file in a loop, each landing on its values', async () => {
    const el = await playing(good());
    const seen = new Set<number>();
    await until(() => {
      seen.add(hooksOf(el).frame);
      return seen.size === 3 && hooksOf(el).frame === 0;
    }, 'all three frames and the loop back');
    await until(() => hooksOf(el).frame === 2, 'frame 2');
    await el.updateComplete;
    expect(Array.from(hooksOf(el).displayed)).to.deep.equal(
      Array.from(Float32Array.from(framesValues[2]!)),
    );
  });

  it('fixes the levels over all frames', async () => {
    const el = await playing(good(), '0.1');
    // Frames span 5 + w2 + f·w1 over f = 0..2: from 2 to 8.
    expect(hooksOf(el).thresholds[0]).to.equal(2);
    expect(hooksOf(el).thresholds[1]).to.be.closeTo(2.6, 1e-9);
    // Frame 0 at w2 = 0.9 has loss 5.9: band floor((5.9 − 2) / 0.6) = 6.
    expect(colourDistance(pixelAt(el, [0, 0.9], [-1, 1, -1, 1]), bandColour(6, 10))).to.be.at.most(
      2,
    );
  });

  it('fires error and shows the message in place for a bad file, keeping the last good frames', async () => {
    const el = await playing(good(), '0.1');
    const shown = el.currentLandscape;
    const bad = url({
      grid: { w1: [-1, 1], w2: [-1, 1], size: 17 },
      frames: [{ values: [1, 'x'] }],
    });
    const failed = oneEvent<CustomEvent<ErrorDetail>>(el, 'error');
    el.src = bad;
    const { detail } = await failed;
    expect(detail.message).to.contain('frames[0].values');
    await el.updateComplete;
    const message = el.shadowRoot!.querySelector('[part~="message"]')!;
    expect(message.getAttribute('role')).to.equal('alert');
    expect(message.textContent).to.contain('frames[0].values');
    expect(el.currentLandscape).to.equal(shown);
    expect(el.shadowRoot!.querySelector('canvas')).to.exist;
  });

  it('fires error for a missing file and for text that is not JSON, without bubbling', async () => {
    const el = await fixture<LossContour>(
      html`<loss-contour style="width:300px;height:240px"></loss-contour>`,
    );
    let bubbled = 0;
    const count = () => (bubbled += 1);
    document.addEventListener('error', count);
    try {
      let failed = oneEvent<CustomEvent<ErrorDetail>>(el, 'error');
      el.src = '/packages/loss-contour/does-not-exist.json';
      expect((await failed).detail.message).to.contain('404');
      failed = oneEvent<CustomEvent<ErrorDetail>>(el, 'error');
      el.src = url('{ not json');
      expect((await failed).detail.message).to.contain('not JSON');
    } finally {
      document.removeEventListener('error', count);
    }
    expect(bubbled).to.equal(0);
  });
});

describe('<loss-contour src> removed', () => {
  it('drops the frames when src is removed', async () => {
    const el = await playing(good(), '0.1');
    el.removeAttribute('src');
    await el.updateComplete;
    await el.updateComplete;
    expect(el.currentLandscape).to.be.null;
    expect(el.shadowRoot!.querySelector('[part~="message"]')!.textContent).to.contain(
      'No landscape',
    );
  });
});
