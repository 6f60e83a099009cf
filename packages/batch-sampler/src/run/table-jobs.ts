// A network's per-row landscape table L[row, j, i], built in bands of rows on the page's worker pool
// (every core at once), with progress, cancelled with the settings that asked for it.
import {
  createNetwork,
  fillRowTable,
  MAX_TABLE_BYTES,
  tableBytes,
  type Dataset,
  type Grid,
  type NetworkOptions,
  type Plane,
  type RowTable,
} from '@lossquake/core';
import type { PoolTask, WorkerPool } from './worker-pool.js';

/** One band of rows, rowStart .. rowEnd − 1, as the pool runs it. */
export interface TableBandMessage {
  task: 'row-table';
  network: NetworkOptions;
  data: Dataset;
  plane: Plane;
  grid: Grid;
  rowStart: number;
  rowEnd: number;
}

function fillBand(message: TableBandMessage, rowStart: number, rowEnd: number, out: Float32Array) {
  const { network, data, plane, grid } = message;
  fillRowTable(createNetwork(network), data, plane, grid, rowStart, rowEnd, out);
}

export const tableBandTask: PoolTask<TableBandMessage, Float32Array> = {
  whole(message) {
    const cells = message.grid.size ** 2;
    const result = new Float32Array((message.rowEnd - message.rowStart) * cells);
    fillBand(message, message.rowStart, message.rowEnd, result);
    return { result, transfer: [result.buffer] };
  },
  *sliced(message) {
    const cells = message.grid.size ** 2;
    const result = new Float32Array((message.rowEnd - message.rowStart) * cells);
    // One row at a time on the main thread: a row of a 64² table is a few milliseconds.
    for (let r = message.rowStart; r < message.rowEnd; r++) {
      const offset = (r - message.rowStart) * cells;
      fillBand(message, r, r + 1, result.subarray(offset, offset + cells));
      if (r + 1 < message.rowEnd) yield;
    }
    return result;
  },
};

/**
 * Bands per worker: many, so the progress bar moves and a core slowed by other work is not waited
 * on (the queue hands the next band to whichever worker is free). 8 per worker is 63 rows a band at
 * N = 1000 on 2 cores, about 100 ms of one core each (a 64² table, 16-16 network): a band's own cost
 * (its message, the first layer's per-row sums) is under 1 % of that, and one band is about one
 * block of rows of the kernel (ROW_BLOCK = 64 in core's row-table.ts).
 */
const BANDS_PER_WORKER = 8;

export interface TableRequest {
  network: NetworkOptions;
  data: Dataset;
  plane: Plane;
  grid: Grid;
}

/** A RangeError for the reader where the table of `request` would pass MAX_TABLE_BYTES. */
export function checkTableBytes({ data, grid }: TableRequest): void {
  const bytes = tableBytes(data.n, grid.size);
  if (bytes > MAX_TABLE_BYTES) {
    const mib = (b: number) => Math.ceil(b / 2 ** 20);
    throw new RangeError(
      `a network's landscapes need a table of ${data.n} rows × ${grid.size}² cells (${mib(bytes)} MiB), over the ${mib(MAX_TABLE_BYTES)} MiB limit: use fewer rows or a lower resolution`,
    );
  }
}

/**
 * Builds the table of `request` on `pool`, calling `progress` with the share of rows done (0..1)
 * and, at the end, `paced` with the rows and milliseconds from the first band's arrival to the last
 * (the workers' steady pace, without their start-up). Rejects with a RangeError past
 * MAX_TABLE_BYTES (a message for the reader), and with the signal's reason when aborted.
 */
export async function buildRowTable(
  pool: WorkerPool,
  request: TableRequest,
  {
    signal,
    progress,
    paced,
  }: {
    signal: AbortSignal;
    progress: (done: number) => void;
    paced?: (rows: number, ms: number) => void;
  },
): Promise<RowTable> {
  const { data, grid } = request;
  checkTableBytes(request);
  const cells = grid.size ** 2;
  const values = new Float32Array(data.n * cells);
  const bands = Math.min(data.n, pool.size * BANDS_PER_WORKER);
  let done = 0;
  let firstArrival = 0;
  let firstRows = 0;
  progress(0);
  await Promise.all(
    Array.from({ length: bands }, async (_, k) => {
      const rowStart = Math.floor((k * data.n) / bands);
      const rowEnd = Math.floor(((k + 1) * data.n) / bands);
      const message: TableBandMessage = { task: 'row-table', ...request, rowStart, rowEnd };
      const band = await pool.run<Float32Array>(message, [], { signal });
      values.set(band, rowStart * cells);
      done += rowEnd - rowStart;
      if (firstRows === 0) {
        firstArrival = performance.now();
        firstRows = done;
      }
      progress(done / data.n);
    }),
  );
  if (done > firstRows) paced?.(done - firstRows, performance.now() - firstArrival);
  return { grid, values };
}
