// What <batch-sampler> shares: its run as CSV or JSON, a video of its views, and the markup that reopens it.
import { linkedViews } from '@lossquake/kit';
import type { BatchSampler } from '../batch-sampler.component.js';
import type { DataSourceController } from '../controllers/data-source.js';
import type { TrainingRun } from '../run/training-run.js';
import { exportRun } from './export-run.js';
import { recordViews, type RecordOptions } from './record.js';
import { samplerToHTML } from './state-markup.js';

export class SamplerShare {
  #sampler: BatchSampler;
  #run: () => TrainingRun;
  #source: DataSourceController;

  /** `run` gives the sampler's run with its pending settings applied. */
  constructor(sampler: BatchSampler, run: () => TrainingRun, source: DataSourceController) {
    this.#sampler = sampler;
    this.#run = run;
    this.#source = source;
  }

  exportRun(format: 'csv' | 'json'): string {
    const { timeline } = this.#run();
    const { seed, model, sampling, optimizer, learningRate, datasetKind, samples } = this.#sampler;
    const dataset = this.#source.origin({ kind: datasetKind, samples });
    return exportRun(timeline, format, { seed, model, sampling, optimizer, learningRate, dataset });
  }

  /** Plays the sampler while recording its views, and pauses it again after if it was paused. */
  record(options: RecordOptions): Promise<Blob> {
    const sampler = this.#sampler;
    const wasPaused = sampler.paused;
    const hooks = { start: () => void sampler.play(), stop: () => wasPaused && sampler.pause() };
    return recordViews(linkedViews(sampler), options, hooks);
  }

  toHTML(): string {
    const { schedule, iteration, picks } = this.#run().timeline;
    const inline = this.#source.inlineInUse;
    return samplerToHTML(this.#sampler, {
      batchSize: schedule.batchSize,
      iteration,
      picks,
      inline,
    });
  }
}
