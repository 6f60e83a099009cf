// When and where a GPU probe runs: after the next frame (so a landscape computed now is drawn first),
// when the main thread is idle, and in one of the pool's workers (on software GL a probe's context,
// compile and draws hold a thread for a few hundred milliseconds, which should not be the page's).
import type { ProbeMessage } from './gpu-probe-tasks.js';
import type { WorkerPool } from './worker-pool.js';

/** Resolves after the next frame, in the first idle period after it (at most `timeoutMs` later). */
export function afterFrameWhenIdle(timeoutMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    const idle = () => {
      if (typeof requestIdleCallback === 'function')
        requestIdleCallback(() => resolve(), { timeout: timeoutMs });
      else setTimeout(resolve, 0);
    };
    // A frame callback runs before that frame's paint: the timeout moves past the paint.
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(idle));
    else idle();
  });
}

/**
 * Runs the probe `task` (gpu-probe-tasks.ts) in one of `pool`'s workers once the page is idle after
 * the next frame; `here` measures on the page where the pool has no worker (its work runs inline,
 * and only the worker lists the probes).
 */
export async function probeWhenIdle<R>(
  pool: Pick<WorkerPool, 'run'>,
  task: ProbeMessage['task'],
  here: () => R,
): Promise<R> {
  await afterFrameWhenIdle();
  try {
    return await pool.run<R>({ task });
  } catch {
    return here();
  }
}
