// The one way the contour writes a number into SVG markup (coordinates, sizes, path data): fixed
// decimals, never exponent notation or NaN. `String(1e-7)` is "1e-7" and `String(1e21)` "1e+21";
// a tiny or huge extent puts such numbers into attributes, and the SVG parser logs each as an error.

/** Pixels past which a coordinate is far off any plot; toFixed itself turns to exponents at 1e21. */
const FAR = 1e7;

/** `value` in CSS pixels as SVG reads it: two decimals at most, clamped to ±FAR, NaN as 0. */
export function svgNumber(value: number): string {
  if (Number.isNaN(value)) return '0';
  const clamped = Math.max(-FAR, Math.min(FAR, value));
  // Number() drops trailing zeros ("12.50" → 12.5) and the sign of a rounded -0.
  return String(Number(clamped.toFixed(2)) + 0);
}
