// Axes W1 (bottom) and W2 (left) with ticks, and the colour legend, as Lit SVG templates.
import { nothing, svg, type SVGTemplateResult } from 'lit';
import type { Grid } from '@lossquake/core';
import { axisTicks } from '@lossquake/kit';
import type { Layout } from './layout.js';
import { svgNumber as n } from './svg-number.js';

/** Tick length, gap to the label, and pixels per tick on W1 and W2: the default and compact layouts. */
const TICKS = {
  full: { size: 5, gap: 3, per1: 60, per2: 45 },
  compact: { size: 3, gap: 2, per1: 60, per2: 60 },
};

/** The linear map from `domain` onto [from, to], computed as d3-scale's linear scale does. */
function along(domain: readonly [number, number], from: number, to: number) {
  return (v: number) => {
    const t = (v - domain[0]) / (domain[1] - domain[0]);
    return from * (1 - t) + to * t;
  };
}

/** The axis titles of the two weights, unless a plane names its own. */
export const WEIGHT_AXES = ['W1', 'W2'] as const;

export function axesTemplate(
  layout: Layout,
  grid: Grid,
  [name1, name2]: readonly [string, string] = WEIGHT_AXES,
): SVGTemplateResult {
  const { x, y, width, height } = layout.plot;
  const tick = layout.compact ? TICKS.compact : TICKS.full;
  // Weights → pixels (W1 left to right, W2 bottom to top), in d3's arithmetic so ticks land as before.
  const w1 = along(grid.w1, x, x + width);
  const w2 = along(grid.w2, y + height, y);
  const count1 = Math.max(2, Math.round(width / tick.per1));
  const count2 = Math.max(2, Math.round(height / tick.per2));
  // Compact tiles have no room for axis titles: the ticks stay, W1 below and W2 on the left.
  const titles = layout.compact
    ? nothing
    : svg`<text class="axis-label" x=${n(x + width / 2)} y=${n(y + height + 34)} text-anchor="middle">${name1}</text>
    <text class="axis-label" transform="translate(${n(x - 38)},${n(y + height / 2)}) rotate(-90)" text-anchor="middle">${name2}</text>`;
  return svg`<g part="axes" class=${layout.compact ? 'compact' : ''} aria-hidden="true">
    <rect class="domain" x=${n(x - 0.5)} y=${n(y - 0.5)} width=${n(width + 1)} height=${n(height + 1)}></rect>
    ${axisTicks(grid.w1[0], grid.w1[1], count1).map(
      (
        t,
      ) => svg`<g class="tick" transform="translate(${n(Math.round(w1(t.value)) + 0.5)},${n(y + height)})">
        <line y2=${tick.size}></line><text y=${tick.size + tick.gap} dy="0.71em" text-anchor="middle">${t.text}</text></g>`,
    )}
    ${axisTicks(grid.w2[0], grid.w2[1], count2).map((t) => {
      const at = Math.round(w2(t.value));
      // Compact: a W2 label at the bottom corner would sit on the first W1 label; its tick stays.
      const label =
        layout.compact && at > y + height - 8
          ? nothing
          : svg`<text x=${-tick.size - tick.gap} dy="0.32em" text-anchor="end">${t.text}</text>`;
      return svg`<g class="tick" transform="translate(${n(x)},${n(at + 0.5)})">
        <line x2=${-tick.size}></line>${label}</g>`;
    })}
    ${titles}
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
  if (layout.compact) return compactLegend(layout, count, colours);
  const bandHeight = height / count;
  // Label every band edge that has room (about 14 px apart), always the lowest.
  const every = Math.max(1, Math.ceil(14 / Math.max(bandHeight, 1e-6)));
  const edges: number[] = [];
  for (let k = 0; k < count; k += every) edges.push(k);
  return svg`<g part="legend">
    ${Array.from(
      { length: count },
      (_, k) =>
        svg`<rect class="legend-band" x=${n(x)} y=${n(y + height - (k + 1) * bandHeight)} width=${n(width)} height=${n(bandHeight + 0.5)} fill=${colours[k]}></rect>`,
    )}
    <rect class="domain" x=${n(x - 0.5)} y=${n(y - 0.5)} width=${n(width + 1)} height=${n(height + 1)}></rect>
    ${edges.map(
      (
        k,
      ) => svg`<g class="tick" transform="translate(${n(x + width)},${n(Math.round(y + height - k * bandHeight) + 0.5)})">
        <line x2="3"></line><text x="5" dy="0.32em">${formatLevel(thresholds[k]!)}</text></g>`,
    )}
    <text class="legend-caption" transform="translate(${n(x + width + 44)},${n(y + height / 2)}) rotate(90)" text-anchor="middle">${caption} · ${note}</text>
  </g>`;
}

/** Compact: the bands as a thin bar under the plot, lowest loss on the left; no labels. */
function compactLegend(
  layout: Layout,
  count: number,
  colours: readonly string[],
): SVGTemplateResult {
  const { x, y, width, height } = layout.legend;
  const bandWidth = width / count;
  return svg`<g part="legend" class="compact">
    ${Array.from(
      { length: count },
      (_, k) =>
        svg`<rect class="legend-band" x=${n(x + k * bandWidth)} y=${n(y)} width=${n(k < count - 1 ? bandWidth + 0.5 : bandWidth)} height=${n(height)} fill=${colours[k]}></rect>`,
    )}
  </g>`;
}
