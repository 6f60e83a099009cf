// Setting changes wait here until the end of the task, so that changing several settings at once
// rebuilds the run once and fires one `sampler-reset`, named for the most sweeping change.
import type { ResetReason } from '@lossquake/kit';

/** Reset reasons from the most to the least sweeping: new data outranks a new model, and so on. */
export const reasonOrder: readonly ResetReason[] = [
  'data',
  'model',
  'seed',
  'batch-size',
  'sampling',
  'optimizer',
  'learning-rate',
  'weights',
  'extent',
  'resolution',
  'reset',
];

/** The reason a reset of all of `reasons` is named for ('reset' when none ranks). */
export function mostSweeping(reasons: Iterable<ResetReason>): ResetReason {
  const given = new Set(reasons);
  return reasonOrder.find((reason) => given.has(reason)) ?? 'reset';
}

export class ResetQueue {
  #pending = new Set<ResetReason>();
  #scheduled = false;
  #flush: () => void;

  /** `flush` runs in a microtask after the first `add` of a task, unless someone flushed already. */
  constructor(flush: () => void) {
    this.#flush = flush;
  }

  get pending(): boolean {
    return this.#pending.size > 0;
  }

  add(reason: ResetReason): void {
    this.#pending.add(reason);
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      this.#flush();
    });
  }

  /** Empties the queue and returns what was in it. */
  take(): ReadonlySet<ResetReason> {
    const reasons = this.#pending;
    this.#pending = new Set();
    return reasons;
  }
}
