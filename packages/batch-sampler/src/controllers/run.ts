// Keeps a sampler's training run in step with its settings: changes made in one task rebuild the run
// once (one `sampler-reset`, named for the most sweeping change), and the run computes only while
// the sampler is on a page. The run's news goes out as the sampler's DOM events.
import type { ReactiveController } from 'lit';
import { makeDataset, type Dataset, type Plane } from '@lossquake/core';
import { emit, warnOnce } from '@lossquake/kit';
import type { BatchSampler } from '../batch-sampler.component.js';
import { acceptPlane } from '../given-plane.js';
import { readsRun } from '../run-readout.js';
import { mostSweeping, ResetQueue } from '../run/reset-queue.js';
import { TrainingRun } from '../run/training-run.js';
import { featuresProblem, resetReasons, runConfig } from '../settings.js';

export class RunController implements ReactiveController {
  readonly run: TrainingRun;
  /** Why the data in use cannot train the model (shown in place), or null. */
  problem: string | null = null;
  /** The plane given through the sampler's `plane` property (another run's), or null for its own. */
  givenPlane: Plane | null = null;
  #host: BatchSampler;
  #data: (generate: () => Dataset) => Dataset;
  #resets = new ResetQueue(() => this.#flush());

  /** `data` picks the data a new run trains on: from a source, else what `generate` makes. */
  constructor(host: BatchSampler, data: (generate: () => Dataset) => Dataset) {
    this.#host = host;
    this.#data = data;
    this.run = new TrainingRun({
      batch: (detail) => emit(host, 'batch-change', detail),
      weights: (detail) => emit(host, 'weights-change', detail),
      reset: (reason) => emit(host, 'sampler-reset', { reason }),
      full: (landscape) => emit(host, 'landscape-ready', { landscape }),
      change: () => host.requestUpdate(),
      progress: (done) => emit(host, 'landscape-progress', { done }),
      capped: (target, reached) =>
        warnOnce(
          `jump-cap:${target}`,
          `<batch-sampler${host.id ? ` id="${host.id}"` : ''}>: going to iteration ${target} stopped at ${reached}, the most one jump replays; seek again to go on.`,
        ),
      failed: (message) => emit(host, 'error', { message }),
    });
    readsRun(host, () => this.current());
    host.addController(this);
  }

  /** The run with every pending setting change applied. */
  current(): TrainingRun {
    this.#flush();
    return this.run;
  }

  /** Queues the reset a change of the setting `name` causes (if it causes one). */
  settingChanged(name: string): void {
    const reason = resetReasons[name];
    if (reason) this.#resets.add(reason);
  }

  /** The sampler's `plane` was set: a plane to draw a network on, or null for its own; else it warns. */
  givePlane(value: unknown): void {
    if (!acceptPlane(this.#host, value)) return;
    this.givenPlane = value;
    this.settingChanged('planeKind');
    this.#host.requestUpdate();
  }

  /** The data sources gave other data. */
  dataChanged(): void {
    this.#resets.add('data');
  }

  /** Starts the run over with the current settings (`sampler-reset`, reason 'reset'). */
  reset(): void {
    this.#resets.add('reset');
    this.#flush();
  }

  hostConnected(): void {
    this.#flush();
    this.run.attach();
  }

  hostDisconnected(): void {
    // In-flight landscapes are dropped; a reconnected sampler computes what it needs again.
    this.run.detach();
  }

  // Rebuilds the run if settings changed, with one reset (none for the first run, which opens at
  // `start-at` with the picks on the way).
  #flush(): void {
    const first = !this.run.configured;
    if (!first && !this.#resets.pending) return;
    const host = this.#host;
    const reasons = this.#resets.take();
    const newData = first || reasons.has('data') || reasons.has('seed');
    const generate = () => makeDataset(host.datasetKind, { n: host.samples, seed: host.seed });
    let data = newData ? this.#data(generate) : this.run.timeline.data;
    this.problem = featuresProblem(host.model, data);
    if (this.problem) {
      emit(host, 'error', { message: this.problem });
      // The run in place stays; a first run trains on the generated data meanwhile.
      if (!first) return;
      data = generate();
    }
    const at = first ? { iteration: host.startAt, picks: host.picks } : undefined;
    const reason = first ? null : mostSweeping(reasons);
    this.run.configure(runConfig(host, data, this.givenPlane), { reason, newData, at });
  }
}
