// toHTML(): the attributes that reopen a sampler exactly where the reader is now, and the `picks` attribute.
import type { Vec2 } from '@lossquake/core';
import type { AttributeType } from '@lossquake/kit';
import type { PickedWeights } from './timeline.js';

/** `picks="iteration w1 w2, iteration w1 w2"`: weights a reader picked, replayed with `start-at`. */
export const picksType: AttributeType<readonly PickedWeights[]> = {
  fallback: [],
  expected: 'a comma-separated list of "iteration w1 w2" (iteration an integer ≥ 0)',
  parse(value) {
    if (Array.isArray(value)) {
      const ok = value.every(
        (p: Partial<PickedWeights>) =>
          Number.isInteger(p?.iteration) &&
          p.iteration! >= 0 &&
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

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** What reproduces a sampler's moment: settings, the initial weights, the iteration, the picks. */
export interface SamplerState {
  /** Attributes to copy as they are (id, src, dataset, autoplay…), name → value ('' for a boolean). */
  copied: Record<string, string>;
  seed: number;
  samples: number;
  model: string;
  batchSize: number;
  sampling: string;
  optimizer: string;
  /** Null when the model's default is in use. */
  learningRate: number | null;
  /** The initial weights, or null for the model's default. */
  weights: Vec2 | null;
  extent: readonly number[];
  resolution: number;
  rate: number;
  maxIterations: number;
  iteration: number;
  picks: readonly PickedWeights[];
  /** The text of an inline JSON data set child, or null. */
  inline: string | null;
}

/** The attribute name → value map of `state`, in a stable order (what `#state=` stores too). */
export function samplerAttributes(state: SamplerState): Record<string, string> {
  const attributes: Record<string, string> = { ...state.copied };
  attributes['seed'] = String(state.seed);
  if (!('src' in state.copied) && state.inline === null)
    attributes['samples'] = String(state.samples);
  attributes['model'] = state.model;
  attributes['batch-size'] = String(state.batchSize);
  attributes['sampling'] = state.sampling;
  attributes['optimizer'] = state.optimizer;
  if (state.learningRate !== null) attributes['learning-rate'] = String(state.learningRate);
  if (state.weights) attributes['weights'] = `${state.weights[0]} ${state.weights[1]}`;
  attributes['extent'] = state.extent.join(' ');
  attributes['resolution'] = String(state.resolution);
  attributes['rate'] = String(state.rate);
  attributes['max-iterations'] = String(state.maxIterations);
  if (state.picks.length) attributes['picks'] = formatPicks(state.picks);
  attributes['start-at'] = String(state.iteration);
  return attributes;
}

export function attributesToHTML(
  tag: string,
  attributes: Record<string, string>,
  inner = '',
): string {
  const text = Object.entries(attributes)
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escape(value)}"`))
    .join('');
  return `<${tag}${text}>${inner}</${tag}>`;
}

export function samplerToHTML(state: SamplerState): string {
  const inline =
    state.inline === null
      ? ''
      : `<script type="application/json">${state.inline.replace(/<\/script/gi, '<\\/script')}</script>`;
  return attributesToHTML('batch-sampler', samplerAttributes(state), inline);
}
