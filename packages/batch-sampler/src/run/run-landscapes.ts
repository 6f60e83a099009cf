// Where a run's landscapes come from: a network's table; else the GPU where start-up measured it
// faster; else the main thread when small; else the page's worker pool. And the full landscape (with
// σ² per cell), kept while the data, model and grid stay the same. A batch's landscape depends on its
// rows alone, not on the weights, so one a worker would compute is asked for a batch ahead (prepare).
import {
  lossGrid,
  type Grid,
  type Landscape,
  type Rows,
  type ScheduledBatch,
} from '@lossquake/core';
import { landscapeBackend } from './landscape-backend.js';
import { computeFull, gpuFull, gpuLossGrid, type FullLandscapes } from './landscape-jobs.js';
import type { LandscapeService } from './landscape-service.js';
import type { NetworkTable } from './network-table.js';
import type { Timeline } from './timeline.js';

/** Landscapes up to this many loss evaluations (rows × cells) are computed at once on the main thread. */
export const SYNC_WORK = 1_000_000;
/** The full landscape also computes σ² per cell, about twice the work per evaluation. */
export const SYNC_FULL_WORK = 500_000;

/** What a run's settings make of its landscapes. */
export interface LandscapeSettings {
  timeline: Timeline;
  grid: Grid;
  /** Names the full landscape these settings need. */
  fullKey: string;
  /** A network's per-row table (null for the two-weight models). */
  table: NetworkTable | null;
}

export class RunLandscapes {
  #service: LandscapeService;
  #told: (full: FullLandscapes) => void;
  #fullKey = '';
  #full: FullLandscapes | null = null;
  #waiters: ((landscape: Landscape) => void)[] = [];
  // The landscape of the batch expected next, asked of a worker ahead of the beat that shows it.
  #ahead: {
    settings: LandscapeSettings;
    iteration: number;
    answer: Promise<Landscape | null>;
  } | null = null;

  /** `told` hears of each full landscape as it arrives. */
  constructor(service: LandscapeService, told: (full: FullLandscapes) => void) {
    this.#service = service;
    this.#told = told;
  }

  /** The full landscape and σ², or null until computed. */
  get full(): FullLandscapes | null {
    return this.#full;
  }

  /** New settings: the full landscape is forgotten (and work for it dropped) unless it still fits. */
  settle(settings: LandscapeSettings, newData: boolean): void {
    this.#ahead = null;
    if (!newData && settings.fullKey === this.#fullKey) return;
    this.#service.cancel();
    this.#full = null;
    this.#fullKey = '';
  }

  /** Off the page: work in flight is dropped; a full landscape not yet computed is asked for again later. */
  detach(): void {
    this.#ahead = null;
    this.#service.destroy();
    if (this.#full === null) this.#fullKey = '';
  }

  /** Computes the full landscape of `settings` unless it is there or under way. */
  requestFull(settings: LandscapeSettings): void {
    if (this.#fullKey === settings.fullKey) return;
    const key = (this.#fullKey = settings.fullKey);
    const { timeline, grid, table } = settings;
    const { model, data } = timeline;
    const apply = (full: FullLandscapes) => {
      if (this.#fullKey === key) this.#apply(full);
    };
    if (table) {
      // From the table, the full landscape and σ² are sums over its rows: quick once it is built.
      void table.ready.then((tabulated) => tabulated && apply(computeFull(tabulated, data, grid)));
      return;
    }
    // Where the start-up measurement chose the GPU, it computes the full landscape at once.
    const gpu = gpuFull(model, data, grid);
    if (gpu || data.n * grid.size * grid.size <= SYNC_FULL_WORK) {
      this.#apply(gpu ?? computeFull(model, data, grid));
      return;
    }
    void this.#service.full(model.name, data, grid).then((full) => full && apply(full));
  }

  /** The full landscape once it is there. */
  ready(): Promise<Landscape> {
    const full = this.#full?.full;
    return full ? Promise.resolve(full) : new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** The mean loss of the batch's rows: at once where that is quick, else a promise (null if cancelled). */
  batch(settings: LandscapeSettings, batch: ScheduledBatch): Landscape | Promise<Landscape | null> {
    const ahead = this.#ahead;
    if (ahead?.settings === settings && ahead.iteration === batch.iteration) {
      this.#ahead = null;
      return ahead.answer;
    }
    const { rows } = batch;
    const { timeline, grid, table } = settings;
    const { model, data } = timeline;
    if (isEveryRow(settings, rows)) {
      // Every batch is every row: the full landscape, computed once.
      return this.#full?.full ?? this.ready();
    }
    if (table) {
      return table.model
        ? lossGrid(table.model, data, rows, grid)
        : table.ready.then((tabulated) => tabulated && lossGrid(tabulated, data, rows, grid));
    }
    // On the GPU (where measured faster) even a large batch is computed at once.
    const gpu = gpuLossGrid(model, data, rows, grid);
    if (gpu) return gpu;
    return inWorker(settings, rows)
      ? this.#service.batch(model.name, data, rows, grid)
      : lossGrid(model, data, rows, grid);
  }

  /**
   * Asks a worker now for the landscape of `batch`, which batch() then hands over: step() shows a
   * large batch as soon as the page could, instead of a worker's round trip later (a landscape
   * computed at once, by the CPU or the GPU, is left to batch()). One batch ahead at a time.
   */
  prepare(settings: LandscapeSettings, batch: ScheduledBatch): void {
    const { rows } = batch;
    const ahead = this.#ahead;
    if (ahead?.settings === settings && ahead.iteration === batch.iteration) return;
    if (settings.table || isEveryRow(settings, rows) || landscapeBackend() !== 'cpu') return;
    if (!inWorker(settings, rows)) return;
    const { model, data } = settings.timeline;
    const answer = this.#service.batch(model.name, data, rows, settings.grid);
    this.#ahead = { settings, iteration: batch.iteration, answer };
  }

  /** Keeps `batch`'s landscape, computed but not shown (a beat cancelled), for batch() to hand over. */
  keep(settings: LandscapeSettings, batch: ScheduledBatch, landscape: Landscape): void {
    this.#ahead = { settings, iteration: batch.iteration, answer: Promise.resolve(landscape) };
  }

  /** One row's landscape, at once (a table row for a network). */
  single(settings: LandscapeSettings, rows: Rows): Landscape {
    const { timeline, grid, table } = settings;
    return lossGrid(table?.model ?? timeline.model, timeline.data, rows, grid);
  }

  #apply(full: FullLandscapes): void {
    this.#full = full;
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve(full.full);
    this.#told(full);
  }
}

/** Full-batch sampling: every batch is every row, whose landscape is the full one. */
function isEveryRow({ timeline }: LandscapeSettings, rows: Uint32Array): boolean {
  return rows.length === timeline.data.n && timeline.schedule.sampling === 'full';
}

/** A landscape computed by the CPU goes to a worker past SYNC_WORK evaluations. */
function inWorker({ grid }: LandscapeSettings, rows: Uint32Array): boolean {
  return rows.length * grid.size * grid.size > SYNC_WORK;
}
