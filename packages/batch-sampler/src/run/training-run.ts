// A training run without the DOM: the reversible timeline, the two beats of each step, every batch's
// landscape (computed at once when small, else in a worker), the full landscape and the quake measured.
import {
  createVarianceAccumulator,
  theoreticalQuake,
  type Grid,
  type Landscape,
  type Plane,
  type ScheduledBatch,
  type VarianceAccumulator,
  type Vec2,
} from '@lossquake/core';
import type { BatchChangeDetail, ResetReason, WeightsChangeDetail } from '@lossquake/kit';
import { LandscapeService } from './landscape-service.js';
import type { NetworkRun } from './network-plane.js';
import { NetworkTable } from './network-table.js';
import { RunLandscapes, type LandscapeSettings } from './run-landscapes.js';
import { Timeline, type PickedWeights, type TimelineOptions } from './timeline.js';

export { SYNC_WORK, SYNC_FULL_WORK } from './run-landscapes.js';
/** How long one slice of a jump (seek, `start-at`) may hold the main thread, in ms. */
export const JUMP_SLICE = 12;

/** Everything a run is made of: the timeline's settings and the grid its landscapes are computed on. */
export interface RunConfig extends TimelineOptions {
  grid: Grid;
  /** A network's planned run: its landscapes come from a per-row table built for `grid`. */
  network?: NetworkRun;
}

/** What a run tells whoever drives it; the element turns these into DOM events. */
export interface RunListener {
  batch?(detail: BatchChangeDetail): void;
  weights?(detail: WeightsChangeDetail): void;
  reset?(reason: ResetReason): void;
  full?(landscape: Landscape): void;
  /** Something a reader can see has changed. */
  change?(): void;
  /** A jump to `target` stopped at `reached`: the most work one jump may do (MAX_REPLAY_ROWS). */
  capped?(target: number, reached: number): void;
  /** A network's landscapes are being computed: the share done, 0..1. */
  progress?(done: number): void;
  /** The landscapes cannot be computed (a network's table past its memory cap): why, for the reader. */
  failed?(message: string): void;
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

interface Setup extends LandscapeSettings {
  accumulator: VarianceAccumulator;
  /** A network's plane (null for the two-weight models). */
  plane: Plane | null;
}

export class TrainingRun {
  #listener: RunListener;
  #service: LandscapeService;
  #landscapes: RunLandscapes;
  #setup: Setup | null = null;
  // Full landscapes are computed only while attached (the element is on a page).
  #attached = false;
  #batch: ScheduledBatch | null = null;
  #batchLandscape: Landscape | null = null;
  /** A batch is shown (`batch` told) and its step not yet taken. */
  #midStep = false;
  #busy: Promise<void> | null = null;
  // Bumped by each beat and by cancelBeat(): a beat's batch is shown only if it is still the latest.
  #beat = 0;
  #beatBusy: Promise<void> | null = null;
  // Bumped by every reset and jump: a landscape that arrives for an older generation is dropped.
  #generation = 0;
  #accumulated = new Set<number>();
  #variance: Landscape | null = null;
  #samples = new Map<number, Landscape>();
  #networks = 0;

