// Test helpers around the landscape pool: a page that refuses workers, and counting what a pool is asked.
import type { WorkerPool } from '../run/worker-pool.js';

/** Runs `body` while every `new Worker()` throws, as under a Content-Security-Policy without worker-src. */
export async function refusingWorkers<T>(body: () => Promise<T>): Promise<T> {
  const original = globalThis.Worker;
  globalThis.Worker = class {
    constructor() {
      throw new DOMException('refused by Content-Security-Policy', 'SecurityError');
    }
  } as unknown as typeof Worker;
  try {
    return await body();
  } finally {
    globalThis.Worker = original;
  }
}

/** Runs `body` while every request of `task` made to `pool` is counted (they still run). */
export async function countingTasks(
  pool: WorkerPool,
  task: string,
  body: (count: () => number) => Promise<void>,
): Promise<void> {
  const run = pool.run.bind(pool);
  let count = 0;
  pool.run = ((message, ...rest) => {
    if (message.task === task) count++;
    return run(message, ...rest);
  }) as WorkerPool['run'];
  try {
    await body(() => count);
  } finally {
    pool.run = run;
  }
}
