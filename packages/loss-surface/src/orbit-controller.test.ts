// Dragging <loss-surface> in a scaled or zoomed page (a slide deck): a drag across the surface turns it
// as far as the same drag across an unscaled one.
import { expect, fixture, html } from '@open-wc/testing';
import './loss-surface.js';
import type { LossSurface } from './loss-surface.component.js';

async function surfaceIn(wrapperStyle: string): Promise<LossSurface> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style=${wrapperStyle}>
      <loss-surface
        style="width:240px;height:180px;max-width:none;aspect-ratio:auto"
      ></loss-surface>
    </div>`,
  );
  const el = wrapper.querySelector<LossSurface>('loss-surface')!;
  await el.updateComplete;
  return el;
}

/** Drags from the surface's centre by a quarter of its on-screen width; the azimuth turned. */
function dragQuarter(el: LossSurface): number {
  const box = el.getBoundingClientRect();
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  const before = el.azimuth;
  const options = { pointerId: 7, button: 0, bubbles: true, clientY: y };
  el.dispatchEvent(new PointerEvent('pointerdown', { ...options, clientX: x }));
  el.dispatchEvent(new PointerEvent('pointermove', { ...options, clientX: x + box.width / 4 }));
  el.dispatchEvent(new PointerEvent('pointerup', { ...options, clientX: x + box.width / 4 }));
  return el.azimuth - before;
}

describe('<loss-surface> orbit in a scaled page', () => {
  it('a drag across a quarter of it turns it as far inside scale(0.5), scale(1.25) and zoom 0.75', async () => {
    const plain = dragQuarter(await surfaceIn(''));
    expect(plain).to.not.equal(0);
    for (const style of [
      'transform: scale(0.5); transform-origin: 0 0',
      'transform: scale(1.25); transform-origin: 0 0',
      'zoom: 0.75',
    ]) {
      expect(dragQuarter(await surfaceIn(style)), style).to.be.closeTo(plain, 1e-9);
    }
  });
});
