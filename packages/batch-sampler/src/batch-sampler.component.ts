// The <batch-sampler> class: owns data, model, schedule, optimiser and weights, and tells views through events.
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  createGrid,
  createVarianceAccumulator,
  datasetKinds,
  getModel,
  lossGrid,
  makeDataset,
  models,
  optimizerKinds,
  theoreticalQuake,
  type Dataset,
  type DatasetKind,
  type Grid,
  type Landscape,
  type Model,
  type OptimizerKind,
  type Sampling,
  type ScheduledBatch,
  type VarianceAccumulator,
  type Vec2,
} from '@lossquake/core';
import {
  accept,
  enumType,
  extentType,
  numberType,
  rawAttribute,
  vec2Type,
  type AttributeType,
  type Extent,
} from '@lossquake/kit';
import { VisibilityController } from '@lossquake/kit';
import { ReducedMotionController } from '@lossquake/kit';
import { fetchDataset, inlineDataset, inlineText } from './data-source.js';
import { emit, type ResetReason, type WeightsChangeDetail } from '@lossquake/kit';
import { computeFull, type FullLandscapes } from './landscape-jobs.js';
import { LandscapeService } from './landscape-service.js';
import type { LinkedSampler } from '@lossquake/kit';
import { Timeline } from './timeline.js';
import { styles } from './batch-sampler.styles.js';
import { renderControls } from './batch-sampler.controls.js';
import { runSteps, runToCSV, runToJSON, type RunSettings } from './export-run.js';
import { recordViews, type RecordOptions } from './record.js';
import { ShareMenu, shareStyles } from './share-menu.js';
import { embedCode } from './share-state.js';
import { picksType, samplerToHTML } from './state-markup.js';
import type { PickedWeights } from './timeline.js';
import { linkedViews } from '@lossquake/kit';

export type { DatasetKind, OptimizerKind, Sampling };

/** Landscapes up to this many loss evaluations (rows × cells) are computed at once on the main thread. */
const SYNC_WORK = 1_000_000;
/** The full landscape also computes σ² per cell, about twice the work per evaluation. */
const SYNC_FULL_WORK = 500_000;
/** How far `seek` replays when `max-iterations` gives no bound. */
const MAX_SEEK = 100_000;

const samplings: readonly Sampling[] = ['epoch', 'replacement', 'sequential', 'full'];
// When several settings change in one task, the sampler-reset names the most sweeping one.
const reasonOrder: readonly ResetReason[] = [
  'data',
  'model',
  'seed',
  'batch-size',
  'sampling',
  'optimizer',
  'learning-rate',
  'weights',
  'extent',
  'resolution',
  'reset',
];

const datasetType = enumType(datasetKinds, 'blobs');
const samplesType = numberType({ fallback: 1000, min: 2, max: 100_000, integer: true });
const seedType = numberType({ fallback: 1, expected: 'a finite number' });
const modelType = enumType(Object.keys(models), 'logistic');
const batchSizeType = numberType({ fallback: 10, min: 1, integer: true });
const samplingType = enumType(samplings, 'epoch');
const optimizerType = enumType(optimizerKinds, 'sgd');
const extentAttribute = extentType([-20, 20, -20, 20]);
const resolutionType = numberType({ fallback: 64, min: 8, max: 256, integer: true });
const rateType = numberType({ fallback: 2, min: 0.1, max: 60 });
const startAtType = numberType({ fallback: 0, min: 0, max: MAX_SEEK, integer: true });
const maxIterationsType = numberType({ fallback: 500, min: 1, max: 1_000_000, integer: true });
/** null stands for the model's default. */
const learningRateType: AttributeType<number | null> = {
  fallback: null,
  expected: 'a number greater than 0',
  parse: (value) => {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof number === 'number' && Number.isFinite(number) && number > 0 ? number : undefined;
  },
};
const weightsType = vec2Type([NaN, NaN]);

function isDataset(value: unknown): value is Dataset {
  const data = value as Partial<Dataset> | null;
  return (
    !!data &&
    typeof data === 'object' &&
    Number.isInteger(data.n) &&
    data.n! >= 2 &&
    data.x instanceof Float64Array &&
    data.x.length === 2 * data.n! &&
    data.y instanceof Uint8Array &&
    data.y.length === data.n
  );
}

/** What `quakeMagnitude` reports, in units of the loss (nats: the cross-entropy uses ln). */
export interface QuakeMagnitude {
  /** RMS over grid cells and the batches seen since the reset of (batch landscape − full landscape); null before a batch. */
  measured: number | null;
  /** Its expected value from theory: √(mean over cells of σ²/B, × (N − B)/(N − 1) for epoch or sequential sampling; 0 for full). */
  theory: number;
  /** How many distinct batches `measured` averages over. */
  batches: number;
}

