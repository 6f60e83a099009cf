// A network's run, seen on a plane: the seeded run ahead, the plane it lies in (or a random one),
// and the window that holds the projected path. All of it is fast next to the per-row table.
import {
  createNetwork,
  pcaPlane,
  planeModel,
  project,
  randomPlane,
  trainPath,
  type Activation,
  type Dataset,
  type Model,
  type Network,
  type OptimizerKind,
  type Plane,
  type Sampling,
} from '@lossquake/core';
import { networkLearner, type Learner } from './learner.js';

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

/**
 * The run ahead trains on at most this many rows (steps × batch size): about a second. A longer
 * run is planned on its first steps; the sampler can still train past them.
 */
export const MAX_AHEAD_ROWS = 2_000_000;

/** The share of the path's span added on each side of the window. */
const MARGIN = 0.25;

/** Trains the run ahead once and lays the plane through its end (Li et al. 2018, section 7). */
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

/**
 * Runs ahead trained on this page, least recently used first. Samplers that share data and training
 * (a figure's pair, another plane of the same run) and a sampler whose plane, window or resolution
 * changed train once: at the docs' 300 steps a run is 60–80 ms and its PCA 30 ms of the main thread.
 */
interface TrainedRun {
  /** The training settings, as a string. */
  key: string;
  /** The data it trained on, copied: a hit needs equal numbers, not the same object. */
  x: Float64Array;
  y: Uint8Array;
  start: Float64Array;
  path: Float64Array[];
  bytes: number;
}
const trained: TrainedRun[] = [];
/** What the kept runs may hold at most (the newest is kept whatever its size). */
const TRAINED_BYTES = 32 * 2 ** 20;
/** The PCA plane of each kept path: copied out, so a page that alters a sampler's plane alters only its own. */
const pcaPlanes = new WeakMap<readonly Float64Array[], Plane>();

function runAhead(
  network: Network,
  options: NetworkRunOptions,
): { start: Float64Array; path: Float64Array[] } {
  const { data, seed, batchSize } = options;
  const iterations = Math.max(
    1,
    Math.min(options.iterations, Math.floor(MAX_AHEAD_ROWS / batchSize)),
  );
  const { layers, activation, sampling, optimizer, learningRate } = options;
  const settings = [layers, activation, seed, batchSize, sampling, optimizer, learningRate];
  const key = JSON.stringify([network.inputs, ...settings, iterations]);
  const at = trained.findIndex(
    (run) => run.key === key && sameNumbers(run.x, data.x) && sameNumbers(run.y, data.y),
  );
  if (at >= 0) {
    const [run] = trained.splice(at, 1);
    trained.push(run!);
    return run!;
  }
  const start = network.initialise(seed);
  const path = trainPath({
    network,
    data,
    batchSize,
    sampling,
    seed,
    optimizer,
    learningRate,
    iterations,
    start,
  });
  const bytes = path.length * network.size * Float64Array.BYTES_PER_ELEMENT;
  trained.push({
    key,
    x: Float64Array.from(data.x),
    y: Uint8Array.from(data.y),
    start,
    path,
    bytes,
  });
  let kept = trained.reduce((sum, run) => sum + run.bytes, 0);
  while (trained.length > 1 && kept > TRAINED_BYTES) kept -= trained.shift()!.bytes;
  return { start, path };
}

function pathPlane(path: readonly Float64Array[]): Plane {
  let plane = pcaPlanes.get(path);
  if (!plane) pcaPlanes.set(path, (plane = pcaPlane(path)));
  return {
    ...plane,
    origin: Float64Array.from(plane.origin),
    directions: [Float64Array.from(plane.directions[0]), Float64Array.from(plane.directions[1])],
    labels: [plane.labels[0], plane.labels[1]],
    ...(plane.explained && { explained: [plane.explained[0], plane.explained[1]] }),
  };
}

function sameNumbers(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (!Object.is(a[k], b[k])) return false;
  return true;
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
