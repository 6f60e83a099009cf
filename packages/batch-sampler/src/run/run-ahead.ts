// A network's run ahead (the seeded training its plane is laid through), trained once per page for
// the same data and training settings, and its PCA plane computed once: samplers that share them (a
// figure's pair, the same run on another plane) and a sampler whose plane, window or resolution
// changes reuse it. At the docs' 300 steps a run is 60–80 ms of the main thread and its PCA 30 ms.
import { pcaPlane, trainPath, type Network, type Plane } from '@lossquake/core';
import type { NetworkRunOptions } from './network-plane.js';

/**
 * The run ahead trains on at most this many rows (steps × batch size): about a second. A longer
 * run is planned on its first steps; the sampler can still train past them.
 */
export const MAX_AHEAD_ROWS = 2_000_000;

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
/** Runs ahead trained on this page, least recently used first. */
const trained: TrainedRun[] = [];
/** What the kept runs may hold at most (the newest is kept whatever its size). */
const TRAINED_BYTES = 32 * 2 ** 20;
/** The PCA plane of each kept path. */
const pcaPlanes = new WeakMap<readonly Float64Array[], Plane>();

/** The run ahead of `options` (θ_0 … θ_T, and θ_0 on its own): trained now unless kept. */
export function runAhead(
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

/** The PCA plane of a kept path (a copy: a page that alters a sampler's plane alters only its own). */
export function pathPlane(path: readonly Float64Array[]): Plane {
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
