// The GPU table probe as a task of the landscape worker, which serves it alongside landscapeTasks.
// Only the worker lists it: the page's own list (the inline fallback) would pull the GPU table code
// into the main bundle, where it is a chunk loaded on demand (gpu-table-backend.ts).
import { measureTablePace } from './gpu-network-table.js';
import type { PoolTask } from './worker-pool.js';

export interface TablePaceMessage {
  task: 'gpu-table-pace';
}

export const tablePaceTask: PoolTask<TablePaceMessage, number | null> = {
  whole: () => ({ result: measureTablePace() }),
  // eslint-disable-next-line require-yield -- one draw at a time is all a probe does
  *sliced() {
    return measureTablePace();
  },
};
