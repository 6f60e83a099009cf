// Where a network's per-row table is built: on the GPU only where a measurement found it clearly
// faster than the page's worker pool. The pool's pace comes free from a table it built; the GPU's
// from a small probe, run lazily (after that table is on screen, when the main thread is idle, and
// only when the table was large enough for a GPU to matter) in one of the pool's workers, so the
// page makes a context only where the GPU won. Banded draws, with progress.
import { probeWhenIdle } from './gpu-idle.js';
import { DRAW_BUDGET_MS } from './gpu-kernel.js';
import {
  measureTablePace,
  NetworkGpuKernel,
  parameterCount,
  type TableData,
  type TableGrid,
  type TableNetwork,
  type TablePlane,
} from './gpu-network-table.js';
import type { WorkerPool } from './worker-pool.js';

export type TableBackend = 'cpu' | 'gpu';

/** How much faster the GPU must be, measured, to be used. */
const GPU_MARGIN = 1.5;
/**
 * A pool's table under this long says nothing worth a probe: a GPU could save little, and the pace
 * of so short a build is mostly its messages.
 */
const MIN_POOL_MS = 100;
/** Multiply-adds per draw assumed when forced, unmeasured: a real GPU's ~1e12 per second. */
const FORCED_PACE = 1e9;

let kernel: NetworkGpuKernel | null = null;
let backend: TableBackend = 'cpu';
let probe: Promise<TableBackend> | null = null;
/** The pool's measured pace, multiply-adds (rows × cells × P) per ms; 0 until a table was timed. */
let poolPace = 0;
/** Multiply-adds one draw may do: DRAW_BUDGET_MS of the GPU's measured pace. */
let drawLimit = 0;

/** Where the next table is built: 'cpu' (the worker pool) until a measurement chose the GPU. */
export function tableBackend(): TableBackend {
  if (backend === 'gpu' && kernel?.lost) backend = 'cpu';
  return backend;
}

/** The work of a table in multiply-adds, the unit both paces are measured in. */
export function tableWork(network: TableNetwork, rows: number, size: number): number {
  return rows * size * size * parameterCount(network);
}

/**
 * `pool` built a table of `work` multiply-adds in `ms`. The first such table long enough to measure
 * schedules the GPU's probe, after the next frame (the table's landscape is drawn in it) and when
 * the main thread is idle, in one of the pool's workers.
 */
export function notePoolTable(pool: WorkerPool, work: number, ms: number): void {
  if (ms < MIN_POOL_MS || probe) return;
  poolPace = work / ms;
  probe = probeWhenIdle(pool, 'gpu-table-pace', measureTablePace).then(
    (pace) => (backend = choose(pace)),
  );
}

/** Resolves when the pending probe (if any) has chosen; the choice now otherwise. */
export function tableBackendChosen(): Promise<TableBackend> {
  return probe ?? Promise.resolve(tableBackend());
}

/**
 * Overrides the measurement: 'gpu' builds every table on the GPU where it can run ('cpu' where it
 * cannot), 'cpu' on the pool. Resolves with what is in use.
 */
export function forceTableBackend(choice: TableBackend): Promise<TableBackend> {
  return (probe = Promise.resolve().then(() => {
    kernel ??= NetworkGpuKernel.create();
    drawLimit = DRAW_BUDGET_MS * FORCED_PACE;
    backend = choice === 'gpu' && kernel ? 'gpu' : 'cpu';
    return backend;
  }));
}

/** Forgets the choice and the context (tests: another stubbed environment). */
export function resetTableBackend(): void {
  kernel = null;
  backend = 'cpu';
  probe = null;
  poolPace = 0;
  drawLimit = 0;
}

/** The GPU where its measured pace clearly beats the pool's, with a context of its own on the page. */
function choose(pace: number | null): TableBackend {
  // Only a clear win: timings on a busy machine wobble, and a close call is not worth a context.
  if (pace === null || pace <= GPU_MARGIN * poolPace) return 'cpu';
  kernel ??= NetworkGpuKernel.create();
  if (!kernel) return 'cpu';
  drawLimit = DRAW_BUDGET_MS * pace;
  return 'gpu';
}

export interface GpuTableRequest {
  network: TableNetwork;
  data: TableData;
  plane: TablePlane;
  grid: TableGrid;
}

/**
 * The table of `request` on the GPU: `values[r·size² + cell]` for every row, in bands of rows each
 * one draw within DRAW_BUDGET_MS (`bandRows` overrides, for tests), yielding to the page between
 * bands and calling `progress` with the share of rows done. Null where the GPU is not chosen or the
 * context is lost on the way (the caller builds on the pool); rejects with the signal's reason.
 */
export async function gpuRowTable(
  request: GpuTableRequest,
  options: { signal?: AbortSignal; progress?: (done: number) => void; bandRows?: number } = {},
): Promise<{ grid: TableGrid; values: Float32Array } | null> {
  const gpu = kernel; // this one throughout, whatever a reset does meanwhile
  if (tableBackend() !== 'gpu' || !gpu) return null;
  const { network, data, plane, grid } = request;
  const { signal, progress } = options;
  const cells = grid.size * grid.size;
  const values = new Float32Array(data.n * cells);
  const perRow = tableWork(network, 1, grid.size);
  // Whole blocks of four rows: a band's last block then has no padding lanes.
  const bandRows = options.bandRows ?? Math.max(4, 4 * Math.floor(drawLimit / perRow / 4));
  progress?.(0);
  for (let start = 0; start < data.n; start += bandRows) {
    // The signal's reason, as the pool rejects with it.
    if (signal?.aborted) throw signal.reason;
    const end = Math.min(data.n, start + bandRows);
    const band = values.subarray(start * cells, end * cells);
    if (!gpu.fillRowTable(network, data, plane, grid, start, end, band)) return null;
    progress?.(end / data.n);
    // Let the page paint the progress and handle input before the next draw.
    if (end < data.n) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { grid, values };
}
