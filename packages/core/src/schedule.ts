// Which rows make each mini-batch: the order in which a training run sees its data.

import { deriveSeed, createRandom } from './random.js';
import type { Sampling } from './types.js';

export interface ScheduleOptions {
  /** 'epoch' (default): shuffle once per epoch and deal without replacement; 'replacement': each
   * batch drawn independently; 'sequential': rows in order; 'full': every batch is every row. */
  sampling?: Sampling;
  /** Seeds the shuffles and draws (default 1). */
  seed?: number;
  /** Skip an epoch's last, smaller batch ('epoch' and 'sequential' only). */
  dropLast?: boolean;
}

export interface ScheduledBatch {
  /** 0-based count of batches dealt before this one in the whole run. */
  iteration: number;
  epoch: number;
  /** Index of the batch within its epoch. */
  batch: number;
  rows: Uint32Array;
}

/** All a schedule needs to resume: the next iteration (the shuffles are re-derived from the seed). */
export interface ScheduleState {
  readonly iteration: number;
}

export interface Schedule extends IterableIterator<ScheduledBatch> {
  readonly n: number;
  readonly batchSize: number;
  readonly sampling: Sampling;
  readonly seed: number;
  readonly dropLast: boolean;
  /** Batches per epoch; for 'replacement', ceil(n / batchSize) draws count as an epoch. */
  readonly batchesPerEpoch: number;
  /** The iteration the next call to `next()` deals. */
  readonly iteration: number;
  /** The batch at any iteration, without moving the schedule: O(1) draws, O(n) for a new epoch's shuffle. */
  at(iteration: number): ScheduledBatch;
  /** Makes `iteration` the next batch dealt (random access: no replay needed). */
  seek(iteration: number): void;
  save(): ScheduleState;
  restore(state: ScheduleState): void;
  /** Never done: a schedule deals batches forever. */
  next(): IteratorResult<ScheduledBatch, never>;
}

const samplings: readonly Sampling[] = ['epoch', 'replacement', 'sequential', 'full'];

/**
 * A reproducible, endless stream of mini-batches. Each epoch's shuffle (and each 'replacement'
 * batch) draws from its own generator seeded by (seed, epoch) or (seed, iteration), so any
 * iteration can be reached directly: that is what makes the sampler's seek and step back exact.
 */
export function createSchedule(
  n: number,
  batchSize: number,
  options: ScheduleOptions = {},
): Schedule {
  const sampling = options.sampling ?? 'epoch';
  const seed = options.seed ?? 1;
  const dropLast = options.dropLast ?? false;
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`createSchedule: n must be a positive integer, got ${n}`);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > n) {
    throw new RangeError(
      `createSchedule: batch size must be an integer from 1 to ${n}, got ${batchSize}`,
    );
  }
  if (!samplings.includes(sampling)) {
    throw new RangeError(
      `createSchedule: unknown sampling '${String(sampling)}' (expected ${samplings.join(', ')})`,
    );
  }
  if (!Number.isFinite(seed))
    throw new RangeError(`createSchedule: seed must be a finite number, got ${seed}`);

  const batchesPerEpoch =
    sampling === 'full'
      ? 1
      : dropLast && sampling !== 'replacement'
        ? Math.floor(n / batchSize)
        : Math.ceil(n / batchSize);
  let iteration = 0;
  let shuffledEpoch = -1;
  const order = new Uint32Array(n);

  function permutation(epoch: number): Uint32Array {
    if (epoch !== shuffledEpoch) {
      for (let r = 0; r < n; r++) order[r] = r;
      createRandom(deriveSeed(seed, epoch)).shuffle(order);
      shuffledEpoch = epoch;
    }
    return order;
  }

  function at(it: number): ScheduledBatch {
    checkIteration(it);
    const epoch = Math.floor(it / batchesPerEpoch);
    const batch = it - epoch * batchesPerEpoch;
    let rows: Uint32Array;
    if (sampling === 'full') {
      rows = new Uint32Array(n);
      for (let r = 0; r < n; r++) rows[r] = r;
    } else if (sampling === 'replacement') {
      const random = createRandom(deriveSeed(seed, it));
      rows = new Uint32Array(batchSize);
      for (let k = 0; k < batchSize; k++) rows[k] = random.int(n);
    } else {
      const start = batch * batchSize;
      const end = Math.min(start + batchSize, n);
      if (sampling === 'sequential') {
        rows = new Uint32Array(end - start);
        for (let k = 0; k < rows.length; k++) rows[k] = start + k;
      } else {
        rows = permutation(epoch).slice(start, end);
      }
    }
    return { iteration: it, epoch, batch, rows };
  }

  function checkIteration(it: number): void {
    if (!Number.isSafeInteger(it) || it < 0) {
      throw new RangeError(`schedule: iteration must be a non-negative integer, got ${it}`);
    }
  }

  const schedule: Schedule = {
    n,
    batchSize,
    sampling,
    seed,
    dropLast,
    batchesPerEpoch,
    get iteration() {
      return iteration;
    },
    at,
    seek(it) {
      checkIteration(it);
      iteration = it;
    },
    save: () => ({ iteration }),
    restore(state) {
      checkIteration(state.iteration);
      iteration = state.iteration;
    },
    next() {
      return { done: false, value: at(iteration++) };
    },
    [Symbol.iterator]() {
      return schedule;
    },
  };
  return schedule;
}
