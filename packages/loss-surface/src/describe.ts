// The text a screen reader hears for a surface: which landscape, the loss at the weights, the lowest
// and the highest loss.
import { lossAt, minimumOf, type Landscape, type Vec2 } from '@lossquake/core';

export interface DescribedView {
  landscape: Landscape | null;
  /** Null when no sampler is linked. */
  sampler: { mode: 'batch' | 'full' | 'sample'; iteration: number; sample: number } | null;
  weights: Vec2 | null;
}

const fmt = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3));
const inside = (grid: Landscape['grid'], [w1, w2]: Vec2) =>
  w1 >= grid.w1[0] && w1 <= grid.w1[1] && w2 >= grid.w2[0] && w2 <= grid.w2[1];

export function describeSurface({ landscape, sampler, weights }: DescribedView): string {
  if (!landscape) return 'Loss surface, no landscape yet.';
  const { grid, values, min, max } = landscape;
  const which = !sampler
    ? 'Loss surface'
    : sampler.mode === 'full'
      ? 'Loss surface of the full data'
      : `Loss surface of batch ${sampler.iteration}${sampler.mode === 'sample' ? `, sample ${sampler.sample}` : ''}`;
  const atWeights =
    weights && inside(grid, weights)
      ? ` Loss ${fmt(lossAt(values, grid, weights))} at the weights (${fmt(weights[0])}, ${fmt(weights[1])}).`
      : '';
  const [w1, w2] = minimumOf(values, grid);
  return `${which}.${atWeights} Lowest loss ${fmt(min)} at (${fmt(w1)}, ${fmt(w2)}); highest ${fmt(max)}.`;
}
