// Playing a run as a media element plays: a beat every half period at `rate`, only while the reader
// can see the sampler or one of its linked views, autoplay once one is on screen (the reader presses
// play under reduced motion), and `loop` or a stop at `max-iterations`.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  linkedViews,
  ReducedMotionController,
  VisibilityController,
  watchLinkedViews,
  type SamplerResetDetail,
} from '@lossquake/kit';

/** The settings playing reads from its element, and its `play()` (which autoplay calls, so a group follows). */
export interface PlaybackHost extends ReactiveControllerHost, Element {
  rate: number;
  maxIterations: number;
  loop: boolean;
  autoplay: boolean;
  play(): Promise<void>;
}

/** The run as playing drives it (see TrainingRun). */
export interface Beats {
  readonly busy: Promise<void> | null;
  readonly midStep: boolean;
  readonly iteration: number;
  beat(): Promise<void> | null;
  cancelBeat(): void;
  finishStep(): void;
  seek(iteration: number): Promise<void>;
}

/**
 * When the beat after one due at `due` is due, `half` ms of a period later: counted from when this one
 * was due, not from when it ended, so a beat's own work (a landscape, the views' updates) and timers
 * that fire late (a busy frame) do not slow the rate. A run that fell more than two batches (four
 * beats) behind — a stall, a slow landscape — counts again from `now` rather than dealing a burst.
 */
export function nextBeatDue(due: number, now: number, half: number): number {
  const next = due + half;
  return next < now - 4 * half ? now : next;
}

export class PlaybackController implements ReactiveController {
  /** What the author or reader asked for; a playing run holds, still unpaused, while nothing is seen. */
  paused = true;
  /** Played since the last `reset()`: a paused run the reader may want to resume (see pause-affordance). */
  played = false;
  #host: PlaybackHost;
  // The run, with the settings changed since the last beat applied.
  #run: () => Beats;
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** When the next beat is due (performance.now() ms). */
  #due = 0;
  #autoplayDone = false;
  #autoplay = false;
  #visibility: VisibilityController;
  #reducedMotion: ReducedMotionController;

  constructor(host: PlaybackHost, run: () => Beats) {
    this.#host = host;
    this.#run = run;
    // The sampler itself may be hidden (display:none, off-screen) while its views are read.
    this.#visibility = new VisibilityController(host, (visible) => this.#onVisibility(visible), {
      also: () => linkedViews(host),
      watch: (changed) => watchLinkedViews(host, changed),
    });
    this.#reducedMotion = new ReducedMotionController(host);
    host.addEventListener('sampler-reset', (event) => {
      // Only the reader's or author's reset() forgets playing; a loop or a setting change does not.
      const { reason } = (event as CustomEvent<SamplerResetDetail>).detail;
      if (event.target === host && reason === 'reset' && this.paused) {
        this.played = false;
        host.requestUpdate();
      }
    });
    host.addController(this);
  }

  /** Resolves at once, as media elements do. */
  play(): Promise<void> {
    this.#autoplayDone = true;
    this.played = true;
    if (this.paused) {
      this.paused = false;
      this.#host.dispatchEvent(new Event('play'));
      this.#host.requestUpdate();
    }
    this.#beatNow();
    return Promise.resolve();
  }

  /**
   * Stops; a batch already shown gets its training step, and one still being computed is dropped,
   * so a paused run is always at a whole step and no `batch-change` follows `pause`. As on media
   * elements, it also cancels an autoplay still waiting for the sampler to be seen ("pause all").
   */
  pause(): void {
    this.#autoplayDone = true;
    this.#clearTimer();
    if (this.paused) return;
    this.paused = true;
    const run = this.#run();
    run.cancelBeat();
    run.finishStep();
    this.#host.dispatchEvent(new Event('pause'));
    this.#host.requestUpdate();
  }

  hostUpdate(): void {
    // Setting `autoplay` on a sampler already on screen starts it, as the attribute at load does.
    if (this.#host.autoplay === this.#autoplay) return;
    this.#autoplay = this.#host.autoplay;
    if (this.#visibility.visible && this.#wantsAutoplay()) void this.#host.play();
  }

  hostDisconnected(): void {
    this.#clearTimer();
  }

  // A reader who asked for reduced motion starts the run themselves.
  #wantsAutoplay(): boolean {
    return this.#host.autoplay && !this.#autoplayDone && !this.#reducedMotion.reduced;
  }

  #onVisibility(visible: boolean): void {
    if (!visible) return this.#clearTimer();
    if (this.#wantsAutoplay()) void this.#host.play();
    else if (!this.paused) this.#beatNow();
  }

  #playing(): boolean {
    return !this.paused && this.#host.isConnected && this.#visibility.visible;
  }

  /** Schedules a beat at once (playing starts, comes back into view, or a slow landscape is done). */
  #beatNow(): void {
    if (this.#timer !== null || !this.#playing()) return;
    this.#due = performance.now();
    this.#timer = setTimeout(this.#tick, 0);
  }

  /** Schedules the next beat half a period after this one was due (see nextBeatDue). */
  #scheduleNextBeat(half: number): void {
    if (this.#timer !== null || !this.#playing()) return;
    const now = performance.now();
    this.#due = nextBeatDue(this.#due, now, half);
    this.#timer = setTimeout(this.#tick, Math.max(0, this.#due - now));
  }

  #clearTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  // Each tick is one beat: show the next batch, or (half a period later) take its step.
  #tick = (): void => {
    this.#timer = null;
    if (!this.#playing()) return;
    const run = this.#run();
    const half = 500 / this.#host.rate;
    if (run.busy) {
      void run.busy.then(() => this.#beatNow());
      return;
    }
    if (!run.midStep && run.iteration >= this.#host.maxIterations) {
      if (!this.#host.loop) return this.pause();
      void run.seek(0);
    }
    const shown = run.beat();
    if (shown) void shown.then(() => this.#scheduleNextBeat(half));
    else this.#scheduleNextBeat(half);
  };
}
