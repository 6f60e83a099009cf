// Draws one surface through the page's shared WebGL context: keeps the morph, tells the shared frame
// loop when this surface needs a frame (a change, a morph or a rotation running), builds the scene and
// has the renderer draw it, places the labels, and reports the context's status to the element.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Landscape } from '@lossquake/core';
import type { ResizeController } from '@lossquake/kit';
import { Morph } from './morph.js';
import { buildScene, type Scene, type SceneInput } from './scene.js';
import { LabelOverlay, type PlacedLabel } from './labels.js';
import { createSurfaceRenderer, type FrameOptions, type SurfaceRenderer } from './gl/renderer.js';
import {
  MAX_FRAME,
  pageContext,
  type SharedGL,
  type SharedStatus,
  type SurfaceClient,
} from './gl/shared-context.js';

export interface DrawingOptions {
  canvas(): HTMLCanvasElement | null;
  labels(): HTMLElement | null;
  size: ResizeController;
  /** On screen and the page visible. */
  visible(): boolean;
  /** The camera, the Loss axis, the trail and the weights for the next frame. */
  scene(): Omit<SceneInput, 'morph' | 'now' | 'width' | 'height' | 'fontSize'>;
  /** Colour map and wireframe for the next frame. */
  look(): Pick<FrameOptions, 'colormap' | 'wireframe'>;
  /** The view turns by itself: keep drawing, and move the camera before each frame. */
  spinning(): boolean;
  spin(now: number): void;
  statusChanged(status: SharedStatus, message: string): void;
}

/**
 * A landscape that comes within this many ms of the one before is part of a stream (a sampler playing
 * faster than five batches a second, most often with no morph): a software renderer draws the stream
 * with the coarser mesh, as during a morph, and every cell again once the stream has paused this long.
 * On SwiftShader the full 64² mesh was about 8 ms of the GPU process's CPU per frame, the most of any
 * part of the article's figure playing at rate 60.
 */
export const STREAM_GAP = 200;

export class DrawingController implements ReactiveController {
  readonly morph = new Morph();
  /** Frames drawn since the element was made, the last frame's labels and surface triangles. */
  framesDrawn = 0;
  labels: readonly PlacedLabel[] = [];
  trianglesDrawn = 0;
  #options: DrawingOptions;
  #renderer: SurfaceRenderer | null = null;
  #overlay: LabelOverlay | null = null;
  #attached = false;
  #dirty = true;
  /** Morph progress of the last frame drawn. */
  #shownT = 1;
  /** Within paintNow(): draw whether or not the element is seen. */
  #unseen = false;
  /** When the last landscape came, and whether it came within STREAM_GAP of the one before. */
  #shownAt = -Infinity;
  #streaming = false;
  /** Ends a stream STREAM_GAP after its last landscape: the still frame is drawn in full. */
  #streamEnd: ReturnType<typeof setTimeout> | undefined = undefined;

  #client: SurfaceClient;

  constructor(host: ReactiveControllerHost & HTMLElement, options: DrawingOptions) {
    this.#options = options;
    this.#client = {
      visible: () => this.#visible(),
      needsDraw: (now) => this.#needsDraw(now),
      render: (gl, now) => this.#render(gl, now),
      statusChanged: (status, message) => {
        if (status === 'ready') this.#dirty = true;
        options.statusChanged(status, message);
      },
    };
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#attached) return; // a move in the DOM: still attached
    this.#attached = true;
    pageContext.attach(this.#client);
  }

  /** Frees the GPU side; the element calls it once it stays out of the DOM. */
  release(): void {
    clearTimeout(this.#streamEnd);
    this.#renderer?.destroy();
    this.#renderer = null;
    if (this.#attached) pageContext.detach(this.#client);
    this.#attached = false;
  }

  /**
   * Morphs to `landscape` over `duration` ms (0: at once). Out of sight, a first landscape is
   * painted at once, so a print or a full-page capture shows it; later ones wait to be seen.
   */
  show(landscape: Landscape, duration: number): void {
    const seen = this.#options.visible();
    const first = this.morph.target === null;
    const now = performance.now();
    this.#streaming = now - this.#shownAt < STREAM_GAP;
    this.#shownAt = now;
    if (this.#streaming) {
      clearTimeout(this.#streamEnd);
      this.#streamEnd = setTimeout(() => {
        this.#streaming = false;
        this.invalidate();
      }, STREAM_GAP);
    }
    this.morph.push(landscape, now, seen ? duration : 0);
    this.invalidate();
    if (!seen && first) this.paintNow();
  }

  /** Paints now even out of sight (laid out below the fold, printing); false when it cannot. */
  paintNow(): boolean {
    this.#unseen = true;
    try {
      return this.drawNow();
    } finally {
      this.#unseen = false;
    }
  }

  /** Shows no landscape (the axes stay). */
  clear(): void {
    this.morph.clear();
    this.invalidate();
  }

  /** Something on screen changed: draw at the next frame. */
  invalidate(): void {
    this.#dirty = true;
    if (this.#attached) pageContext.request();
  }

  /** Draws now, outside the frame loop (for an export); false when it cannot. */
  drawNow(): boolean {
    this.#dirty = true;
    return pageContext.drawNow(this.#client);
  }

  #visible(): boolean {
    const { size } = this.#options;
    const shown = this.#unseen || this.#options.visible();
    return shown && size.width > 0 && size.height > 0 && !!this.#options.canvas();
  }

  #needsDraw(now: number): boolean {
    // The last frame of a morph must land exactly on t = 1, even if the clock passed it between frames.
    const moving = this.morph.running(now) || this.#shownT < 1 || this.#options.spinning();
    return this.#dirty || moving;
  }

  #render(gl: SharedGL, now: number): void {
    const canvas = this.#options.canvas();
    if (!canvas) return;
    const { width, height, devicePixelRatio: ratio } = this.#options.size;
    const device = (css: number) => Math.max(1, Math.min(MAX_FRAME, Math.round(css * ratio)));
    const frame = { width: device(width), height: device(height), pixelRatio: ratio };
    if (canvas.width !== frame.width) canvas.width = frame.width;
    if (canvas.height !== frame.height) canvas.height = frame.height;

    this.#options.spin(now);
    const container = this.#options.labels();
    const scene: Scene = buildScene({
      ...this.#options.scene(),
      morph: this.morph,
      now,
      width,
      height,
      fontSize: container ? parseFloat(getComputedStyle(container).fontSize) || 11 : 11,
    });
    this.#shownT = scene.t;
    this.#renderer ??= createSurfaceRenderer(pageContext);
    gl.begin(frame.width, frame.height);
    this.trianglesDrawn = this.#renderer.draw(gl, this.morph, scene, {
      ...frame,
      ...this.#options.look(),
      moving: scene.t < 1 || this.#options.spinning() || this.#streaming,
    });
    gl.present(canvas, frame.width, frame.height);
    this.labels = scene.labels;
    if (container) (this.#overlay ??= new LabelOverlay(container)).update(scene.labels);
    this.#dirty = false;
    this.framesDrawn++;
  }
}
