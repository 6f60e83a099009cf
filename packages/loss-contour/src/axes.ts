// Axes W1 (bottom) and W2 (left) with ticks, and the colour legend, as Lit SVG templates.
import { svg, type SVGTemplateResult } from 'lit';
import { scaleLinear } from 'd3-scale';
import type { Grid } from '@lossquake/core';
import type { Layout } from './layout.js';

const TICK = 5;

export function axesTemplate(layout: Layout, grid: Grid): SVGTemplateResult {
  const { x, y, width, height } = layout.plot;
  const w1 = scaleLinear()
    .domain(grid.w1)
    .range([x, x + width]);
  const w2 = scaleLinear()
    .domain(grid.w2)
    .range([y + height, y]);
  const format1 = w1.tickFormat(Math.max(2, Math.round(width / 60)));
  const format2 = w2.tickFormat(Math.max(2, Math.round(height / 45)));
  return svg`<g part="axes" aria-hidden="true">
    <rect class="domain" x=${x - 0.5} y=${y - 0.5} width=${width + 1} height=${height + 1}></rect>
    ${w1.ticks(Math.max(2, Math.round(width / 60))).map(
      (t) => svg`<g class="tick" transform="translate(${Math.round(w1(t)) + 0.5},${y + height})">
        <line y2=${TICK}></line><text y=${TICK + 3} dy="0.71em" text-anchor="middle">${format1(t)}</text></g>`,
    )}
    ${w2.ticks(Math.max(2, Math.round(height / 45))).map(
      (t) => svg`<g class="tick" transform="translate(${x},${Math.round(w2(t)) + 0.5})">
        <line x2=${-TICK}></line><text x=${-TICK - 3} dy="0.32em" text-anchor="end">${format2(t)}</text></g>`,
    )}
    <text class="axis-label" x=${x + width / 2} y=${y + height + 34} text-anchor="middle">W1</text>
    <text class="axis-label" transform="translate(${x - 38},${y + height / 2}) rotate(-90)" text-anchor="middle">W2</text>
  </g>`;
}

/** Numbers for the legend: three significant digits, no trailing zeros. */
export function formatLevel(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-3) return value.toExponential(1);
  return String(Number(value.toPrecision(3)));
}

export function legendTemplate(
  layout: Layout,
  thresholds: ArrayLike<number>,
  colours: readonly string[],
  caption: string,
  note: string,
): SVGTemplateResult {
  const { x, y, width, height } = layout.legend;
  const count = thresholds.length;
  const bandHeight = height / count;
  // Label every band edge that has room (about 14 px apart), always the lowest.
  const every = Math.max(1, Math.ceil(14 / Math.max(bandHeight, 1e-6)));
  const edges: number[] = [];
  for (let k = 0; k < count; k += every) edges.push(k);
  return svg`<g part="legend">
    ${Array.from(
      { length: count },
      (_, k) =>
        svg`<rect class="legend-band" x=${x} y=${y + height - (k + 1) * bandHeight} width=${width} height=${bandHeight + 0.5} fill=${colours[k]}></rect>`,
    )}
    <rect class="domain" x=${x - 0.5} y=${y - 0.5} width=${width + 1} height=${height + 1}></rect>
    ${edges.map(
      (
        k,
      ) => svg`<g class="tick" transform="translate(${x + width},${Math.round(y + height - k * bandHeight) + 0.5})">
        <line x2="3"></line><text x="5" dy="0.32em">${formatLevel(thresholds[k])}</text></g>`,
    )}
    <text class="legend-caption" transform="translate(${x + width + 44},${y + height / 2}) rotate(90)" text-anchor="middle">${caption} · ${note}</text>
  </g>`;
}
