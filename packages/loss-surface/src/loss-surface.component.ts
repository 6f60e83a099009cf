// The <loss-surface> element: wires attributes, a linked sampler, `src` frames and the reader's
// gestures to the drawing controller. The GPU work lives in gl/, the picture of a frame in scene.ts.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { Landscape } from '@lossquake/core';
import {
  DescriptionController,
  PrintController,
  buildingMessage,
  linkedMorphDuration,
  ReducedMotionController,
  ResizeController,
  VisibilityController,
  emit,
  downloadFrame,
  frameBlob,
  viewToHTML,
  validated,
  type CapturableView,
  type ColormapName,
} from '@lossquake/kit';
import { styles } from './loss-surface.styles.js';
import * as types from './attributes.js';
import type { SurfaceMode, SurfaceZRange } from './attributes.js';
import { OrbitController } from './orbit-controller.js';
import { DrawingController } from './drawing-controller.js';
import { SourceController } from './source-controller.js';
import { cameraAttributes, composeFrame } from './snapshot.js';
import { describeSurface } from './describe.js';
import { pageContext, type SharedStatus } from './gl/shared-context.js';
import { testing, type ContextHooks, type SurfaceHooks } from './testing.js';

/**
 * The loss landscape as a shaded 3-D surface that morphs from one mini-batch's landscape to the next.
 *
 * The custom properties marked "shared" theme every lossquake element, so setting them once on a
 * wrapper themes a whole explainer. The colour map is the `colormap` attribute; the trail and the
 * weights are drawn in WebGL in fixed colours.
 *
 * @tagname loss-surface
 * @summary The shaking 3-D loss landscape, drawn with WebGL (regl).
 *
 * @fires camera-change - The reader turned or zoomed the view: `{ azimuth, elevation, zoom, group }`.
 * @fires error - WebGL is unavailable, or `src` failed to load or parse: `{ message }`. Does not bubble.
 *
 * @csspart frame - The box holding the canvas and labels.
 * @csspart canvas - The canvas that shows the frame.
 * @csspart labels - The layer of tick labels and axis titles.
 * @csspart tick-label - One tick label.
 * @csspart axis-title - The W1, W2 and Loss titles.
 * @csspart message - The message shown in place when the surface cannot draw.
 *
 * @cssproperty [--lossquake-font-family=system-ui, sans-serif] - Font of the labels and of the in-place message, which stays 14px (shared).
 * @cssproperty [--lossquake-font-size=11px] - Font size of the tick labels; titles are 1.15 times larger (shared).
 * @cssproperty [--lossquake-text-color=#333] - Colour of the labels, titles and in-place message (shared).
 * @cssproperty [--lossquake-focus-color=#2563eb] - Colour of the focus ring (shared).
 * @cssproperty [--lossquake-message-background=rgba(248, 249, 250, 0.92)] - Background of the in-place message (shared).
 * @cssproperty [--lossquake-error-color=var(--lossquake-text-color)] - Colour of the in-place message when it is an error (shared).
 * @cssproperty [--lossquake-surface-background=transparent] - Background behind the surface (white in exported frames).
 */
export class LossSurface extends LitElement implements CapturableView {
  static override styles = styles;

