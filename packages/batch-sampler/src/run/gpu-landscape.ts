// Where the logistic model's landscapes are computed: on the GPU only where a measurement at
// start-up found it faster than core's lossGrid on this machine (renderer names say little: a
// software GL, a blocklisted or a busy GPU all look alike). One WebGL2 context per page, made lazily.
import {
  createLandscape,
  featureCount,
  logistic,
  type Dataset,
  type Grid,
  type Landscape,
  type Model,
  type Rows,
} from '@lossquake/core';
import { probeWhenIdle } from './gpu-idle.js';
import { DRAW_BUDGET_MS, LogisticGpuKernel } from './gpu-kernel.js';
import { measureLandscapePaces, PROBE, type LandscapePaces } from './gpu-landscape-probe.js';
import { forceTableBackend, resetTableBackend } from './gpu-table-backend.js';
import { landscapeWork } from './landscape-backend.js';
import { landscapePool } from './landscape-service.js';
import type { WorkerPool } from './worker-pool.js';

/** 'gpu': landscapes of the logistic model are computed by the GPU kernel; 'cpu': by core's lossGrid. */
export type LandscapeBackend = 'cpu' | 'gpu';

let kernel: LogisticGpuKernel | null = null;
let backend: LandscapeBackend = 'cpu';
let decision: Promise<LandscapeBackend> | null = null;
/** How much faster the GPU must be, measured, to be used. */
const GPU_MARGIN = 1.5;
/** Loss evaluations (rows × cells) one draw may do; set by the measurement. */
let drawLimit = 0;
/**
 * Loss evaluations below which the CPU is the quicker: a GPU landscape costs at least a round trip
 * (readPixels waits for the GPU process, behind the views' frames on the same page), which the
 * CPU's lossGrid beats on small work. Set by the measurement.
 */
let minWork = 0;

/** The path in use now: 'cpu' until the start-up measurement has chosen the GPU. */
export function landscapeBackend(): LandscapeBackend {
  if (backend === 'gpu' && kernel?.lost) backend = 'cpu';
  return backend;
}

/**
 * Measures both paths once per page, in one of `pool`'s workers (on the page where it has none),
 * after the next frame when the main thread is idle, so it never delays the landscape asked for now;
 * resolves with the choice, and later calls return the same promise. The sampler asks for it only
 * for landscapes past PROBE_WORK (landscape-backend.ts).
 */
export function chooseLandscapeBackend(
  pool: Pick<WorkerPool, 'run'> = landscapePool(),
): Promise<LandscapeBackend> {
  return (decision ??= probeWhenIdle(pool, 'gpu-landscape-pace', measureLandscapePaces).then(
    (paces) => (backend = choose(paces)),
  ));
}

/**
 * Overrides the measurement: 'cpu' keeps every landscape on core's lossGrid (the reference), 'gpu'
 * uses the kernel wherever it can run ('cpu' where it cannot). Resolves with what is in use.
 */
export function forceLandscapeBackend(choice: LandscapeBackend): Promise<LandscapeBackend> {
  // Networks' tables follow the same override (tests and the bench pin one path for everything).
  void forceTableBackend(choice);
  return (decision = Promise.resolve().then(() => {
    kernel ??= LogisticGpuKernel.create();
    // Nothing measured: one draw's budget assumes a real GPU's speed (1e10 evaluations/s).
    drawLimit = DRAW_BUDGET_MS * 1e7;
    minWork = 0;
    backend = choice === 'gpu' && kernel ? 'gpu' : 'cpu';
    return backend;
  }));
}

/** Forgets the choice and the context (tests: another stubbed environment). */
export function resetLandscapeBackend(): void {
  resetTableBackend();
  kernel = null;
  backend = 'cpu';
  decision = null;
  drawLimit = 0;
  minWork = 0;
}

/**
 * The work (loss evaluations) at which the CPU takes as long as the GPU took on the probe: the CPU's
 * time grows with the work, the GPU's is mostly its round trip, so below it the CPU is the quicker.
 */
export function crossoverWork(probe: { cpuMs: number; gpuMs: number; work: number }): number {
  return probe.cpuMs > 0 ? (probe.work * probe.gpuMs) / probe.cpuMs : 0;
}

/** The GPU where the probe found it clearly faster, with a context of the page's own. */
function choose(paces: LandscapePaces | null): LandscapeBackend {
  if (!paces) return 'cpu';
  const { cpuMs, gpuMs } = paces;
  // Only a clear win: timings on a busy machine wobble, and the GPU's answers differ from the CPU's
  // in the last float32 digits, so a close call is not worth a second context or a changed number.
  if (gpuMs * GPU_MARGIN >= cpuMs) return 'cpu';
  kernel ??= LogisticGpuKernel.create();
  if (!kernel) return 'cpu';
  const work = PROBE.batch * PROBE.size ** 2;
  drawLimit = (DRAW_BUDGET_MS / Math.max(gpuMs, 1e-3)) * work;
  minWork = crossoverWork({ cpuMs, gpuMs, work });
  return 'gpu';
}

/**
 * The GPU computes this work: chosen, the logistic model on two features, more than the CPU does
 * quicker (a batch of 10 at 64², played at 60 a second, was half the figure's lost batches on
 * software GL), and within one draw's budget.
 */
function fits(model: Model, data: Dataset, rows: number, grid: Grid, passes: number): boolean {
  if (model.name !== logistic.name || featureCount(data) !== 2) return false;
  const work = landscapeWork(rows, grid, passes);
  return landscapeBackend() === 'gpu' && work >= minWork && work <= drawLimit;
}

function indices(data: Dataset, rows: Rows): ArrayLike<number> {
  return rows === 'all' ? Uint32Array.from({ length: data.n }, (_, k) => k) : rows;
}

/**
 * The mean loss of `rows` over `grid` on the GPU (core's lossGrid to float32 rounding), or null
 * where the CPU computes it: not chosen (yet), another model, or the context lost.
 */
export function gpuLossGrid(model: Model, data: Dataset, rows: Rows, grid: Grid): Landscape | null {
  const count = rows === 'all' ? data.n : rows.length;
  if (!fits(model, data, count, grid, 1)) return null;
  const values = kernel!.logistic(data, indices(data, rows), grid);
  return values && createLandscape(grid, values);
}

/** core's perSampleVariance (σ² of the single-row losses per cell) on the GPU, or null as gpuLossGrid. */
export function gpuPerSampleVariance(model: Model, data: Dataset, grid: Grid): Landscape | null {
  // Two passes over the rows: their mean, then the squared deviations from it.
  if (!fits(model, data, data.n, grid, 2)) return null;
  const values = kernel!.logistic(data, indices(data, 'all'), grid, true);
  return values && createLandscape(grid, values);
}
