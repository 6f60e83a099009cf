// How long a view's morph may last so that a step's two beats stay apart: the landscape morphs to the
// new batch, then stands still under the arrow (the article's figure 5), at any sampler `rate`.
import type { LinkedSampler } from './linked-sampler.js';

/** One animation frame at 60 Hz, in ms. */
const FRAME = 1000 / 60;
/** Share of the half-beat before `weights-change` the morph may take; the still landscape gets the rest. */
const SHARE = 0.8;

/**
 * The morph length in ms for `transition` when a sampler plays at `rate` batches per second: its
 * `weights-change` comes half a beat (500 / rate ms) after `batch-change`, so the morph takes at most
 * SHARE of that, less two frames (a morph starts on the next animation frame and lands on a frame).
 * Under one frame of room it switches at once (0). Without a rate (paused, stepped by hand, no
 * sampler), `transition` as given.
 */
export function morphDuration(transition: number, rate?: number | null): number {
  if (!(transition > 0)) return 0;
  if (!rate || !(rate > 0) || !Number.isFinite(rate)) return transition;
  const room = (500 / rate) * SHARE - 2 * FRAME;
  return room < FRAME ? 0 : Math.min(transition, room);
}

/** A linked view's morph: `morphDuration` at the sampler's rate while it plays, else `transition`. */
export function linkedMorphDuration(
  transition: number,
  sampler: Pick<LinkedSampler, 'rate' | 'paused'> | null,
): number {
  return morphDuration(transition, sampler?.paused === false ? sampler.rate : null);
}
