// Reading what a surface shows: its canvas's pixels, and waiting until it has drawn.
import { nextFrame } from '@open-wc/testing';
import type { LossSurface } from '../loss-surface.component.js';
import { hooksOf } from '../testing.js';

export type RGB = readonly [number, number, number];

export function pixels(surface: LossSurface): ImageData {
  return readCanvas(surface.shadowRoot!.querySelector('canvas')!);
}

/** A canvas's pixels, read from a copy: a surface's canvas shows handed-over frames, not a 2-D context. */
export function readCanvas(canvas: HTMLCanvasElement): ImageData {
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
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
    if (
      Math.abs(d[k]! - colour[0]) <= tolerance &&
      Math.abs(d[k + 1]! - colour[1]) <= tolerance &&
      Math.abs(d[k + 2]! - colour[2]) <= tolerance
    )
      n++;
  }
  return n;
}

/** Share of pixels whose channels differ by more than `tolerance`. */
export function differingShare(a: ImageData, b: ImageData, tolerance = 2): number {
  if (a.data.length !== b.data.length) return 1;
  let n = 0;
  for (let k = 0; k < a.data.length; k += 4) {
    for (let c = 0; c < 4; c++) {
      if (Math.abs(a.data[k + c]! - b.data[k + c]!) > tolerance) {
        n++;
        break;
      }
    }
  }
  return n / (a.data.length / 4);
}

/** Waits until the surface has drawn and then stops drawing for a few frames (morphs over). */
export async function settle(surface: LossSurface, timeout = 8000): Promise<void> {
  const start = performance.now();
  let last = -1;
  let still = 0;
  while (performance.now() - start < timeout) {
    await nextFrame();
    const now = hooksOf(surface).framesDrawn;
    if (now > 0 && now === last) {
      if (++still >= 3) return;
    } else still = 0;
    last = now;
  }
  throw new Error(`surface did not settle (framesDrawn ${hooksOf(surface).framesDrawn})`);
}
