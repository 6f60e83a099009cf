// The <loss-surface> element: turns attributes, a linked sampler's events and the reader's gestures
// into camera, morph and frame requests; the GPU work lives in renderer.ts and shared-gl.ts.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { Landscape, Vec2 } from '@lossquake/core';
import {
  SamplerLink,
  VisibilityController,
  ResizeController,
  ReducedMotionController,
  accept,
  rawAttribute,
  numberType,
  enumType,
  zRangeType,
  loadFrames,
  saveBlob,
  colormapNames,
  emit,
  type ColormapName,
  type ZRange,
  type LinkedSampler,
  type CameraChangeDetail,
} from '@lossquake/kit';
import { styles } from './loss-surface.styles.js';
import { booleanType } from '@lossquake/kit';
import {
  cameraMatrices,
  headlight,
  DEFAULT_CAMERA,
  project,
  wrapAzimuth,
  BOX_HEIGHT,
  type CameraState,
} from './camera.js';
import { axesGeometry, lossToBox, type AxesGeometry } from './axes.js';
import { Morph, type Range } from './morph.js';
import { toBox } from './mesh.js';
import { LabelOverlay, placeLabels, type PlacedLabel } from './labels.js';
import { checkLandscape } from '@lossquake/core';
import { createSurfaceRenderer, type SurfaceRenderer } from './renderer.js';
import {
  attach,
  detach,
  drawNow,
  request,
  MAX_FRAME,
  type SharedGL,
  type SharedStatus,
  type SurfaceClient,
} from './shared-gl.js';

export type LandscapeMode = 'batch' | 'full' | 'sample';

const landscapeModes = ['batch', 'full', 'sample'] as const;
const modeType = enumType(landscapeModes, 'batch');
const colormapType = enumType(colormapNames, 'blues');
const transitionType = numberType({ fallback: 400, min: 0, max: 10000 });
const sampleType = numberType({ fallback: 0, min: 0, integer: true });
const azimuthType = numberType({ fallback: DEFAULT_CAMERA.azimuth });
const elevationType = numberType({ fallback: DEFAULT_CAMERA.elevation, min: -90, max: 90 });
const zoomType = numberType({ fallback: DEFAULT_CAMERA.zoom, min: 0.25, max: 8 });
const rangeType = zRangeType();
const onByDefault = booleanType(true);
const offByDefault = booleanType(false);

/** Degrees per CSS pixel of drag, per arrow key press, and per second of auto-rotation. */
const DRAG_SPEED = 0.5;
const KEY_STEP = 5;
const ROTATE_SPEED = 12;
/** Trail points drawn at most (the most recent). */
const MAX_TRAIL = 2000;
/** Frames from `src` hold this long after each morph. */
const FRAME_HOLD = 700;
/** The description is refreshed at most this often (ms), so screen readers are not flooded. */
const DESCRIBE_EVERY = 1000;

const fallbackGrid = { w1: [-20, 20] as const, w2: [-20, 20] as const, size: 2 };
const fmt = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3));

