// The loss range the contour levels span: fixed across batches (so a quake shows as bands moving, not
// as levels sliding), or each landscape's own; eased from one range to the next during a morph.
import { ease, lerpRange, sameGrid, valueRange, type Landscape } from '@lossquake/core';

export type Range = readonly [number, number];

/** Where a fixed range may come from, besides the landscape on screen. */
export interface RangeSources {
  /** Each landscape takes its own range (`level-scale="auto"`, or a variance map). */
  own: boolean;
  /** The linked sampler's full-data landscape: fixed levels span it, whatever batch is shown. */
  full: Landscape | null;
  /** The range over all of `src`'s frames (when they are what is shown). */
  frames: Range | null;
}

/** A landscape's own range: its min and max when they are sound, else a scan of its values. */
export function ownRange(landscape: Landscape): Range {
  const { min, max } = landscape;
  if (Number.isFinite(min) && Number.isFinite(max) && min <= max) return [min, max];
  const [lo, hi] = valueRange(landscape.values);
  return lo <= hi ? [lo, hi] : [0, 1];
}

/** The range over every frame of a `src` file, so all of them share the same levels. */
export function framesRange(frames: readonly Landscape[]): Range {
  let lo = Infinity;
  let hi = -Infinity;
  for (const frame of frames) {
    lo = Math.min(lo, frame.min);
    hi = Math.max(hi, frame.max);
  }
  return [lo, hi];
}

export class LevelRange {
  /** The range on screen now (in between two ranges mid-morph). */
  now: Range = [0, 1];
  #from: Range = [0, 1];
  #to: Range = [0, 1];
  #fixed: Range | null = null;
  #stale = false;

  /**
   * Forgets the fixed range (a new link, reset, data or scale): the next landscape fixes it again.
   * `now` also re-derives the range of the landscape already on screen at the next `settle`.
   */
  release(now = false): void {
    this.#fixed = null;
    if (now) this.#stale = true;
  }

  /** The range for landscape `next`: the fixed one (fixing it first when there is none), or its own. */
  for(next: Landscape, sources: RangeSources): Range {
    if (sources.own) return ownRange(next);
    if (this.#fixed) return this.#fixed;
    if (sources.full && sameGrid(sources.full.grid, next.grid))
      this.#fixed = ownRange(sources.full);
    else this.#fixed = sources.frames ?? ownRange(next);
    return this.#fixed;
  }

  /** After a `release(true)`: takes the range of `shown` at once. */
  settle(shown: Landscape | null, sources: RangeSources): void {
    if (!this.#stale) return;
    this.#stale = false;
    if (shown) this.jump(this.for(shown, sources));
  }

  /** Shows `range` at once. */
  jump(range: Range): void {
    this.#from = this.#to = this.now = range;
  }

  /** Starts easing from the range on screen towards `range` (see `at`). */
  start(range: Range): void {
    this.#from = this.now;
    this.#to = range;
  }

  /** The range at morph progress t in [0, 1], eased as the landscape is. */
  at(t: number): void {
    const e = ease(t);
    this.now = e === 1 ? this.#to : lerpRange(this.#from, this.#to, e);
  }
}
