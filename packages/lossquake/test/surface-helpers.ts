// Reading what a <loss-surface> shows in the integration tests: its pixels, a synthetic landscape,
// and waiting until it has drawn and stopped.
import { nextFrame } from '@open-wc/testing';
import type { Landscape } from '@lossquake/core';
import type { LossSurface } from '@lossquake/loss-surface';
import { hooksOf } from '@lossquake/loss-surface/testing';

export type RGB = readonly [number, number, number];

/** The surface canvas's pixels, read from a copy (it shows handed-over frames, not a 2-D context). */
export function pixels(surface: LossSurface): ImageData {
  const canvas = surface.shadowRoot!.querySelector('canvas')!;
  const copy = new OffscreenCanvas(canvas.width, canvas.height);
  const context = copy.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(canvas, 0, 0);
  return context.getImageData(0, 0, copy.width, copy.height);
}

/** Opaque pixels within `tolerance` (per channel) of `colour`. */
export function countNear(image: ImageData, colour: RGB, tolerance: number): number {
  const d = image.data;
  let n = 0;
  for (let k = 0; k < d.length; k += 4) {
    if (d[k + 3] !== 255) continue;
    if ([0, 1, 2].every((c) => Math.abs(d[k + c]! - colour[c]!) <= tolerance)) n++;
  }
  return n;
}

/** A bowl over [-20, 20]² with its lowest point in the middle. */
export function bowl(size: number): Landscape {
  const values = new Float32Array(size * size);
  for (let j = 0; j < size; j++)
    for (let i = 0; i < size; i++)
      values[j * size + i] = (i / (size - 1) - 0.5) ** 2 + (j / (size - 1) - 0.5) ** 2;
  const grid = { w1: [-20, 20] as const, w2: [-20, 20] as const, size };
  return { grid, values, min: Math.min(...values), max: Math.max(...values) };
}

/** Waits until the surface has drawn and then stops drawing for a few frames (morphs over). */
export async function settle(surface: LossSurface, timeout = 8000): Promise<void> {
  const start = performance.now();
  let last = -1;
  let still = 0;
  while (performance.now() - start < timeout) {
    await nextFrame();
    const drawn = hooksOf(surface).framesDrawn;
    if (drawn > 0 && drawn === last) {
      if (++still >= 3) return;
    } else still = 0;
    last = drawn;
  }
  throw new Error(`surface did not settle (framesDrawn ${hooksOf(surface).framesDrawn})`);
}
