// The per-row table behind a network's landscapes, built once per setting on the worker pool, or on
// the GPU where measured clearly faster. Until it is ready, landscapes wait for it (a progress bar
// shows how far it is); after, every batch, full and single-row landscape is a sum of table rows.
import { planeModel, type Dataset, type Grid, type Model, type RowTable } from '@lossquake/core';
import type { NetworkRun } from './network-plane.js';
import { buildRowTable, checkTableBytes, type TableRequest } from './table-jobs.js';
import type { WorkerPool } from './worker-pool.js';

// The GPU table code loads with a page's first network table (a chunk of its own in the lossquake
// bundle, which logistic pages never fetch); where it cannot load, every table is built on the pool.
let gpuTables: Promise<typeof import('./gpu-table-backend.js') | null> | null = null;
const loadGpuTables = () => (gpuTables ??= import('./gpu-table-backend.js').catch(() => null));

/** On the GPU where chosen (it can fail midway: a lost context), else on the pool, which is timed. */
async function buildTable(
  pool: WorkerPool,
  request: TableRequest & { network: { layers: readonly number[]; activation: 'tanh' | 'relu' } },
  signal: AbortSignal,
  progress: (done: number) => void,
): Promise<RowTable> {
  checkTableBytes(request);
  const gpu = await loadGpuTables();
  const table = gpu && (await gpu.gpuRowTable(request, { signal, progress }));
  if (table) return table;
  const { network, grid } = request;
  const paced =
    gpu &&
    ((rows: number, ms: number) =>
      gpu.notePoolTable(pool, gpu.tableWork(network, rows, grid.size), ms));
  return buildRowTable(pool, request, { signal, progress, paced: paced || undefined });
}

export class NetworkTable {
  /** The share of rows done, 0..1. */
  progress = 0;
  /** Why the table could not be built (the memory cap), for the reader; null otherwise. */
  error: string | null = null;
  /** The plane model that reads the table; null until it is built. */
  model: Model | null = null;
  /** Resolves with `model`, or null when the build failed or was cancelled. */
  readonly ready: Promise<Model | null>;

  #abort = new AbortController();

  constructor(
    run: NetworkRun,
    data: Dataset,
    grid: Grid,
    pool: WorkerPool,
    on: { changed(): void; progress(done: number): void; failed(message: string): void },
  ) {
    const { network, plane } = run;
    const request = {
      network: { inputs: network.inputs, layers: network.layers, activation: network.activation },
      data,
      plane,
      grid,
    };
    const progress = (done: number) => {
      this.progress = done;
      on.progress(done);
      on.changed();
    };
    this.ready = buildTable(pool, request, this.#abort.signal, progress).then(
      (table) => (this.model = planeModel(network, plane, table)),
      (error: unknown) => {
        if (!this.#abort.signal.aborted) {
          this.error = error instanceof Error ? error.message : String(error);
          on.failed(this.error);
        }
        on.changed();
        return null;
      },
    );
  }

  /** Stops building: the settings changed. */
  cancel(): void {
    this.#abort.abort(new DOMException('the settings changed', 'AbortError'));
  }
}
