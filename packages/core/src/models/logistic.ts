// The seed's model: logistic regression on two inputs with two weights and no bias.

import type { Model } from '../model.js';
import { sigmoid, softplus } from '../softplus.js';
import { accumulateLogisticGrid } from './logistic-grid.js';

/**
 * Cross-entropy of logistic regression without a bias, z = x·w:
 * L = (1 − y)·z + ln(1 + e^−z) = softplus((1 − 2y)·z) for y in {0, 1}, and ∇L = (σ(z) − y)·x.
 *
 * The default start (15, 15) lies high on the blobs' plateau, far from their minimum near
 * (−0.1, −0.9): the path crosses most of the [−20, 20]² window. With learning rate 1 and batch size 10, SGD
 * reaches the minimum's basin within about 50 steps and then jitters around it.
 */
export const logistic: Model = {
  name: 'logistic',
  loss(x1, x2, y, w1, w2) {
    const z = x1 * w1 + x2 * w2;
    return softplus(y ? -z : z);
  },
  gradient(x1, x2, y, w1, w2, out = new Float64Array(2)) {
    const residual = sigmoid(x1 * w1 + x2 * w2) - y;
    out[0] = residual * x1;
    out[1] = residual * x2;
    return out;
  },
  defaultWeights: [15, 15],
  defaultLearningRate: 1,
  accumulateGrid: accumulateLogisticGrid,
};
