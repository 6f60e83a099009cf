// The logistic landscape's GPU probe: one representative landscape timed on the CPU (core's
// lossGrid) and on the GPU kernel, in a context of its own that is freed before it returns. The
// sampler runs it in one of the pool's workers (gpu-probe-tasks.ts): making a context, compiling and
// the first draws held the page's main thread for about 250 ms on software GL.
import { createGrid, logistic, lossGrid, makeDataset } from '@lossquake/core';
import { LogisticGpuKernel, medianRunMs } from './gpu-kernel.js';

/** The representative work timed on both paths: a batch of 100 on a 64² grid, as the seed plays it. */
export const PROBE = { size: 64, batch: 100, repeats: 5 };

/** Median milliseconds of one probe landscape on each path. */
export interface LandscapePaces {
  cpuMs: number;
  gpuMs: number;
}

/** Times the probe on both paths; null where the GPU cannot run it (no WebGL2, no float targets). */
export function measureLandscapePaces(): LandscapePaces | null {
  const kernel = LogisticGpuKernel.create();
  if (!kernel) return null;
  try {
    const data = makeDataset('blobs', { n: PROBE.batch, seed: 1 });
    const grid = createGrid([-20, 20, -20, 20], PROBE.size);
    const rows = Uint32Array.from({ length: PROBE.batch }, (_, k) => k);
    const cpuMs = medianRunMs(() => (lossGrid(logistic, data, rows, grid), true), PROBE.repeats);
    const gpuMs = medianRunMs(() => kernel.logistic(data, rows, grid) !== null, PROBE.repeats);
    return cpuMs === null || gpuMs === null ? null : { cpuMs, gpuMs };
  } finally {
    kernel.dispose();
  }
}
