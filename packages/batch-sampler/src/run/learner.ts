// What a timeline trains: a parameter vector θ, and the point of the views' plane it is drawn at.
// The logistic model's θ is its two weights and its plane the identity; a network's θ has P
// parameters and is drawn on a plane through weight space (see @lossquake/core's Plane).
import {
  batchGradient,
  batchLoss,
  planePoint,
  project,
  resolveRows,
  type Dataset,
  type Model,
  type Network,
  type Plane,
  type Rows,
  type Vec2,
} from '@lossquake/core';

export interface Learner {
  /** P, the number of parameters. */
  readonly size: number;
  /** θ at iteration 0. */
  readonly start: Float64Array;
  /** The rows' mean loss at θ, with their mean gradient written into `gradient` (length P). */
  lossGradient(theta: Float64Array, rows: Rows, gradient: Float64Array): number;
  /** The rows' mean loss at θ. */
  loss(theta: Float64Array, rows: Rows): number;
  /**
   * The rows' mean loss at a point of the plane: what the landscape shows there. Absent where the
   * plane is the weights themselves, so it equals `loss` and is not computed twice.
   */
  planeLoss?(point: Vec2, rows: Rows): number;
  /** Where θ is drawn, and how far it lies off the plane (0 for the logistic model). */
  place(theta: Float64Array): { point: Vec2; offPlane: number };
  /** θ at a point of the plane: where a reader's pick moves the run. */
  at(point: Vec2): Float64Array;
  /** A gradient as the plane shows it: its least-squares projection onto the plane's directions. */
  planeVector(gradient: Float64Array): Vec2;
}

/** The two-weight models (the seed's logistic regression): θ is the weights, the plane the identity. */
export function weightLearner(model: Model, data: Dataset, initial: Vec2): Learner {
  const weights = (theta: Float64Array): Vec2 => [theta[0]!, theta[1]!];
  return {
    size: 2,
    start: Float64Array.of(initial[0], initial[1]),
    lossGradient(theta, rows, gradient) {
      const w = weights(theta);
      gradient.set(batchGradient(model, data, rows, w));
      return batchLoss(model, data, rows, w);
    },
    loss: (theta, rows) => batchLoss(model, data, rows, weights(theta)),
    place: (theta) => ({ point: weights(theta), offPlane: 0 }),
    at: (point) => Float64Array.of(point[0], point[1]),
    planeVector: (gradient) => weights(gradient),
  };
}

/**
 * A network trained on all its P parameters and drawn on `plane`; `onPlane` is the network seen
 * through the plane (core's planeModel), which gives the plane's losses.
 */
export function networkLearner(
  network: Network,
  data: Dataset,
  plane: Plane,
  onPlane: Model,
  start: Float64Array,
): Learner {
  const shifted = new Float64Array(network.size);
  return {
    size: network.size,
    start,
    lossGradient: (theta, rows, gradient) => network.batchLossGradient(theta, data, rows, gradient),
    loss(theta, rows) {
      const indices = resolveRows(data, rows);
      let sum = 0;
      for (let k = 0; k < indices.length; k++) sum += network.rowLoss(theta, data, indices[k]!);
      return sum / indices.length;
    },
    planeLoss: (point, rows) => batchLoss(onPlane, data, rows, point),
    place(theta) {
      const { point, offPlane } = project(plane, theta);
      return { point: [point[0], point[1]], offPlane };
    },
    at: (point) => planePoint(plane, point[0], point[1], new Float64Array(network.size)),
    planeVector(gradient) {
      // project() measures from the origin, so a vector is projected as origin + vector.
      for (let k = 0; k < shifted.length; k++) shifted[k] = plane.origin[k]! + gradient[k]!;
      const { point } = project(plane, shifted);
      return [point[0], point[1]];
    },
  };
}
