// toHTML(): the attributes that reopen a sampler exactly where the reader is now, and the `picks` attribute.
import type { Vec2 } from '@lossquake/core';
import { elementToHTML, escapeScriptData, type AttributeType } from '@lossquake/kit';
import type { PickedWeights } from '../run/timeline.js';

/** `picks="iteration w1 w2, iteration w1 w2"`: weights a reader picked, replayed with `start-at`. */
export const picksType: AttributeType<readonly PickedWeights[]> = {
  fallback: [],
  expected: 'a comma-separated list of "iteration w1 w2" (iteration an integer ≥ 0)',
  parse(value) {
    if (Array.isArray(value)) {
      const ok = value.every(
        (p: Partial<PickedWeights>) =>
          Number.isInteger(p?.iteration) &&
          (p.iteration ?? -1) >= 0 &&
          Array.isArray(p.weights) &&
          p.weights.length === 2 &&
          p.weights.every(Number.isFinite),
      );
      return ok ? (value as PickedWeights[]) : undefined;
    }
    if (typeof value !== 'string') return undefined;
    if (value.trim() === '') return [];
    const picks: PickedWeights[] = [];
    for (const part of value.split(',')) {
      const fields = part.trim().split(/\s+/).map(Number);
      if (fields.length !== 3 || !fields.every(Number.isFinite)) return undefined;
      const [iteration, w1, w2] = fields as [number, number, number];
      if (!Number.isInteger(iteration) || iteration < 0) return undefined;
      picks.push({ iteration, weights: [w1, w2] });
    }
    return picks;
  },
};

/** The `picks` attribute text for `picks`; numbers keep every digit, so they parse back bit-equal. */
export function formatPicks(picks: readonly PickedWeights[]): string {
  return picks.map((p) => `${p.iteration} ${p.weights[0]} ${p.weights[1]}`).join(', ');
}

/** The settings a sampler's snippet repeats: the element's own properties. */
export interface SamplerSettings extends Pick<Element, 'getAttribute'> {
  seed: number;
  samples: number;
  model: string;
  sampling: string;
  optimizer: string;
  /** Null when the model's default is in use. */
  learningRateSetting: number | null;
  /** The initial weights, or null for the model's default. */
  initialWeights: Vec2 | null;
  extent: readonly number[];
  resolution: number;
  rate: number;
  maxIterations: number;
}

/** Where the run is: what `start-at` and `picks` reopen. */
export interface SamplerMoment {
  /** The batch size in use (a setting above the rows is clamped to them). */
  batchSize: number;
  iteration: number;
  picks: readonly PickedWeights[];
  /** The text of an inline JSON data set child, or null. */
  inline: string | null;
}

// Attributes a snippet copies as they are ('' for a boolean one); a network's settings among them,
// so a `model="mlp"` snippet or #state= link reopens the same network.
const copied = [
  'id',
  'src',
  'dataset',
  'layers',
  'activation',
  'plane',
  'autoplay',
  'controls',
  'loop',
  'group',
];

/** The attribute name → value map that reopens `sampler` at `moment`, in a stable order (what `#state=` stores too). */
export function samplerAttributes(
  sampler: SamplerSettings,
  moment: SamplerMoment,
): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const name of copied) {
    const value = sampler.getAttribute(name);
    if (value !== null) attributes[name] = value;
  }
  attributes['seed'] = String(sampler.seed);
  if (!('src' in attributes) && moment.inline === null)
    attributes['samples'] = String(sampler.samples);
  attributes['model'] = sampler.model;
  attributes['batch-size'] = String(moment.batchSize);
  attributes['sampling'] = sampler.sampling;
  attributes['optimizer'] = sampler.optimizer;
  if (sampler.learningRateSetting !== null)
    attributes['learning-rate'] = String(sampler.learningRateSetting);
  const weights = sampler.initialWeights;
  if (weights) attributes['weights'] = `${weights[0]} ${weights[1]}`;
  // A network's window is fitted to its run unless the page set one: a snippet keeps that choice.
  if (sampler.model !== 'mlp' || sampler.getAttribute('extent') !== null)
    attributes['extent'] = sampler.extent.join(' ');
  attributes['resolution'] = String(sampler.resolution);
  attributes['rate'] = String(sampler.rate);
  attributes['max-iterations'] = String(sampler.maxIterations);
  if (moment.picks.length) attributes['picks'] = formatPicks(moment.picks);
  attributes['start-at'] = String(moment.iteration);
  return attributes;
}

/** The `<batch-sampler>` tag that reopens `sampler` at `moment`; an inline data set is escaped for its <script>. */
export function samplerToHTML(sampler: SamplerSettings, moment: SamplerMoment): string {
  const inline =
    moment.inline === null
      ? ''
      : `<script type="application/json">${escapeScriptData(moment.inline)}</script>`;
  return elementToHTML('batch-sampler', samplerAttributes(sampler, moment), inline);
}
