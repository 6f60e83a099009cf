// A network's run, seen on a plane: the seeded run ahead, the plane it lies in (or a random one),
// and the window that holds the projected path. All of it is fast next to the per-row table.
import {
  createNetwork,
  planeModel,
  project,
  randomPlane,
  type Activation,
  type Dataset,
  type Model,
  type Network,
  type OptimizerKind,
  type Plane,
  type Sampling,
} from '@lossquake/core';
import { networkLearner, type Learner } from './learner.js';
import { pathPlane, runAhead } from './run-ahead.js';

export type PlaneKind = 'pca' | 'random';

export interface NetworkRunOptions {
  data: Dataset;
  layers: readonly number[];
  activation: Activation;
  /** Which plane to lay, or a plane given (another run's), used as it is when it fits. */
  plane: PlaneKind | Plane;
  seed: number;
  batchSize: number;
  sampling: Sampling;
  optimizer: OptimizerKind;
  learningRate: number;
  /** How far the run ahead goes: the sampler's `max-iterations`. */
  iterations: number;
}

export interface NetworkRun {
  network: Network;
  /** The run ahead, θ_0 … θ_T: shared by every run with the same data and training (read only). */
  ahead: readonly Float64Array[];
  plane: Plane;
  /** The network seen through the plane: a two-weight Model over plane coordinates (core's planeModel). */
  model: Model;
  learner: Learner;
  /** The window: for `pca` a square around the projected run ahead with a margin; for `random` Li et al.'s [−1, 1]²: [a0, a1, b0, b1]. */
  extent: [number, number, number, number];
}

/** The share of the path's span added on each side of the window. */
const MARGIN = 0.25;

/** The run ahead (trained once per page, run-ahead.ts) and the plane through its end (Li et al. 2018, section 7). */
export function networkRun(options: NetworkRunOptions): NetworkRun {
  const { data, seed } = options;
  const network = createNetwork({
    inputs: data.d ?? 2,
    layers: options.layers,
    activation: options.activation,
  });
  const { start, path } = runAhead(network, options);
  const end = path[path.length - 1]!;
  const given = typeof options.plane === 'object' ? options.plane : null;
  const plane =
    given && given.origin.length === network.size
      ? given
      : options.plane === 'random'
        ? randomPlane(network, end, seed)
        : pathPlane(path);
  const model = planeModel(network, plane);
  return {
    network,
    ahead: path,
    plane,
    model,
    learner: networkLearner(network, data, plane, model, start),
    // A random plane's directions are filter-normalised, scaled like the weights themselves: Li et
    // al. draw them over α, β ∈ [−1, 1], where the landscape around θ_final shows. The path hardly
    // moves on such a plane (that is its lesson), so fitting the window to it would show nothing.
    extent:
      plane.kind === 'random'
        ? [-1, 1, -1, 1]
        : fitWindow(path.map((theta) => project(plane, theta).point)),
  };
}

/** A square window (equal spans, so distances on the plane look true) around `points`. */
function fitWindow(points: readonly (readonly [number, number])[]): NetworkRun['extent'] {
  let [a0, a1, b0, b1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [a, b] of points) {
    a0 = Math.min(a0, a);
    a1 = Math.max(a1, a);
    b0 = Math.min(b0, b);
    b1 = Math.max(b1, b);
  }
  // The end of the run is the plane's origin, so the window always holds (0, 0).
  a0 = Math.min(a0, 0);
  a1 = Math.max(a1, 0);
  b0 = Math.min(b0, 0);
  b1 = Math.max(b1, 0);
  const half = Math.max(a1 - a0, b1 - b0, 1e-3) * (0.5 + MARGIN);
  const [ca, cb] = [(a0 + a1) / 2, (b0 + b1) / 2];
  return [ca - half, ca + half, cb - half, cb + half];
}
