// The data set's points and the current batch's rings, as SVG (up to SVG_POINT_LIMIT rows: each point
// an element a page can inspect and style, crisp in print) or painted on a canvas (above it: 100 000
// SVG circles would be 100 000 DOM nodes to lay out and keep, a canvas paints them in milliseconds).
import { svg, type SVGTemplateResult } from 'lit';
import type { Dataset } from '@lossquake/core';
import type { ScatterLayout } from './layout.js';
import { svgNumber as n } from './svg-number.js';

export const SVG_POINT_LIMIT = 5000;

/** A ring is this much larger than a point, so the point's colour shows inside it. */
export const RING_SCALE = 1.8;

/** The rows of `rows` that exist in `data`, each once, in the order given. */
export function batchRows(data: Dataset, rows: ArrayLike<number>): number[] {
  const seen = new Set<number>();
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    if (r < data.n) seen.add(r);
  }
  return [...seen];
}

export function pointsTemplate(
  data: Dataset,
  layout: ScatterLayout,
  radius: number,
): SVGTemplateResult {
  const { x, y } = data;
  const r = n(radius);
  return svg`<g part="points">${Array.from(
    { length: data.n },
    (_, row) =>
      svg`<circle class="point class-${y[row]}" cx=${n(layout.px(x[2 * row]!))} cy=${n(layout.py(x[2 * row + 1]!))} r=${r}></circle>`,
  )}</g>`;
}

export function ringsTemplate(
  data: Dataset,
  rows: readonly number[],
  layout: ScatterLayout,
  radius: number,
): SVGTemplateResult {
  const { x, y } = data;
  const r = n(radius * RING_SCALE);
  return svg`<g part="batch">${rows.map(
    (row) =>
      svg`<circle class="ring class-${y[row]}" data-row=${row} cx=${n(layout.px(x[2 * row]!))} cy=${n(layout.py(x[2 * row + 1]!))} r=${r}></circle>`,
  )}</g>`;
}

/** Colours as the canvas reads them, resolved from the theme tokens. */
export interface PointLook {
  class0: string;
  class1: string;
  opacity: number;
  ring: string;
}

/**
 * Paints the points, then the rings, onto `canvas` at device resolution. The points are kept in their
 * own canvas and redrawn only when `pointsKey` changes: a new batch repaints the rings alone.
 */
export class PointCanvas {
  #points = document.createElement('canvas');
  #pointsKey: unknown[] = [];

  paint(
    canvas: HTMLCanvasElement,
    data: Dataset,
    rows: readonly number[],
    layout: ScatterLayout,
    radius: number,
    look: PointLook,
    ratio: number,
  ): void {
    const width = Math.max(1, Math.round(layout.width * ratio));
    const height = Math.max(1, Math.round(layout.height * ratio));
    const key = [data, width, height, radius, look.class0, look.class1, look.opacity];
    if (key.some((v, k) => v !== this.#pointsKey[k])) {
      this.#pointsKey = key;
      this.#points.width = width;
      this.#points.height = height;
      const context = this.#points.getContext('2d')!;
      context.scale(ratio, ratio);
      context.globalAlpha = look.opacity;
      for (let row = 0; row < data.n; row++) this.#dot(context, data, row, layout, radius, look);
    }
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    const context = canvas.getContext('2d')!;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, width, height);
    context.drawImage(this.#points, 0, 0);
    context.scale(ratio, ratio);
    context.strokeStyle = look.ring;
    context.lineWidth = 1.5;
    for (const row of rows) {
      this.#dot(context, data, row, layout, radius * RING_SCALE, look);
      context.stroke();
    }
  }

  #dot(
    context: CanvasRenderingContext2D,
    data: Dataset,
    row: number,
    layout: ScatterLayout,
    radius: number,
    look: PointLook,
  ): void {
    context.fillStyle = data.y[row] ? look.class1 : look.class0;
    context.beginPath();
    context.arc(
      layout.px(data.x[2 * row]!),
      layout.py(data.x[2 * row + 1]!),
      radius,
      0,
      2 * Math.PI,
    );
    context.fill();
  }
}
