// Training a network on all P parameters: one step, and the seeded run ahead the PCA plane needs.

import { createVectorOptimizer, type OptimizerKind, type VectorOptimizer } from '../optimizer.js';
import { createSchedule } from '../schedule.js';
import type { Dataset, Sampling } from '../types.js';
import type { Network } from './mlp.js';

/**
 * One step: the batch's mean gradient at θ (backprop), then the optimiser's update of θ in place.
 * Returns the batch's loss at θ before the step. `gradient` is the caller's scratch (length P), so
 * a sampler stepping live allocates nothing.
 */
export function stepNetwork(
  network: Network,
  data: Dataset,
  theta: Float64Array,
  rows: ArrayLike<number>,
  optimizer: VectorOptimizer,
  gradient: Float64Array,
): number {
  const loss = network.batchLossGradient(theta, data, rows, gradient);
  optimizer.step(theta, gradient, theta);
  return loss;
}

export interface TrainPathOptions {
  network: Network;
  data: Dataset;
  batchSize: number;
  /** Default 'epoch'. */
  sampling?: Sampling;
  /** Seeds the schedule, and the initial weights when `start` is absent (default 1). */
  seed?: number;
  /** Default 'sgd'. */
  optimizer?: OptimizerKind;
  learningRate: number;
  /** Steps to take, T. */
  iterations: number;
  /** θ₀ (copied); default network.initialise(seed). */
  start?: ArrayLike<number>;
}

/**
 * θ₀ .. θ_T of a seeded run: the batches of createSchedule(n, batchSize, {sampling, seed}) in
 * order, each through `stepNetwork`, so a sampler taking the same steps one at a time lands on
 * the same weights bit for bit.
 */
export function trainPath(options: TrainPathOptions): Float64Array[] {
  const { network, data, batchSize, learningRate, iterations } = options;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(iterations) || iterations < 0) {
    throw new RangeError(`trainPath: iterations must be an integer ≥ 0, got ${iterations}`);
  }
  const theta = options.start ? Float64Array.from(options.start) : network.initialise(seed);
  if (theta.length !== network.size) {
    throw new RangeError(
      `trainPath: start must have the network's ${network.size} parameters, got ${theta.length}`,
    );
  }
  const schedule = createSchedule(data.n, batchSize, {
    sampling: options.sampling ?? 'epoch',
    seed,
  });
  const optimizer = createVectorOptimizer(
    options.optimizer ?? 'sgd',
    { learningRate },
    network.size,
  );
  const gradient = new Float64Array(network.size);
  const path = [Float64Array.from(theta)];
  for (let t = 0; t < iterations; t++) {
    stepNetwork(network, data, theta, schedule.next().value.rows, optimizer, gradient);
    path.push(Float64Array.from(theta));
  }
  return path;
}