  /** Id of the <batch-sampler> to follow; else the nearest ancestor sampler. */
  @property({ reflect: true }) for: string | null = null;
  /** URL of frames JSON `{grid, frames: [{values}]}` to play when no sampler is linked. */
  @property() src: string | null = null;
  /**
   * `batch`, `full` or `sample` (the attribute); or a Landscape object to show (the property), used
   * when no sampler is linked. `currentLandscape` is the landscape on screen.
   */
  @validated(types.landscapeType) landscape: SurfaceMode | Landscape = 'batch';
  /** The row of the current batch shown when `landscape="sample"` (0-based). */
  @validated(types.sampleType) sample = 0;
  /** Colour map by loss: `blues` (default), `viridis`, `magma`, `cividis`, `greys`. */
  @validated(types.colormapType) colormap: ColormapName = 'blues';
  /** Milliseconds of morph from one landscape to the next (0 under prefers-reduced-motion). */
  @validated(types.transitionType) transition = 400;
  /** Frames per second of `src` frames, 0.1..60. */
  @validated(types.frameRateType, { attribute: 'frame-rate' }) frameRate = 2;
  /** Draw the weights' trail on the surface (on by default; `show-path="false"` hides it). */
  @validated(types.flag, { attribute: 'show-path' }) showPath = true;
  /** Draw the current weights as a marker resting on the surface (on by default). */
  @validated(types.flag, { attribute: 'show-weights' }) showWeights = true;
  /** Draw grid lines over the surface. */
  @validated(types.flag) wireframe = false;
  /** Turn slowly around the vertical axis (never under prefers-reduced-motion). */
  @validated(types.flag, { attribute: 'auto-rotate' }) autoRotate = false;
  /** Surfaces with the same camera group turn together. */
  @validated(types.groupType, { attribute: 'camera-group' }) cameraGroup: string | null = null;
  /** Camera angle around the vertical axis in degrees, kept in (-180, 180] (matplotlib's azim). */
  @validated(types.azimuthType) azimuth = -60;
  /** Camera height in degrees above the weight plane, -90..90. */
  @validated(types.elevationType) elevation = 30;
  /** Magnification, 0.25..8. */
  @validated(types.zoomType) zoom = 1;
  /**
   * The Loss axis: `grow` (every landscape since the last reset or new data fits: the axis only widens
   * within a run, so quakes stay comparable), `auto` (each landscape's own range) or `"min max"`.
   */
  @validated(types.zRange, { attribute: 'z-range' }) zRange: SurfaceZRange = 'grow';

  @query('canvas') private canvasElement!: HTMLCanvasElement | null;
  @query('.labels') private labelsElement!: HTMLElement | null;

  #status: SharedStatus = 'ready';
  #statusMessage = '';

