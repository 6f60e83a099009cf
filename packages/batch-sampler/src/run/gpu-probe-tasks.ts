// The GPU probes as tasks of the landscape worker, which serves them alongside landscapeTasks (why in
// a worker: gpu-idle.ts). Only the worker lists them: the page's own list (its inline fallback) would
// pull the GPU code into the main bundle, where it is a chunk loaded on demand; where the pool has no
// worker, probeWhenIdle measures on the page.
import { measureLandscapePaces, type LandscapePaces } from './gpu-landscape-probe.js';
import { measureTablePace } from './gpu-network-table.js';
import type { PoolTask } from './worker-pool.js';

/** A probe's message: nothing but its name. */
export interface ProbeMessage {
  task: 'gpu-table-pace' | 'gpu-landscape-pace';
}

/** A task that measures: in one go, even inline (one draw at a time is all a probe does). */
function probeTask<R>(measure: () => R): PoolTask<ProbeMessage, R> {
  return {
    whole: () => ({ result: measure() }),
    // eslint-disable-next-line require-yield
    *sliced() {
      return measure();
    },
  };
}

export const gpuProbeTasks = {
  'gpu-table-pace': probeTask<number | null>(measureTablePace),
  'gpu-landscape-pace': probeTask<LandscapePaces | null>(measureLandscapePaces),
};
