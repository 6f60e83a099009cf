// The scatter's text description for assistive technology, composed from plain data.
import type { Dataset } from '@lossquake/core';

export interface ScatterState {
  data: Dataset | null;
  /** The rows circled (the current batch), existing rows only. */
  rows: readonly number[];
  /** The batch on screen (0-based, within its epoch), or null before training or standalone. */
  batch: { batch: number; epoch: number } | null;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function classCounts(y: Uint8Array, rows: Iterable<number>): [number, number] {
  const counts: [number, number] = [0, 0];
  for (const r of rows) counts[y[r] ? 1 : 0] += 1;
  return counts;
}

export function describeScatter({ data, rows, batch }: ScatterState): string {
  if (!data) return 'Training data: nothing to show yet.';
  const all = classCounts(data.y, data.y.keys());
  const parts = [
    `Training data: ${plural(data.n, 'point')} in two features, ${all[0]} of class 0 and ${all[1]} of class 1.`,
  ];
  if (rows.length > 0) {
    const circled = classCounts(data.y, rows);
    const where = batch ? `Batch ${batch.batch + 1} of epoch ${batch.epoch + 1}: the` : 'The';
    parts.push(
      `${where} ${plural(rows.length, 'row')} circled (${circled[0]} of class 0, ${circled[1]} of class 1).`,
    );
  }
  return parts.join(' ');
}
