// The <batch-sampler> class: wires a training run, its transport, data sources and sharing.
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { Dataset, DatasetKind, Landscape, Plane, Vec2 } from '@lossquake/core';
import { type Activation, type OptimizerKind, type Sampling } from '@lossquake/core';
import { validated } from '@lossquake/kit';
import type { Extent, LinkedSampler, WeightsChangeDetail } from '@lossquake/kit';
import { styles } from './batch-sampler.styles.js';
import { DataSourceController } from './controllers/data-source.js';
import { groupType, pauseAll } from './controllers/group.js';
import { PlaybackController } from './controllers/playback.js';
import { RunController } from './controllers/run.js';
import { Transport } from './controllers/transport.js';
import { fromRun } from './run-readout.js';
import type { PickedWeights } from './run/timeline.js';
import { landscapeBackend, type LandscapeBackend } from './run/landscape-backend.js';
import type { PlaneKind } from './run/network-plane.js';
import type { QuakeMagnitude } from './run/training-run.js';
import * as attribute from './settings.js';
import { samplerView } from './sampler-view.js';
import type { RecordOptions } from './share/record.js';
import { SamplerShare } from './share/sampler-share.js';
import { ShareMenu, shareStyles } from './share/share-menu.js';
import { followPicks } from './weights-pick.js';

