// The built-in toolbar of <batch-sampler controls>: transport buttons, batch size, optimiser and a live readout.
import { html, nothing, svg } from 'lit';
import { optimizerKinds, type OptimizerKind } from '@lossquake/core';
import type { BatchSampler } from './batch-sampler.component.js';
import type { TrainingRun } from './run/training-run.js';

export interface ControlsModel {
  paused: boolean;
  iteration: number;
  /** Epoch of the batch on show, 0-based as the payloads count (shown from 1, as the contour says it). */
  epoch: number;
  batch: number;
  batchesPerEpoch: number;
  batchSize: number;
  rows: number;
  optimizer: OptimizerKind;
  loss: number | null;
  /** The weights have left the window the landscapes show. */
  outside: boolean;
  /** For a network: the loss the plane shows under the same step, and how far the weights are off the plane; null otherwise. */
  plane: { loss: number; off: number } | null;
  /** Learning rate ÷ the batch size in effect (every row for `sampling="full"`): the scale of SGD's noise. */
  noise: number;
  onPlay: () => void;
  onStepBack: () => void;
  onStep: () => void;
  onReset: () => void;
  onBatchSize: (size: number) => void;
  onOptimizer: (kind: OptimizerKind) => void;
  /** Rendered at the end of the toolbar (the share menu). */
  extra?: unknown;
}

const optimizerLabels: Record<OptimizerKind, string> = {
  sgd: 'SGD',
  momentum: 'Momentum',
  nesterov: 'Nesterov',
  adam: 'Adam',
};

/** The transport icons, shared with the pause button of a sampler without controls. */
export const icons = {
  play: svg`<path d="M4 2.5v11l9.5-5.5z" />`,
  pause: svg`<path d="M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z" />`,
  step: svg`<path d="M2.5 2.5v11l8-5.5zM11 2.5h2.5v11H11z" />`,
  stepBack: svg`<path d="M13.5 2.5v11l-8-5.5zM2.5 2.5H5v11H2.5z" />`,
  reset: svg`<path d="M8 2.5a5.5 5.5 0 1 1-5.2 3.7l1.9.6A3.5 3.5 0 1 0 8 4.5v2L4.5 3.5 8 .5z" />`,
};

export const icon = (path: ReturnType<typeof svg>) =>
  html`<svg viewBox="0 0 16 16" aria-hidden="true">${path}</svg>`;

/** Batch sizes the slider stops at: 1, 2, 5, 10, 20, 50... up to the rows, plus the current one. */
export function batchSizeStops(rows: number, current: number): number[] {
  const stops = new Set<number>([current, rows]);
  for (let decade = 1; decade <= rows; decade *= 10) {
    for (const m of [1, 2, 5]) if (m * decade <= rows) stops.add(m * decade);
  }
  return [...stops].sort((a, b) => a - b);
}

function format(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  return abs >= 1000 || abs < 0.001 ? value.toExponential(2) : value.toPrecision(3);
}

export function renderControls(model: ControlsModel) {
  const stops = batchSizeStops(model.rows, model.batchSize);
  const index = stops.indexOf(model.batchSize);
  const playLabel = model.paused ? 'Play' : 'Pause';
  return html`
    <div part="controls" role="group" aria-label="Training controls">
      <div class="buttons">
        <button
          part="step-back"
          type="button"
          aria-label="Step back"
          title="Step back"
          ?disabled=${model.iteration === 0}
          @click=${model.onStepBack}
        >
          ${icon(icons.stepBack)}
        </button>
        <button
          part="play"
          type="button"
          aria-label=${playLabel}
          title=${playLabel}
          @click=${model.onPlay}
        >
          ${icon(model.paused ? icons.play : icons.pause)}
        </button>
        <button part="step" type="button" aria-label="Step" title="Step" @click=${model.onStep}>
          ${icon(icons.step)}
        </button>
        <button part="reset" type="button" aria-label="Reset" title="Reset" @click=${model.onReset}>
          ${icon(icons.reset)}
        </button>
      </div>
      <label>
        Batch
        <input
          part="batch-size"
          type="range"
          min="0"
          max=${stops.length - 1}
          step="1"
          .value=${String(index)}
          aria-valuetext=${`${model.batchSize} samples`}
          @input=${(event: Event) => model.onBatchSize(stops[Number((event.target as HTMLInputElement).value)] ?? model.batchSize)}
        />
        <span class="value">${model.batchSize}</span>
      </label>
      <label>
        Optimiser
        <select
          part="optimizer"
          @change=${(event: Event) => model.onOptimizer((event.target as HTMLSelectElement).value as OptimizerKind)}
        >
          ${optimizerKinds.map(
            (kind) =>
              html`<option value=${kind} ?selected=${kind === model.optimizer}>
                ${optimizerLabels[kind]}
              </option>`,
          )}
        </select>
      </label>
      <output part="readout" aria-live=${model.paused ? 'polite' : 'off'}>
        <span>epoch <b>${model.iteration === 0 ? '–' : model.epoch + 1}</b></span>
        <span
          >batch
          <b
            >${model.iteration === 0 ? '–' : `${model.batch + 1}/${model.batchesPerEpoch}`}</b
          ></span
        >
        <span>loss <b>${model.loss === null ? '–' : format(model.loss)}</b></span>
        ${
          model.plane
            ? html`<span
                  title="the loss the landscape shows at the weights' projection onto its plane"
                  >on the plane <b>${format(model.plane.loss)}</b></span
                ><span title="distance of the weights from the plane the landscapes are drawn on"
                  >off the plane <b>${format(model.plane.off)}</b></span
                >`
            : nothing
        }
        <span title="learning rate ÷ batch size">noise <b>${format(model.noise)}</b></span>
        ${
          model.outside
            ? html`<span
                class="outside"
                title="the weights are beyond the extent the landscapes show"
                ><b>outside the window</b></span
              >`
            : nothing
        }
      </output>
      ${model.extra ?? nothing}
    </div>
  `;
}

/** A network's readout beside the loss: what the plane shows there, and how far off it the run is. */
function planeReadout(run: TrainingRun): ControlsModel['plane'] {
  const step = run.timeline.lastStep;
  return run.plane && step ? { loss: step.planeLoss, off: step.offPlane } : null;
}

/** The toolbar of `sampler` at the state of its `run`, with `extra` (the share menu) at its end. */
export function samplerControls(sampler: BatchSampler, run: TrainingRun, extra: unknown) {
  const { schedule } = run.timeline;
  // With `sampling="full"` every batch is every row, whatever `batch-size` says.
  const effectiveBatch = schedule.sampling === 'full' ? schedule.n : schedule.batchSize;
  return renderControls({
    paused: sampler.paused,
    iteration: run.iteration,
    epoch: run.batch?.epoch ?? 0,
    batch: run.batch?.batch ?? 0,
    batchesPerEpoch: schedule.batchesPerEpoch,
    batchSize: schedule.batchSize,
    rows: schedule.n,
    optimizer: sampler.optimizer,
    loss: run.timeline.lastStep?.loss ?? null,
    plane: planeReadout(run),
    outside: run.outside,
    noise: sampler.learningRate / effectiveBatch,
    onPlay: () => (sampler.paused ? void sampler.play() : sampler.pause()),
    onStepBack: () => {
      sampler.pause();
      void sampler.stepBack();
    },
    onStep: () => {
      sampler.pause();
      void sampler.step();
    },
    onReset: () => sampler.reset(),
    onBatchSize: (size) => (sampler.batchSize = size),
    onOptimizer: (kind) => (sampler.optimizer = kind),
    extra,
  });
}
