// Plays a view's `src` frames (landscapes computed elsewhere) with the one timing rule both views
// share: `frame-rate` frames per second, only while the host says it is playing.
//
//   const frames = new FramesController(this, { show(landscape, index), fail(message), clear() });
//   willUpdate: if (changed.has('src')) frames.load(this.src);
//   frames.frameRate = this.frameRate;                     // keep in step with `frame-rate`
//   frames.playing = visible && !linkedSampler && !data;   // paused: the shown frame stays
//
// `show` receives frame 0 as soon as the file is read (whether or not playing), then each next frame.
// A disconnect aborts a load in flight and stops the timer; reconnecting resumes both.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Landscape } from '@lossquake/core';
import { loadFrames } from '../frames-source.js';

export interface FramesHandlers {
  /** The next frame to display (frame 0 once loaded, then each one in turn, wrapping around). */
  show(landscape: Landscape, index: number): void;
  /** Loading or parsing failed: the host shows the message in place and fires `error`. */
  fail(message: string): void;
  /** `src` was removed: the frames are gone. */
  clear(): void;
}

export class FramesController implements ReactiveController {
  #frames: readonly Landscape[] = [];
  #index = 0;
  #frameRate = 2;
  #playing = false;
  #src: string | null = null;
  #loading: AbortController | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined = undefined;
  #host: ReactiveControllerHost & HTMLElement;
  #handlers: FramesHandlers;

  constructor(host: ReactiveControllerHost & HTMLElement, handlers: FramesHandlers) {
    this.#host = host;
    this.#handlers = handlers;
    host.addController(this);
  }

  /** The frames read from `src` (empty before they load, after a failure or once `src` is removed). */
  get frames(): readonly Landscape[] {
    return this.#frames;
  }

  /** Index of the frame shown last. */
  get index(): number {
    return this.#index;
  }

  /** Frames per second while playing. */
  get frameRate(): number {
    return this.#frameRate;
  }
  set frameRate(value: number) {
    if (value === this.#frameRate) return;
    this.#frameRate = value;
    this.#schedule();
  }

  /** Whether frames advance; false keeps the shown frame (off screen, a sampler linked, data set). */
  get playing(): boolean {
    return this.#playing;
  }
  set playing(value: boolean) {
    if (value === this.#playing) return;
    this.#playing = value;
    this.#schedule();
  }

  /** Reads frames from `src`, abandoning any load in flight; null drops the frames. */
  load(src: string | null): void {
    this.#loading?.abort();
    this.#loading = null;
    this.#src = src || null;
    if (!this.#src) {
      this.#stop();
      this.#index = 0;
      if (this.#frames.length) {
        this.#frames = [];
        this.#handlers.clear();
      }
      return;
    }
    if (this.#host.isConnected) void this.#read(this.#src);
  }

  hostConnected(): void {
    // A load the last disconnect cut short starts again.
    if (this.#src && !this.#frames.length && !this.#loading) void this.#read(this.#src);
    this.#schedule();
  }

  hostDisconnected(): void {
    this.#loading?.abort();
    this.#loading = null;
    this.#stop();
  }

  async #read(src: string): Promise<void> {
    const loading = (this.#loading = new AbortController());
    let frames: Landscape[];
    try {
      frames = await loadFrames(src, loading.signal);
    } catch (error) {
      if (loading.signal.aborted) return;
      this.#loading = null;
      const reason = error instanceof Error ? error.message : String(error);
      this.#handlers.fail(`Could not load frames from ${src}: ${reason}`);
      return;
    }
    if (loading.signal.aborted) return;
    this.#loading = null;
    this.#frames = frames;
    this.#index = 0;
    this.#handlers.show(frames[0]!, 0); // parseFrames gives at least one
    this.#schedule();
  }

  #schedule(): void {
    this.#stop();
    if (!this.#playing || this.#frames.length < 2 || !this.#host.isConnected) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#index = (this.#index + 1) % this.#frames.length;
      this.#handlers.show(this.#frames[this.#index]!, this.#index);
      this.#schedule();
    }, 1000 / this.#frameRate);
  }

  #stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
