// A training run as a reversible timeline: the state after every step is kept, so seek and step back are exact.
import {
  batchGradient,
  batchLoss,
  createOptimizer,
  createSchedule,
  type Dataset,
  type Model,
  type Optimizer,
  type OptimizerKind,
  type OptimizerState,
  type Rows,
  type Sampling,
  type Schedule,
  type ScheduledBatch,
  type Vec2,
} from '@lossquake/core';

export interface TimelineOptions {
  model: Model;
  data: Dataset;
  batchSize: number;
  sampling: Sampling;
  seed: number;
  optimizer: OptimizerKind;
  learningRate: number;
  /** The weights at iteration 0. */
  initial: Vec2;
}

/** A training step (or a pick) as `weights-change` reports it, without the path. */
export interface Step {
  iteration: number;
  weights: Vec2;
  previous: Vec2;
  gradient: Vec2;
  loss: number;
}

/** Weights a reader picked at an iteration (after that iteration's step), as the `picks` attribute lists them. */
export interface PickedWeights {
  iteration: number;
  weights: Vec2;
}

/** A step or a reader's pick, as `moves` lists them. */
export interface Move {
  step: Step;
  picked: boolean;
}

/** Everything the run needs to continue from one iteration; a few numbers per step. */
interface Snapshot {
  weights: Vec2;
  optimizer: OptimizerState;
  pathLength: number;
  step: Step | null;
}

/**
 * Steps, picks and seeks over one seeded run. Every random choice is in the schedule, which
 * deals the batch of any iteration directly, and the optimiser's state is saved after each step,
 * so the state after step n is restored bit for bit, never approximated.
 */
export class Timeline {
  readonly model: Model;
  readonly data: Dataset;
  readonly schedule: Schedule;
  /** The weights at iteration 0, where the path starts. */
  readonly initial: Vec2;
  iteration = 0;
  weights: Vec2;
  lastStep: Step | null = null;

  #optimizer: Optimizer;
  #snapshots: Snapshot[] = [];
  #origin: Snapshot;
  // The weights visited on the current branch; entries past #pathLength belong to later steps
  // that a seek back left in place (stepping forward again reproduces them exactly).
  #trail: Vec2[];
  // The step or pick that led to each entry of #trail after the first (#moves[k] ends at #trail[k + 1]).
  #moves: Move[] = [];
  #pathLength = 1;
  #path: readonly Vec2[] | null = null;

  constructor(options: TimelineOptions) {
    this.model = options.model;
    this.data = options.data;
    this.schedule = createSchedule(options.data.n, options.batchSize, {
      sampling: options.sampling,
      seed: options.seed,
    });
    this.#optimizer = createOptimizer(options.optimizer, { learningRate: options.learningRate });
    this.weights = this.initial = options.initial;
    this.#trail = [options.initial];
    this.#snapshots[0] = this.#origin = this.#snapshot();
  }

  /** Every weight visited since the start, oldest first, ending with the current weights. */
  get path(): readonly Vec2[] {
    return (this.#path ??= Object.freeze(this.#trail.slice(0, this.#pathLength)));
  }

  /** The highest iteration whose state is stored (reachable without replay). */
  get recorded(): number {
    return this.#snapshots.length - 1;
  }

  /** The weights the run held after step `iteration` (and any pick at it), if stored. */
  weightsAt(iteration: number): Vec2 | null {
    return this.#snapshots[iteration]?.weights ?? null;
  }

  /** The batch trained on by step `iteration` (1-based); null for iteration 0. */
  batchOf(iteration: number): ScheduledBatch | null {
    return iteration < 1 ? null : this.schedule.at(iteration - 1);
  }

  /** Takes one step on the batch `batchOf(iteration + 1)`. */
  step(): Step {
    const batch = this.schedule.at(this.iteration);
    const previous = this.weights;
    const gradient = batchGradient(this.model, this.data, batch.rows, previous);
    const loss = batchLoss(this.model, this.data, batch.rows, previous);
    const weights = this.#optimizer.step(previous, gradient);
    this.iteration++;
    this.weights = weights;
    this.lastStep = { iteration: this.iteration, weights, previous, gradient, loss };
    this.#moves[this.#pathLength - 1] = { step: this.lastStep, picked: false };
    this.#trail[this.#pathLength++] = weights;
    this.#path = null;
    this.#snapshots[this.iteration] = this.#snapshot();
    return this.lastStep;
  }

  /**
   * Moves the weights to `weights` without a step: the iteration stays, the path grows, and every
   * stored state after this iteration is forgotten (the run has branched). `rows` give the loss.
   */
  pick(weights: Vec2, rows: Rows): Step {
    const previous = this.weights;
    this.#snapshots.length = this.iteration + 1;
    this.#trail.length = this.#pathLength;
    this.#trail.push(weights);
    this.#path = null;
    this.weights = weights;
    const loss = batchLoss(this.model, this.data, rows, weights);
    this.lastStep = { iteration: this.iteration, weights, previous, gradient: [0, 0], loss };
    this.#moves.length = this.#pathLength - 1;
    this.#moves.push({ step: this.lastStep, picked: true });
    this.#pathLength++;
    this.#snapshots[this.iteration] = this.#snapshot();
    return this.lastStep;
  }

  /**
   * The steps and picks that led along `path`, oldest first (`moves[k]` ends at `path[k + 1]`);
   * `picked` tells a pick from a training step.
   */
  get moves(): readonly Move[] {
    return this.#moves.slice(0, this.#pathLength - 1);
  }

  /** The picks on the current path, as `replay` takes them. */
  get picks(): PickedWeights[] {
    return this.moves
      .filter((m) => m.picked)
      .map(({ step }) => ({ iteration: step.iteration, weights: step.weights }));
  }

  /**
   * From iteration 0, steps to `iteration`, making each of `picks` (in order) once the run reaches
   * its iteration; picks past `iteration` are ignored. The loss of a pick is on the batch of its
   * iteration (all rows at 0), as the sampler reports it.
   */
  replay(iteration: number, picks: readonly PickedWeights[] = []): void {
    this.#snapshots.length = 1;
    this.#snapshots[0] = this.#origin;
    this.#restore(0, this.#origin);
    for (const { iteration: at, weights } of [...picks].sort((a, b) => a.iteration - b.iteration)) {
      if (at > iteration) break;
      while (this.iteration < at) this.step();
      this.pick(weights, this.batchOf(at)?.rows ?? 'all');
    }
    while (this.iteration < iteration) this.step();
  }

  /** Restores the state after step `iteration`, replaying the steps not yet taken. */
  seek(iteration: number): void {
    const stored = Math.min(iteration, this.recorded);
    // Every iteration up to `recorded` has its snapshot.
    this.#restore(stored, this.#snapshots[stored]!);
    while (this.iteration < iteration) this.step();
  }

  #snapshot(): Snapshot {
    return {
      weights: this.weights,
      optimizer: this.#optimizer.save(),
      pathLength: this.#pathLength,
      step: this.lastStep,
    };
  }

  #restore(iteration: number, snapshot: Snapshot): void {
    this.iteration = iteration;
    this.weights = snapshot.weights;
    this.#optimizer.restore(snapshot.optimizer);
    this.#pathLength = snapshot.pathLength;
    this.#path = null;
    this.lastStep = snapshot.step;
  }
}
