// A sampler's transport, as on a media element: play, pause, step, step back, seek and reset, each
// applied to this sampler's run or playback and handed on to its group (group.ts), and a reader's
// pick. Apart from the class so that what each call does, and which its group shares, sit in one place.
import type { BatchSampler } from '../batch-sampler.component.js';
import { pickTarget, seekTarget } from '../settings.js';
import { GroupController } from './group.js';
import type { PlaybackController } from './playback.js';
import type { RunController } from './run.js';

export class Transport {
  #host: BatchSampler;
  #runs: RunController;
  #playback: PlaybackController;
  #group: GroupController;

  constructor(host: BatchSampler, runs: RunController, playback: PlaybackController) {
    this.#host = host;
    this.#runs = runs;
    this.#playback = playback;
    this.#group = new GroupController(host);
  }

  step(): Promise<void> {
    return this.#group.together('step', [], () => this.#runs.current().step());
  }

  /** Goes back one step through the host's own `seek`; at the start with no batch on show, nowhere. */
  stepBack(): Promise<void> {
    return this.#group.together('stepBack', [], () => {
      const run = this.#runs.current();
      if (run.iteration === 0 && !run.midStep) return;
      return this.#host.seek(Math.max(0, run.iteration - 1));
    });
  }

  seek(iteration: number): Promise<void> {
    const target = seekTarget(this.#host, iteration);
    // A refused target (warned about here) is not handed on to the group.
    if (target === null) return Promise.resolve();
    return this.#group.together('seek', [iteration], () => this.#runs.current().seek(target));
  }

  /** `start-at` changed: the sampler seeks there; a sampler's own setting, its group keeps its iterations. */
  startAtChanged(): void {
    if (!this.#runs.run.configured) return;
    void this.#group.alone(() => this.#host.seek(this.#host.startAt));
  }

  /** A reader's pick: this sampler's alone, as its own views made it (weights-pick.ts). */
  pick(weights: unknown): void {
    const picked = pickTarget(this.#host, weights);
    if (picked) this.#runs.current().pick(picked);
  }

  reset(): void {
    void this.#group.together('reset', [], () => this.#runs.reset());
  }

  play(): Promise<void> {
    return this.#group.together('play', [], () => this.#playback.play());
  }

  pause(): void {
    void this.#group.together('pause', [], () => this.#playback.pause());
  }
}
