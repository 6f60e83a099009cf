// The <loss-contour> element: wires attributes, a linked sampler, `src` frames, the reader's picks
// and the description to the drawing controller and the view (plain templates of plain data).
import { LitElement, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { lossAt, type Landscape } from '@lossquake/core';
import {
  type CapturableView,
  type ColormapName,
  type LandscapeMode,
  DescriptionController,
  PrintController,
  ReducedMotionController,
  ResizeController,
  VisibilityController,
  colormap,
  linkedMorphDuration,
  downloadFrame,
  frameBlob,
  validated,
  viewToHTML,
  warnOnce,
} from '@lossquake/kit';
import * as types from './attributes.js';
import type { LevelScale, LevelSpacing } from './attributes.js';
import { describeContour } from './describe.js';
import { DrawingController } from './drawing-controller.js';
import { LandscapeSource } from './landscape-source.js';
import { bandPosition, levelsNote } from './levels.js';
import { Marks } from './marks.js';
import { memoLast } from './memo.js';
import * as overlay from './overlays.js';
import { PickController } from './pick-controller.js';
import { composeCanvas } from './snapshot.js';
import { styles } from './loss-contour.styles.js';
import { testing, type ContourHooks } from './testing.js';
import { WEIGHT_AXES } from './axes.js';
import { contourView } from './view.js';
import { TrailLayer } from './trail-layer.js';

const bandColours = (name: ColormapName, levels: number) =>
  Array.from({ length: levels }, (_, k) => colormap(name)(bandPosition(k, levels)));

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
 * @csspart trail - The canvas with the weights' trail (over the bands, under the other marks).
 * @csspart axes - The W1 and W2 axes with ticks and labels (SVG group).
 * @csspart legend - The colour bar with the level values (SVG group).
 * @csspart overlay - The weights, trail, step arrow and crosshair (SVG group).
 * @csspart readout - The loss under the pointer or crosshair.
 * @csspart message - An error (role="alert") or a note about what is missing.
 *
 * @cssproperty [--lossquake-font-family=system-ui, sans-serif] - Font of the axes, legend, readout and messages (shared).
 * @cssproperty [--lossquake-font-size=12px] - Font size (shared).
 * @cssproperty [--lossquake-text-color=color-mix(in srgb, currentColor 80%, Canvas)] - Text colour: the page's, softened (#333 on a plain page) (shared).
 * @cssproperty [--lossquake-focus-color=#1a73e8] - Focus ring and keyboard crosshair (shared).
 * @cssproperty [--lossquake-message-background=hsl(from currentColor 0 0 calc(min(100, (100 - l) * 1.25)) / 0.92)] - Background of messages: the grey opposite the text (white behind dark text) (shared).
 * @cssproperty [--lossquake-error-color=#b00020] - Colour of error messages (shared).
 * @cssproperty [--lossquake-axis-color=color-mix(in srgb, currentColor 66.67%, Canvas)] - Axis lines and ticks (#555 on a plain page).
 * @cssproperty [--lossquake-path-color=#fff] - The weights' trail.
 * @cssproperty [--lossquake-weights-color=#ff5a36] - The current weights' dot.
 * @cssproperty [--lossquake-arrow-color=#ff5a36] - The last step's arrow.
 * @cssproperty [--lossquake-full-color=rgba(255, 255, 255, 0.75)] - The full landscape's contour lines (`show-full`).
 * @cssproperty [--lossquake-minimum-color=#fff] - The landscape's minimum marker (`show-minimum`).
 * @cssproperty [--lossquake-readout-background=hsl(from currentColor 0 0 calc(min(100, (100 - l) * 1.25)) / 0.88)] - Background of the readout: the grey opposite the text.
 */
export class LossContour extends LitElement implements CapturableView {
  static override styles = styles;

  /** Id of the <batch-sampler> to follow; without it, the nearest <batch-sampler> ancestor. */
  @property({ reflect: true }) for: string | null = null;
  /** URL of frames JSON `{grid: {w1, w2, size}, frames: [{values}]}` to play when no sampler is linked. */
  @property() src: string | null = null;
  /**
   * `batch`, `full`, `sample` or `variance` (the attribute); or a Landscape object to show (the
   * property), used when no sampler is linked. `currentLandscape` is the landscape on screen.
   */
  @validated(types.landscapeType) landscape: LandscapeMode | Landscape = 'batch';
  /** Which row of the current batch `landscape="sample"` shows (0-based). */
  @validated(types.sampleType) sample = 0;
  /** Colour map: `viridis` (default), `blues`, `magma`, `cividis` or `greys`. */
  @validated(types.colormapType) colormap: ColormapName = 'viridis';
  /** Number of filled bands (2..50). */
  @validated(types.levelsType) levels = 10;
  /** `fixed` (default): levels span the full landscape, the same for every batch; `auto`: each landscape's own range. */
  @validated(types.levelScaleType, { attribute: 'level-scale' }) levelScale: LevelScale = 'fixed';
  /** `linear` (default): equal steps of loss; `log`: finer levels near the lowest loss, wider ones above. */
  @validated(types.levelSpacingType, { attribute: 'level-spacing' }) levelSpacing: LevelSpacing =
    'linear';
  /** Milliseconds of morph from one landscape to the next; 0 switches at once (as does prefers-reduced-motion). */
  @validated(types.transitionType) transition = 400;
  /** Frames per second when playing `src` frames (0.1..60). */
  @validated(types.frameRateType, { attribute: 'frame-rate' }) frameRate = 2;
  /** Draw the weights' trail (on by default; `show-path="false"` hides it). */
  @validated(types.flag, { attribute: 'show-path' }) showPath = true;
  /** Draw the current weights (on by default). */
  @validated(types.flag, { attribute: 'show-weights' }) showWeights = true;
  /** Draw the last training step as an arrow from the previous weights (on by default). */
  @validated(types.flag, { attribute: 'show-gradient' }) showGradient = true;
  /** Draw the full-data landscape's contour lines over the bands (off by default). */
  @validated(types.flag, { attribute: 'show-full' }) showFull = false;
  /** Mark the lowest grid point of the landscape shown (off by default). */
  @validated(types.flag, { attribute: 'show-minimum' }) showMinimum = false;
  /** Small-tile layout (short margins, small ticks, no axis titles, thin legend bar below): automatic under 260 px wide; `compact` forces it. */
  @validated(types.flag) compact = false;

  #bandColours = memoLast(bandColours);
  #marks = new Marks();
  #source = new LandscapeSource(this, {
    retarget: (how, renew) => {
      if (renew) this.#drawing.levelRange.release(renew === 'now');
      this.#drawing.retarget(how);
    },
    moved: (detail) => {
      this.#marks.moved(detail);
      this.#description.refresh();
    },
    restarted: () => this.#marks.restart(),
  });
  // The .frame box, not the host: page CSS may force the host inline (`* { all: unset }`), and the
  // frame keeps a default size of its own then.
  #size = new ResizeController(this, {
    target: () => this.renderRoot.querySelector('.frame'),
    onChange: () => this.requestUpdate(),
  });
  // Off screen: land any morph at once (nothing is drawn); coming back redraws.
  #visibility = new VisibilityController(this, (visible) => visible || this.#drawing.land());
  #motion = new ReducedMotionController(this);
  #drawing: DrawingController = new DrawingController(this, {
    source: () => this.#source.current(this.#data, this.sample),
    rangeSources: () => ({
      own: this.levelScale === 'auto' || this.#source.variance,
      full: this.#source.sampler?.fullLandscape ?? null,
      frames: this.#source.framesRange(this.#data),
    }),
    transition: () => this.#morphLength(),
    look: () => ({
      levels: this.levels,
      spacing: this.levelSpacing,
      colours: this.#bandColours(this.colormap, this.levels),
    }),
    visible: () => this.#visibility.visible,
    pixelRatio: () => this.#size.devicePixelRatio,
    landed: () => this.#description.refresh(),
    failed: (error) =>
      warnOnce(
        `loss-contour-source-${String(error)}`,
        `<loss-contour> could not read the sampler: ${String(error)}`,
      ),
  });
  #trail = new TrailLayer(this, () => {
    const frame = this.#drawing.frame;
    const trail = frame && this.#marks.trail(frame, this.#source.sampler, this.showPath);
    return { frame, trail, pixelRatio: this.#size.devicePixelRatio };
  });
  #pick = new PickController(
    this,
    () => this.#drawing.frame,
    () => this.#source.sampler?.point ?? null,
  );
  #description = new DescriptionController(this, () => {
    const { target: landscape } = this.#drawing;
    return describeContour({
      ...this.#source.described(this.#data),
      landscape,
      levels: this.levels,
      sample: this.sample,
      minimum: landscape && this.#marks.minimum(landscape),
    });
  });

  /**
   * The morph's length in ms: `transition`, fitted to the beat of a playing sampler so its arrow comes
   * after the morph; 0 under reduced motion or off screen.
   */
  #morphLength(): number {
    if (this.#motion.reduced || !this.#visibility.visible) return 0;
    return linkedMorphDuration(this.transition, this.#source.sampler);
  }

  constructor() {
    super();
    // Printing draws the bands of a contour scrolled out of sight too (it holds no state to keep).
    new PrintController(this, () => this.#drawing.paint());
  }

  /** Which landscape of a linked sampler is shown: `batch`, `full`, `sample` or `variance`. */
  get landscapeMode(): LandscapeMode {
    return this.#source.mode;
  }

  /** The landscape on screen now (the morph's target), or null before the first. */
  get currentLandscape(): Landscape | null {
    return this.#drawing.target;
  }

  /** @internal */
  get [testing](): ContourHooks {
    return {
      displayed: this.#drawing.displayed,
      thresholds: Array.from(this.#drawing.thresholds()),
      visible: this.#visibility.visible,
      morphing: this.#drawing.morphing,
      morphLength: this.#morphLength(),
      frame: this.#source.frameIndex,
      description: this.#description.text,
      trail: this.#trail.painted,
    };
  }

  /** @internal Reacts at once (not at the next update) to a new landscape, sample row or level scale. */
  validatedChanged(name: string): void {
    if (name === 'levelScale') this.#drawing.levelRange.release(true);
    if (name !== 'landscape' && name !== 'sample') return;
    if (typeof this.landscape === 'string') this.#source.show(this.landscape);
    else this.#drawing.retarget('morph');
  }

  protected override willUpdate(changed: PropertyValues): void {
    const { frames, sampler } = this.#source;
    if (changed.has('src')) this.#source.load(this.src);
    frames.frameRate = this.frameRate;
    frames.playing = this.#visibility.visible && !sampler && !this.#data;
  }

  protected override firstUpdated(): void {
    this.#size.observeTarget();
  }

  // One stable .frame: the ResizeController watches it, so it must outlive every change of content.
  protected override render() {
    return html`<div class="frame">${this.#content()}</div>`;
  }

  #content() {
    const drawing = this.#drawing;
    const layout = drawing.lay(this.#size.width, this.#size.height, this.compact);
    const { sampler, error, variance } = this.#source;
    const missing = drawing.target ? null : this.#source.missing(this.sample, this.src);
    const message = overlay.messageTemplate(error, missing);
    const frame = drawing.frame;
    if (!frame) return message;
    const thresholds = drawing.thresholds();
    const at = this.#pick.at;
    const caption = variance ? 'variance' : 'loss';
    const fixed = this.levelScale === 'fixed' && !variance;
    const marks = this.#marks.of(frame, thresholds, drawing.target, sampler, this);
    const view = {
      layout,
      frame,
      thresholds,
      colours: this.#bandColours(this.colormap, this.levels),
      caption,
      note: levelsNote(fixed, variance, !!sampler),
      axisNames: sampler?.plane?.labels ?? WEIGHT_AXES,
      marks: { ...marks, cursor: this.#pick.cursor },
      reading: at && { at, caption, value: lossAt(drawing.displayed, frame.grid, at) },
      pointer: this.#pick,
    };
    return contourView(view, message);
  }

  /** A PNG (or `type`) of what is on screen now: bands, axes, legend and overlays, at device resolution. */
  toBlob(type = 'image/png'): Promise<Blob> {
    return frameBlob(this, type);
  }

  /** What is on screen now as one canvas (what `toBlob` encodes and a sampler's `record()` films); null before the first frame. */
  async captureFrame(): Promise<HTMLCanvasElement | null> {
    const svg = this.renderRoot.querySelector('svg');
    const { canvas, layout } = this.#drawing;
    const trail = this.#trail.canvas;
    return canvas && svg && layout ? composeCanvas(this, [canvas, trail], svg, layout) : null;
  }

  /** Saves what is on screen as an image file (PNG, or JPEG for a .jpg/.jpeg name). */
  download(filename = 'loss-contour.png'): Promise<void> {
    return downloadFrame(this, filename);
  }

  /** The element as an HTML snippet with its current attributes (not its data), to paste elsewhere. */
  toHTML(): string {
    return viewToHTML(this, this.#description.ownsLabel);
  }

  get #data(): Landscape | null {
    return typeof this.landscape === 'object' ? this.landscape : null;
  }
}