/**
 * The loss landscape as a shaded 3-D surface that morphs from one mini-batch's landscape to the next.
 *
 * The custom properties marked "shared" theme every lossquake element, so setting them once on a
 * wrapper themes a whole explainer. The colour map is the `colormap` attribute; the trail and the
 * weights are drawn in WebGL in fixed colours. Deprecated aliases, still honoured in this release
 * and winning over the new name where set: `--loss-surface-font` (a `font` shorthand; now
 * `--lossquake-font-size` and `--lossquake-font-family`), `--loss-surface-label-color` and
 * `--loss-surface-message-color` (now `--lossquake-text-color`), `--loss-surface-focus-ring` (now
 * `--lossquake-focus-color`), `--loss-surface-message-background` (now
 * `--lossquake-message-background`), `--loss-surface-message-font` (now `--lossquake-font-family`)
 * and `--loss-surface-background` (now `--lossquake-surface-background`).
 *
 * @tagname loss-surface
 * @summary The shaking 3-D loss landscape, drawn with WebGL (regl).
 *
 * @fires camera-change - The reader turned or zoomed the view: `{ azimuth, elevation, zoom, group }`.
 * @fires weights-pick - Not fired by the surface itself (picking is the contour's); listed for symmetry of links.
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
export class LossSurface extends LitElement {
  static override styles = styles;

  /** Id of the <batch-sampler> to follow; else the nearest ancestor sampler. */
  @property({ reflect: true }) for: string | null = null;

  /** URL of frames JSON `{grid, frames: [{values}]}` to play when no sampler is linked. */
  @property() src: string | null = null;

  #mode: LandscapeMode = 'batch';
  #standalone: Landscape | null = null;
  /**
   * `batch`, `full` or `sample` (the attribute); or a Landscape object to show (the property), used
   * when no sampler is linked. Reads back the Landscape when one was set, else the mode, as on
   * <loss-contour>; `currentLandscape` is the landscape on screen.
   */
  @property({ converter: rawAttribute })
  get landscape(): LandscapeMode | Landscape {
    return this.#standalone ?? this.#mode;
  }
  set landscape(value: Landscape | LandscapeMode | string | null) {
    if (value === null || typeof value === 'string') {
      this.#mode = accept(this, 'landscape', value, modeType, this.#mode);
      this.#readSampler(true);
      return;
    }
    const landscape = checkLandscape(value);
    if (!landscape) {
      this.#warnBadLandscape();
      return;
    }
    this.#standalone = landscape;
    if (!this.#link.sampler) this.#show(landscape, false);
  }

  /** Which landscape of a linked sampler is shown: `batch`, `full` or `sample`. */
  get landscapeMode(): LandscapeMode {
    return this.#mode;
  }

  /** The landscape on screen now (the morph's target), or null before the first. */
  get currentLandscape(): Landscape | null {
    return this.#morph.target;
  }

  #sample = 0;
  /** The row of the current batch shown when `landscape="sample"` (0-based). */
  @property({ converter: rawAttribute })
  get sample(): number {
    return this.#sample;
  }
  set sample(value: number | string) {
    this.#sample = accept(this, 'sample', value, sampleType, this.#sample);
    if (this.#mode === 'sample') this.#readSampler(true);
  }

  #colormap: ColormapName = 'blues';
  /** Colour map by loss: `blues` (default), `viridis`, `magma`, `cividis`, `greys`. */
  @property({ converter: rawAttribute })
  get colormap(): ColormapName {
    return this.#colormap;
  }
  set colormap(value: ColormapName | string) {
    this.#colormap = accept(this, 'colormap', value, colormapType, this.#colormap);
  }

  #transition = 400;
  /** Milliseconds of morph from one landscape to the next (0 under prefers-reduced-motion). */
  @property({ converter: rawAttribute })
  get transition(): number {
    return this.#transition;
  }
  set transition(value: number | string) {
    this.#transition = accept(this, 'transition', value, transitionType, this.#transition);
  }

  #showPath = true;
  /** Draw the weights' trail on the surface (on by default; `show-path="false"` hides it). */
  @property({ attribute: 'show-path', converter: rawAttribute })
  get showPath(): boolean {
    return this.#showPath;
  }
  set showPath(value: boolean | string) {
    this.#showPath = accept(this, 'show-path', value, onByDefault, this.#showPath);
  }

  #showWeights = true;
  /** Draw the current weights as a marker resting on the surface (on by default). */
  @property({ attribute: 'show-weights', converter: rawAttribute })
  get showWeights(): boolean {
    return this.#showWeights;
  }
  set showWeights(value: boolean | string) {
    this.#showWeights = accept(this, 'show-weights', value, onByDefault, this.#showWeights);
  }

  #wireframe = false;
  /** Draw grid lines over the surface. */
  @property({ converter: rawAttribute })
  get wireframe(): boolean {
    return this.#wireframe;
  }
  set wireframe(value: boolean | string) {
    this.#wireframe = accept(this, 'wireframe', value, offByDefault, this.#wireframe);
  }

  #autoRotate = false;
  /** Turn slowly around the vertical axis (never under prefers-reduced-motion). */
  @property({ attribute: 'auto-rotate', converter: rawAttribute })
  get autoRotate(): boolean {
    return this.#autoRotate;
  }
  set autoRotate(value: boolean | string) {
    this.#autoRotate = accept(this, 'auto-rotate', value, offByDefault, this.#autoRotate);
  }

  /** Surfaces with the same camera group turn together. */
  @property({ attribute: 'camera-group' }) cameraGroup: string | null = null;

  #camera: CameraState = { ...DEFAULT_CAMERA };
  /** Camera angle around the vertical axis in degrees (matplotlib's azim; default -60). */
  @property({ converter: rawAttribute })
  get azimuth(): number {
    return this.#camera.azimuth;
  }
  set azimuth(value: number | string) {
    this.#camera.azimuth = wrapAzimuth(
      accept(this, 'azimuth', value, azimuthType, this.#camera.azimuth),
    );
  }

  /** Camera height in degrees above the weight plane, -90..90 (default 30). */
  @property({ converter: rawAttribute })
  get elevation(): number {
    return this.#camera.elevation;
  }
  set elevation(value: number | string) {
    this.#camera.elevation = accept(
      this,
      'elevation',
      value,
      elevationType,
      this.#camera.elevation,
    );
  }

  /** Magnification, 0.25..8 (default 1). */
  @property({ converter: rawAttribute })
  get zoom(): number {
    return this.#camera.zoom;
  }
  set zoom(value: number | string) {
    this.#camera.zoom = accept(this, 'zoom', value, zoomType, this.#camera.zoom);
  }

  #zRange: ZRange = 'auto';
  /** `auto` (each landscape's own range, rescaled smoothly) or `"min max"` to pin the Loss axis. */
  @property({ attribute: 'z-range', converter: rawAttribute })
  get zRange(): ZRange {
    return this.#zRange;
  }
  set zRange(value: ZRange | string) {
    this.#zRange = accept(this, 'z-range', value, rangeType, this.#zRange);
  }

  @query('canvas') private canvasElement!: HTMLCanvasElement | null;
  @query('.labels') private labelsElement!: HTMLElement | null;

  #morph = new Morph();
  #weights: Vec2 | null = null;
  #path: readonly Vec2[] = [];
  #iteration = 0;
  #renderer: SurfaceRenderer | null = null;
  #attached = false;
  #status: SharedStatus = 'ready';
  #statusMessage = '';
  #loadError: string | null = null;
  #dirty = true;
  #lastRender = 0;
  /** Morph progress of the last frame drawn. */
  #shownT = 1;
  #framesDrawn = 0;
  #overlay: LabelOverlay | null = null;
  #placed: PlacedLabel[] = [];
  #frames: Landscape[] = [];
  #frameIndex = 0;
  #frameTimer = 0;
  #loading: AbortController | null = null;
  #describeTimer = 0;
  #lastDescribed = 0;
  #drag: { id: number; x: number; y: number } | null = null;
  #pinch = new Map<number, { x: number; y: number }>();

  #link = new SamplerLink(this, {
    onLink: () => this.#readSampler(false),
    onBatch: (detail) => {
      this.#iteration = detail.iteration;
      this.#weights = detail.weights;
      if (this.#mode === 'batch') this.#show(detail.landscape, false);
      else if (this.#mode === 'sample') this.#readSampler(false);
    },
    onWeights: (detail) => {
      this.#iteration = detail.iteration;
      this.#weights = detail.weights;
      this.#path = detail.path;
      this.#invalidate();
    },
    onReset: () => this.#readSampler(false),
  });
  #visibility = new VisibilityController(this, (visible) => {
    if (visible) this.#invalidate();
  });
  #resize = new ResizeController(this, {
    target: () => this.renderRoot.querySelector('.frame'),
    onChange: () => this.#invalidate(),
  });
  #motion = new ReducedMotionController(this);

  #client: SurfaceClient = ((host: LossSurface): SurfaceClient => ({
    get visible() {
      return host.#isVisible();
    },
    needsDraw: (now) => host.#needsDraw(now),
    render: (gl, now) => host.#render(gl, now),
    statusChanged: (status, message) => host.#statusChanged(status, message),
  }))(this);

  /** Frames drawn since connecting (for tests and benchmarks). */
  get framesDrawn(): number {
    return this.#framesDrawn;
  }

  /** Where the tick labels and titles sit now, in CSS pixels over the canvas. */
  get labelPositions(): readonly PlacedLabel[] {
    return this.#placed;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('role')) this.setAttribute('role', 'img');
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    if (!this.hasAttribute('aria-label')) this.setAttribute('aria-label', 'Loss surface');
    document.addEventListener('camera-change', this.#onGroupCamera as EventListener);
    this.addEventListener('pointerdown', this.#onPointerDown);
    this.addEventListener('pointermove', this.#onPointerMove);
    this.addEventListener('pointerup', this.#onPointerUp);
    this.addEventListener('pointercancel', this.#onPointerUp);
    this.addEventListener('wheel', this.#onWheel, { passive: false });
    this.addEventListener('dblclick', this.#onDoubleClick);
    this.addEventListener('keydown', this.#onKeyDown);
    if (!this.#attached) {
      this.#attached = true;
      attach(this.#client);
    }
    this.#scheduleFrames();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('camera-change', this.#onGroupCamera as EventListener);
    this.removeEventListener('pointerdown', this.#onPointerDown);
    this.removeEventListener('pointermove', this.#onPointerMove);
    this.removeEventListener('pointerup', this.#onPointerUp);
    this.removeEventListener('pointercancel', this.#onPointerUp);
    this.removeEventListener('wheel', this.#onWheel);
    this.removeEventListener('dblclick', this.#onDoubleClick);
    this.removeEventListener('keydown', this.#onKeyDown);
    // A move in the DOM disconnects and reconnects at once: free the GPU side only if it stays out.
    queueMicrotask(() => {
      if (!this.isConnected) this.#teardown();
    });
  }

  #teardown(): void {
    this.#renderer?.destroy();
    this.#renderer = null;
    if (this.#attached) detach(this.#client);
    this.#attached = false;
    clearTimeout(this.#frameTimer);
    clearTimeout(this.#describeTimer);
    this.#frameTimer = this.#describeTimer = 0;
    this.#loading?.abort();
    this.#loading = null;
    this.#drag = null;
    this.#pinch.clear();
  }

  protected override render() {
    const message = this.#loadError ?? (this.#status === 'ready' ? null : this.#statusMessage);
    const alert = this.#loadError !== null || this.#status === 'unavailable';
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
    this.#overlay = new LabelOverlay(this.labelsElement!);
    this.#resize.observeTarget();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('src')) this.#load();
    // A sampler may publish a landscape without an event this view acts on (the full landscape
    // computed after linking, say): show whatever it offers now.
    const sampler = this.#link.sampler;
    const offered = sampler ? this.#pick(sampler) : null;
    if (offered && offered !== this.#morph.target && this.#mode !== 'batch')
      this.#show(offered, false);
    else if (sampler && !this.#morph.target && sampler.landscape) this.#readSampler(true);
    this.#invalidate();
  }

  /** The frame with its axes and labels as a PNG (or `type`), at device resolution; null before it is rendered. */
  async toBlob(type = 'image/png'): Promise<Blob | null> {
    const out = this.captureFrame();
    if (!out) return null;
    return new Promise((resolve) => out.toBlob(resolve, type));
  }

  /** The frame with its axes and labels drawn into a new canvas (what `toBlob` encodes and a sampler's `record()` films). */
  captureFrame(): HTMLCanvasElement | null {
    const canvas = this.canvasElement;
    if (!canvas) return null;
    this.#dirty = true;
    drawNow(this.#client);
    const out = document.createElement('canvas');
    out.width = canvas.width;
    out.height = canvas.height;
    const context = out.getContext('2d');
    if (!context) return null;
    const style = getComputedStyle(this);
    const ratio = canvas.width / Math.max(1, this.#resize.width);
    // The deprecated --loss-surface-background still wins over the shared name, as in the styles.
    const background = ['--loss-surface-background', '--lossquake-surface-background']
      .map((name) => style.getPropertyValue(name).trim())
      .find((value) => value !== '');
    context.fillStyle = background ?? '#fff';
    context.fillRect(0, 0, out.width, out.height);
    context.drawImage(canvas, 0, 0);
    context.fillStyle = style.color;
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    // Ticks in the host's font size, titles 1.15 times larger (as .labels .title), rounded as before.
    const tickSize = parseFloat(style.fontSize) || 11;
    const titleSize = Math.round(tickSize * 1.15);
    for (const label of this.#placed) {
      context.font =
        label.kind === 'title'
          ? `italic ${titleSize * ratio}px ${style.fontFamily}`
          : `${tickSize * ratio}px ${style.fontFamily}`;
      context.fillText(label.text, label.x * ratio, label.y * ratio);
    }
    return out;
  }

  /** Saves the frame as a PNG file. */
  async download(filename = 'loss-surface.png'): Promise<void> {
    const blob = await this.toBlob();
    if (!blob) return;
    saveBlob(blob, filename);
  }

  /** A snippet that reproduces this view (attributes, with the camera where the reader left it). */
  toHTML(): string {
    const clone = this.cloneNode(false) as Element;
    for (const name of ['role', 'tabindex', 'aria-label', 'aria-live']) clone.removeAttribute(name);
    clone.setAttribute('azimuth', String(Math.round(this.azimuth * 10) / 10));
    clone.setAttribute('elevation', String(Math.round(this.elevation * 10) / 10));
    if (this.zoom !== 1) clone.setAttribute('zoom', String(Math.round(this.zoom * 100) / 100));
    return clone.outerHTML;
  }

  // --- data -------------------------------------------------------------------------------------

  #warnBadLandscape(): void {
    console.warn(
      `<loss-surface${this.id ? ` id="${this.id}"` : ''}> landscape: expected "batch", "full", "sample" or a Landscape {grid, values: Float32Array of size² finite numbers}; keeping the current one.`,
    );
  }

  #readSampler(instant: boolean): void {
    const sampler = this.#link?.sampler;
    if (!sampler) {
      if (this.#standalone) this.#show(this.#standalone, instant);
      return;
    }
    this.#iteration = sampler.iteration;
    this.#weights = sampler.weights;
    this.#path = sampler.path;
    const landscape = this.#pick(sampler);
    if (landscape) this.#show(landscape, instant);
    else this.#invalidate();
  }

  #pick(sampler: LinkedSampler): Landscape | null {
    if (this.#mode === 'full') return sampler.fullLandscape;
    if (this.#mode === 'sample') return sampler.sampleLandscape(this.#sample) ?? sampler.landscape;
    return sampler.landscape;
  }

  get #effectiveTransition(): number {
    return this.#motion.reduced ? 0 : this.#transition;
  }

  #show(landscape: Landscape, instant: boolean): void {
    if (landscape === this.#morph.target) return;
    const first = this.#morph.target === null;
    this.#morph.push(
      landscape,
      performance.now(),
      instant || first ? 0 : this.#effectiveTransition,
    );
    this.#describe();
    this.#invalidate();
  }

  async #load(): Promise<void> {
    this.#loading?.abort();
    const src = this.src;
    if (!src) return;
    const loading = (this.#loading = new AbortController());
    try {
      const frames = await loadFrames(src, loading.signal);
      if (loading.signal.aborted) return;
      this.#frames = frames;
      this.#frameIndex = 0;
      this.#loadError = null;
      if (!this.#link.sampler) this.#show(frames[0]!, true);
      this.#scheduleFrames();
      this.requestUpdate();
    } catch (error) {
      if (loading.signal.aborted) return;
      const reason = error instanceof Error ? error.message : String(error);
      this.#loadError = `Could not load ${src}: ${reason}`;
      emit(this, 'error', { message: this.#loadError });
      this.requestUpdate();
    }
  }

  #scheduleFrames(): void {
    clearTimeout(this.#frameTimer);
    this.#frameTimer = 0;
    if (this.#frames.length < 2 || !this.isConnected) return;
    this.#frameTimer = window.setTimeout(() => {
      if (!this.#link.sampler && this.#visibility.visible) {
        this.#frameIndex = (this.#frameIndex + 1) % this.#frames.length;
        this.#show(this.#frames[this.#frameIndex]!, false);
      }
      this.#scheduleFrames();
    }, this.#effectiveTransition + FRAME_HOLD);
  }

  // --- drawing ----------------------------------------------------------------------------------

  #invalidate(): void {
    this.#dirty = true;
    if (this.#attached) request();
  }

  #isVisible(): boolean {
    return (
      this.#visibility.visible &&
      this.#resize.width > 0 &&
      this.#resize.height > 0 &&
      !!this.canvasElement
    );
  }

  get #rotating(): boolean {
    return this.#autoRotate && !this.#motion.reduced && !this.#drag;
  }

  #needsDraw(now: number): boolean {
    // The last frame of a morph must land exactly on t = 1, even if the clock passed it between frames.
    return this.#dirty || this.#morph.running(now) || this.#shownT < 1 || this.#rotating;
  }

  #statusChanged(status: SharedStatus, message: string): void {
    const was = this.#status;
    this.#status = status;
    this.#statusMessage = message;
    if (status === 'unavailable' && was !== 'unavailable') emit(this, 'error', { message });
    if (status === 'ready') this.#dirty = true;
    this.requestUpdate();
  }

  #range(now: number): { from: Range; to: Range; shown: Range } {
    if (this.#zRange !== 'auto')
      return { from: this.#zRange, to: this.#zRange, shown: this.#zRange };
    if (!this.#morph.grid) return { from: [0, 1], to: [0, 1], shown: [0, 1] };
    return { from: this.#morph.fromRange, to: this.#morph.toRange, shown: this.#morph.range(now) };
  }

  #render(gl: SharedGL, now: number): void {
    const canvas = this.canvasElement;
    if (!canvas) return;
    const cssWidth = this.#resize.width;
    const cssHeight = this.#resize.height;
    const ratio = this.#resize.devicePixelRatio;
    const width = Math.max(1, Math.min(MAX_FRAME, Math.round(cssWidth * ratio)));
    const height = Math.max(1, Math.min(MAX_FRAME, Math.round(cssHeight * ratio)));
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;

    if (this.#rotating && this.#lastRender) {
      this.#camera.azimuth = wrapAzimuth(
        this.#camera.azimuth + (ROTATE_SPEED * Math.min(100, now - this.#lastRender)) / 1000,
      );
    }
    this.#lastRender = now;

    const morph = this.#morph;
    const t = morph.t(now);
    this.#shownT = t;
    const ranges = this.#range(now);
    const matrices = cameraMatrices(this.#camera, cssWidth / cssHeight);
    const grid = morph.grid ?? fallbackGrid;
    // Tick labels keep their font size, so a small view gets fewer of them (8 and 6 at 480 px wide).
    const density = Math.min(1, cssWidth / 480);
    const axes: AxesGeometry = axesGeometry(
      grid,
      ranges.shown,
      matrices.eye,
      (p) => project(matrices, p, 1, 1)[0],
      { weights: Math.max(3, Math.round(8 * density)), loss: Math.max(3, Math.round(6 * density)) },
    );
    const lift = (loss: number) =>
      Math.min(BOX_HEIGHT, Math.max(-BOX_HEIGHT, lossToBox(loss, ranges.shown))) + 0.008;

    let path: Float32Array | null = null;
    if (this.#showPath && morph.grid && this.#path.length > 1) {
      const points = this.#path.slice(-MAX_TRAIL);
      const out: number[] = [];
      for (const weights of points) {
        const [x, y] = toBox(morph.grid, weights);
        const loss = morph.heightAt(x, y, t);
        if (Number.isFinite(loss)) out.push(x, y, lift(loss));
      }
      path = new Float32Array(out);
    }
    let marker: Float32Array | null = null;
    if (this.#showWeights && morph.grid && this.#weights) {
      const [x, y] = toBox(morph.grid, this.#weights);
      const loss = morph.heightAt(x, y, t);
      if (Number.isFinite(loss)) marker = new Float32Array([x, y, lift(loss)]);
    }

    this.#renderer ??= createSurfaceRenderer();
    gl.begin(width, height);
    this.#renderer.draw(gl, {
      width,
      height,
      viewProjection: matrices.viewProjection,
      light: headlight(this.#camera),
      morph,
      t,
      rangeFrom: ranges.from,
      rangeTo: ranges.to,
      colormap: this.#colormap,
      wireframe: this.#wireframe,
      axes,
      path,
      marker,
      pixelRatio: ratio,
      moving: t < 1 || this.#rotating,
    });
    gl.present(canvas, width, height);
    this.#placed = placeLabels(axes.labels, matrices, cssWidth, cssHeight);
    this.#overlay?.update(this.#placed);
    this.#dirty = false;
    this.#framesDrawn++;
  }

  // --- description ------------------------------------------------------------------------------

  /** The text a screen reader hears: which landscape, the loss at the weights, the lowest loss. */
  describe(): string {
    const landscape = this.#morph.target;
    if (!landscape) return 'Loss surface, no landscape yet.';
    const { grid, values } = landscape;
    let best = 0;
    for (let k = 1; k < values.length; k++) if (values[k]! < values[best]!) best = k;
    const i = best % grid.size;
    const j = Math.floor(best / grid.size);
    const w1 = grid.w1[0] + ((grid.w1[1] - grid.w1[0]) * i) / (grid.size - 1);
    const w2 = grid.w2[0] + ((grid.w2[1] - grid.w2[0]) * j) / (grid.size - 1);
    const which = this.#link.sampler
      ? this.#mode === 'full'
        ? 'Loss surface of the full data'
        : `Loss surface of batch ${this.#iteration}${this.#mode === 'sample' ? `, sample ${this.#sample}` : ''}`
      : 'Loss surface';
    let atWeights = '';
    if (this.#weights) {
      const [x, y] = toBox(grid, this.#weights);
      const loss = this.#morph.heightAt(x, y, 1);
      if (Number.isFinite(loss))
        atWeights = ` Loss ${fmt(loss)} at the weights (${fmt(this.#weights[0])}, ${fmt(this.#weights[1])}).`;
    }
    return `${which}.${atWeights} Lowest loss ${fmt(values[best]!)} at (${fmt(w1)}, ${fmt(w2)}); highest ${fmt(landscape.max)}.`;
  }

  #describe(): void {
    if (this.#describeTimer) return;
    const wait = Math.max(0, this.#lastDescribed + DESCRIBE_EVERY - performance.now());
    this.#describeTimer = window.setTimeout(() => {
      this.#describeTimer = 0;
      this.#lastDescribed = performance.now();
      this.setAttribute('aria-label', this.describe());
    }, wait);
  }

  // --- camera and gestures ----------------------------------------------------------------------

  /** Moves the camera as the reader asked, and tells the camera group. */
  #turn(next: Partial<CameraState>): void {
    if (next.azimuth !== undefined) this.azimuth = next.azimuth;
    if (next.elevation !== undefined) this.elevation = Math.max(-90, Math.min(90, next.elevation));
    if (next.zoom !== undefined) this.zoom = Math.max(0.25, Math.min(8, next.zoom));
    const detail: CameraChangeDetail = { ...this.#camera, group: this.cameraGroup };
    emit(this, 'camera-change', detail);
    this.#invalidate();
  }

  #onGroupCamera = (event: CustomEvent<CameraChangeDetail>): void => {
    if (event.composedPath()[0] === this) return;
    const { group, azimuth, elevation, zoom } = event.detail;
    if (!this.cameraGroup || group !== this.cameraGroup) return;
    this.azimuth = azimuth;
    this.elevation = elevation;
    this.zoom = zoom;
    this.#invalidate();
  };

  #onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0) return;
    this.#pinch.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (this.#pinch.size === 1) {
      this.#drag = { id: event.pointerId, x: event.clientX, y: event.clientY };
      try {
        this.setPointerCapture(event.pointerId);
      } catch {
        // a synthetic pointer cannot be captured; dragging still works inside the element
      }
    } else {
      this.#drag = null;
    }
  };

  #onPointerMove = (event: PointerEvent): void => {
    const previous = this.#pinch.get(event.pointerId);
    if (!previous) return;
    if (this.#pinch.size === 2) {
      const [a, b] = [...this.#pinch.values()];
      const before = Math.hypot(a!.x - b!.x, a!.y - b!.y);
      this.#pinch.set(event.pointerId, { x: event.clientX, y: event.clientY });
      const [c, d] = [...this.#pinch.values()];
      const after = Math.hypot(c!.x - d!.x, c!.y - d!.y);
      if (before > 0 && after > 0) this.#turn({ zoom: this.zoom * (after / before) });
      return;
    }
    this.#pinch.set(event.pointerId, { x: event.clientX, y: event.clientY });
    const drag = this.#drag;
    if (!drag || drag.id !== event.pointerId) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    drag.x = event.clientX;
    drag.y = event.clientY;
    if (dx === 0 && dy === 0) return;
    this.#turn({
      azimuth: this.azimuth - dx * DRAG_SPEED,
      elevation: this.elevation + dy * DRAG_SPEED,
    });
  };

  #onPointerUp = (event: PointerEvent): void => {
    this.#pinch.delete(event.pointerId);
    if (this.#drag?.id === event.pointerId) this.#drag = null;
  };

  // A plain wheel scrolls the page, as a reader expects in an article; ctrl or ⌘ with it zooms.
  #onWheel = (event: WheelEvent): void => {
    if (!event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    this.#turn({ zoom: this.zoom * Math.exp(-event.deltaY * 0.002) });
  };

  #home(): CameraState {
    const read = <T>(name: string, type: { parse(v: unknown): T | undefined; fallback: T }) =>
      type.parse(this.getAttribute(name)) ?? type.fallback;
    return {
      azimuth: read('azimuth', azimuthType),
      elevation: Math.max(-90, Math.min(90, read('elevation', elevationType))),
      zoom: Math.max(0.25, Math.min(8, read('zoom', zoomType))),
    };
  }

  #onDoubleClick = (): void => {
    this.#turn(this.#home());
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    const moves: Record<string, Partial<CameraState>> = {
      ArrowLeft: { azimuth: this.azimuth + KEY_STEP },
      ArrowRight: { azimuth: this.azimuth - KEY_STEP },
      ArrowUp: { elevation: this.elevation + KEY_STEP },
      ArrowDown: { elevation: this.elevation - KEY_STEP },
      '+': { zoom: this.zoom * 1.15 },
      '=': { zoom: this.zoom * 1.15 },
      '-': { zoom: this.zoom / 1.15 },
      _: { zoom: this.zoom / 1.15 },
      Home: this.#home(),
      '0': this.#home(),
    };
    const move = moves[event.key];
    if (!move || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    this.#turn(move);
  };
}
