// Turns a batch's `rows` argument into checked indices, so every mean is over real rows.

import type { Dataset, Rows } from './types.js';

/** The rows as indices: 'all' becomes 0 .. n − 1; throws a RangeError for an empty batch or a bad index. */
export function resolveRows(data: Dataset, rows: Rows): ArrayLike<number> {
  if (rows === 'all') {
    const all = new Uint32Array(data.n);
    for (let r = 0; r < data.n; r++) all[r] = r;
    return all;
  }
  if (rows.length === 0) throw new RangeError('a batch needs at least one row');
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    if (!Number.isInteger(r) || r < 0 || r >= data.n) {
      throw new RangeError(`row ${r} is not in the data set (0 .. ${data.n - 1})`);
    }
  }
  return rows;
}
