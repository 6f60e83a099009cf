// Reading what a <loss-contour> shows in the integration tests: where its plot sits, and waiting
// until it has drawn its bands.
import { nextFrame } from '@open-wc/testing';
import type { Vec2 } from '@lossquake/core';
import type { LossContour } from '@lossquake/loss-contour';
import { hooksOf } from '@lossquake/loss-contour/testing';

/** Waits until the contour is on screen, has drawn its bands at device resolution and stopped morphing. */
export async function contourDrawn(el: LossContour, timeout = 10000): Promise<void> {
  await el.updateComplete;
  const end = performance.now() + timeout;
  for (;;) {
    const canvas = el.shadowRoot!.querySelector('canvas');
    const box = canvas?.getBoundingClientRect();
    if (canvas && box && box.width > 0 && !hooksOf(el).morphing)
      if (canvas.width === Math.round(box.width * devicePixelRatio)) break;
    if (performance.now() > end) throw new Error('timed out waiting for the contour to draw');
    await nextFrame();
  }
  await el.updateComplete;
}

/** Weights at element-local CSS pixel (x, y), from the canvas's box (independent of the element's maths). */
export function contourWeights(
  el: LossContour,
  x: number,
  y: number,
  extent: readonly number[],
): Vec2 {
  const host = el.getBoundingClientRect();
  const box = el.shadowRoot!.querySelector('canvas')!.getBoundingClientRect();
  const [a = 0, b = 1, c = 0, d = 1] = extent;
  return [
    a + ((x - (box.left - host.left)) / box.width) * (b - a),
    c + (1 - (y - (box.top - host.top)) / box.height) * (d - c),
  ];
}
