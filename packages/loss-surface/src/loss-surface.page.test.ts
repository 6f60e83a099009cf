// The surface in a page that is not all on screen: laid out below the fold, printed.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { colormapTable } from '@lossquake/kit';
import './loss-surface.js';
import type { LossSurface } from './loss-surface.component.js';
import { terraces } from './test-helpers/landscapes.js';
import { countNear, pixels, type RGB } from './test-helpers/pixels.js';

const blues = colormapTable('blues', 256);
const bottom: RGB = [blues[0]!, blues[1]!, blues[2]!];
const top: RGB = [blues[1020]!, blues[1021]!, blues[1022]!];

async function belowTheFold(): Promise<LossSurface> {
  const page = await fixture<HTMLDivElement>(
    html`<div>
      <div style="height:${innerHeight * 3}px"></div>
      <loss-surface transition="0" style="width:240px;height:180px"></loss-surface>
    </div>`,
  );
  const el = page.querySelector('loss-surface')!;
  expect(el.getBoundingClientRect().top).to.be.above(innerHeight);
  return el;
}

describe('<loss-surface> off screen', () => {
  it('paints its landscape once laid out, without being scrolled to', async () => {
    const el = await belowTheFold();
    el.landscape = terraces(32, 10);
    await waitUntil(
      () => countNear(pixels(el), bottom, 12) > 100,
      'the surface painted off screen',
      {
        timeout: 8000,
      },
    );
    expect(countNear(pixels(el), top, 12)).to.be.greaterThan(100);
  });

  it('beforeprint paints what it shows now', async () => {
    const el = await belowTheFold();
    el.landscape = terraces(32, 10);
    await waitUntil(() => countNear(pixels(el), bottom, 12) > 100, 'a first paint', {
      timeout: 8000,
    });
    // Out of sight, a change waits for the reader (or a print) before it is painted.
    el.colormap = 'viridis';
    await el.updateComplete;
    const viridis = colormapTable('viridis', 256);
    const viridisBottom: RGB = [viridis[0]!, viridis[1]!, viridis[2]!];
    expect(countNear(pixels(el), viridisBottom, 12)).to.equal(0);
    window.dispatchEvent(new Event('beforeprint'));
    expect(countNear(pixels(el), viridisBottom, 12)).to.be.greaterThan(100);
  });

  it('says in place when its `for` names no sampler', async () => {
    const el = await fixture<LossSurface>(
      html`<loss-surface for="nowhere" style="width:240px;height:180px"></loss-surface>`,
    );
    await waitUntil(
      () =>
        el.shadowRoot!.querySelector('[part="message"]')?.textContent?.trim() ===
        'no <batch-sampler id="nowhere"> on this page',
      'the missing-sampler note',
    );
  });
});
