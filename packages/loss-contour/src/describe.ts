// The contour's text description for assistive technology, composed from plain data.
import { lossAt, type Landscape, type Vec2 } from '@lossquake/core';
import type { LandscapeMode, LinkedSampler } from '@lossquake/kit';
import { formatNumber } from './overlays.js';

export interface ContourState {
  landscape: Landscape | null;
  levels: number;
  /** The linked sampler, or null. */
  sampler: Pick<LinkedSampler, 'iteration' | 'point' | 'plane'> | null;
  /** Which of its landscapes is shown. */
  mode: LandscapeMode;
  sample: number;
  /** The batch on screen (0-based, within its epoch), or null before training. */
  batch: { batch: number; epoch: number } | null;
  /** The `src` frame shown and how many there are (null when not playing frames). */
  frames: { index: number; count: number } | null;
  minimum: Vec2 | null;
}

const formatWeights = (w: Vec2): string =>
  `(${w[0].toFixed(1)}, ${w[1].toFixed(1)})`.replace(/-/g, '−');

function subject({ sampler, mode, sample }: ContourState): string {
  if (!sampler) return 'Loss landscape';
  switch (mode) {
    case 'variance':
      return 'Variance of the batch landscapes, cell by cell';
    case 'full':
      return 'Loss landscape of the full data set';
    case 'sample':
      return `Loss landscape of sample ${sample} of the batch`;
    case 'batch':
      return 'Loss landscape of the current mini-batch';
  }
}

export function describeContour(state: ContourState): string {
  const { landscape, levels, sampler, batch, frames, minimum } = state;
  const what = subject(state);
  if (!landscape) return `${what}: nothing to show yet.`;
  const parts = [`${what}, filled contours in ${levels} levels.`];
  if (sampler) {
    const { point } = sampler;
    const at = sampler.plane ? 'plane point' : 'weights';
    const where = batch
      ? `Batch ${batch.batch + 1} of epoch ${batch.epoch + 1}, iteration ${sampler.iteration}`
      : 'Before training';
    const caption = state.mode === 'variance' ? 'variance' : 'loss';
    const { w1, w2 } = landscape.grid;
    const inside = point[0] >= w1[0] && point[0] <= w1[1] && point[1] >= w2[0] && point[1] <= w2[1];
    if (inside) {
      const value = formatNumber(lossAt(landscape.values, landscape.grid, point));
      parts.push(`${where}: ${caption} ${value} at ${at} ${formatWeights(point)}.`);
    } else {
      // Training can carry the weights past the window (a large learning rate): say so, not a value.
      parts.push(`${where}: the ${at} ${formatWeights(point)} are outside the window shown.`);
    }
  } else if (frames && frames.count > 1) {
    parts.push(`Frame ${frames.index + 1} of ${frames.count}.`);
  }
  if (minimum) parts.push(`The lowest point is near ${formatWeights(minimum)}.`);
  return parts.join(' ');
}
