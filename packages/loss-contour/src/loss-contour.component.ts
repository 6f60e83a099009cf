// <loss-contour>: the loss landscape as filled contours on a canvas, with axes, legend and the training step.
import { LitElement, html, svg, nothing, type PropertyValues, type SVGTemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import {
  accept,
  colormap,
  colormapNames,
  emit,
  enumType,
  numberType,
  rawAttribute,
  loadFrames,
  saveBlob,
  warnOnce,
  ReducedMotionController,
  ResizeController,
  SamplerLink,
  VisibilityController,
  type BatchChangeDetail,
  type ColormapName,
  type LinkedSampler,
} from '@lossquake/kit';
import type { Grid, Landscape, Vec2 } from '@lossquake/core';
import { axesTemplate, formatLevel, legendTemplate } from './axes.js';
import { lossAt, minimumOf } from './bilinear.js';
import { booleanType } from '@lossquake/kit';
import { bandPathData, createContourer, paintBands } from './contour-bands.js';
import { computeLayout, type Layout } from './layout.js';
import { bandPosition, finiteRange, levelThresholds, type LevelSpacing } from './levels.js';
import { Morph } from './morph.js';
import { createPlotFrame, type PlotFrame } from './plot-frame.js';
import { styles } from './loss-contour.styles.js';
import { cssomStyle } from './cssom-style.js';
import { composeCanvas, encodeCanvas } from './snapshot.js';

export const landscapeModes = ['batch', 'full', 'sample', 'variance'] as const;
/** Which landscape of the linked sampler is drawn. */
export type LandscapeMode = (typeof landscapeModes)[number];
export type LevelScale = 'fixed' | 'auto';

const modeType = enumType(landscapeModes, 'batch');
const colormapType = enumType(colormapNames, 'viridis');
const levelsType = numberType({ fallback: 10, min: 2, max: 50, integer: true });
const levelScaleType = enumType(['fixed', 'auto'] as const, 'fixed');
const levelSpacingType = enumType(['linear', 'log'] as const, 'linear');
const transitionType = numberType({ fallback: 400, min: 0, max: 10000 });
const sampleType = numberType({ fallback: 0, min: 0, integer: true });
const frameRateType = numberType({ fallback: 2, min: 0.1, max: 60 });
const onType = booleanType(true);
const offType = booleanType(false);

/** How often (ms) the spoken description may change: once a batch settles, not on every frame. */
const DESCRIPTION_INTERVAL = 1000;

type Retarget = 'morph' | 'jump' | null;

function isLandscape(value: unknown): value is Landscape {
  const l = value as Landscape | null;
  return (
    !!l &&
    typeof l === 'object' &&
    !!l.grid &&
    Number.isInteger(l.grid.size) &&
    l.grid.size >= 2 &&
    ArrayBuffer.isView(l.values) &&
    (l.values as Float32Array).length === l.grid.size * l.grid.size
  );
}

function sameGrid(a: Grid | null, b: Grid | null): boolean {
  return (
    !!a &&
    !!b &&
    a.size === b.size &&
    a.w1[0] === b.w1[0] &&
    a.w1[1] === b.w1[1] &&
    a.w2[0] === b.w2[0] &&
    a.w2[1] === b.w2[1]
  );
}

function formatNumber(value: number): string {
  return formatLevel(value).replace('-', '−');
}

function formatWeights(w: Vec2): string {
  return `(${w[0].toFixed(1).replace('-', '−')}, ${w[1].toFixed(1).replace('-', '−')})`;
}

/**
 * The loss landscape as filled contours over the weight plane, morphing smoothly from batch to batch,
 * with the weights, their trail and the last training step drawn on it.
 *
 * The custom properties marked "shared" theme every lossquake element (the sampler and the surface
 * read them too), so setting them once on a wrapper themes a whole explainer.
 *
 * @tagname loss-contour
 * @summary Filled contours of a (mini-batch) loss landscape, with the training step on top.
 *
 * @fires weights-pick - The reader clicked the plot or pressed Enter on the crosshair: `{ weights }`.
 * @fires error - `src` could not be loaded or its frames are invalid: `{ message }` (does not bubble).
 *
 * @csspart plot - The canvas with the filled bands.
 * @csspart axes - The W1 and W2 axes with ticks and labels (SVG group).
 * @csspart legend - The colour bar with the level values (SVG group).
 * @csspart overlay - The weights, trail, step arrow and crosshair (SVG group).
 * @csspart readout - The loss under the pointer or crosshair.
 * @csspart message - An error (role="alert") or a note about what is missing.
 *
 * @cssproperty [--lossquake-font-family=system-ui, sans-serif] - Font of the axes, legend, readout and messages (shared).
 * @cssproperty [--lossquake-font-size=12px] - Font size (shared).
 * @cssproperty [--lossquake-text-color=#333] - Text colour (shared).
 * @cssproperty [--lossquake-focus-color=#1a73e8] - Focus ring and keyboard crosshair (shared).
 * @cssproperty [--lossquake-message-background=rgba(255, 255, 255, 0.92)] - Background of messages (shared).
 * @cssproperty [--lossquake-error-color=#b00020] - Colour of error messages (shared).
 * @cssproperty [--lossquake-axis-color=#555] - Axis lines and ticks.
 * @cssproperty [--lossquake-path-color=#fff] - The weights' trail.
 * @cssproperty [--lossquake-weights-color=#ff5a36] - The current weights' dot.
 * @cssproperty [--lossquake-arrow-color=#ff5a36] - The last step's arrow.
 * @cssproperty [--lossquake-full-color=rgba(255, 255, 255, 0.75)] - The full landscape's contour lines (`show-full`).
 * @cssproperty [--lossquake-minimum-color=#fff] - The landscape's minimum marker (`show-minimum`).
 * @cssproperty [--lossquake-readout-background=rgba(255, 255, 255, 0.88)] - Background of the readout.
 */
export class LossContour extends LitElement {
  static override styles = styles;

  /** Id of the <batch-sampler> to follow; without it, the nearest <batch-sampler> ancestor. */
  @property({ reflect: true }) for: string | null = null;

  /** URL of frames JSON `{grid: {w1, w2, size}, frames: [{values}]}` to play when no sampler is linked. */
  @property() src: string | null = null;

  #mode: LandscapeMode = 'batch';
  #data: Landscape | null = null;
  /**
   * `batch`, `full`, `sample` or `variance` (the attribute); or a Landscape object to show (the property),
   * used when no sampler is linked. Reads back the Landscape when one was set, else the mode.
   */
  @property({ converter: rawAttribute })
  get landscape(): LandscapeMode | Landscape {
    return this.#data ?? this.#mode;
  }
  set landscape(value: LandscapeMode | Landscape | string | null) {
    if (value !== null && typeof value === 'object') {
      if (isLandscape(value)) {
        this.#data = value;
        this.#retarget('morph');
      } else {
        warnOnce(
          `loss-contour-landscape-${this.id}`,
          `<loss-contour${this.id ? ` id="${this.id}"` : ''}> landscape: expected a mode or a Landscape ` +
            `{grid: {w1, w2, size}, values: Float32Array(size × size)}; keeping the last good one.`,
        );
      }
      return;
    }
    if (value === null) this.#data = null;
    const mode = accept(this, 'landscape', value, modeType, this.#mode);
    if (mode !== this.#mode) {
      if ((mode === 'variance') !== (this.#mode === 'variance')) {
        this.#levelRange = null;
        this.#rangeStale = true;
      }
      this.#mode = mode;
    }
    this.#retarget('morph');
  }

  #sample = 0;
  /** Which row of the current batch `landscape="sample"` shows (0-based). */
  @property({ converter: rawAttribute })
  get sample(): number {
    return this.#sample;
  }
  set sample(value: number | string) {
    this.#sample = accept(this, 'sample', value, sampleType, this.#sample);
    this.#retarget('morph');
  }

  #colormap: ColormapName = 'viridis';
  /** Colour map: `viridis` (default), `blues`, `magma`, `cividis` or `greys`. */
  @property({ converter: rawAttribute })
  get colormap(): ColormapName {
    return this.#colormap;
  }
  set colormap(value: ColormapName | string) {
    this.#colormap = accept(this, 'colormap', value, colormapType, this.#colormap);
    this.#colours = null;
    this.#redraw();
  }

  #levels = 10;
  /** Number of filled bands (2..50). */
  @property({ converter: rawAttribute })
  get levels(): number {
    return this.#levels;
  }
  set levels(value: number | string) {
    this.#levels = accept(this, 'levels', value, levelsType, this.#levels);
    this.#colours = null;
    this.#redraw();
  }

  #levelScale: LevelScale = 'fixed';
  /** `fixed` (default): levels span the full landscape, the same for every batch; `auto`: each landscape's own range. */
  @property({ attribute: 'level-scale', converter: rawAttribute })
  get levelScale(): LevelScale {
    return this.#levelScale;
  }
  set levelScale(value: LevelScale | string) {
    this.#levelScale = accept(this, 'level-scale', value, levelScaleType, this.#levelScale);
    this.#levelRange = null;
    this.#rangeStale = true;
    this.requestUpdate();
  }

  #levelSpacing: LevelSpacing = 'linear';
  /** `linear` (default): equal steps of loss; `log`: finer levels near the lowest loss, wider ones above. */
  @property({ attribute: 'level-spacing', converter: rawAttribute })
  get levelSpacing(): LevelSpacing {
    return this.#levelSpacing;
  }
  set levelSpacing(value: LevelSpacing | string) {
    this.#levelSpacing = accept(this, 'level-spacing', value, levelSpacingType, this.#levelSpacing);
    this.requestUpdate();
  }

  #transition = 400;
  /** Milliseconds of morph from one landscape to the next; 0 switches at once (as does prefers-reduced-motion). */
  @property({ converter: rawAttribute })
  get transition(): number {
    return this.#transition;
  }
  set transition(value: number | string) {
    this.#transition = accept(this, 'transition', value, transitionType, this.#transition);
  }

  #frameRate = 2;
  /** Frames per second when playing `src` frames (0.1..60). */
  @property({ attribute: 'frame-rate', converter: rawAttribute })
  get frameRate(): number {
    return this.#frameRate;
  }
  set frameRate(value: number | string) {
    this.#frameRate = accept(this, 'frame-rate', value, frameRateType, this.#frameRate);
    if (this.#player !== undefined) this.#schedulePlayer();
  }

  #showPath = true;
  /** Draw the weights' trail (on by default; `show-path="false"` hides it). */
  @property({ attribute: 'show-path', converter: rawAttribute })
  get showPath(): boolean {
    return this.#showPath;
  }
  set showPath(value: boolean | string) {
    this.#showPath = accept(this, 'show-path', value, onType, this.#showPath);
  }

  #showWeights = true;
  /** Draw the current weights (on by default). */
  @property({ attribute: 'show-weights', converter: rawAttribute })
  get showWeights(): boolean {
    return this.#showWeights;
  }
  set showWeights(value: boolean | string) {
    this.#showWeights = accept(this, 'show-weights', value, onType, this.#showWeights);
  }

  #showGradient = true;
  /** Draw the last training step as an arrow from the previous weights (on by default). */
  @property({ attribute: 'show-gradient', converter: rawAttribute })
  get showGradient(): boolean {
    return this.#showGradient;
  }
  set showGradient(value: boolean | string) {
    this.#showGradient = accept(this, 'show-gradient', value, onType, this.#showGradient);
  }

  #showFull = false;
  /** Draw the full-data landscape's contour lines over the bands (off by default). */
  @property({ attribute: 'show-full', converter: rawAttribute })
  get showFull(): boolean {
    return this.#showFull;
  }
  set showFull(value: boolean | string) {
    this.#showFull = accept(this, 'show-full', value, offType, this.#showFull);
  }

  #showMinimum = false;
  /** Mark the lowest grid point of the landscape shown (off by default). */
  @property({ attribute: 'show-minimum', converter: rawAttribute })
  get showMinimum(): boolean {
    return this.#showMinimum;
  }
  set showMinimum(value: boolean | string) {
    this.#showMinimum = accept(this, 'show-minimum', value, offType, this.#showMinimum);
  }

  #compact = false;
  /** Small-tile layout (short margins, small ticks, no axis titles, thin legend bar below): automatic under 260 px wide; `compact` forces it. */
  @property({ converter: rawAttribute })
  get compact(): boolean {
    return this.#compact;
  }
  set compact(value: boolean | string) {
    this.#compact = accept(this, 'compact', value, offType, this.#compact);
  }

  /** The values on screen now (mid-morph, in between two landscapes); read-only. */
  get displayedValues(): Float32Array {
    return this.#morph.displayed;
  }

  /** Which landscape of a linked sampler is shown: `batch`, `full`, `sample` or `variance`. */
  get landscapeMode(): LandscapeMode {
    return this.#mode;
  }

  /** The landscape being shown (the morph's target), or null. */
  get currentLandscape(): Landscape | null {
    return this.#target;
  }

  /** True while a morph is running. */
  get morphing(): boolean {
    return this.#frame !== 0;
  }

  /** The lower edges of the bands now on screen (band k: thresholds[k] ≤ loss < thresholds[k + 1]). */
  get thresholds(): readonly number[] {
    return Array.from(this.#thresholds());
  }

  /** The text description given to assistive technology (updated when a batch settles). */
  get description(): string {
    return this.#description;
  }

  /** Index of the `src` frame shown. */
  get frame(): number {
    return this.#frameIndex;
  }

  #link = new SamplerLink(this, {
    onLink: () => {
      this.#levelRange = null;
      this.#retarget('jump');
    },
    onBatch: (detail) => {
      this.#lastBatch = detail;
      this.#retarget('morph');
    },
    onWeights: () => this.#describeSoon(),
    // The full landscape may arrive later (from a worker): fixed levels derive from it.
    onLandscapeReady: () => {
      this.#levelRange = null;
      this.#rangeStale = true;
      this.#retarget(this.#target ? 'morph' : 'jump');
    },
    onReset: () => {
      this.#lastBatch = null;
      this.#levelRange = null;
      this.#retarget('jump');
    },
  });
  // The .frame box, not the host: page CSS may force the host inline (`* { all: unset }`), and the
  // frame keeps a default size of its own then.
  #size = new ResizeController(this, {
    target: () => this.renderRoot.querySelector('.frame'),
    onChange: () => this.#redraw(),
  });
  #visibility = new VisibilityController(this, (visible) =>
    visible ? this.#resume() : this.#suspend(),
  );
  #motion = new ReducedMotionController(this);

  #morph = new Morph();
  #target: Landscape | null = null;
  #shownGrid: Grid | null = null;
  #pending: Retarget = null;
  #frame = 0;
  #morphStart = -1;
  #morphDuration = 0;
  /** The level range [lo, hi]: fixed across batches, or eased from one landscape's to the next's. */
  #levelRange: [number, number] | null = null;
  /** The level range must be derived again for the landscape already shown. */
  #rangeStale = false;
  #rangeFrom: [number, number] = [0, 1];
  #rangeTo: [number, number] = [0, 1];
  #rangeNow: [number, number] = [0, 1];
  #thresholdCache: Float64Array = new Float64Array(0);
  #colours: string[] | null = null;
  #contour: ReturnType<typeof createContourer> | null = null;
  #contourSize = 0;
  #canvas: HTMLCanvasElement | null = null;
  #context: CanvasRenderingContext2D | null = null;
  #layout: Layout | null = null;
  #lastBatch: BatchChangeDetail | null = null;
  #hover: Vec2 | null = null;
  #cursor: Vec2 | null = null;
  #fullLines: { key: unknown; d: string } | null = null;
  #trail: { key: unknown[]; points: string } | null = null;
  #minimum: { key: unknown; at: Vec2 } | null = null;

  #frames: Landscape[] = [];
  #frameIndex = 0;
  #framesRange: [number, number] | null = null;
  #player: ReturnType<typeof setTimeout> | undefined = undefined;
  #loading: AbortController | null = null;
  #error: string | null = null;

  #description = '';
  #describedAt = -Infinity;
  #describeTimer: ReturnType<typeof setTimeout> | undefined = undefined;
  #ownsLabel = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('role')) this.setAttribute('role', 'img');
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    this.#ownsLabel = !this.hasAttribute('aria-label') || this.#ownsLabel;
    this.addEventListener('keydown', this.#onKeyDown);
    this.addEventListener('blur', this.#onBlur);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.#onKeyDown);
    this.removeEventListener('blur', this.#onBlur);
    this.#stopMorph();
    this.#stopPlayer();
    this.#loading?.abort();
    this.#loading = null;
    clearTimeout(this.#describeTimer);
    this.#describeTimer = undefined;
    // Free the canvas backing store; it is sized again when the element comes back.
    if (this.#canvas) this.#canvas.width = this.#canvas.height = 0;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('src')) this.#load();
    this.#adoptTarget();
    if (this.#rangeStale) {
      this.#rangeStale = false;
      if (this.#target)
        this.#rangeFrom = this.#rangeTo = this.#rangeNow = this.#rangeFor(this.#target);
    }
  }

  protected override updated(): void {
    const canvas = this.renderRoot.querySelector('canvas');
    if (canvas !== this.#canvas) {
      this.#canvas = canvas;
      // A CPU-backed canvas: headless and software-GL browsers fill paths several times faster this way.
      this.#context = canvas?.getContext('2d', { willReadFrequently: true }) ?? null;
    }
    if (!this.morphing) this.#draw();
    if (this.#player === undefined) this.#schedulePlayer();
  }

  protected override firstUpdated(): void {
    this.#size.observeTarget();
  }

  // One stable .frame: the ResizeController watches it, so it must outlive every change of content.
  protected override render() {
    return html`<div class="frame">${this.#content()}</div>`;
  }

  #content() {
    const width = this.#size.width;
    const height = this.#size.height;
    const grid = this.#target?.grid ?? null;
    const layout = (this.#layout = computeLayout(width, height, grid, this.#compact));
    const message = this.#messageText();
    if (!grid || layout.plot.width <= 0) {
      return html`${message}`;
    }
    const frame = createPlotFrame(grid, layout.plot);
    const { plot } = layout;
    const thresholds = this.#thresholds();
    const readout = this.#readout(frame);
    // Positions go through CSSOM, which a CSP without 'unsafe-inline' styles allows.
    return html`
      <canvas
        part="plot"
        aria-hidden="true"
        style=${cssomStyle({
          left: `${plot.x}px`,
          top: `${plot.y}px`,
          width: `${plot.width}px`,
          height: `${plot.height}px`,
        })}
      ></canvas>
      <svg aria-hidden="true" width=${width} height=${height}>
        <defs>
          <clipPath id="plot-clip">
            <rect x=${plot.x} y=${plot.y} width=${plot.width} height=${plot.height}></rect>
          </clipPath>
          <marker
            id="step-head"
            viewBox="0 0 10 10"
            refX="8"
            refY="5"
            markerWidth="6"
            markerHeight="6"
            orient="auto-start-reverse"
          >
            <path class="step-head" d="M0,0L10,5L0,10z"></path>
          </marker>
        </defs>
        ${axesTemplate(layout, grid)}
        ${legendTemplate(layout, thresholds, this.#bandColours(), this.#legendCaption(), this.#legendNote())}
        <g part="overlay" clip-path="url(#plot-clip)">
          ${this.#fullLinesTemplate(frame)} ${this.#minimumTemplate(frame)}
          ${this.#trailTemplate(frame)} ${this.#stepTemplate(frame)} ${this.#weightsTemplate(frame)}
          ${this.#crosshairTemplate(frame)}
        </g>
        <rect
          class="hit"
          x=${plot.x}
          y=${plot.y}
          width=${plot.width}
          height=${plot.height}
          @click=${this.#onClick}
          @pointermove=${this.#onPointerMove}
          @pointerleave=${this.#onPointerLeave}
        ></rect>
      </svg>
      ${readout} ${message}
    `;
  }

  /** A PNG (or `type`) of what is on screen now: bands, axes, legend and overlays, at device resolution. */
  async toBlob(type = 'image/png'): Promise<Blob> {
    const canvas = await this.captureFrame();
    if (!canvas) throw new Error('<loss-contour> has nothing drawn yet');
    return encodeCanvas(canvas, type);
  }

  /** What is on screen now as one canvas (what `toBlob` encodes and a sampler's `record()` films); null before the first frame. */
  captureFrame(): Promise<HTMLCanvasElement | null> {
    const svgElement = this.renderRoot.querySelector('svg');
    const layout = this.#layout;
    if (!this.#canvas || !svgElement || !layout) return Promise.resolve(null);
    return composeCanvas(this, this.#canvas, svgElement, layout);
  }

  /** Saves what is on screen as an image file (PNG by default). */
  async download(filename = 'loss-contour.png'): Promise<void> {
    const blob = await this.toBlob(
      filename.endsWith('.jpg') || filename.endsWith('.jpeg') ? 'image/jpeg' : 'image/png',
    );
    saveBlob(blob, filename);
  }

  /** The element as an HTML snippet with its current attributes (not its data), to paste elsewhere. */
  toHTML(): string {
    const own = new Set(['role', 'tabindex', ...(this.#ownsLabel ? ['aria-label'] : [])]);
    const attributes = Array.from(this.attributes)
      .filter((a) => !own.has(a.name))
      .map((a) =>
        a.value === ''
          ? ` ${a.name}`
          : ` ${a.name}="${a.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`,
      )
      .join('');
    return `<loss-contour${attributes}></loss-contour>`;
  }

  // ---- what to show ----

  #retarget(how: Exclude<Retarget, null>): void {
    // A jump outranks a morph asked for in the same update.
    if (this.#pending !== 'jump') this.#pending = how;
    this.requestUpdate();
  }

  #source(): Landscape | null {
    const sampler: LinkedSampler | null = this.#link.sampler;
    if (sampler) {
      switch (this.#mode) {
        case 'batch':
          return sampler.landscape;
        case 'full':
          return sampler.fullLandscape;
        case 'sample':
          return sampler.sampleLandscape(this.#sample);
        case 'variance':
          return sampler.varianceMap;
      }
    }
    return this.#data ?? this.#frames[this.#frameIndex] ?? null;
  }

  #adoptTarget(): void {
    const how = this.#pending;
    if (how === null) return;
    this.#pending = null;
    let next: Landscape | null = null;
    try {
      next = this.#source();
    } catch (error) {
      warnOnce(
        `loss-contour-source-${String(error)}`,
        `<loss-contour> could not read the sampler: ${String(error)}`,
      );
    }
    if (next && !isLandscape(next)) next = null;
    if (next === this.#target && how === 'morph') return;
    const previousGrid = this.#shownGrid;
    this.#target = next;
    if (!next) {
      this.#stopMorph();
      this.#shownGrid = null;
      this.#describeSoon();
      return;
    }
    const gridChanged = !sameGrid(previousGrid, next.grid);
    if (gridChanged) this.#levelRange = this.#levelScale === 'fixed' ? null : this.#levelRange;
    const range = this.#rangeFor(next);
    const instant =
      how === 'jump' ||
      gridChanged ||
      this.#transition === 0 ||
      this.#motion.reduced ||
      !this.#visibility.visible;
    this.#shownGrid = next.grid;
    if (instant || !this.#morph.start(next.values)) {
      this.#stopMorph();
      this.#morph.jump(next.values);
      this.#rangeFrom = this.#rangeTo = this.#rangeNow = range;
      this.#describeSoon();
      return;
    }
    this.#rangeFrom = [...this.#rangeNow];
    this.#rangeTo = range;
    this.#morphDuration = this.#transition;
    this.#morphStart = -1;
    if (!this.#frame) this.#frame = requestAnimationFrame(this.#tick);
  }

  /** The level range for landscape `next`: fixed once per link/reset/data, or its own. */
  #rangeFor(next: Landscape): [number, number] {
    const own = (l: Landscape): [number, number] =>
      Number.isFinite(l.min) && Number.isFinite(l.max) && l.min <= l.max
        ? [l.min, l.max]
        : finiteRange(l.values);
    if (this.#levelScale === 'auto' || (this.#mode === 'variance' && this.#link.sampler))
      return own(next);
    if (this.#levelRange) return this.#levelRange;
    const sampler = this.#link.sampler;
    const full = sampler?.fullLandscape;
    if (sampler && full && sameGrid(full.grid, next.grid)) this.#levelRange = own(full);
    else if (!sampler && !this.#data && this.#framesRange) this.#levelRange = this.#framesRange;
    else this.#levelRange = own(next);
    return this.#levelRange;
  }

  #levelsFixed(): boolean {
    return this.#levelScale === 'fixed' && !(this.#mode === 'variance' && this.#link.sampler);
  }

  #thresholds(): Float64Array {
    const [lo, hi] = this.#rangeNow;
    // Written in place: a morph frame allocates no thresholds.
    return (this.#thresholdCache = levelThresholds(
      lo,
      hi,
      this.#levels,
      this.#thresholdCache,
      this.#levelSpacing,
    ));
  }

  #bandColours(): string[] {
    if (this.#colours && this.#colours.length === this.#levels) return this.#colours;
    const map = colormap(this.#colormap);
    return (this.#colours = Array.from({ length: this.#levels }, (_, k) =>
      map(bandPosition(k, this.#levels)),
    ));
  }

  #legendCaption(): string {
    return this.#mode === 'variance' && this.#link.sampler ? 'variance' : 'loss';
  }

  #legendNote(): string {
    if (!this.#levelsFixed()) {
      if (this.#mode === 'variance' && this.#link.sampler) return 'levels per map';
      return this.#link.sampler ? 'levels per batch' : 'levels per landscape';
    }
    return 'levels fixed';
  }

  // ---- drawing ----

  #redraw(): void {
    this.requestUpdate();
  }

  #draw(): void {
    const canvas = this.#canvas;
    const ctx = this.#context;
    const layout = this.#layout;
    const grid = this.#shownGrid;
    if (!canvas || !ctx || !layout || !grid || !this.#visibility.visible || layout.plot.width <= 0)
      return;
    const dpr = this.#size.devicePixelRatio || 1;
    const width = Math.round(layout.plot.width * dpr);
    const height = Math.round(layout.plot.height * dpr);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    if (this.#contourSize !== grid.size || !this.#contour) {
      this.#contour = createContourer(grid.size);
      this.#contourSize = grid.size;
    }
    ctx.setTransform(width / layout.plot.width, 0, 0, height / layout.plot.height, 0, 0);
    const frame = createPlotFrame(grid, layout.plot);
    paintBands(
      ctx,
      this.#morph.displayed,
      this.#thresholds(),
      this.#bandColours(),
      frame,
      this.#contour,
    );
  }

  #tick = (now: number): void => {
    this.#frame = 0;
    if (this.#morphStart < 0) this.#morphStart = now;
    const t = this.#morphDuration > 0 ? (now - this.#morphStart) / this.#morphDuration : 1;
    this.#morph.at(t);
    this.#easeRange(t);
    if (t < 1) {
      this.#frame = requestAnimationFrame(this.#tick);
      this.#draw();
      return;
    }
    // Landed: the overlays, readout, legend and description follow the new landscape.
    this.#describeSoon();
    this.requestUpdate();
  };

  #easeRange(t: number): void {
    const e = t >= 1 ? 1 : t <= 0 ? 0 : t * t * (3 - 2 * t);
    const [a, b] = this.#rangeFrom;
    const [c, d] = this.#rangeTo;
    this.#rangeNow = e === 1 ? [c, d] : [a + (c - a) * e, b + (d - b) * e];
  }

  #stopMorph(): void {
    if (this.#frame) cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#morph.at(1);
    this.#easeRange(1);
  }

  #resume(): void {
    this.requestUpdate();
  }

  // Off screen: land any morph at once (nothing is drawn), stop timers; resume() redraws.
  #suspend(): void {
    this.#stopMorph();
    this.#stopPlayer();
  }

  // ---- overlays ----

  #trailTemplate(frame: PlotFrame): SVGTemplateResult | typeof nothing {
    const sampler = this.#link.sampler;
    if (!sampler || !this.#showPath || sampler.path.length < 2) return nothing;
    // A long run's trail is rebuilt only when the path or the plot changes, not on every pointer move.
    const { rect } = frame;
    const key = [
      sampler.path,
      sampler.path.length,
      frame.grid,
      rect.x,
      rect.y,
      rect.width,
      rect.height,
    ];
    if (!this.#trail || this.#trail.key.some((part, k) => part !== key[k])) {
      const points = sampler.path
        .map((w) =>
          frame
            .toPixel(w)
            .map((v) => v.toFixed(2))
            .join(','),
        )
        .join(' ');
      this.#trail = { key, points };
    }
    return svg`<polyline class="trail" points=${this.#trail.points}></polyline>`;
  }

  #weightsTemplate(frame: PlotFrame): SVGTemplateResult | typeof nothing {
    const sampler = this.#link.sampler;
    if (!sampler || !this.#showWeights) return nothing;
    const [x, y] = frame.toPixel(sampler.weights);
    return svg`<circle class="weights" cx=${x} cy=${y} r="5"></circle>`;
  }

  #stepTemplate(frame: PlotFrame): SVGTemplateResult | typeof nothing {
    const step = this.#link.sampler?.lastStep;
    if (!step || !this.#showGradient) return nothing;
    const [x1, y1] = frame.toPixel(step.previous);
    const [x2, y2] = frame.toPixel(step.weights);
    if (Math.hypot(x2 - x1, y2 - y1) < 1) return nothing;
    return svg`<line class="step" x1=${x1} y1=${y1} x2=${x2} y2=${y2} marker-end="url(#step-head)"></line>`;
  }

  #fullLinesTemplate(frame: PlotFrame): SVGTemplateResult | typeof nothing {
    const full = this.#link.sampler?.fullLandscape;
    if (!this.#showFull || !full || !isLandscape(full) || !sameGrid(full.grid, frame.grid))
      return nothing;
    const thresholds = this.#thresholds();
    const key = [full, frame.rect.width, frame.rect.height, ...thresholds].join();
    if (this.#fullLines?.key !== key) {
      const contour = createContourer(full.grid.size);
      let d = '';
      for (let k = 1; k < thresholds.length; k++)
        d += bandPathData(contour(full.values, thresholds[k]), frame);
      this.#fullLines = { key, d };
    }
    const { x, y } = frame.rect;
    return svg`<path class="full-lines" transform="translate(${x},${y})" d=${this.#fullLines.d}></path>`;
  }

  #minimumAt(): Vec2 | null {
    const target = this.#target;
    if (!target) return null;
    if (this.#minimum?.key !== target)
      this.#minimum = { key: target, at: minimumOf(target.values, target.grid) };
    return this.#minimum.at;
  }

  #minimumTemplate(frame: PlotFrame): SVGTemplateResult | typeof nothing {
    const at = this.#showMinimum ? this.#minimumAt() : null;
    if (!at) return nothing;
    const [x, y] = frame.toPixel(at);
    return svg`<path class="minimum" d="M${x - 5},${y - 5}L${x + 5},${y + 5}M${x - 5},${y + 5}L${x + 5},${y - 5}"></path>`;
  }

  #crosshairTemplate(frame: PlotFrame): SVGTemplateResult | typeof nothing {
    if (!this.#cursor) return nothing;
    const [x, y] = frame.toPixel(this.#cursor);
    const { rect } = frame;
    return svg`<path class="crosshair" d="M${rect.x},${y}H${rect.x + rect.width}M${x},${rect.y}V${rect.y + rect.height}"></path>
      <circle class="crosshair" cx=${x} cy=${y} r="6"></circle>`;
  }

  #readout(frame: PlotFrame) {
    const at = this.#cursor ?? this.#hover;
    const grid = this.#shownGrid;
    if (!at || !grid) return nothing;
    const loss = lossAt(this.#morph.displayed, grid, at);
    const { rect } = frame;
    const label = this.#legendCaption();
    return html`<div
      part="readout"
      class=${this.#layout?.compact ? 'compact' : ''}
      style=${cssomStyle({ left: `${rect.x + 6}px`, top: `${rect.y + 6}px` })}
    >
      W1 ${formatNumber(at[0])}, W2 ${formatNumber(at[1])} · ${label} ${formatNumber(loss)}
    </div>`;
  }

  #messageText() {
    if (this.#error) return html`<div part="message" role="alert">${this.#error}</div>`;
    if (this.#target) return nothing;
    const sampler = this.#link.sampler;
    const text = sampler
      ? this.#mode === 'variance'
        ? 'The variance map appears after two batches.'
        : this.#mode === 'sample'
          ? `No sample ${this.#sample} in the current batch yet.`
          : 'Waiting for the sampler’s landscape.'
      : this.src
        ? 'Loading frames…'
        : 'No landscape: link a <batch-sampler>, set src, or set the landscape property.';
    return html`<div part="message">${text}</div>`;
  }

  // ---- the reader ----

  #toWeights(event: MouseEvent): Vec2 | null {
    const grid = this.#shownGrid;
    const layout = this.#layout;
    const svgElement = this.renderRoot.querySelector('svg');
    if (!grid || !layout || !svgElement) return null;
    const box = svgElement.getBoundingClientRect();
    const w = createPlotFrame(grid, layout.plot).toWeights(
      event.clientX - box.left,
      event.clientY - box.top,
    );
    return this.#clampWeights(w);
  }

  #clampWeights(w: Vec2): Vec2 {
    const grid = this.#shownGrid!;
    const clamp = (v: number, [a, b]: readonly [number, number]) => Math.min(b, Math.max(a, v));
    return [clamp(w[0], grid.w1), clamp(w[1], grid.w2)];
  }

  #onClick = (event: MouseEvent): void => {
    const weights = this.#toWeights(event);
    if (weights) emit(this, 'weights-pick', { weights });
  };

  #onPointerMove = (event: PointerEvent): void => {
    this.#hover = this.#toWeights(event);
    this.requestUpdate();
  };

  #onPointerLeave = (): void => {
    this.#hover = null;
    this.requestUpdate();
  };

  #onBlur = (): void => {
    if (!this.#cursor) return;
    this.#cursor = null;
    this.requestUpdate();
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    const grid = this.#shownGrid;
    if (!grid || event.altKey || event.ctrlKey || event.metaKey) return;
    const fine = event.shiftKey;
    const step1 = fine
      ? (grid.w1[1] - grid.w1[0]) / (grid.size - 1)
      : (grid.w1[1] - grid.w1[0]) / 20;
    const step2 = fine
      ? (grid.w2[1] - grid.w2[0]) / (grid.size - 1)
      : (grid.w2[1] - grid.w2[0]) / 20;
    const moves: Record<string, Vec2> = {
      ArrowLeft: [-step1, 0],
      ArrowRight: [step1, 0],
      ArrowUp: [0, step2],
      ArrowDown: [0, -step2],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const from = this.#cursor ??
        this.#link.sampler?.weights ?? [
          (grid.w1[0] + grid.w1[1]) / 2,
          (grid.w2[0] + grid.w2[1]) / 2,
        ];
      this.#cursor = this.#clampWeights([from[0] + move[0], from[1] + move[1]]);
      this.requestUpdate();
    } else if ((event.key === 'Enter' || event.key === ' ') && this.#cursor) {
      event.preventDefault();
      emit(this, 'weights-pick', { weights: this.#cursor });
    } else if (event.key === 'Escape' && this.#cursor) {
      this.#cursor = null;
      this.requestUpdate();
    }
  };

  // ---- description for assistive technology ----

  #describeSoon(): void {
    if (this.#describeTimer !== undefined) return;
    const wait = this.#describedAt + DESCRIPTION_INTERVAL - performance.now();
    if (wait <= 0) {
      this.#describe();
      return;
    }
    this.#describeTimer = setTimeout(() => {
      this.#describeTimer = undefined;
      this.#describe();
    }, wait);
  }

  #describe(): void {
    this.#describedAt = performance.now();
    const text = this.#composeDescription();
    if (text === this.#description) return;
    this.#description = text;
    if (this.#ownsLabel) this.setAttribute('aria-label', text);
  }

  #composeDescription(): string {
    const target = this.#target;
    const sampler = this.#link.sampler;
    const what =
      sampler && this.#mode === 'variance'
        ? 'Variance of the batch landscapes, cell by cell'
        : sampler && this.#mode === 'full'
          ? 'Loss landscape of the full data set'
          : sampler && this.#mode === 'sample'
            ? `Loss landscape of sample ${this.#sample} of the batch`
            : sampler
              ? 'Loss landscape of the current mini-batch'
              : 'Loss landscape';
    if (!target) return `${what}: nothing to show yet.`;
    const parts = [`${what}, filled contours in ${this.#levels} levels.`];
    if (sampler) {
      const batch = this.#lastBatch;
      const where = batch
        ? `Batch ${batch.batch + 1} of epoch ${batch.epoch + 1}, iteration ${sampler.iteration}`
        : 'Before training';
      const w = sampler.weights;
      parts.push(
        `${where}: ${this.#legendCaption()} ${formatNumber(lossAt(target.values, target.grid, w))} at weights ${formatWeights(w)}.`,
      );
    } else if (this.#frames.length > 1 && !this.#data) {
      parts.push(`Frame ${this.#frameIndex + 1} of ${this.#frames.length}.`);
    }
    const low = this.#minimumAt();
    if (low) parts.push(`The lowest point is near ${formatWeights(low)}.`);
    return parts.join(' ');
  }

  // ---- src frames ----

  async #load(): Promise<void> {
    this.#loading?.abort();
    this.#loading = null;
    const src = this.src;
    if (!src) {
      // src removed: its frames go too.
      if (this.#frames.length || this.#error) {
        this.#stopPlayer();
        this.#frames = [];
        this.#framesRange = null;
        this.#error = null;
        this.#retarget('jump');
      }
      return;
    }
    const controller = (this.#loading = new AbortController());
    let frames: Landscape[];
    try {
      frames = await loadFrames(src, controller.signal);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.#loading = null;
      const reason = error instanceof Error ? error.message : String(error);
      this.#error = `Could not load frames from ${src}: ${reason}`;
      emit(this, 'error', { message: this.#error });
      this.requestUpdate();
      return;
    }
    if (controller.signal.aborted) return;
    this.#loading = null;
    this.#error = null;
    this.#frames = frames;
    this.#frameIndex = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (const f of frames) {
      lo = Math.min(lo, f.min);
      hi = Math.max(hi, f.max);
    }
    this.#framesRange = [lo, hi];
    if (!this.#link.sampler && !this.#data) this.#levelRange = null;
    this.#retarget('jump');
    this.#schedulePlayer();
  }

  #schedulePlayer(): void {
    this.#stopPlayer();
    if (this.#frames.length < 2 || this.#link.sampler || this.#data || !this.#visibility.visible)
      return;
    this.#player = setTimeout(() => {
      this.#player = undefined;
      this.#frameIndex = (this.#frameIndex + 1) % this.#frames.length;
      this.#retarget('morph');
    }, 1000 / this.#frameRate);
  }

  #stopPlayer(): void {
    clearTimeout(this.#player);
    this.#player = undefined;
  }
}
