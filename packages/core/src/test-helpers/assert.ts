// The one float comparison every test uses: numbers or arrays, absolute or relative tolerance.

import { expect } from 'chai';

export interface InDeltaOptions {
  /** Compare |actual − expected| with delta·|expected| (plus `floor`) instead of delta. */
  relative?: boolean;
  /** Absolute slack added to a relative tolerance, for values near zero. */
  floor?: number;
}

export function assertInDelta(
  actual: number | ArrayLike<number>,
  expected: number | ArrayLike<number>,
  delta: number,
  options: InDeltaOptions = {},
): void {
  const a = typeof actual === 'number' ? [actual] : Array.from(actual);
  const e = typeof expected === 'number' ? [expected] : Array.from(expected);
  expect(a.length, 'length').to.equal(e.length);
  for (let k = 0; k < a.length; k++) {
    const tolerance = options.relative ? delta * Math.abs(e[k]!) + (options.floor ?? 0) : delta;
    const error = Math.abs(a[k]! - e[k]!);
    if (!(error <= tolerance)) {
      expect.fail(
        `index ${k}: expected ${a[k]} to be within ${tolerance} of ${e[k]} (off by ${error})`,
      );
    }
  }
}
