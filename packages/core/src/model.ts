// What a model must provide for lossquake to draw and train it: a per-sample loss and gradient.

import type { Dataset, Grid, Vec2 } from './types.js';

/**
 * A model with two weights and a per-sample loss. A batch's loss is the mean of its rows' losses,
 * and its gradient the mean of their gradients.
 */
export interface Model {
  /** The name the sampler's `model` attribute uses. */
  readonly name: string;
  /** The loss of one sample (x1, x2) with label y at weights (w1, w2). */
  loss: (x1: number, x2: number, y: number, w1: number, w2: number) => number;
  /**
   * The gradient of that loss with respect to (w1, w2), written into `out` (a new Float64Array(2)
   * when omitted) and returned, so batch loops need not allocate.
   */
  gradient: (
    x1: number,
    x2: number,
    y: number,
    w1: number,
    w2: number,
    out?: Float64Array,
  ) => Float64Array;
  /**
   * Optional row-indexed loss, used instead of `loss` by every per-row loop when present: row r of
   * `data` may have any number of features (a network's d), which `loss(x1, x2, …)` cannot carry.
   */
  rowLoss?: (data: Dataset, r: number, w1: number, w2: number) => number;
  /** Optional row-indexed gradient with respect to (w1, w2), as `rowLoss` is to `loss`. */
  rowGradient?: (
    data: Dataset,
    r: number,
    w1: number,
    w2: number,
    out?: Float64Array,
  ) => Float64Array;
  /** Where training starts unless the page says otherwise. */
  readonly defaultWeights: Vec2;
  /** A step size that trains visibly with plain SGD on the built-in data sets. */
  readonly defaultLearningRate: number;
  /**
   * Optional fast path for `lossGrid`: adds each listed row's loss at every grid point to
   * `sums[j * size + i]`. It must agree with `loss` to 1e-6 relative; models without it are
   * evaluated point by point.
   */
  accumulateGrid?: (data: Dataset, rows: ArrayLike<number>, grid: Grid, sums: Float64Array) => void;
}
