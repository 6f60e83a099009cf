// The steps and picks of a timeline, one per path segment, in columns of numbers: a million steps
// take tens of megabytes, not hundreds, and are turned into objects only when asked for (an export).
import type { Vec2 } from '@lossquake/core';

/** What a move records beyond the points it joins (the path holds those). */
export interface MoveRecord {
  iteration: number;
  /** The batch gradient projected on the plane ([0, 0] for a pick). */
  gradient: Vec2;
  loss: number;
  offPlane: number;
  picked: boolean;
}

export class MoveLog {
  #length = 0;
  #iteration = new Int32Array(64);
  #picked = new Uint8Array(64);
  // g1, g2, loss, offPlane per move.
  #numbers = new Float64Array(64 * 4);

  get length(): number {
    return this.#length;
  }

  /** Records move `k` (the segment from path[k] to path[k + 1]); moves after it are forgotten. */
  set(k: number, move: MoveRecord): void {
    if (k >= this.#iteration.length) this.#grow(k + 1);
    this.#iteration[k] = move.iteration;
    this.#picked[k] = move.picked ? 1 : 0;
    this.#numbers.set([move.gradient[0], move.gradient[1], move.loss, move.offPlane], 4 * k);
    this.#length = k + 1;
  }

  /** Keeps the first `length` moves. */
  truncate(length: number): void {
    this.#length = Math.min(this.#length, length);
  }

  at(k: number): MoveRecord {
    const n = this.#numbers;
    return {
      iteration: this.#iteration[k]!,
      gradient: [n[4 * k]!, n[4 * k + 1]!],
      loss: n[4 * k + 2]!,
      offPlane: n[4 * k + 3]!,
      picked: this.#picked[k] === 1,
    };
  }

  #grow(needed: number): void {
    const size = Math.max(needed, this.#iteration.length * 2);
    const iteration = new Int32Array(size);
    iteration.set(this.#iteration);
    const picked = new Uint8Array(size);
    picked.set(this.#picked);
    const numbers = new Float64Array(size * 4);
    numbers.set(this.#numbers);
    this.#iteration = iteration;
    this.#picked = picked;
    this.#numbers = numbers;
  }
}
