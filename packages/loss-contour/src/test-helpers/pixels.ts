// Reading what <loss-contour> shows: canvas pixels at given weights, colours of the map, waiting for frames.
import { nextFrame } from '@open-wc/testing';
import { colormap, type ColormapName } from '@lossquake/kit';
import type { Vec2 } from '@lossquake/core';
import type { LossContour } from '../loss-contour.component.js';
import { hooksOf } from '../testing.js';

export type RGB = [number, number, number];

export function bandsCanvas(el: LossContour): HTMLCanvasElement {
  const canvas = el.shadowRoot!.querySelector('canvas');
  if (!canvas) throw new Error('no canvas rendered');
  return canvas;
}

/**
 * The canvas pixel at weights w, mapped independently of the element: the canvas covers exactly the
 * grid's extent, W1 left to right, W2 bottom to top.
 */
export function pixelAt(
  el: LossContour,
  w: Vec2,
  extent: [number, number, number, number] = [-20, 20, -20, 20],
): RGB {
  const canvas = bandsCanvas(el);
  const [a, b, c, d] = extent;
  const x = Math.min(canvas.width - 1, Math.floor(((w[0] - a) / (b - a)) * canvas.width));
  const y = Math.min(canvas.height - 1, Math.floor((1 - (w[1] - c) / (d - c)) * canvas.height));
  const data = canvas.getContext('2d', { willReadFrequently: true })!.getImageData(x, y, 1, 1).data;
  return rgbOf(data);
}

/** The RGB of the first pixel of RGBA `data`. */
export function rgbOf(data: Uint8ClampedArray): RGB {
  return [data[0]!, data[1]!, data[2]!];
}

export function parseRGB(css: string): RGB {
  const hex = /^#([0-9a-f]{6})$/i.exec(css);
  if (hex) {
    const v = parseInt(hex[1]!, 16);
    return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
  }
  const m = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(css);
  if (!m) throw new Error(`unreadable colour ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** The colour of band k of `levels` on the map (lowest band at 0, highest at 1). */
export function bandColour(k: number, levels: number, map: ColormapName = 'viridis'): RGB {
  return parseRGB(colormap(map)(k / (levels - 1)));
}

export function colourDistance(a: RGB, b: RGB): number {
  return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
}

/**
 * Waits frame by frame until `condition` holds; throws with `what` after `timeout` ms. A time limit, not
 * a frame count: what tests wait for (timers, fetches, a worker) runs on the clock, and a slow machine
 * draws fewer frames per second.
 */
export async function until(
  condition: () => boolean,
  what: string,
  timeout = 10000,
): Promise<void> {
  const end = performance.now() + timeout;
  while (!condition()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await nextFrame();
  }
}

/** Waits until the element is on screen and has drawn its bands. */
export async function drawn(el: LossContour): Promise<void> {
  await el.updateComplete;
  await until(() => {
    const canvas = el.shadowRoot!.querySelector('canvas');
    const hooks = hooksOf(el);
    if (!canvas || hooks.morphing || !hooks.visible) return false;
    const box = canvas.getBoundingClientRect();
    return box.width > 0 && canvas.width === Math.round(box.width * devicePixelRatio);
  }, 'the first drawing');
  await el.updateComplete;
}

/** Element-local CSS pixel of weights w, from the canvas's box (independent of the element's maths). */
export function localPixel(
  el: LossContour,
  w: Vec2,
  extent: [number, number, number, number] = [-20, 20, -20, 20],
): [number, number] {
  const host = el.getBoundingClientRect();
  const box = bandsCanvas(el).getBoundingClientRect();
  const [a, b, c, d] = extent;
  return [
    box.left - host.left + ((w[0] - a) / (b - a)) * box.width,
    box.top - host.top + (1 - (w[1] - c) / (d - c)) * box.height,
  ];
}

/** Weights at element-local CSS pixel (x, y), the inverse of localPixel. */
export function localWeights(
  el: LossContour,
  x: number,
  y: number,
  extent: [number, number, number, number] = [-20, 20, -20, 20],
): Vec2 {
  const host = el.getBoundingClientRect();
  const box = bandsCanvas(el).getBoundingClientRect();
  const [a, b, c, d] = extent;
  return [
    a + ((x - (box.left - host.left)) / box.width) * (b - a),
    c + (1 - (y - (box.top - host.top)) / box.height) * (d - c),
  ];
}

/**
 * The trail canvas's strongest alpha (0..255) within `radius` CSS px of element pixel (x, y): what a
 * reader sees of the trail there. The canvas covers the plot rect, which the bands canvas shares.
 */
export function trailAlphaAt(el: LossContour, x: number, y: number, radius = 1): number {
  const trail = el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.trail');
  if (!trail || trail.width === 0) return 0;
  const box = trail.getBoundingClientRect();
  const host = el.getBoundingClientRect();
  const scale = trail.width / box.width;
  const cx = (x - (box.left - host.left)) * scale;
  const cy = (y - (box.top - host.top)) * scale;
  const r = Math.ceil(radius * scale);
  const left = Math.max(0, Math.round(cx) - r);
  const top = Math.max(0, Math.round(cy) - r);
  const w = Math.min(trail.width - left, 2 * r + 1);
  const h = Math.min(trail.height - top, 2 * r + 1);
  if (w <= 0 || h <= 0) return 0;
  const data = trail
    .getContext('2d', { willReadFrequently: true })!
    .getImageData(left, top, w, h).data;
  let most = 0;
  for (let k = 3; k < data.length; k += 4) most = Math.max(most, data[k]!);
  return most;
}

/** Whether any pixel of the trail canvas is painted. */
export function trailPainted(el: LossContour): boolean {
  const trail = el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.trail');
  if (!trail || trail.width === 0) return false;
  const { data } = trail
    .getContext('2d', { willReadFrequently: true })!
    .getImageData(0, 0, trail.width, trail.height);
  for (let k = 3; k < data.length; k += 4) if (data[k]! > 0) return true;
  return false;
}
