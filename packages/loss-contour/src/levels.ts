// Contour levels: the loss thresholds that split a landscape into filled bands, and which band a loss is in.

/**
 * `count` bands spread evenly over [lo, hi]: returns the `count` lower edges, `thresholds[0] = lo`.
 * Band k holds losses in [thresholds[k], thresholds[k + 1]); the last band is open above and the first
 * one open below, so losses outside [lo, hi] (a batch that dips under the full landscape) still get a colour.
 */
export function levelThresholds(
  lo: number,
  hi: number,
  count: number,
  out: Float64Array = new Float64Array(count),
  spacing: LevelSpacing = 'linear',
): Float64Array {
  const thresholds = out.length === count ? out : new Float64Array(count);
  // A flat landscape still gets distinct thresholds, so d3-contour has something to cut.
  const span = hi > lo ? hi - lo : Math.max(Math.abs(lo), 1) * 1e-6;
  for (let k = 0; k < count; k++) {
    const t = k / count;
    thresholds[k] =
      lo + span * (spacing === 'log' ? (Math.pow(1 + LOG_RATIO, t) - 1) / LOG_RATIO : t);
  }
  return thresholds;
}

/**
 * 'linear': equal steps of loss. 'log': steps that grow geometrically from the lowest loss, so the basin
 * around a minimum shows its shape (as the seed's figures do) while high plateaus stay a few wide bands.
 */
export type LevelSpacing = 'linear' | 'log';

/** How much wider the top band is than the bottom one with 'log' spacing (roughly). */
const LOG_RATIO = 100;

/** The band (0..thresholds.length - 1) that `value` falls in. */
export function bandOf(value: number, thresholds: ArrayLike<number>): number {
  let band = 0;
  for (let k = 1; k < thresholds.length; k++) if (value >= thresholds[k]!) band = k;
  return band;
}

/** Where band k sits on the colour map: the lowest band at 0, the highest at 1. */
export function bandPosition(band: number, count: number): number {
  return count <= 1 ? 0 : band / (count - 1);
}

/** What the legend says of the levels: fixed, or each landscape's own (a variance map is always its own). */
export function levelsNote(fixed: boolean, variance: boolean, linked: boolean): string {
  if (fixed) return 'levels fixed';
  if (variance) return 'levels per map';
  return linked ? 'levels per batch' : 'levels per landscape';
}