/**
 * The controller of a lossquake explainer: it owns the data, the model, the batch schedule, the
 * optimiser and the weights, and tells linked views what happens through DOM events. One step is
 * two beats: `batch-change` (a new mini-batch and its landscape), then `weights-change` (the
 * optimiser's update on that batch). While playing, the beats are half a period (`0.5 / rate` s) apart.
 *
 * The shared `--lossquake-*` custom properties below theme every lossquake element, so setting them
 * once on a wrapper themes the sampler and its views. Deprecated aliases, still honoured in this
 * release and winning over the shared name where set: `--lossquake-font` (now
 * `--lossquake-font-family`), `--lossquake-foreground` (now `--lossquake-text-color`) and
 * `--lossquake-error` (now `--lossquake-error-color`).
 *
 * @tagname batch-sampler
 * @summary Trains a two-weight model batch by batch and publishes each batch's loss landscape.
 *
 * @attr {'blobs' | 'moons' | 'xor'} dataset - Generated data set (default `blobs`); the `dataset` property also takes a Dataset object.
 * @attr {string} weights - Initial weights `"w1 w2"` (default: the model's); changing them resets the run. The `weights` property reads the current weights.
 *
 * @fires batch-change - A new mini-batch is in play: `{ iteration, epoch, batch, rows, landscape, weights }`.
 * @fires weights-change - A training step was taken (or weights were picked): `{ iteration, weights, previous, gradient, loss, path }`.
 * @fires sampler-reset - Data or settings changed (`reason`), or the timeline jumped (`reason: 'seek'`); views clear trails.
 * @fires landscape-ready - The full-data landscape is ready (it may be computed in a worker): `{ landscape }`.
 * @fires error - A `src` or inline data set failed to load or parse: `{ message }`; does not bubble.
 * @fires play - Playing started (does not bubble, as on media elements).
 * @fires pause - Playing stopped (does not bubble).
 *
 * @slot - Views placed inside link to this sampler as their nearest ancestor.
 *
 * @csspart controls - The toolbar shown with `controls`.
 * @csspart step-back - Step-back button.
 * @csspart play - Play/pause button.
 * @csspart step - Step button.
 * @csspart reset - Reset button.
 * @csspart batch-size - Batch-size slider.
 * @csspart optimizer - Optimiser menu.
 * @csspart readout - Live readout of epoch, batch, loss and noise scale.
 * @csspart share-button - The "Share" toggle of the share menu (a `<summary>`).
 * @csspart share-menu - The share menu's panel.
 * @csspart share-frame - Menu item: download the first linked view's frame as PNG.
 * @csspart share-record - Menu item: record 5 s of the linked views as WebM.
 * @csspart share-embed - Menu item: copy the embed code (`toHTML()` of the sampler and its views).
 * @csspart share-csv - Menu item: export the run as CSV.
 * @csspart share-json - Menu item: export the run as JSON.
 * @csspart embed-code - Text area with the embed code, shown when the clipboard cannot be written.
 * @csspart share-status - What the last menu action did.
 * @csspart error - The message shown when data fails to load.
 *
 * @cssproperty [--lossquake-font-family=system-ui, -apple-system, 'Segoe UI', sans-serif] - Font of the toolbar and error message (shared).
 * @cssproperty [--lossquake-font-size=0.875rem] - Font size of the toolbar and error message (shared).
 * @cssproperty [--lossquake-text-color=#1f2933] - Text colour (shared).
 * @cssproperty [--lossquake-focus-color=var(--lossquake-accent)] - Focus ring of the buttons, slider, menus (shared).
 * @cssproperty --lossquake-message-background - Background of the error message (shared; default: the error colour at 8%).
 * @cssproperty [--lossquake-error-color=#c62828] - Colour of the error message (shared).
 * @cssproperty [--lossquake-accent=#2563eb] - Buttons and slider colour.
 * @cssproperty [--lossquake-on-accent=#fff] - Icon colour on the accent.
 * @cssproperty [--lossquake-background=#f3f5f8] - Toolbar and share menu background.
 * @cssproperty [--lossquake-radius=8px] - Toolbar and share menu corner radius.
 */