/**
 * The controller of a lossquake explainer: it owns the data, the model, the batch schedule, the
 * optimiser and the weights, and tells linked views what happens through DOM events. One step is
 * two beats: `batch-change` (a new mini-batch and its landscape), then `weights-change` (the
 * optimiser's update on that batch). While playing, the beats are half a period (`0.5 / rate` s) apart.
 *
 * The shared `--lossquake-*` custom properties below theme every lossquake element, so setting them
 * once on a wrapper themes the sampler and its views.
 *
 * @tagname batch-sampler
 * @summary Trains a two-weight model batch by batch and publishes each batch's loss landscape.
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
 * @csspart pause-button - Without `controls`: the small pause/play button of a sampler that plays (or played, until `reset()`).
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

  /** Generated data set: `blobs`, `moons` or `xor`. The `dataset` property reads the data in use, and also takes a Dataset object. */
  @validated(attribute.datasetType, { attribute: 'dataset' }) datasetKind: DatasetKind = 'blobs';
  /** Points in a generated data set (2..100 000). */
  @validated(attribute.samplesType) samples = 1000;
  /** URL of a CSV or JSON data set; while it loads, and if it fails, the previous data stays. */
  @property() src: string | null = null;
  /** Seeds the generated data, the batch schedule and so the whole run. */
  @validated(attribute.seedType) seed = 1;
  /** The model trained: `logistic` (two weights, the article's) or `mlp` (a network, drawn on a plane through its weights). */
  @validated(attribute.modelType) model = 'logistic';
  /** Hidden layer sizes of `model="mlp"`, e.g. `"16 16"` (up to 8 layers of 1..256). */
  @validated(attribute.layersType) layers: readonly number[] = [16, 16];
  /** Hidden activation of `model="mlp"`: `tanh` or `relu`. */
  @validated(attribute.activationType) activation: Activation = 'tanh';
  /** The plane `model="mlp"` is drawn on: `pca` (the plane its run lies in) or `random` (filter-normalised). The `plane` property reads the plane itself. */
  @validated(attribute.planeType, { attribute: 'plane' }) planeKind: PlaneKind = 'pca';
  /** Samples per mini-batch (1..rows; a larger value is clamped to the data's rows). */
  @validated(attribute.batchSizeType, { attribute: 'batch-size' }) batchSize = 10;
  /** How batches are drawn: `epoch`, `replacement`, `sequential` or `full`. */
  @validated(attribute.samplingType) sampling: Sampling = 'epoch';
  /** The update rule: `sgd`, `momentum`, `nesterov` or `adam`. */
  @validated(attribute.optimizerType) optimizer: OptimizerKind = 'sgd';
  /** Step size (> 0); null (the default) for the model's, which `learningRate` then reads. */
  @validated(attribute.learningRateType, { attribute: 'learning-rate' })
  learningRateSetting: number | null = null;
  /** Initial weights `"w1 w2"`; null (the default) for the model's. The `weights` property reads the current weights. */
  @validated(attribute.weightsType, { attribute: 'weights' }) initialWeights: Vec2 | null = null;
  /** The weight window of the landscapes, `"w1min w1max w2min w2max"`. */
  @validated(attribute.extentAttribute) extent: Extent = [-20, 20, -20, 20];
  /** Grid points per side of the published landscapes (8..256). */
  @validated(attribute.resolutionType) resolution = 64;
  /** Batches per second while playing (0.1..60); changing it does not reset. */
  @validated(attribute.rateType) rate = 2;
  /** Iteration to open at, replayed from the seed (0..100 000). */
  @validated(attribute.startAtType, { attribute: 'start-at' }) startAt = 0;
  /** Weights picked on the way to `start-at`, `"iteration w1 w2, …"`: replayed with it (on opening and by `replay()`), so a `toHTML()` snippet reproduces picks. */
  @validated(attribute.picksType) picks: readonly PickedWeights[] = [];
  /** Where playing stops, or with `loop` starts over. */
  @validated(attribute.maxIterationsType, { attribute: 'max-iterations' }) maxIterations = 500;
  /** Starts playing once the element is on screen (not under prefers-reduced-motion: the reader presses play). */
  @property({ type: Boolean }) autoplay = false;
  /** Shows play/pause, step back, step, reset, batch size, optimiser and a live readout. */
  @property({ type: Boolean }) controls = false;
  /** Starts over from iteration 0 when `max-iterations` is reached while playing. */
  @property({ type: Boolean }) loop = false;
  /** Samplers with the same group name (in one document or shadow root) play, pause, step, step back, seek and reset together. */
  @validated(groupType) group: string | null = null;

  #source = new DataSourceController(this, () => this.#runs.dataChanged());
  // After the sources: connecting reads the inline data before the first run is made.
  #runs = new RunController(this, (generate) => this.#source.choose(generate));
  #playback = new PlaybackController(this, () => this.#runs.current());
  #share = new SamplerShare(this, () => this.#runs.current(), this.#source);
  #menu = new ShareMenu(this);
  #transport = new Transport(this, this.#runs, this.#playback);

  /** Pauses every sampler inside `root` (the page by default), in shadow roots too; so does a `lossquake-pause-all` event on `document` or `window`. */
  static pauseAll(root: Node = document): void {
    pauseAll(root);
  }

  constructor() {
    super();
    followPicks(this);
    attribute.reapplyOwnProperties(this, ['weights', 'dataset', 'learningRate']);
  }

  /** The data set in use; set a Dataset object (`{ n, x, y }`) or a generated kind (as `datasetKind`, which keeps the last good one). */
  // @ts-expect-error -- DESIGN.md's `dataset` is the data set, not HTMLElement's DOMStringMap.
  get dataset(): Dataset {
    return this.#runs.current().timeline.data;
  }
  // @ts-expect-error -- see the getter.
  set dataset(value: Dataset | DatasetKind | null) {
    if (!this.#source.assign(value)) this.datasetKind = value as DatasetKind;
  }

  /** The current weights; setting them (like the `weights` attribute) sets the initial weights and resets. */
  get weights(): readonly number[] {
    return Object.freeze(Array.from(this.#runs.current().timeline.theta));
  }
  set weights(value: readonly number[] | string | null) {
    this.initialWeights = value as Vec2 | null;
  }
  /** Where the weights are drawn: plane coordinates, the weights themselves for the logistic model. */
  @fromRun((run) => run.point) readonly point!: Vec2;
  /**
   * The plane the landscapes lie in, `{ kind, origin, directions: [d1, d2], labels }`: for
   * `model="mlp"` through the end of the run ahead (`pca`) or random; null for the logistic model,
   * whose plane is its two weights. θ(a, b) = origin + a·d1 + b·d2.
   */
  get plane(): Plane | null {
    return this.#runs.current().plane;
  }
  /**
   * Draws a network on a plane given by script instead of its own, e.g. another sampler's, so two
   * runs share one plane (`b.plane = a.plane`); null goes back to `plane="pca|random"`. It must fit
   * this network's parameters, else it warns and is ignored. Not part of `toHTML()` or `#state=`.
   */
  set plane(value: Plane | null) {
    this.#runs.givePlane(value);
  }
  /** Where the logistic model's landscapes are computed on this page: `gpu` where measured faster, else `cpu`. */
  get landscapeBackend(): LandscapeBackend {
    return landscapeBackend();
  }
  /** While a network's per-row landscape table is built, the share done (0..1); null otherwise. */
  @fromRun(({ table }) => (table && !table.error ? table.progress : null))
  readonly building!: number | null;

  /** Step size: the `learning-rate` attribute, or the model's default when not set. */
  get learningRate(): number {
    return this.learningRateSetting ?? attribute.defaultLearningRate(this.model);
  }
  set learningRate(value: number | string | null) {
    this.learningRateSetting = value as number | null;
  }

  /** Training steps taken since the last reset. */
  @fromRun((run) => run.iteration) readonly iteration!: number;
  /** Epoch of the current batch (0 before the first). */
  @fromRun((run) => run.batch?.epoch ?? 0) readonly epoch!: number;
  /** Index of the current batch within its epoch (0 before the first). */
  @fromRun((run) => run.batch?.batch ?? 0) readonly batch!: number;
  /** Rows of the current batch (empty before the first batch). */
  @fromRun((run) => run.batch?.rows ?? new Uint32Array(0)) readonly rows!: Uint32Array;
  /** Every weight visited since the last reset, oldest first, ending with the current weights. */
  @fromRun((run) => run.path) readonly path!: readonly Vec2[];
  /** The last `weights-change` payload, or null right after a reset. */
  @fromRun((run) => run.lastStep) readonly lastStep!: WeightsChangeDetail | null;
  /** True unless playing. */
  get paused(): boolean {
    return this.#playback.paused;
  }
  /** The current batch's landscape; with no batch (iteration 0) the full-data landscape (null until computed). */
  @fromRun((run) => run.landscape) readonly landscape!: Landscape | null;
  /** The landscape of all rows at `extent` and `resolution`: null while a large one is computed in a worker. */
  @fromRun((run) => run.fullLandscape) readonly fullLandscape!: Landscape | null;
  /** Resolves with the full-data landscape of the current settings, once it is computed. */
  fullLandscapeReady(): Promise<Landscape> {
    return this.#runs.current().fullLandscapeReady();
  }
  /** The landscape of the k-th row of the current batch alone; null before the first batch or for k out of range. */
  sampleLandscape(k: number): Landscape | null {
    return this.#runs.current().sampleLandscape(k);
  }
  /** Per-cell sample variance (k − 1) of the distinct batch landscapes seen since the last reset; null before the second. */
  @fromRun((run) => run.varianceMap) readonly varianceMap!: Landscape | null;
  /** The quake measured (RMS of batch − full over the grid and the batches seen) and its theoretical value; null until the full landscape is computed. */
  @fromRun((run) => run.quakeMagnitude) readonly quakeMagnitude!: QuakeMagnitude | null;

  /** Advances one beat pair: `batch-change`, then `weights-change`. Resolves once both fired. */
  step(): Promise<void> {
    return this.#transport.step();
  }
  /** Goes back one step, exactly (same as `seek(iteration - 1)`); at the start with no batch on show, does nothing. */
  stepBack(): Promise<void> {
    return this.#transport.stepBack();
  }
  /**
   * Restores the state after step `iteration` exactly, replaying from the seed what was never
   * reached. Fires `sampler-reset` (reason 'seek'), then that step's `batch-change` and `weights-change`.
   */
  seek(iteration: number): Promise<void> {
    return this.#transport.seek(iteration);
  }
  /** Reopens the run at `start-at` replayed from the seed with the `picks` on the way (what a `toHTML()` snippet opens at); fires what `seek` fires. */
  replay(): Promise<void> {
    return this.#runs.current().replay(this.startAt, this.picks);
  }
  /** Moves the weights where a reader picked them; the iteration stays, the path grows, `weights-change` fires. */
  pick(weights: Vec2): void {
    this.#transport.pick(weights);
  }
  /** Starts the run over from iteration 0 with the current settings (`sampler-reset`, reason 'reset'). */
  reset(): void {
    this.#transport.reset();
  }
  /** Starts playing at `rate` batches per second (ticking only while visible). Resolves at once, as media elements do. */
  play(): Promise<void> {
    return this.#transport.play();
  }
  /** Stops playing; a batch already shown gets its training step, so a paused run is always at a whole step. */
  pause(): void {
    this.#transport.pause();
  }
  /**
   * The run so far, one entry per step and pick after the start: iteration, kind, epoch, batch,
   * weights after, batch loss and gradient before, rows. `'json'` adds the settings. Every digit kept.
   */
  exportRun(format: 'csv' | 'json' = 'csv'): string {
    return this.#share.exportRun(format);
  }
  /**
   * Records the linked views playing for `seconds` (default 5) at `fps` (default 30), side by side,
   * as a WebM Blob; pauses again after if it was paused. Rejects when it cannot record or nothing is drawn.
   */
  record(options: RecordOptions = {}): Promise<Blob> {
    return this.#share.record(options ?? {});
  }
  /**
   * The `<batch-sampler>` tag that opens where the reader is now: its settings, `start-at` and the
   * `picks` on the way. A Dataset object cannot be written as markup: the snippet generates its kind.
   */
  toHTML(): string {
    return this.#share.toHTML();
  }

  /** @internal A setting changed (see `validated`): queue its reset; a new `start-at` seeks there. */
  validatedChanged(name: string): void {
    if (name === 'startAt') this.#transport.startAtChanged();
    else this.#runs.settingChanged(name);
  }

  override render() {
    return samplerView(this, this.#runs, this.#playback, this.#source, this.#menu);
  }
}
