// exportRun(): the run so far as CSV or JSON — every step's weights, loss, gradient and batch rows.
import type { Timeline } from '../run/timeline.js';

/** The settings that produced a run, as `exportRun('json')` reports them. */
export interface RunSettings {
  seed: number;
  model: string;
  batchSize: number;
  sampling: string;
  optimizer: string;
  learningRate: number;
  /** How the data came: a generated kind, a URL, or rows given directly (inline or as an object). */
  dataset: { kind: string; samples: number } | { src: string } | { given: true };
  /** Rows in the data set. */
  rows: number;
}

/** One line of the exported run: the start, a training step or a reader's pick. */
export interface RunStep {
  iteration: number;
  kind: 'start' | 'step' | 'pick';
  /** Epoch and batch of the batch trained on (a step) or on whose rows the loss is taken (a pick); null at the start and for a pick at iteration 0. */
  epoch: number | null;
  batch: number | null;
  /** The weights after this step or pick. */
  w1: number;
  w2: number;
  /** The batch loss and gradient at the weights before the step, as `weights-change` carries them (a pick: loss at the picked weights, gradient 0); null at the start. */
  loss: number | null;
  g1: number | null;
  g2: number | null;
  /** Row indices of the batch; null where there is none (the start, or a pick on all rows at iteration 0). */
  rows: number[] | null;
}

export interface ExportedRun extends RunSettings {
  steps: RunStep[];
}

/** The steps of `timeline`'s current path, starting with its initial weights. */
export function runSteps(timeline: Timeline): RunStep[] {
  const [w1, w2] = timeline.initial;
  const steps: RunStep[] = [
    {
      iteration: 0,
      kind: 'start',
      epoch: null,
      batch: null,
      w1,
      w2,
      loss: null,
      g1: null,
      g2: null,
      rows: null,
    },
  ];
  for (const { iteration, picked, point, loss, gradient } of timeline.moves) {
    // A step to iteration i trained on batchOf(i); a pick at i measured its loss on the same batch.
    const batch = timeline.batchOf(iteration);
    steps.push({
      iteration,
      kind: picked ? 'pick' : 'step',
      epoch: batch ? batch.epoch : null,
      batch: batch ? batch.batch : null,
      w1: point[0],
      w2: point[1],
      loss,
      g1: gradient[0],
      g2: gradient[1],
      rows: batch ? Array.from(batch.rows) : null,
    });
  }
  return steps;
}

export const runColumns = [
  'iteration',
  'kind',
  'epoch',
  'batch',
  'w1',
  'w2',
  'loss',
  'g1',
  'g2',
  'rows',
] as const;

/**
 * CSV with a header line: one line per step, numbers written with every digit they have (so they
 * parse back to the same doubles), empty fields for nulls, and the batch's row indices separated by spaces.
 */
export function runToCSV(steps: readonly RunStep[]): string {
  const lines = [runColumns.join(',')];
  for (const step of steps) {
    lines.push(
      runColumns
        .map((column) => {
          const value = step[column];
          if (value === null) return '';
          return Array.isArray(value) ? value.join(' ') : String(value);
        })
        .join(','),
    );
  }
  return lines.join('\n') + '\n';
}

export function runToJSON(settings: RunSettings, steps: RunStep[]): string {
  const run: ExportedRun = { ...settings, steps };
  return JSON.stringify(run, null, 1);
}

/** `timeline`'s run as CSV, or as JSON with `settings` and the batch size and rows it ran with. */
export function exportRun(
  timeline: Timeline,
  format: 'csv' | 'json',
  settings: Omit<RunSettings, 'batchSize' | 'rows'>,
): string {
  const steps = runSteps(timeline);
  if (format !== 'json') return runToCSV(steps);
  const { batchSize } = timeline.schedule;
  return runToJSON({ ...settings, batchSize, rows: timeline.data.n }, steps);
}
