// tanh for the network's hot loops (the row table, training steps): one definition, so a table row
// and the network's own forward pass give the same numbers.

/** Steps of e^x's table per ln 2: e^x = EXP_TABLE[n]·e^r with |r| ≤ ln 2 / 64. */
const STEPS = 32;
const STEPS_OVER_LN2 = STEPS / Math.LN2;
// ln 2 / STEPS split in two (Cody & Waite): n·LN2_STEP_HI is exact for the n used here.
const LN2_STEP_HI = 0.6931471803691238 / STEPS;
const LN2_STEP_LO = 1.9082149292705877e-10 / STEPS;
/** tanh's e^{2s} is needed for |2s| ≤ 40: n from −OFFSET to OFFSET. */
const OFFSET = Math.ceil(40 * STEPS_OVER_LN2) + 1;
/** e^{n·ln2/STEPS}, each the correctly rounded exp (30 KB, built once). */
const EXP_TABLE = Float64Array.from({ length: 2 * OFFSET + 1 }, (_, k) =>
  Math.exp((k - OFFSET) / STEPS_OVER_LN2),
);
/**
 * Adding and subtracting 1.5·2⁵² rounds a float64 of magnitude < 2⁵¹ to the nearest integer: with
 * Math.round in its place a whole table took 20 % longer in V8.
 */
const ROUNDER = 6755399441055744;

/**
 * tanh(s) = 1 − 2/(e^{2s} + 1), with e^{2s} = EXP_TABLE[n]·e^r (|r| ≤ ln 2 / 64) and e^r by its
 * Taylor series to r⁵: truncation below 0.0109⁶/6! = 2e−15 relative, so tanh is within ~1e−15
 * absolute (measured 1.3e−15). Math.tanh costs V8 a library call; tanh is a large share of a
 * table's time and of a training step's. Through at most eight layers of 256 weights that error stays far below 1e−6 of any
 * loss. Beyond |s| = 20, tanh is ±1 to the last bit of a float64.
 */
export function tanh(s: number): number {
  if (s > 20) return 1;
  if (s < -20) return -1;
  const x = 2 * s;
  const n = x * STEPS_OVER_LN2 + ROUNDER - ROUNDER;
  const r = x - n * LN2_STEP_HI - n * LN2_STEP_LO;
  const r2 = r * r;
  // Σ rⁿ/n!, n = 0 .. 5, in Estrin's order: shorter chains of dependent operations than Horner.
  const er = 1 + r + r2 * (0.5 + r * (1 / 6)) + r2 * r2 * (1 / 24 + r * (1 / 120));
  return 1 - 2 / (er * EXP_TABLE[n + OFFSET]! + 1);
}
