// Axis ticks for both views: d3's "nice" tick values (d3-array) and the labels d3-scale's default
// tickFormat writes for them — as many decimals as the tick step needs, thousands grouped, a true
// minus sign — written with the platform's number formatting, so a view ships no d3-scale,
// d3-interpolate, d3-color or d3-format. ticks.test.ts checks both against d3-scale itself.
import { tickStep, ticks } from 'd3-array';

export interface Tick {
  value: number;
  /** The label, e.g. "−2.5" or "20,000". */
  text: string;
}

/** Decimals that show a step exactly (d3-format's precisionFixed): 0.25 → 2, 5 → 0. */
function decimalsFor(step: number): number {
  const exponent = Number(Math.abs(step).toExponential().split('e')[1]);
  return Number.isFinite(exponent) ? Math.max(0, -exponent) : 0;
}

// One formatter per number of decimals: making an Intl.NumberFormat costs about a millisecond, and
// the surface labels three axes in every frame.
const formats = new Map<number, Intl.NumberFormat>();

function formatWith(decimals: number): Intl.NumberFormat {
  let format = formats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formats.set(decimals, format);
  }
  return format;
}

/** About `count` round values between `lo` and `hi` (either order), with their labels. */
export function axisTicks(lo: number, hi: number, count: number): Tick[] {
  const label = formatWith(decimalsFor(tickStep(lo, hi, count)));
  // `|| 0`: a tick at −0 reads "0", as d3 writes it.
  return ticks(lo, hi, count).map((value) => ({
    value,
    text: label.format(value || 0).replace('-', '−'),
  }));
}