  constructor(listener: RunListener = {}, service = new LandscapeService()) {
    this.#listener = listener;
    this.#service = service;
    this.#landscapes = new RunLandscapes(service, ({ full }) => {
      this.#listener.change?.();
      this.#listener.full?.(full);
    });
  }

  get configured(): boolean {
    return this.#setup !== null;
  }

  /**
   * Starts the run over with `config`. `reason` is told as a reset (null: the first run, told
   * nothing). The full landscape is kept unless the data are new or the model or grid changed.
   * `at` opens the run at an iteration, replayed with its picks; that batch is shown silently.
   */
  configure(
    config: RunConfig,
    options: {
      reason: ResetReason | null;
      newData: boolean;
      at?: { iteration: number; picks: readonly PickedWeights[] };
    },
  ): void {
    const { grid } = config;
    // A network's full landscape is its own table's: never shared with another configuration.
    const model = config.network ? `mlp#${++this.#networks}` : config.model.name;
    const fullKey = `${model}|${String(grid.w1)}|${String(grid.w2)}|${grid.size}`;
    const timeline = new Timeline(config);
    const accumulator = createVarianceAccumulator(grid);
    this.#setup?.table?.cancel();
    const table =
      config.network &&
      new NetworkTable(config.network, config.data, grid, this.#service.pool, {
        changed: () => this.#listener.change?.(),
        progress: (done) => this.#listener.progress?.(done),
        failed: (message) => this.#listener.failed?.(message),
      });
    const plane = config.network?.plane ?? null;
    this.#setup = { timeline, grid, fullKey, accumulator, table: table ?? null, plane };
    this.#landscapes.settle(this.#setup, options.newData);
    const generation = this.#newGeneration();
    this.#accumulated.clear();
    this.#variance = null;
    const at = options.at;
    if (at) {
      // Opening at `start-at`: replayed (in slices when long). Its batch is shown silently when the
      // replay fits one slice, as the run's opening state; told when it arrives later.
      timeline.replayTo(at.iteration, at.picks);
      void this.#advance(timeline, generation, at.iteration, (reached, later) => {
        const batch = timeline.batchOf(reached);
        if (!batch) return;
        const before = timeline.before(reached);
        return this.#withBatchLandscape(batch, generation, (landscape) =>
          this.#applyBatch(reached, batch, landscape, before, later),
        );
      });
    }
    this.#listener.change?.();
    if (options.reason) this.#listener.reset?.(options.reason);
    this.#requestFull();
  }

  /** Computes the full landscape from now on (at once when small, else in a worker). */
  attach(): void {
    this.#attached = true;
    this.#requestFull();
  }

  /** Drops in-flight landscapes and the batch on show; `attach()` computes what is needed again. */
  detach(): void {
    this.#attached = false;
    this.#landscapes.detach();
    this.#newGeneration();
  }

  /** The timeline of the current settings (steps, picks, schedule, path). */
  get timeline(): Timeline {
    return this.#current().timeline;
  }

  get iteration(): number {
    return this.timeline.iteration;
  }

  /** Where the weights are drawn now (plane coordinates). */
  get point(): Vec2 {
    return this.timeline.weights;
  }

  /** The window and resolution the landscapes are computed on. */
  get grid(): Grid {
    return this.#current().grid;
  }

  /** Training has carried the weights outside the window the landscapes show. */
  get outside(): boolean {
    const [a, b] = this.point;
    const { w1, w2 } = this.grid;
    return !(a >= w1[0] && a <= w1[1] && b >= w2[0] && b <= w2[1]);
  }

  /** A network's plane; null for the two-weight models. */
  get plane(): Plane | null {
    return this.#current().plane;
  }

  /** A network's table while it is built (its progress, or why it failed); null when there is none or it is ready. */
  get table(): { progress: number; error: string | null } | null {
    const table = this.#setup?.table;
    return table && !table.model ? table : null;
  }

  get path(): readonly Vec2[] {
    return this.timeline.path;
  }

  /** The last step or pick as `weights-change` carries it; null right after a reset. */
  get lastStep(): WeightsChangeDetail | null {
    const step = this.timeline.lastStep;
    return step && { ...step, path: this.timeline.path };
  }

  /** The batch on show, or null before the first. */
  get batch(): ScheduledBatch | null {
    return this.#batch;
  }

  /** A landscape is being computed for the next beat. */
  get busy(): Promise<void> | null {
    return this.#busy;
  }

  /** A batch is on show and its step not yet taken. */
  get midStep(): boolean {
    return this.#midStep;
  }

  /** The current batch's landscape; with no batch on show, the full landscape. */
  get landscape(): Landscape | null {
    return this.#batchLandscape ?? this.fullLandscape;
  }

  /** The landscape of all rows; null while a large one is computed in a worker. */
  get fullLandscape(): Landscape | null {
    this.#requestFull();
    return this.#landscapes.full?.full ?? null;
  }

  fullLandscapeReady(): Promise<Landscape> {
    this.#requestFull();
    return this.#landscapes.ready();
  }

  /** The landscape of the k-th row of the batch on show alone; null for no batch or k out of range. */
  sampleLandscape(k: number): Landscape | null {
    const rows = this.#batch?.rows;
    if (!rows || !Number.isInteger(k) || k < 0 || k >= rows.length) return null;
    let landscape = this.#samples.get(k);
    if (!landscape) {
      landscape = this.#landscapes.single(this.#current(), rows.subarray(k, k + 1));
      this.#samples.set(k, landscape);
    }
    return landscape;
  }

  /** Per-cell sample variance of the distinct batch landscapes seen since the reset; null before the second. */
  get varianceMap(): Landscape | null {
    const { accumulator } = this.#current();
    if (accumulator.count < 2) return null;
    return (this.#variance ??= accumulator.variance());
  }

  /** The quake measured over the batches seen, and its theoretical value; null until the full landscape is known. */
  get quakeMagnitude(): QuakeMagnitude | null {
    const full = this.fullLandscape && this.#landscapes.full;
    if (!full) return null;
    const { accumulator, timeline } = this.#current();
    const { batchSize, n, sampling } = timeline.schedule;
    return {
      measured: accumulator.count ? accumulator.quakeMagnitude(full.full) : null,
      theory: theoreticalQuake(full.sigma2, batchSize, n, sampling),
      batches: accumulator.count,
    };
  }

  /** Both beats of one step: the next batch is told, then its training step. */
  step(): Promise<void> {
    if (this.#busy) return this.#busy.then(() => this.step());
    const shown = this.beat();
    if (shown) return shown.then(() => this.#train());
    this.#train();
    return Promise.resolve();
  }

  /** One beat of playing: the step of the batch on show, else the next batch (a promise while its landscape is computed). */
  beat(): Promise<void> | null {
    if (this.#midStep) {
      this.#train();
      return null;
    }
    const timeline = this.timeline;
    const iteration = timeline.iteration + 1;
    const batch = timeline.schedule.at(iteration - 1);
    const before = timeline.before(iteration);
    const beat = ++this.#beat;
    const settings = this.#current();
    const shown = this.#withBatchLandscape(batch, this.#generation, (landscape) => {
      // Cancelled (a pause) while a worker computed it: kept for the beat that shows this batch.
      if (beat !== this.#beat) return this.#landscapes.keep(settings, batch, landscape);
      this.#applyBatch(iteration, batch, landscape, before);
      // Playing or stepping goes on with the next batch (seeks need not: a reader scrubbing would
      // start work for batches never shown).
      if (this.#attached) this.#landscapes.prepare(settings, timeline.schedule.at(iteration));
    });
    this.#beatBusy = shown;
    return shown;
  }

  /**
   * Drops the batch a beat is still computing, so it is never shown: pausing then leaves the run at a
   * whole step instead of a `batch-change` arriving after `pause`. Seeks and resets are left alone.
   */
  cancelBeat(): void {
    this.#beat++;
    if (this.#busy === this.#beatBusy) this.#busy = null;
  }

  /** Takes the step of a batch already on show, so that a paused run rests at a whole step. */
  finishStep(): void {
    if (!this.#busy) this.#train();
  }

  /**
   * Restores the state after step `iteration` exactly, replaying from the seed what was never
   * reached. Tells a reset ('seek'), then that step's batch (unless 0) and its step (unless none).
   */
  seek(iteration: number): Promise<void> {
    return this.#jump(iteration, (timeline) => timeline.jumpTo(iteration));
  }

  /** Reopens the run at `iteration` replayed from the seed with `picks` on the way; told as `seek` is. */
  replay(iteration: number, picks: readonly PickedWeights[]): Promise<void> {
    return this.#jump(iteration, (timeline) => timeline.replayTo(iteration, picks));
  }

  /** Moves the weights where a reader picked them: the iteration stays, the path grows, the step is told. */
  pick(weights: Vec2): void {
    this.timeline.pick(weights, this.#batch?.rows ?? 'all');
    this.#listener.change?.();
    this.#tellStep();
  }

  #current(): Setup {
    if (!this.#setup) throw new Error('TrainingRun: configure() comes first');
    return this.#setup;
  }

  #newGeneration(): number {
    this.#busy = null;
    this.#midStep = false;
    this.#batch = null;
    this.#batchLandscape = null;
    this.#samples.clear();
    return ++this.#generation;
  }

  #jump(target: number, start: (timeline: Timeline) => void): Promise<void> {
    const generation = this.#newGeneration();
    const timeline = this.timeline;
    start(timeline);
    this.#listener.change?.();
    this.#listener.reset?.('seek');
    return this.#advance(timeline, generation, target, (reached) => {
      this.#listener.change?.();
      const batch = timeline.batchOf(reached);
      if (!batch) {
        this.#tellStep();
        return;
      }
      const before = timeline.before(reached);
      return this.#withBatchLandscape(batch, generation, (landscape) => {
        this.#applyBatch(reached, batch, landscape, before);
        this.#tellStep();
      });
    });
  }

  /**
   * Takes the steps of the timeline's jump, then calls `done` with the iteration reached: at once
   * when the steps fit a slice of JUMP_SLICE ms, else in slices that yield to the page between them
   * (meanwhile `busy`, so a step waits), unless a newer reset or jump takes over. A jump that falls
   * short of `target` hit its work budget, which is told.
   */
  #advance(
    timeline: Timeline,
    generation: number,
    target: number,
    done: (reached: number, later: boolean) => Promise<void> | null | void,
  ): Promise<void> {
    const slice = () => {
      const end = performance.now() + JUMP_SLICE;
      return timeline.advance(() => performance.now() > end);
    };
    const finish = (later: boolean) => {
      if (timeline.iteration < target) this.#listener.capped?.(target, timeline.iteration);
      return done(timeline.iteration, later) ?? undefined;
    };
    if (slice()) return finish(false) ?? Promise.resolve();
    const sliced: Promise<void> = new Promise<void>((resolve) => {
      const next = () => {
        if (generation !== this.#generation) resolve();
        else if (slice()) {
          if (this.#busy === sliced) this.#busy = null;
          void Promise.resolve(finish(true)).then(resolve);
        } else setTimeout(next, 0);
      };
      setTimeout(next, 0);
    });
    this.#busy = sliced;
    return sliced;
  }

  #tellStep(): void {
    const step = this.lastStep;
    if (step) this.#listener.weights?.(step);
  }

  #requestFull(): void {
    if (this.#setup && this.#attached) this.#landscapes.requestFull(this.#setup);
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
    const landscape = this.#landscapes.batch(this.#current(), batch);
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

  #applyBatch(
    iteration: number,
    batch: ScheduledBatch,
    landscape: Landscape,
    before: { weights: readonly number[]; point: Vec2 },
    tell = true,
  ): void {
    const { timeline, accumulator } = this.#current();
    this.#batch = batch;
    this.#batchLandscape = landscape;
    this.#samples.clear();
    this.#midStep = iteration > timeline.iteration;
    // A batch seen again after stepping back counts once in the quake statistics.
    if (!this.#accumulated.has(iteration)) {
      this.#accumulated.add(iteration);
      accumulator.add(landscape);
      this.#variance = null;
    }
    this.#listener.change?.();
    if (!tell) return;
    const { epoch, batch: index, rows } = batch;
    this.#listener.batch?.({ iteration, epoch, batch: index, rows, landscape, ...before });
  }

  #train(): void {
    if (!this.#midStep) return;
    this.#midStep = false;
    this.timeline.step();
    this.#listener.change?.();
    this.#tellStep();
  }
}