export class BatchSampler extends LitElement implements LinkedSampler {
  static override styles = [styles, shareStyles];

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'dataset', 'weights'];
  }

  // ── attributes ──────────────────────────────────────────────────────────────────────────────

  #samples = samplesType.fallback;
  /** Points in a generated data set (2..100 000). */
  @property({ converter: rawAttribute })
  get samples(): number {
    return this.#samples;
  }
  set samples(value: number | string) {
    this.#samples = this.#change('samples', value, samplesType, this.#samples, 'data');
  }

  /** URL of a CSV or JSON data set; while it loads, and if it fails, the previous data stays. */
  @property() src: string | null = null;

  #seed = seedType.fallback;
  /** Seeds the generated data, the batch schedule and so the whole run. */
  @property({ converter: rawAttribute })
  get seed(): number {
    return this.#seed;
  }
  set seed(value: number | string) {
    this.#seed = this.#change('seed', value, seedType, this.#seed, 'seed');
  }

  #model = modelType.fallback;
  /** The model whose loss is shown (`logistic`). */
  @property({ converter: rawAttribute })
  get model(): string {
    return this.#model;
  }
  set model(value: string) {
    this.#model = this.#change('model', value, modelType, this.#model, 'model');
  }

  #batchSize = batchSizeType.fallback;
  /** Samples per mini-batch (1..rows; a larger value is clamped to the data's rows). */
  @property({ attribute: 'batch-size', converter: rawAttribute })
  get batchSize(): number {
    return this.#batchSize;
  }
  set batchSize(value: number | string) {
    this.#batchSize = this.#change(
      'batch-size',
      value,
      batchSizeType,
      this.#batchSize,
      'batch-size',
    );
  }

  #sampling: Sampling = samplingType.fallback;
  /** How batches are drawn: `epoch`, `replacement`, `sequential` or `full`. */
  @property({ converter: rawAttribute })
  get sampling(): Sampling {
    return this.#sampling;
  }
  set sampling(value: Sampling) {
    this.#sampling = this.#change('sampling', value, samplingType, this.#sampling, 'sampling');
  }

  #optimizer: OptimizerKind = optimizerType.fallback;
  /** The update rule: `sgd`, `momentum`, `nesterov` or `adam`. */
  @property({ converter: rawAttribute })
  get optimizer(): OptimizerKind {
    return this.#optimizer;
  }
  set optimizer(value: OptimizerKind) {
    this.#optimizer = this.#change('optimizer', value, optimizerType, this.#optimizer, 'optimizer');
  }

  #learningRate: number | null = null;
  /** Step size (> 0); reads the model's default when not set. */
  @property({ attribute: 'learning-rate', converter: rawAttribute })
  get learningRate(): number {
    return this.#learningRate ?? this.#modelObject().defaultLearningRate;
  }
  set learningRate(value: number | string | null) {
    this.#learningRate = this.#change(
      'learning-rate',
      value,
      learningRateType,
      this.#learningRate,
      'learning-rate',
    );
  }

  #extent: Extent = extentAttribute.fallback;
  /** The weight window of the landscapes, `"w1min w1max w2min w2max"`. */
  @property({ converter: rawAttribute })
  get extent(): Extent {
    return this.#extent;
  }
  set extent(value: Extent | string) {
    this.#extent = this.#change('extent', value, extentAttribute, this.#extent, 'extent');
  }

  #resolution = resolutionType.fallback;
  /** Grid points per side of the published landscapes (8..256). */
  @property({ converter: rawAttribute })
  get resolution(): number {
    return this.#resolution;
  }
  set resolution(value: number | string) {
    this.#resolution = this.#change(
      'resolution',
      value,
      resolutionType,
      this.#resolution,
      'resolution',
    );
  }

  #rate = rateType.fallback;
  /** Batches per second while playing (0.1..60); changing it does not reset. */
  @property({ converter: rawAttribute })
  get rate(): number {
    return this.#rate;
  }
  set rate(value: number | string) {
    this.#rate = accept(this, 'rate', value, rateType, this.#rate);
  }

  #startAt = startAtType.fallback;
  /** Iteration to open at, replayed from the seed (0..100 000). */
  @property({ attribute: 'start-at', converter: rawAttribute })
  get startAt(): number {
    return this.#startAt;
  }
  set startAt(value: number | string) {
    const next = accept(this, 'start-at', value, startAtType, this.#startAt);
    if (next === this.#startAt) return;
    this.#startAt = next;
    if (this.#timeline) void this.seek(next);
  }

  #picks: readonly PickedWeights[] = [];
  /**
   * Weights a reader picked on the way to `start-at`, `"iteration w1 w2, …"`: replayed with it when
   * the sampler opens and by `replay()`, so a `toHTML()` snippet reproduces a run with picks.
   */
  @property({ converter: rawAttribute })
  get picks(): readonly PickedWeights[] {
    return this.#picks;
  }
  set picks(value: readonly PickedWeights[] | string) {
    this.#picks = accept(this, 'picks', value, picksType, this.#picks);
  }

  #maxIterations = maxIterationsType.fallback;
  /** Where playing stops, or with `loop` starts over (default 500). */
  @property({ attribute: 'max-iterations', converter: rawAttribute })
  get maxIterations(): number {
    return this.#maxIterations;
  }
  set maxIterations(value: number | string) {
    this.#maxIterations = accept(
      this,
      'max-iterations',
      value,
      maxIterationsType,
      this.#maxIterations,
    );
  }

  /** Starts playing once the element is on screen (not under prefers-reduced-motion: the reader presses play). */
  @property({ type: Boolean }) autoplay = false;
  /** Shows play/pause, step back, step, reset, batch size, optimiser and a live readout. */
  @property({ type: Boolean }) controls = false;
  /** Starts over from iteration 0 when `max-iterations` is reached while playing. */
  @property({ type: Boolean }) loop = false;

  // ── state ───────────────────────────────────────────────────────────────────────────────────

  #kind: DatasetKind = datasetType.fallback;
  #initialWeights: Vec2 | null = null;
  #assigned: Dataset | null = null;
  #loaded: Dataset | null = null;
  #inline: Dataset | null = null;
  #inlineText: string | null = null;

  #data: Dataset | null = null;
  #timeline: Timeline | null = null;
  #grid: Grid | null = null;
  #fullKey = '';
  #full: FullLandscapes | null = null;
  #fullWaiters: ((landscape: Landscape) => void)[] = [];
  #batch: ScheduledBatch | null = null;
  #batchLandscape: Landscape | null = null;
  /** A batch is shown (batch-change fired) and its step not yet taken. */
  #halfBeat = false;
  #busy: Promise<void> | null = null;
  #generation = 0;
  #accumulator: VarianceAccumulator | null = null;
  #accumulated = new Set<number>();
  #varianceCache: Landscape | null = null;
  #sampleCache = new Map<number, Landscape>();

  #pending = new Set<ResetReason>();
  #flushQueued = false;
  #service = new LandscapeService();
  #load: AbortController | null = null;
  #inlineObserver: MutationObserver | null = null;

  #paused = true;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #autoplayDone = false;
  #visibility = new VisibilityController(this, (visible) => this.#onVisibility(visible));
  #reducedMotion = new ReducedMotionController(this);

  @state() private errorMessage: string | null = null;

  constructor() {
    super();
    this.addEventListener('weights-pick', this.#onPick);
    // A page may set `weights` or `dataset` before this class is defined: the value then sits on
    // the instance and hides the accessor. Lit re-applies its own properties; these two are ours.
    for (const name of ['weights', 'dataset'] as const) {
      if (!Object.prototype.hasOwnProperty.call(this, name)) continue;
      const value: unknown = this[name];
      delete (this as Partial<Record<typeof name, unknown>>)[name];
      (this as Record<typeof name, unknown>)[name] = value;
    }
  }

  // ── data, weights and the derived properties views read ─────────────────────────────────────

  /** The data set in use; set a Dataset object (`{ n, x, y }`) or a generated kind. Shadows HTMLElement's data-* map. */
  // @ts-expect-error -- DESIGN.md's `dataset` is the data set, not HTMLElement's DOMStringMap.
  get dataset(): Dataset {
    this.#flush();
    return this.#data!;
  }
  // @ts-expect-error -- see the getter.
  set dataset(value: Dataset | DatasetKind | null) {
    if (value === null || typeof value === 'string') {
      this.#assigned = null;
      this.#kind = accept(this, 'dataset', value, datasetType, this.#kind);
      this.#invalidate('data');
    } else if (isDataset(value)) {
      this.#assigned = value;
      this.#invalidate('data');
    } else {
      accept(this, 'dataset', value, { ...datasetType, parse: () => undefined }, this.#kind);
    }
  }

  /** The current weights; setting them (like the `weights` attribute) sets the initial weights and resets. */
  get weights(): Vec2 {
    this.#flush();
    return this.#timeline!.weights;
  }
  set weights(value: Vec2 | string | null) {
    const current = this.#initialWeights;
    const next = accept<Vec2>(this, 'weights', value, weightsType, current ?? [NaN, NaN]);
    this.#initialWeights = value === null || Number.isNaN(next[0]) ? null : next;
    if (String(this.#initialWeights) !== String(current)) this.#invalidate('weights');
  }

  /** Training steps taken since the last reset. */
  get iteration(): number {
    this.#flush();
    return this.#timeline!.iteration;
  }

  /** Epoch of the current batch (0 before the first). */
  get epoch(): number {
    this.#flush();
    return this.#batch?.epoch ?? 0;
  }

  /** Index of the current batch within its epoch (0 before the first). */
  get batch(): number {
    this.#flush();
    return this.#batch?.batch ?? 0;
  }

  /** Rows of the current batch (empty before the first batch). */
  get rows(): Uint32Array {
    this.#flush();
    return this.#batch?.rows ?? new Uint32Array(0);
  }

  /** Every weight visited since the last reset, oldest first, ending with the current weights. */
  get path(): readonly Vec2[] {
    this.#flush();
    return this.#timeline!.path;
  }

  /** The last `weights-change` payload, or null right after a reset. */
  get lastStep(): WeightsChangeDetail | null {
    this.#flush();
    return this.#stepDetail();
  }

  #stepDetail(): WeightsChangeDetail | null {
    const step = this.#timeline!.lastStep;
    return step && { ...step, path: this.#timeline!.path };
  }

  /** True unless playing. */
  get paused(): boolean {
    return this.#paused;
  }

  /** The current batch's landscape; with no batch (iteration 0) the full-data landscape (null until computed). */
  get landscape(): Landscape | null {
    this.#flush();
    return this.#batchLandscape ?? this.fullLandscape;
  }

  /** The landscape of all rows at `extent` and `resolution`: null while a large one is computed in a worker. */
  get fullLandscape(): Landscape | null {
    this.#flush();
    this.#requestFull();
    return this.#full?.full ?? null;
  }

  /** Resolves with the full-data landscape of the current settings, once it is computed. */
  fullLandscapeReady(): Promise<Landscape> {
    const full = this.fullLandscape;
    return full ? Promise.resolve(full) : new Promise((resolve) => this.#fullWaiters.push(resolve));
  }

  /** The landscape of the k-th row of the current batch alone; null before the first batch or for k out of range. */
  sampleLandscape(k: number): Landscape | null {
    this.#flush();
    const rows = this.#batch?.rows;
    if (!rows || !Number.isInteger(k) || k < 0 || k >= rows.length) return null;
    let landscape = this.#sampleCache.get(k);
    if (!landscape) {
      landscape = lossGrid(this.#timeline!.model, this.#data!, [rows[k]!], this.#grid!);
      this.#sampleCache.set(k, landscape);
    }
    return landscape;
  }

  /** Per-cell sample variance (k − 1) of the distinct batch landscapes seen since the last reset; null before the second. */
  get varianceMap(): Landscape | null {
    this.#flush();
    const accumulator = this.#accumulator!;
    if (accumulator.count < 2) return null;
    return (this.#varianceCache ??= accumulator.variance());
  }

  /**
   * The quake measured and predicted, in units of the loss: RMS of (batch − full) over the grid
   * and the batches seen, and its theoretical value for the current batch size and sampling.
   * Null until the full landscape is computed.
   */
  get quakeMagnitude(): QuakeMagnitude | null {
    void this.fullLandscape;
    const full = this.#full;
    if (!full) return null;
    const accumulator = this.#accumulator!;
    const schedule = this.#timeline!.schedule;
    return {
      measured: accumulator.count ? accumulator.quakeMagnitude(full.full) : null,
      theory: theoreticalQuake(full.sigma2, schedule.batchSize, schedule.n, schedule.sampling),
      batches: accumulator.count,
    };
  }

  // ── the timeline ────────────────────────────────────────────────────────────────────────────

  /** Advances one beat pair: `batch-change`, then `weights-change`. Resolves once both fired. */
  step(): Promise<void> {
    this.#flush();
    if (this.#busy) return this.#busy.then(() => this.step());
    if (this.#halfBeat) {
      this.#train();
      return Promise.resolve();
    }
    const shown = this.#showNextBatch();
    if (shown) return shown.then(() => this.#train());
    this.#train();
    return Promise.resolve();
  }

  /** Goes back one step, exactly (same as `seek(iteration - 1)`). */
  stepBack(): Promise<void> {
    return this.seek(Math.max(0, this.iteration - 1));
  }

  /**
   * Restores the state after step `iteration` exactly (weights, optimiser state, schedule position,
   * path), replaying from the seed when it was never reached. Fires `sampler-reset` (reason 'seek'),
   * then `batch-change` for that step's batch (unless 0) and `weights-change` (unless no step or pick
   * was taken), so views resync.
   */
  seek(iteration: number): Promise<void> {
    this.#flush();
    const limit = Number.isFinite(this.#maxIterations)
      ? Math.max(this.#maxIterations, MAX_SEEK)
      : MAX_SEEK;
    const target = accept(
      this,
      'seek()',
      iteration,
      numberType({ fallback: 0, min: 0, max: limit, integer: true }),
      NaN,
    );
    if (Number.isNaN(target)) return Promise.resolve();
    return this.#jump(target, (timeline) => timeline.seek(target));
  }

  /**
   * Reopens the run at `start-at`, replayed from the seed with the `picks` on the way: what a
   * `toHTML()` snippet opens at. Fires `sampler-reset` (reason 'seek'), `batch-change` and
   * `weights-change` as `seek` does.
   */
  replay(): Promise<void> {
    this.#flush();
    return this.#jump(this.#startAt, (timeline) => timeline.replay(this.#startAt, this.#picks));
  }

  #jump(target: number, move: (timeline: Timeline) => void): Promise<void> {
    const generation = this.#newGeneration();
    const timeline = this.#timeline!;
    move(timeline);
    emit(this, 'sampler-reset', { reason: 'seek' });
    const announce = (): void => {
      const step = this.#stepDetail();
      if (step) emit(this, 'weights-change', step);
    };
    const batch = timeline.batchOf(target);
    if (!batch) {
      announce();
      return Promise.resolve();
    }
    const before = timeline.weightsAt(target - 1) ?? timeline.weights;
    const shown = this.#withBatchLandscape(batch, generation, (landscape) => {
      this.#applyBatch(target, batch, landscape, before);
      this.#halfBeat = false;
      announce();
    });
    return shown ?? Promise.resolve();
  }

  /** Moves the weights where a reader picked them; the iteration stays, the path grows, `weights-change` fires. */
  pick(weights: Vec2): void {
    this.#flush();
    const w = accept<Vec2>(this, 'pick()', weights, weightsType, [NaN, NaN]);
    if (Number.isNaN(w[0])) return;
    const rows = this.#batch?.rows ?? 'all';
    this.#timeline!.pick(w, rows);
    this.requestUpdate();
    emit(this, 'weights-change', this.#stepDetail()!);
  }

  /** Starts the run over from iteration 0 with the current settings (`sampler-reset`, reason 'reset'). */
  reset(): void {
    this.#invalidate('reset');
    this.#flush();
  }

  /** Starts playing at `rate` batches per second (ticking only while visible). Resolves at once, as media elements do. */
  play(): Promise<void> {
    this.#autoplayDone = true;
    if (this.#paused) {
      this.#paused = false;
      this.dispatchEvent(new Event('play'));
      this.requestUpdate();
    }
    this.#schedule(0);
    return Promise.resolve();
  }

  /** Stops playing; a batch already shown gets its training step, so a paused run is always at a whole step. */
  pause(): void {
    this.#clearTimer();
    if (this.#paused) return;
    this.#paused = true;
    if (this.#halfBeat && !this.#busy) this.#train();
    this.dispatchEvent(new Event('pause'));
    this.requestUpdate();
  }

  // ── sharing ─────────────────────────────────────────────────────────────────────────────────

  /**
   * The run so far as text: one entry per step (and pick) on the current path, after a `start` entry
   * with the initial weights: iteration, kind, epoch, batch, weights after (w1, w2), the batch loss
   * and gradient before (loss, g1, g2, as `weights-change` carries them) and the batch's rows.
   * `'csv'`: a header line, rows separated by spaces; `'json'`: `{ seed, model, batchSize, sampling,
   * optimizer, learningRate, dataset, rows, steps }`. Numbers keep every digit.
   */
  exportRun(format: 'csv' | 'json' = 'csv'): string {
    this.#flush();
    const steps = runSteps(this.#timeline!);
    if (format !== 'json') return runToCSV(steps);
    const dataset: RunSettings['dataset'] = this.#assigned
      ? { given: true }
      : this.#loaded && this.src
        ? { src: this.src }
        : this.#inline
          ? { given: true }
          : { kind: this.#kind, samples: this.#samples };
    const schedule = this.#timeline!.schedule;
    return runToJSON(
      {
        seed: this.#seed,
        model: this.#model,
        batchSize: schedule.batchSize,
        sampling: this.#sampling,
        optimizer: this.#optimizer,
        learningRate: this.learningRate,
        dataset,
        rows: this.#data!.n,
      },
      steps,
    );
  }

  /**
   * Records the linked views (by `for` or nesting) playing for `seconds` (default 5) at `fps`
   * (default 30) and resolves with a WebM Blob; several views are composited side by side. The
   * video opens on the current state held for about a quarter of a second, then plays the sampler
   * for `seconds`, and pauses it again after if it was paused. Rejects when the browser
   * cannot record or no linked view has drawn.
   */
  async record(options: RecordOptions = {}): Promise<Blob> {
    const wasPaused = this.#paused;
    return recordViews(linkedViews(this), options ?? {}, {
      start: () => void this.play(),
      stop: () => {
        if (wasPaused) this.pause();
      },
    });
  }

  /**
   * The `<batch-sampler>` tag that opens where the reader is now: its settings, the initial
   * weights, `start-at` = the current iteration and the `picks` made on the way. Data given as a
   * Dataset object cannot be written as markup: the snippet then generates its `dataset` kind.
   */
  toHTML(): string {
    this.#flush();
    const copied: Record<string, string> = {};
    for (const name of ['id', 'src', 'dataset', 'autoplay', 'controls', 'loop']) {
      const value = this.getAttribute(name);
      if (value !== null) copied[name] = value;
    }
    const timeline = this.#timeline!;
    return samplerToHTML({
      copied,
      seed: this.#seed,
      samples: this.#samples,
      model: this.#model,
      batchSize: timeline.schedule.batchSize,
      sampling: this.#sampling,
      optimizer: this.#optimizer,
      learningRate: this.#learningRate,
      weights: this.#initialWeights,
      extent: this.#extent,
      resolution: this.#resolution,
      rate: this.#rate,
      maxIterations: this.#maxIterations,
      iteration: timeline.iteration,
      picks: timeline.picks,
      inline: this.#assigned || this.#loaded || !this.#inline ? null : this.#inlineText,
    });
  }

  #share = new ShareMenu(this, {
    views: () => linkedViews(this),
    embedCode: () => embedCode(this, linkedViews(this)),
    exportRun: (format) => this.exportRun(format),
    record: (options) => this.record(options),
  });

  // ── lifecycle ───────────────────────────────────────────────────────────────────────────────

  override connectedCallback(): void {
    super.connectedCallback();
    this.#inlineObserver = new MutationObserver(() => this.#readInline());
    this.#inlineObserver.observe(this, { childList: true, subtree: true, characterData: true });
    this.#readInline();
    if (this.src && !this.#load) this.#fetch(this.src);
    this.#flush();
    this.#requestFull();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#clearTimer();
    this.#inlineObserver?.disconnect();
    this.#inlineObserver = null;
    this.#load?.abort();
    this.#load = null;
    // In-flight landscapes are dropped; a reconnected sampler computes what it needs again.
    this.#service.destroy();
    this.#newGeneration();
    this.#halfBeat = false;
    if (this.#full === null) this.#fullKey = '';
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'dataset') this.dataset = value as DatasetKind | null;
    else if (name === 'weights') this.weights = value;
    else super.attributeChangedCallback(name, old, value);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') && this.isConnected) this.#fetch(this.src);
    if (changed.has('autoplay') && this.#visibility.visible && this.#wantsAutoplay())
      void this.play();
  }

  override render() {
    const error = this.errorMessage
      ? html`<p part="error" role="alert">${this.errorMessage}</p>`
      : nothing;
    return html`<slot></slot>${error}${this.controls ? this.#renderControls() : nothing}`;
  }

  #renderControls() {
    const timeline = this.#timeline;
    const data = this.#data;
    if (!timeline || !data) return nothing;
    const step = timeline.lastStep;
    return renderControls({
      paused: this.#paused,
      iteration: timeline.iteration,
      epoch: this.#batch?.epoch ?? 0,
      batch: this.#batch?.batch ?? 0,
      batchesPerEpoch: timeline.schedule.batchesPerEpoch,
      batchSize: timeline.schedule.batchSize,
      rows: data.n,
      optimizer: this.#optimizer,
      loss: step ? step.loss : null,
      noise: this.learningRate / timeline.schedule.batchSize,
      onPlay: () => (this.#paused ? void this.play() : this.pause()),
      onStepBack: () => {
        this.pause();
        void this.stepBack();
      },
      onStep: () => {
        this.pause();
        void this.step();
      },
      onReset: () => this.reset(),
      onBatchSize: (size) => (this.batchSize = size),
      onOptimizer: (kind) => (this.optimizer = kind),
      extra: this.#share.render(),
    });
  }

  // ── settings → one reset per task ───────────────────────────────────────────────────────────

  #change<T>(
    attribute: string,
    value: unknown,
    type: AttributeType<T>,
    current: T,
    reason: ResetReason,
  ): T {
    const next = accept(this, attribute, value, type, current);
    if (!Object.is(next, current) && !(Array.isArray(next) && String(next) === String(current)))
      this.#invalidate(reason);
    return next;
  }

  #invalidate(reason: ResetReason): void {
    this.#pending.add(reason);
    if (this.#flushQueued) return;
    this.#flushQueued = true;
    queueMicrotask(() => {
      this.#flushQueued = false;
      this.#flush();
    });
  }

  /** Applies pending setting changes: rebuilds what they touch and fires one `sampler-reset`. */
  #flush(): void {
    if (this.#timeline && this.#pending.size === 0) return;
    const reasons = this.#pending;
    this.#pending = new Set();
    const first = !this.#timeline;
    const reason = reasonOrder.find((r) => reasons.has(r)) ?? 'reset';
    if (first || reasons.has('data') || reasons.has('seed')) this.#data = this.#chooseData();
    const data = this.#data!;
    const model = this.#modelObject();
    const batchSize = accept(
      this,
      'batch-size',
      this.#batchSize,
      numberType({
        fallback: 10,
        min: 1,
        max: data.n,
        integer: true,
        expected: `an integer from 1 to the data's ${data.n} rows`,
      }),
      this.#batchSize,
    );
    this.#timeline = new Timeline({
      model,
      data,
      batchSize,
      sampling: this.#sampling,
      seed: this.#seed,
      optimizer: this.#optimizer,
      learningRate: this.learningRate,
      initial: this.#initialWeights ?? model.defaultWeights,
    });
    this.#grid = createGrid(this.#extent, this.#resolution);
    const fullKey = `${model.name}|${String(this.#extent)}|${this.#resolution}`;
    if (reasons.has('data') || reasons.has('seed') || fullKey !== this.#fullKey || first) {
      this.#service.cancel();
      this.#full = null;
      this.#fullKey = '';
    }
    this.#newGeneration();
    this.#accumulator = createVarianceAccumulator(this.#grid);
    this.#accumulated.clear();
    this.#varianceCache = null;
    if (first && (this.#startAt > 0 || this.#picks.length))
      this.#timeline.replay(this.#startAt, this.#picks);
    const batch = this.#timeline.batchOf(this.#timeline.iteration);
    if (batch) {
      const before =
        this.#timeline.weightsAt(this.#timeline.iteration - 1) ?? this.#timeline.weights;
      void this.#withBatchLandscape(batch, this.#generation, (landscape) =>
        this.#applyBatch(this.#timeline!.iteration, batch, landscape, before, !first),
      );
    }
    this.requestUpdate();
    if (!first) emit(this, 'sampler-reset', { reason });
    this.#requestFull(fullKey);
  }

  #chooseData(): Dataset {
    return (
      this.#assigned ??
      this.#loaded ??
      this.#inline ??
      makeDataset(this.#kind, { n: this.#samples, seed: this.#seed })
    );
  }

  #modelObject(): Model {
    return getModel(this.#model);
  }

  #newGeneration(): number {
    this.#busy = null;
    this.#halfBeat = false;
    this.#batch = null;
    this.#batchLandscape = null;
    this.#sampleCache.clear();
    return ++this.#generation;
  }

  // ── landscapes ──────────────────────────────────────────────────────────────────────────────

  #requestFull(key = `${this.#model}|${String(this.#extent)}|${this.#resolution}`): void {
    if (this.#fullKey === key || !this.isConnected || !this.#data) return;
    this.#fullKey = key;
    const data = this.#data;
    const model = this.#modelObject();
    const grid = this.#grid!;
    if (data.n * grid.size * grid.size <= SYNC_FULL_WORK) {
      this.#applyFull(computeFull(model, data, grid));
      return;
    }
    void this.#service.full(model.name, data, grid).then((result) => {
      if (result && this.#fullKey === key && this.#data === data) this.#applyFull(result);
    });
  }

  #applyFull(result: FullLandscapes): void {
    this.#full = result;
    const waiters = this.#fullWaiters;
    this.#fullWaiters = [];
    for (const resolve of waiters) resolve(result.full);
    this.requestUpdate();
    emit(this, 'landscape-ready', { landscape: result.full });
  }

  /**
   * Calls `apply` with the landscape of `batch`: at once when it is small, else when the worker
   * answers (and only if nothing reset or jumped meanwhile). Returns a promise in the second case.
   */
  #withBatchLandscape(
    batch: ScheduledBatch,
    generation: number,
    apply: (landscape: Landscape) => void,
  ): Promise<void> | null {
    const data = this.#data!;
    const grid = this.#grid!;
    const model = this.#timeline!.model;
    let landscape: Landscape | Promise<Landscape | null>;
    if (batch.rows.length === data.n && this.#sampling === 'full') {
      // Every batch is every row: the full landscape, computed once.
      landscape = this.#full ? this.#full.full : this.fullLandscapeReady();
    } else if (batch.rows.length * grid.size * grid.size <= SYNC_WORK) {
      landscape = lossGrid(model, data, batch.rows, grid);
    } else {
      landscape = this.#service.batch(model.name, data, batch.rows, grid);
    }
    if (!(landscape instanceof Promise)) {
      apply(landscape);
      return null;
    }
    const busy = landscape.then((result) => {
      if (this.#busy === busy) this.#busy = null;
      if (result && generation === this.#generation) apply(result);
    });
    this.#busy = busy;
    return busy;
  }

  #showNextBatch(): Promise<void> | null {
    const timeline = this.#timeline!;
    const iteration = timeline.iteration + 1;
    const batch = timeline.batchOf(iteration)!;
    const before = timeline.weights;
    return this.#withBatchLandscape(batch, this.#generation, (landscape) =>
      this.#applyBatch(iteration, batch, landscape, before),
    );
  }

  #applyBatch(
    iteration: number,
    batch: ScheduledBatch,
    landscape: Landscape,
    weights: Vec2,
    announce = true,
  ): void {
    this.#batch = batch;
    this.#batchLandscape = landscape;
    this.#sampleCache.clear();
    this.#halfBeat = iteration > this.#timeline!.iteration;
    if (!this.#accumulated.has(iteration)) {
      this.#accumulated.add(iteration);
      this.#accumulator!.add(landscape);
      this.#varianceCache = null;
    }
    this.requestUpdate();
    if (announce) {
      emit(this, 'batch-change', {
        iteration,
        epoch: batch.epoch,
        batch: batch.batch,
        rows: batch.rows,
        landscape,
        weights,
      });
    }
  }

  #train(): void {
    if (!this.#halfBeat) return;
    this.#halfBeat = false;
    this.#timeline!.step();
    this.requestUpdate();
    emit(this, 'weights-change', this.#stepDetail()!);
  }

  // ── playing ─────────────────────────────────────────────────────────────────────────────────

  // A reader who asked for reduced motion starts the run themselves.
  #wantsAutoplay(): boolean {
    return this.autoplay && !this.#autoplayDone && !this.#reducedMotion.reduced;
  }

  #onVisibility(visible: boolean): void {
    if (!visible) return this.#clearTimer();
    if (this.#wantsAutoplay()) void this.play();
    else if (!this.#paused) this.#schedule(0);
  }

  #schedule(delay: number): void {
    if (this.#timer !== null || this.#paused || !this.isConnected || !this.#visibility.visible)
      return;
    this.#timer = setTimeout(this.#tick, delay);
  }

  #clearTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  // Each tick is one beat: show the next batch, or (half a period later) take its step.
  #tick = (): void => {
    this.#timer = null;
    if (this.#paused || !this.isConnected || !this.#visibility.visible) return;
    this.#flush();
    const half = 500 / this.#rate;
    if (this.#busy) {
      void this.#busy.then(() => this.#schedule(0));
      return;
    }
    if (this.#halfBeat) {
      this.#train();
      this.#schedule(half);
      return;
    }
    if (this.#timeline!.iteration >= this.#maxIterations) {
      if (!this.loop) return this.pause();
      void this.seek(0);
    }
    const shown = this.#showNextBatch();
    if (shown) void shown.then(() => this.#schedule(half));
    else this.#schedule(half);
  };

  // A view inside this sampler picked weights: move there, unless the view follows another sampler.
  #onPick = (event: CustomEvent<{ weights: Vec2 }>): void => {
    const path = event.composedPath();
    const origin = path[0];
    const nearest = path.find(
      (node, i) => i > 0 && node instanceof Element && node.localName === this.localName,
    );
    if (nearest !== this) return;
    const target = origin instanceof Element ? origin.getAttribute('for') : null;
    if (target && target !== this.id) return;
    this.pick(event.detail.weights);
  };

  // ── data sources ────────────────────────────────────────────────────────────────────────────

  #fetch(src: string | null): void {
    this.#load?.abort();
    this.#load = null;
    if (!src) {
      if (this.#loaded) {
        this.#loaded = null;
        this.#invalidate('data');
      }
      return;
    }
    const load = new AbortController();
    this.#load = load;
    fetchDataset(src, load.signal).then(
      (data) => {
        if (this.#load !== load) return;
        this.#load = null;
        this.#loaded = data;
        this.errorMessage = null;
        this.#invalidate('data');
      },
      (error: unknown) => {
        if (this.#load !== load || load.signal.aborted) return;
        this.#load = null;
        this.#fail(error instanceof Error ? error.message : String(error));
      },
    );
  }

  #readInline(): void {
    const text = inlineText(this);
    if (text === this.#inlineText) return;
    this.#inlineText = text;
    try {
      const data = inlineDataset(this);
      if (data === null && this.#inline === null) return;
      this.#inline = data;
      this.#invalidate('data');
    } catch (error) {
      this.#fail(error instanceof Error ? error.message : String(error));
    }
  }

  #fail(message: string): void {
    this.errorMessage = message;
    emit(this, 'error', { message });
  }
}
