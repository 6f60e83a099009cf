// The data of the overlay marks for one render: what the reader asked to see, read from the linked
// sampler and the landscape shown, with the costly ones (a long trail, the full landscape's contour
// lines, the minimum search) remembered until what they depend on changes. It also remembers which
// moves of the trail were the reader's picks, so they are drawn as jumps, not as training steps.
import { checkLandscape, minimumOf, sameGrid, type Landscape, type Vec2 } from '@lossquake/core';
import type { LinkedSampler, WeightsChangeDetail } from '@lossquake/kit';
import { memoLast } from './memo.js';
import { fullLinesPath } from './overlays.js';
import { trailMarks, type TrailMarks } from './trail-layer.js';
import type { PlotFrame } from './plot-frame.js';
import type { ContourView } from './view.js';

/** Which marks the reader asked for (the element's show-* properties). */
export interface Shown {
  showWeights: boolean;
  showGradient: boolean;
  showFull: boolean;
  showMinimum: boolean;
}

export class Marks {
  /** The lowest grid point of a landscape (the description names it too). */
  readonly minimum = memoLast((l: Landscape) => minimumOf(l.values, l.grid));
  // A sampler may append to the same path array: its length is part of the key, and so is the count
  // of picks seen (a pick grows the path too, but must split it).
  #trail = memoLast((path: readonly Vec2[], _length: number, frame: PlotFrame, _picks: number) =>
    trailMarks(path, this.#picked, frame),
  );
  /** k for each pick seen that moved the weights from path[k - 1] to path[k]. */
  #picked = new Set<number>();

  /** Notes a `weights-change`: a pick marks its jump on the trail. */
  moved(detail: WeightsChangeDetail): void {
    if (detail.picked) this.#picked.add(detail.path.length - 1);
  }

  /** A reset or a new sampler: the trail starts over. */
  restart(): void {
    this.#picked.clear();
  }
  #fullLines = memoLast((full: Landscape, frame: PlotFrame, levels: Float64Array, _: string) =>
    checkLandscape(full) && sameGrid(full.grid, frame.grid)
      ? fullLinesPath(full, levels, frame)
      : null,
  );

  /** The trail to paint: null when hidden or shorter than one step. */
  trail(frame: PlotFrame, sampler: LinkedSampler | null, shown: boolean): TrailMarks | null {
    // A sampler not yet running (another copy's, still upgrading) may have no path at all.
    const path = shown ? sampler?.path : null;
    return path && path.length > 1
      ? this.#trail(path, path.length, frame, this.#picked.size)
      : null;
  }

  of(
    frame: PlotFrame,
    thresholds: Float64Array,
    target: Landscape | null,
    sampler: LinkedSampler | null,
    shown: Shown,
  ): Omit<ContourView['marks'], 'cursor'> {
    const full = shown.showFull ? sampler?.fullLandscape : null;
    return {
      fullLines: full ? this.#fullLines(full, frame, thresholds, thresholds.join()) : null,
      minimum: shown.showMinimum && target ? this.minimum(target) : null,
      step: shown.showGradient && sampler?.lastStep ? lastMove(sampler.lastStep) : null,
      weights: (shown.showWeights && sampler?.point) || null,
    };
  }
}

function lastMove(step: WeightsChangeDetail): { previous: Vec2; weights: Vec2; picked: boolean } {
  return { previous: step.previousPoint, weights: step.point, picked: step.picked };
}
