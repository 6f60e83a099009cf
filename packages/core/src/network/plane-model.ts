// A network seen through a plane: a 2-weight Model whose weights are plane coordinates (a, b), so
// lossGrid, batchLoss, batchGradient, varianceMap and theory work on it unchanged.

import { featureCount } from '../dataset.js';
import { sameGrid } from '../lookup.js';
import type { Model } from '../model.js';
import type { Dataset, Grid } from '../types.js';
import type { Network } from './mlp.js';
import { planePoint, type Plane } from './plane.js';
import { accumulatePlaneGrid, accumulateTableRows, type RowTable } from './row-table.js';

/** The learning rate the sampler starts a network with unless the page sets one (Adam-sized). */
export const NETWORK_LEARNING_RATE = 0.03;

/**
 * loss(a, b) is the network's exact loss at planePoint(a, b); gradient(a, b) is its gradient
 * projected on the directions, (∇L·d1, ∇L·d2) (the chain rule through θ(a, b)). The row-indexed
 * members read any number of features; `loss`/`gradient` take (x1, x2) and so need a 2-input
 * network. With `table` (built for the data set the model is used with), landscapes on the
 * table's grid are sums of table rows; any other grid is computed.
 */
export function planeModel(network: Network, plane: Plane, table?: RowTable): Model {
  if (plane.origin.length !== network.size) {
    throw new RangeError(
      `planeModel: the plane has ${plane.origin.length} weights, the network ${network.size}`,
    );
  }
  const [d1, d2] = plane.directions;
  const theta = new Float64Array(network.size);
  const full = new Float64Array(network.size);
  const one = new Uint32Array(1);
  const pair: Dataset = { n: 1, x: new Float64Array(2), y: new Uint8Array(1) };
  // θ is rebuilt only when (a, b) changes: a landscape asks for every row at one point in turn.
  let atA = NaN;
  let atB = NaN;
  function at(a: number, b: number): Float64Array {
    if (a !== atA || b !== atB) {
      planePoint(plane, a, b, theta);
      atA = a;
      atB = b;
    }
    return theta;
  }
  function projected(out: Float64Array): Float64Array {
    let ga = 0;
    let gb = 0;
    for (let k = 0; k < full.length; k++) {
      ga += full[k]! * d1[k]!;
      gb += full[k]! * d2[k]!;
    }
    out[0] = ga;
    out[1] = gb;
    return out;
  }
  function pairOf(x1: number, x2: number, y: number): Dataset {
    if (network.inputs !== 2) {
      throw new RangeError(
        `the mlp model takes ${network.inputs} features per row; use its row-indexed members`,
      );
    }
    pair.x[0] = x1;
    pair.x[1] = x2;
    pair.y[0] = y;
    return pair;
  }

  return {
    name: 'mlp',
    loss: (x1, x2, y, a, b) => network.rowLoss(at(a, b), pairOf(x1, x2, y), 0),
    gradient(x1, x2, y, a, b, out = new Float64Array(2)) {
      one[0] = 0;
      network.batchLossGradient(at(a, b), pairOf(x1, x2, y), one, full);
      return projected(out);
    },
    rowLoss: (data, r, a, b) => network.rowLoss(at(a, b), data, r),
    rowGradient(data, r, a, b, out = new Float64Array(2)) {
      one[0] = r;
      network.batchLossGradient(at(a, b), data, one, full);
      return projected(out);
    },
    defaultWeights: [0, 0],
    defaultLearningRate: NETWORK_LEARNING_RATE,
    accumulateGrid(data: Dataset, rows: ArrayLike<number>, grid: Grid, sums: Float64Array) {
      const cells = grid.size * grid.size;
      if (table && sameGrid(table.grid, grid) && table.values.length === data.n * cells) {
        accumulateTableRows(table.values, rows, cells, sums);
      } else {
        if (featureCount(data) !== network.inputs) {
          throw new RangeError(
            `the mlp model takes ${network.inputs} features per row, the data has ${featureCount(data)}`,
          );
        }
        accumulatePlaneGrid(network, data, plane, grid, rows, sums);
      }
    },
  };
}
