// Which landscape the surface shows, and the weights on it: a linked sampler's (its batch, its full
// data, or one row, by `landscape` mode), else a Landscape set as a property, else the `src` frames.
import type { ReactiveController } from 'lit';
import type { Landscape, Vec2 } from '@lossquake/core';
import {
  FramesController,
  SamplerLink,
  emit,
  type LinkedSampler,
  type SamplerLinkHost,
} from '@lossquake/kit';
import type { SurfaceMode } from './attributes.js';

export interface SourceHost extends SamplerLinkHost {
  src: string | null;
  sample: number;
  frameRate: number;
}

export interface SourceHandlers {
  /** The landscape on screen now (null before the first). */
  current(): Landscape | null;
  /** Show `landscape`, at once or with the usual morph. */
  show(landscape: Landscape, instant: boolean): void;
  /** The weights or the trail changed. */
  moved(): void;
  /** Nothing is left to show (the `src` frames were dropped): clear the surface. */
  clear(): void;
  /** New data (a sampler linked or reset, another frames file or landscape): z-range="grow" starts over. */
  restart(): void;
}

export class SourceController implements ReactiveController {
  mode: SurfaceMode = 'batch';
  /** The landscape set as a property, shown when no sampler is linked. */
  standalone: Landscape | null = null;
  /** Where the sampler's weights are drawn (plane coordinates), or null. */
  weights: Vec2 | null = null;
  path: readonly Vec2[] = [];
  iteration = 0;
  /** Why the `src` frames could not be shown, or null. */
  loadError: string | null = null;
  #host: SourceHost;
  #on: SourceHandlers;

  #link: SamplerLink;
  #frames: FramesController;
  /** The frames file shown last, to tell a new file from the next loop of the same one. */
  #shownFrames: readonly Landscape[] = [];

  constructor(host: SourceHost, handlers: SourceHandlers) {
    this.#host = host;
    this.#on = handlers;
    this.#link = new SamplerLink(host, {
      onLink: () => {
        this.#on.restart();
        this.read(false);
      },
      onBatch: (detail) => {
        this.iteration = detail.iteration;
        this.weights = detail.point;
        if (this.mode === 'batch') this.#on.show(detail.landscape, false);
        else if (this.mode === 'sample') this.read(false);
      },
      onWeights: (detail) => {
        this.iteration = detail.iteration;
        this.weights = detail.point;
        this.path = detail.path;
        this.#on.moved();
      },
      onReset: () => {
        this.#on.restart();
        this.read(false);
      },
    });
    this.#frames = new FramesController(host, {
      show: (landscape, index) => {
        this.loadError = null;
        if (this.#frames.frames !== this.#shownFrames) {
          this.#shownFrames = this.#frames.frames;
          this.#on.restart();
        }
        if (!this.sampler) this.#on.show(landscape, index === 0);
      },
      fail: (message) => {
        this.loadError = message;
        emit(host, 'error', { message });
        host.requestUpdate();
      },
      // `src` removed: its frames must not stay on screen as if they were still the source.
      clear: () => {
        if (!this.sampler) {
          if (this.standalone) this.#on.show(this.standalone, true);
          else this.#on.clear();
        }
        host.requestUpdate();
      },
    });
    host.addController(this);
  }

  /** The link to the sampler (its `missing` note when `for` names none). */
  get link(): SamplerLink {
    return this.#link;
  }

  get sampler(): LinkedSampler | null {
    return this.#link.sampler;
  }

  /** Shows what the sampler (else the standalone landscape) offers now, with its weights. */
  read(instant: boolean): void {
    const sampler = this.sampler;
    if (!sampler) {
      if (this.standalone) this.#on.show(this.standalone, instant);
      return;
    }
    this.iteration = sampler.iteration;
    this.weights = sampler.point;
    this.path = sampler.path;
    const landscape = this.#pick(sampler);
    if (landscape) this.#on.show(landscape, instant);
    else this.#on.moved();
  }

  hostUpdate(): void {
    const host = this.#host;
    this.#frames.frameRate = host.frameRate;
  }

  /** `src` changed: load its frames (they play while no sampler is linked and the view is seen). */
  load(): void {
    if (!this.#host.src) this.loadError = null;
    this.#frames.load(this.#host.src);
  }

  /** After each update: catch up with the sampler, and play frames only while they are what is shown. */
  sync(visible: boolean): void {
    // A sampler may publish a landscape without an event this view acts on (the full landscape
    // computed after linking, say): show whatever it offers now.
    const sampler = this.sampler;
    const offered = sampler ? this.#pick(sampler) : null;
    const current = this.#on.current();
    if (offered && offered !== current && this.mode !== 'batch') this.#on.show(offered, false);
    else if (sampler && !current && sampler.landscape) this.read(true);
    this.#frames.playing = !sampler && visible;
  }

  #pick(sampler: LinkedSampler): Landscape | null {
    if (this.mode === 'full') return sampler.fullLandscape;
    if (this.mode === 'sample')
      return sampler.sampleLandscape(this.#host.sample) ?? sampler.landscape;
    return sampler.landscape;
  }
}
