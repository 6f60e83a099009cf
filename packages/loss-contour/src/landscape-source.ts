// Where the contour's landscape comes from: one of a linked sampler's landscapes (by mode), a
// Landscape object set as the `landscape` property, or the frames of `src`; and the events that
// change it (a new batch, a reset, the full landscape arriving, a file loaded or failing).
import type { ReactiveControllerHost } from 'lit';
import type { Landscape } from '@lossquake/core';
import {
  FramesController,
  SamplerLink,
  buildingMessage,
  emit,
  type BatchChangeDetail,
  type LandscapeMode,
  type LinkedSampler,
  type SamplerLinkHost,
  type WeightsChangeDetail,
} from '@lossquake/kit';
import { framesRange, type Range } from './level-range.js';
import { memoLast } from './memo.js';

export interface SourceHandlers {
  /**
   * Show the source again, eased or at once. `renew` derives the fixed levels again: from the next
   * landscape shown, or (`now`) for the one on screen too.
   */
  retarget(how: 'morph' | 'jump', renew?: 'next' | 'now'): void;
  /** The weights moved, by a training step or a reader's pick (the marks and description follow). */
  moved(detail: WeightsChangeDetail): void;
  /** A new sampler or a reset: the trail starts over. */
  restarted(): void;
}

export class LandscapeSource {
  /** Which of a linked sampler's landscapes is shown (kept while a Landscape object is shown). */
  mode: LandscapeMode = 'batch';
  /** The last `batch-change` payload; null after a reset. */
  lastBatch: BatchChangeDetail | null = null;
  /** Index of the `src` frame shown. */
  frameIndex = 0;
  /** Why `src` failed, shown in place; null when it did not. */
  error: string | null = null;
  readonly link: SamplerLink;
  readonly frames: FramesController;
  #loaded: readonly Landscape[] = [];
  #framesRange = memoLast(framesRange);
  #handlers: SourceHandlers;

  constructor(host: SamplerLinkHost & ReactiveControllerHost, handlers: SourceHandlers) {
    this.#handlers = handlers;
    this.link = new SamplerLink(host, {
      onLink: () => {
        handlers.restarted();
        handlers.retarget('jump', 'next');
      },
      onBatch: (detail) => {
        this.lastBatch = detail;
        handlers.retarget('morph');
      },
      onWeights: (detail) => handlers.moved(detail),
      // The full landscape may arrive later (from a worker): fixed levels derive from it.
      onLandscapeReady: () => handlers.retarget('morph', 'now'),
      onReset: () => {
        this.lastBatch = null;
        handlers.restarted();
        handlers.retarget('jump', 'next');
      },
    });
    this.frames = new FramesController(host, {
      show: (_, index) => {
        this.frameIndex = index;
        if (this.frames.frames === this.#loaded) return handlers.retarget('morph');
        // A new file: shown at once, with levels over all its frames.
        this.#loaded = this.frames.frames;
        this.error = null;
        handlers.retarget('jump', 'next');
      },
      fail: (message) => {
        this.error = message;
        emit(host, 'error', { message });
        host.requestUpdate();
      },
      clear: () => handlers.retarget('jump'),
    });
  }

  get sampler(): LinkedSampler | null {
    return this.link.sampler;
  }

  /** A linked sampler's variance map is shown: it takes levels and a caption of its own. */
  get variance(): boolean {
    return this.mode === 'variance' && !!this.sampler;
  }

  /** Reads frames from `src` (null drops them and any error). */
  load(src: string | null): void {
    if (!src) this.error = null;
    this.frames.load(src);
  }

  /** The landscape to show: the sampler's, else `data`, else the current `src` frame. */
  current(data: Landscape | null, sample: number): Landscape | null {
    const sampler = this.sampler;
    if (!sampler) return data ?? this.frames.frames[this.frameIndex] ?? null;
    if (this.mode === 'full') return sampler.fullLandscape;
    if (this.mode === 'sample') return sampler.sampleLandscape(sample);
    if (this.mode === 'variance') return sampler.varianceMap;
    return sampler.landscape;
  }

  /**
   * Shows a linked sampler's `mode` landscape. A variance map takes levels of its own: switching to
   * or from it derives them again, for the landscape on screen too.
   */
  show(mode: LandscapeMode): void {
    const renew = (mode === 'variance') !== (this.mode === 'variance') ? 'now' : undefined;
    this.mode = mode;
    this.#handlers.retarget('morph', renew);
  }

  /** Where the landscape shown comes from, as the description tells it (describe.ts). */
  described(data: Landscape | null) {
    const { sampler, mode, lastBatch: batch, frameIndex: index } = this;
    const count = this.frames.frames.length;
    return { sampler, mode, batch, frames: sampler || data ? null : { index, count } };
  }

  /** What is missing while there is nothing to draw, for the message in place (overlays.ts). */
  missing(sample: number, src: string | null) {
    const { sampler, mode } = this;
    return {
      linked: !!sampler,
      mode,
      sample,
      src,
      unlinked: this.link.missing.message,
      building: buildingMessage(sampler),
    };
  }

  /** The range over all `src` frames while they are what is shown (so they share their levels). */
  framesRange(data: Landscape | null): Range | null {
    const frames = this.frames.frames;
    return !this.sampler && !data && frames.length ? this.#framesRange(frames) : null;
  }
}
