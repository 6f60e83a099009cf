// Computes one sampler's large landscapes on the page's shared worker pool (or, where workers are
// unavailable, on the main thread in slices). Each sampler's results come back in the order asked for.
import type { Dataset, Grid, Landscape } from '@lossquake/core';
import { landscapeWorkerUrl } from '../landscape-worker-url.js';
import {
  landscapeTasks,
  type BatchLandscapeMessage,
  type FullLandscapeMessage,
  type FullLandscapes,
} from './landscape-jobs.js';
import { WorkerPool } from './worker-pool.js';

let shared: WorkerPool | null = null;

/** The page's one landscape pool, made on first use: every sampler shares its few workers. */
export function landscapePool(): WorkerPool {
  return (shared ??= new WorkerPool({ url: landscapeWorkerUrl, tasks: landscapeTasks }));
}

export class LandscapeService {
  #pool: WorkerPool;
  // One per request not yet answered: cancel() aborts them all.
  #requests = new Set<AbortController>();
  // The last request's answer: the next one waits for it, so answers keep their order.
  #last: Promise<unknown> = Promise.resolve();

  constructor(pool: WorkerPool = landscapePool()) {
    this.#pool = pool;
  }

  /** The pool the work runs on (a network's table is built on it too). */
  get pool(): WorkerPool {
    return this.#pool;
  }

  /** Where the work runs: 'worker' once a worker answered, 'inline' after falling back. */
  get mode(): WorkerPool['mode'] {
    return this.#pool.mode;
  }

  /** The mean loss of `rows` over `grid`; null when cancelled before it was done. */
  batch(model: string, data: Dataset, rows: Uint32Array, grid: Grid): Promise<Landscape | null> {
    return this.#request<Landscape>({ task: 'landscape-batch', model, data, rows, grid });
  }

  /** The full-data landscape and σ² per cell; null when cancelled before it was done. */
  full(model: string, data: Dataset, grid: Grid): Promise<FullLandscapes | null> {
    return this.#request<FullLandscapes>({ task: 'landscape-full', model, data, grid });
  }

  /** Drops every request not yet answered (they resolve to null); a worker busy with one is stopped. */
  cancel(): void {
    const requests = [...this.#requests];
    this.#requests.clear();
    for (const request of requests) request.abort();
  }

  /** Cancels everything; the pool's workers stay for the other samplers (and stop when idle). */
  destroy(): void {
    this.cancel();
  }

  #request<R>(message: BatchLandscapeMessage | FullLandscapeMessage): Promise<R | null> {
    const request = new AbortController();
    this.#requests.add(request);
    const answer = this.#pool
      .run<R>(message, [], { signal: request.signal })
      .catch((error: unknown) => {
        if (!request.signal.aborted) {
          const why = error instanceof Error ? error.message : String(error);
          console.warn(`<batch-sampler>: a landscape could not be computed: ${why}`);
        }
        return null;
      });
    const inOrder = this.#last.then(() => answer);
    this.#last = inOrder;
    // Cancelled while an earlier answer was awaited: dropped all the same.
    return inOrder.then((result) => {
      this.#requests.delete(request);
      return request.signal.aborted ? null : result;
    });
  }
}