  #source = new SourceController(this, {
    current: () => this.currentLandscape,
    show: (landscape, instant) => this.#show(landscape, instant),
    moved: () => this.#drawing.invalidate(),
    clear: () => {
      this.#drawing.clear();
      this.#description.refresh();
    },
    restart: () => this.#drawing.morph.restartGrowth(),
  });
  #visibility = new VisibilityController(this, () => this.#drawing.invalidate());
  #resize = new ResizeController(this, {
    target: () => this.renderRoot.querySelector('.frame'),
    // Laid out off screen (below the fold, in a print or full-page capture): paint once anyway.
    onChange: () =>
      this.#visibility.visible ? this.#drawing.invalidate() : this.#drawing.paintNow(),
  });
  #motion = new ReducedMotionController(this);
  #orbit = new OrbitController(this, () => this.#motion.reduced);
  #drawing: DrawingController = new DrawingController(this, {
    canvas: () => this.canvasElement,
    labels: () => this.labelsElement,
    size: this.#resize,
    visible: () => this.#visibility.visible,
    scene: () => ({
      camera: { azimuth: this.azimuth, elevation: this.elevation, zoom: this.zoom },
      zRange: this.zRange,
      path: this.showPath ? this.#source.path : null,
      weights: this.showWeights ? this.#source.weights : null,
      axisNames: this.#source.sampler?.plane?.labels,
    }),
    look: () => ({ colormap: this.colormap, wireframe: this.wireframe }),
    spinning: () => this.#orbit.spinning,
    spin: (now) => this.#orbit.spin(now),
    statusChanged: (status, message) => this.#statusChanged(status, message),
  });
  #description = new DescriptionController(this, () => {
    const { sampler, mode, iteration, weights } = this.#source;
    const linked = sampler ? { mode, iteration, sample: this.sample } : null;
    return describeSurface({ landscape: this.currentLandscape, sampler: linked, weights });
  });

  constructor() {
    super();
    // Printing paints what is shown now, on screen or not.
    new PrintController(this, () => this.#drawing.paintNow());
  }

  /** Which landscape of a linked sampler is shown: `batch`, `full` or `sample`. */
  get landscapeMode(): SurfaceMode {
    return this.#source.mode;
  }

  /** The landscape on screen now (the morph's target), or null before the first. */
  get currentLandscape(): Landscape | null {
    return this.#drawing.morph.target;
  }

  /** @internal */
  get [testing](): SurfaceHooks {
    const drawing = this.#drawing;
    return {
      framesDrawn: drawing.framesDrawn,
      labels: drawing.labels,
      trianglesDrawn: drawing.trianglesDrawn,
    };
  }
  /** @internal */
  static get [testing](): ContextHooks {
    return pageContext;
  }

  /** @internal Reacts at once (not at the next update) to a new landscape or sample row. */
  validatedChanged(name: string): void {
    const source = this.#source;
    if (name === 'landscape') {
      const value = this.landscape;
      if (typeof value === 'string') {
        if (value !== source.mode) this.#drawing.morph.restartGrowth();
        source.mode = value;
        source.read(true);
      } else {
        source.standalone = value;
        // A landscape handed over is new data, not the next batch of a run.
        this.#drawing.morph.restartGrowth();
        if (!source.sampler) this.#show(value, false);
      }
    } else if (name === 'sample' && source.mode === 'sample') source.read(true);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    this.#description.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move in the DOM disconnects and reconnects at once: free the GPU side only if it stays out.
    queueMicrotask(() => {
      if (!this.isConnected) this.#drawing.release();
    });
  }

  protected override render() {
    const { loadError } = this.#source;
    const { sampler, link } = this.#source;
    const building = this.currentLandscape ? null : buildingMessage(sampler);
    const unlinked = this.currentLandscape ? null : link.missing.message;
    const message =
      loadError ?? unlinked ?? building ?? (this.#status === 'ready' ? null : this.#statusMessage);
    const alert = loadError !== null || this.#status === 'unavailable';
    return html`<div class="frame" part="frame">
      <canvas part="canvas"></canvas>
      <div class="labels" part="labels" aria-hidden="true"></div>
      ${
        message
          ? html`<div class="message" part="message" role=${alert ? 'alert' : 'status'}>
              ${message}
            </div>`
          : nothing
      }
    </div>`;
  }

  protected override firstUpdated(): void {
    this.#resize.observeTarget();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src')) this.#source.load();
  }

  protected override updated(): void {
    this.#source.sync(this.#visibility.visible);
    this.#drawing.invalidate();
  }

  /** The frame with its axes and labels drawn into a new canvas (what `toBlob` encodes and a sampler's `record()` films); null before the first frame. */
  captureFrame(): Promise<HTMLCanvasElement | null> {
    const canvas = this.canvasElement;
    this.#drawing.drawNow();
    if (!canvas || this.#drawing.framesDrawn === 0) return Promise.resolve(null);
    return Promise.resolve(composeFrame(this, canvas, this.#drawing.labels, this.#resize.width));
  }

  /** The frame with its axes and labels as a PNG (or `type`), at device resolution; rejects before the first frame. */
  toBlob(type = 'image/png'): Promise<Blob> {
    return frameBlob(this, type);
  }

  /** Saves the frame as an image file (PNG, or JPEG for a .jpg/.jpeg name). */
  download(filename = 'loss-surface.png'): Promise<void> {
    return downloadFrame(this, filename);
  }

  /** A snippet that reproduces this view (attributes, with the camera where the reader left it). */
  toHTML(): string {
    return viewToHTML(this, this.#description.ownsLabel, cameraAttributes(this));
  }

  #show(landscape: Landscape, instant: boolean): void {
    if (landscape === this.currentLandscape) return;
    const first = this.currentLandscape === null;
    const transition = linkedMorphDuration(this.transition, this.#source.sampler);
    const duration = instant || first || this.#motion.reduced ? 0 : transition;
    this.#drawing.show(landscape, duration);
    this.#description.refresh();
  }

  #statusChanged(status: SharedStatus, message: string): void {
    if (status === 'unavailable' && this.#status !== 'unavailable')
      emit(this, 'error', { message });
    this.#status = status;
    this.#statusMessage = message;
    this.requestUpdate();
  }
}
