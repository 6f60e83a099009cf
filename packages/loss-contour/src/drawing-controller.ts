// What the contour has on screen and how it gets there: the landscape shown (the morph's target),
// the values mid-morph, the level range, the layout, and the bands painted on the canvas.
//
// The host asks for a new landscape with `retarget('morph' | 'jump')`; at its next update the
// controller reads `source()` and eases to it (or jumps: a first landscape, a new grid, transition 0).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { checkLandscape, sameGrid, type Grid, type Landscape } from '@lossquake/core';
import { createContourer, paintBands } from './contour-bands.js';
import { computeLayout, type Layout } from './layout.js';
import { LevelRange, type RangeSources } from './level-range.js';
import { levelThresholds, type LevelSpacing } from './levels.js';
import { memoLast } from './memo.js';
import { Morph } from './morph.js';
import { createPlotFrame, type PlotFrame } from './plot-frame.js';

export interface DrawingOptions {
  /** The landscape to show now (read at the update after a `retarget`); may throw. */
  source(): Landscape | null;
  /** Where fixed levels come from; `own` when each landscape takes its own. */
  rangeSources(): RangeSources;
  /** Milliseconds of morph; 0 switches at once (reduced motion, off screen). */
  transition(): number;
  look(): { levels: number; spacing: LevelSpacing; colours: readonly string[] };
  visible(): boolean;
  pixelRatio(): number;
  /** A landscape landed or went away: the overlays and the description follow. */
  landed(): void;
  /** `source()` threw. */
  failed(error: unknown): void;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode };

export class DrawingController implements ReactiveController {
  /** The landscape shown (the morph's target), or null. */
  target: Landscape | null = null;
  /** Where the plot, axes and legend sit, from the last render. */
  layout: Layout | null = null;
  readonly levelRange = new LevelRange();
  #morph = new Morph();
  #pending: 'morph' | 'jump' | null = null;
  #thresholds: Float64Array = new Float64Array(0);
  #canvas: HTMLCanvasElement | null = null;
  #context: CanvasRenderingContext2D | null = null;
  #contourer = memoLast(createContourer);
  #plotFrame = memoLast((grid: Grid, x: number, y: number, width: number, height: number) =>
    createPlotFrame(grid, { x, y, width, height }),
  );
  #host: Host;
  #options: DrawingOptions;
  /** The canvas size last painted ("" before the first paint), so an off-screen view paints once. */
  #paintedSize = '';

  constructor(host: Host, options: DrawingOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The values on screen now (in between two landscapes mid-morph). */
  get displayed(): Float32Array {
    return this.#morph.displayed;
  }

  get morphing(): boolean {
    return this.#morph.running;
  }

  get canvas(): HTMLCanvasElement | null {
    return this.#canvas;
  }

  /** Lays the plot out in a box of `width` × `height` CSS pixels (compact below 260 px or when asked). */
  lay(width: number, height: number, compact: boolean): Layout {
    return (this.layout = computeLayout(width, height, this.target?.grid ?? null, compact));
  }

  /** The map between weights and pixels of the plot now laid out; null while there is none. */
  get frame(): PlotFrame | null {
    const grid = this.target?.grid;
    const plot = this.layout?.plot;
    if (!grid || !plot || plot.width <= 0) return null;
    return this.#plotFrame(grid, plot.x, plot.y, plot.width, plot.height);
  }

  /** The lower edges of the bands on screen (written in place: a morph frame allocates none). */
  thresholds(): Float64Array {
    const { levels, spacing } = this.#options.look();
    const [lo, hi] = this.levelRange.now;
    return (this.#thresholds = levelThresholds(lo, hi, levels, this.#thresholds, spacing));
  }

  /** Shows `source()` at the next update: eased, or at once. A jump outranks a morph. */
  retarget(how: 'morph' | 'jump'): void {
    if (this.#pending !== 'jump') this.#pending = how;
    this.#host.requestUpdate();
  }

  /** Paints what is shown now, on screen or not (for print). */
  paint(): void {
    this.#draw(true);
  }

  /** Lands any morph at once. */
  land(): void {
    this.#morph.stop();
    this.levelRange.at(1);
  }

  hostUpdate(): void {
    this.#adopt();
    this.levelRange.settle(this.target, this.#options.rangeSources());
  }

  hostUpdated(): void {
    const canvas = this.#host.renderRoot.querySelector('canvas');
    if (canvas !== this.#canvas) {
      this.#canvas = canvas;
      // A CPU-backed canvas: headless and software-GL browsers fill paths several times faster this way.
      this.#context = canvas?.getContext('2d', { willReadFrequently: true }) ?? null;
    }
    if (!this.#morph.running) this.#draw();
  }

  hostDisconnected(): void {
    this.land();
    // Free the canvas backing store; it is sized again when the element comes back.
    if (this.#canvas) this.#canvas.width = this.#canvas.height = 0;
    this.#paintedSize = '';
  }

  #adopt(): void {
    const how = this.#pending;
    if (!how) return;
    this.#pending = null;
    let next: Landscape | null = null;
    try {
      next = this.#options.source();
    } catch (error) {
      this.#options.failed(error);
    }
    if (next && next !== this.target && !checkLandscape(next)) next = null;
    if (next === this.target && how === 'morph') return;
    const gridChanged = !sameGrid(this.target?.grid, next?.grid);
    this.target = next;
    if (!next) {
      this.land();
      return this.#options.landed();
    }
    const sources = this.#options.rangeSources();
    // A new grid fixes the levels again.
    if (gridChanged && !sources.own) this.levelRange.release();
    const range = this.levelRange.for(next, sources);
    const duration = how === 'jump' || gridChanged ? 0 : this.#options.transition();
    if (duration > 0 && this.#morph.start(next.values, duration, this.#onMorphFrame)) {
      this.levelRange.start(range);
      return;
    }
    this.#morph.jump(next.values);
    this.levelRange.jump(range);
    this.#options.landed();
  }

  #onMorphFrame = (t: number): void => {
    this.levelRange.at(t);
    if (t < 1) return this.#draw();
    this.#options.landed();
    this.#host.requestUpdate();
  };

  // Off screen, the view paints only when it enters layout or its size changes (a full-page capture
  // or "save as image" then shows a plot, not a blank), and when asked (`paint`, for print).
  #draw(force = false): void {
    const canvas = this.#canvas;
    const ctx = this.#context;
    const frame = this.frame;
    if (!canvas || !ctx || !frame) return;
    const { rect, grid } = frame;
    const dpr = this.#options.pixelRatio() || 1;
    const width = Math.round(rect.width * dpr);
    const height = Math.round(rect.height * dpr);
    const size = `${width}x${height}`;
    if (!force && !this.#options.visible() && size === this.#paintedSize) return;
    this.#paintedSize = size;
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    ctx.setTransform(width / rect.width, 0, 0, height / rect.height, 0, 0);
    const { colours } = this.#options.look();
    const contourer = this.#contourer(grid.size);
    paintBands(ctx, this.#morph.displayed, this.thresholds(), colours, frame, contourer);
  }
}
