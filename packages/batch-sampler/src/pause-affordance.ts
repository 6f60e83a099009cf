// The small pause/play button of a sampler without `controls`: a reader can always stop a figure
// that moves by itself (WCAG 2.2.2 "Pause, Stop, Hide"), and resume it, until the run is reset.
import { html, nothing } from 'lit';
import { icon, icons } from './batch-sampler.controls.js';

/** What the button reads from, and asks of, its sampler. */
export interface PausableSampler {
  readonly paused: boolean;
  play(): Promise<void>;
  pause(): void;
}

/**
 * The button, while `sampler` plays and after a pause while `played` (since the last reset); nothing
 * for a sampler that never played, whose figure stands still.
 */
export function pauseAffordance(sampler: PausableSampler, played: boolean) {
  if (sampler.paused && !played) return nothing;
  const label = sampler.paused ? 'Play' : 'Pause';
  // A zero-height row above the slot: the button floats over the top-right corner of what follows
  // (the sampler's views), without moving anything on the page.
  return html`<div class="pause-affordance">
    <button
      part="pause-button"
      type="button"
      aria-label=${label}
      title=${label}
      @click=${() => (sampler.paused ? void sampler.play() : sampler.pause())}
    >
      ${icon(sampler.paused ? icons.play : icons.pause)}
    </button>
  </div>`;
}
