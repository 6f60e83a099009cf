// The GPU probes as tasks of the landscape worker, which serves them alongside landscapeTasks: on
// software GL a probe's context, compile and draws hold a thread for a few hundred milliseconds,
// which should not be the page's. Only the worker lists them: the page's own list (its inline
// fallback) would pull the GPU code into the main bundle, where it is a chunk loaded on demand; the
// page measures itself where the pool has no worker (gpu-landscape.ts, gpu-table-backend.ts).
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
