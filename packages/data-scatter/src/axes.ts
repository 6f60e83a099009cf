// The x1 (bottom) and x2 (left) axes with ticks from kit's axisTicks, as a Lit SVG template.
import { svg, type SVGTemplateResult } from 'lit';
import { axisTicks } from '@lossquake/kit';
import type { DataDomain } from './domain.js';
import type { ScatterLayout } from './layout.js';
import { svgNumber as n } from './svg-number.js';

/** Tick length, gap to the label, and about how many pixels per tick on x1 and x2. */
const TICK = { size: 5, gap: 3, per1: 60, per2: 45 };

export function axesTemplate(layout: ScatterLayout, domain: DataDomain): SVGTemplateResult {
  const { x, y, width, height } = layout.plot;
  // At least three: a small tile asking for two gets a single tick at 0 from d3's nice steps.
  const count1 = Math.max(3, Math.round(width / TICK.per1));
  const count2 = Math.max(3, Math.round(height / TICK.per2));
  return svg`<g part="axes" aria-hidden="true">
    <rect class="domain" x=${n(x - 0.5)} y=${n(y - 0.5)} width=${n(width + 1)} height=${n(height + 1)}></rect>
    ${axisTicks(domain.x1[0], domain.x1[1], count1).map(
      (
        t,
      ) => svg`<g class="tick x1" transform="translate(${n(Math.round(layout.px(t.value)) + 0.5)},${n(y + height)})">
        <line y2=${TICK.size}></line><text y=${TICK.size + TICK.gap} dy="0.71em" text-anchor="middle">${t.text}</text></g>`,
    )}
    ${axisTicks(domain.x2[0], domain.x2[1], count2).map(
      (
        t,
      ) => svg`<g class="tick x2" transform="translate(${n(x)},${n(Math.round(layout.py(t.value)) + 0.5)})">
        <line x2=${-TICK.size}></line><text x=${-TICK.size - TICK.gap} dy="0.32em" text-anchor="end">${t.text}</text></g>`,
    )}
    <text class="axis-label" x=${n(x + width / 2)} y=${n(y + height + 34)} text-anchor="middle">x₁</text>
    <text class="axis-label" transform="translate(${n(x - 36)},${n(y + height / 2)}) rotate(-90)" text-anchor="middle">x₂</text>
  </g>`;
}
