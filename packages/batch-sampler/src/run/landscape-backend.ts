// The sampler's side of the GPU landscape path. Its code (run/gpu-landscape.ts and the kernel) loads
// only when the start-up measurement is asked for: in the lossquake bundle it is a chunk of its own,
// which most pages never fetch. Until it has loaded and chosen the GPU, every landscape is the CPU's,
// so nothing waits for it.
import type { Dataset, Grid, Landscape, Model, Rows } from '@lossquake/core';
import type { LandscapeBackend } from './gpu-landscape.js';

export type { LandscapeBackend };

type GpuLandscapes = typeof import('./gpu-landscape.js');

/**
 * Loss evaluations (rows × cells × passes) below which no landscape asks for the measurement: the
 * CPU's lossGrid does them in a few ms (the figure's batches of 10 at 64² are 41 000), where a GPU
 * could save little and the probe (a context, a shader compile: ~180 ms on software GL) would cost
 * the page more than it ever saves.
 */
export const PROBE_WORK = 1_000_000;

let gpu: GpuLandscapes | null = null;
let loading: Promise<GpuLandscapes | null> | null = null;

/** The GPU module, once; null where it cannot load (the CPU computes everything then). */
function loadGpu(): Promise<GpuLandscapes | null> {
  return (loading ??= import('./gpu-landscape.js').then(
    (module) => (gpu = module),
    (error: unknown) => {
      console.warn(
        '<batch-sampler>: the GPU landscape code did not load; computing on the CPU.',
        error,
      );
      return null;
    },
  ));
}

/** The path in use now: 'cpu' until the GPU code has loaded and its measurement chose the GPU. */
export function landscapeBackend(): LandscapeBackend {
  return gpu?.landscapeBackend() ?? 'cpu';
}

/** Loads the GPU code and measures both paths once per page (see gpu-landscape.ts). */
export async function chooseLandscapeBackend(): Promise<LandscapeBackend> {
  return (await loadGpu())?.chooseLandscapeBackend() ?? 'cpu';
}

/** Loads the GPU code and forces a path (tests, the bench). */
export async function forceLandscapeBackend(choice: LandscapeBackend): Promise<LandscapeBackend> {
  return (await loadGpu())?.forceLandscapeBackend(choice) ?? 'cpu';
}

/** Loss evaluations of a landscape: `rows` rows on every cell of `grid`, `passes` times over. */
export function landscapeWork(rows: number, grid: Grid, passes: number): number {
  return rows * grid.size ** 2 * passes;
}

/**
 * gpu-landscape's gpuLossGrid where its code has loaded; null (the CPU computes) before. Work past
 * PROBE_WORK, and only that, asks for the measurement (loading the code first), which then decides
 * the later landscapes.
 */
export function gpuLossGrid(model: Model, data: Dataset, rows: Rows, grid: Grid): Landscape | null {
  const count = rows === 'all' ? data.n : rows.length;
  if (landscapeWork(count, grid, 1) >= PROBE_WORK) void chooseLandscapeBackend();
  return gpu?.gpuLossGrid(model, data, rows, grid) ?? null;
}

/** gpu-landscape's gpuPerSampleVariance where its code has loaded; null before (as gpuLossGrid). */
export function gpuPerSampleVariance(model: Model, data: Dataset, grid: Grid): Landscape | null {
  // Two passes over the rows: their mean, then the squared deviations from it.
  if (landscapeWork(data.n, grid, 2) >= PROBE_WORK) void chooseLandscapeBackend();
  return gpu?.gpuPerSampleVariance(model, data, grid) ?? null;
}
