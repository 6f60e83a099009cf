// What stops the run's landscapes, in place: data the model cannot take, a network's table past its
// memory cap; and while a network's per-row table is built, a progress bar.
import { html, nothing } from 'lit';
import type { TrainingRun } from './run/training-run.js';

export function tableStatus(run: TrainingRun, problem: string | null) {
  if (problem) return html`<p part="error" role="alert">${problem}</p>`;
  const table = run.table;
  if (!table) return nothing;
  if (table.error) return html`<p part="error" role="alert">${table.error}</p>`;
  const percent = Math.round(table.progress * 100);
  return html`<label part="table-progress"
    >Computing the network's landscapes
    <progress max="100" value=${percent}>${percent} %</progress></label
  >`;
}
