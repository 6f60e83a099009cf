// A training run as a reversible timeline: seek and step back are exact, and bounded in memory and work.
import {
  createSchedule,
  createVectorOptimizer,
  type Dataset,
  type Model,
  type OptimizerKind,
  type Rows,
  type Sampling,
  type Schedule,
  type ScheduledBatch,
  type Vec2,
  type VectorOptimizer,
  type VectorOptimizerState,
} from '@lossquake/core';
import type { WeightsChangeDetail } from '@lossquake/kit';
import { weightLearner, type Learner } from './learner.js';
import { MoveLog, type MoveRecord } from './move-log.js';

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
  /** What is trained, when not the two weights of `model` (a network on its plane). */
  learner?: Learner;
}

/** A training step (or a pick) as `weights-change` reports it, without the path. */
export type Step = Omit<WeightsChangeDetail, 'path'>;

/** Weights a reader picked at an iteration (after that iteration's step), as the `picks` attribute lists them. */
export interface PickedWeights {
  iteration: number;
  weights: Vec2;
}

/** A step or a reader's pick as `moves` lists them: what the plane shows of it. */
export interface Move {
  iteration: number;
  point: Vec2;
  previousPoint: Vec2;
  /** The batch gradient projected on the plane ([0, 0] for a pick). */
  gradient: Vec2;
  loss: number;
  offPlane: number;
  picked: boolean;
}

/**
 * Iterations between stored optimiser states. Only these (and the iterations of picks) keep a
 * snapshot, so a long run holds a few numbers per step, and any seek into the recorded past
 * replays fewer than this many steps.
 */
export const CHECKPOINT_EVERY = 64;

/**
 * The most work one jump (a seek or a replay) may do, in rows of the logistic model: steps × batch
 * size × P/2 (a network's row costs about P/2 of them). About a second for the logistic model, and
 * spread over slices that yield to the page; past it a jump stops at the last iteration within the
 * budget, so a link or a call can never hold a page for long. A further jump continues from there.
 */
export const MAX_REPLAY_ROWS = 20_000_000;

/** A point of the path, frozen: events hand it out as it is, without a copy per step. */
const frozen = (point: Vec2): Vec2 => Object.freeze([point[0], point[1]] as const);

/** Everything the run needs to continue from one iteration. */
interface Snapshot {
  theta: Float64Array;
  optimizer: VectorOptimizerState;
  pathLength: number;
  step: Step | null;
}

/** Where a jump is going: the iteration, the picks still to make on the way, and the rows it may still train on. */
interface Jump {
  target: number;
  picks: PickedWeights[];
  rowsLeft: number;
}

/**
 * Steps, picks and seeks over one seeded run. Every random choice is in the schedule, which
 * deals the batch of any iteration directly, and the optimiser's state is saved at checkpoints, so
 * the state after step n is restored bit for bit, never approximated.
 *
 * A jump is made in two parts, so a caller can spread a long one over several tasks:
 * `jumpTo`/`replayTo` restore the nearest snapshot at once, `advance` takes the steps left.
 */
export class Timeline {
  readonly model: Model;
  readonly data: Dataset;
  readonly schedule: Schedule;
  /** The weights at iteration 0, where the path starts. */
  readonly initial: Vec2;
  readonly learner: Learner;
  iteration = 0;
  /** Where the parameters are drawn now (the weights themselves for the logistic model). */
  weights: Vec2;
  lastStep: Step | null = null;

  #theta: Float64Array;
  #gradient: Float64Array;
  #optimizer: VectorOptimizer;
  #snapshots = new Map<number, Snapshot>();
  // The state at iteration 0 before any pick: a pick at 0 replaces snapshot 0, a replay starts here.
  #origin: Snapshot;
  // The path length after each recorded iteration (its picks included): index = iteration.
  #pathEnd: number[] = [1];
  // The weights visited on the current branch; entries past #pathLength belong to later steps
  // that a seek back left in place (stepping forward again reproduces them exactly).
  #trail: Vec2[];
  // The step or pick that led to each entry of #trail after the first (move k ends at #trail[k + 1]).
  #moves = new MoveLog();
  #pathLength = 1;
  #path: readonly Vec2[] | null = null;
  #jump: Jump | null = null;

  constructor(options: TimelineOptions) {
    this.model = options.model;
    this.data = options.data;
    this.schedule = createSchedule(options.data.n, options.batchSize, {
      sampling: options.sampling,
      seed: options.seed,
    });
    this.learner = options.learner ?? weightLearner(options.model, options.data, options.initial);
    const { size, start } = this.learner;
    this.#optimizer = createVectorOptimizer(
      options.optimizer,
      { learningRate: options.learningRate },
      size,
    );
    this.#theta = Float64Array.from(start);
    this.#gradient = new Float64Array(size);
    this.weights = this.initial = frozen(this.learner.place(start).point);
    this.#trail = [this.initial];
    this.#origin = this.#snapshot();
    this.#snapshots.set(0, this.#origin);
  }

  /** Every weight visited since the start, oldest first, ending with the current weights. */
  get path(): readonly Vec2[] {
    return (this.#path ??= Object.freeze(this.#trail.slice(0, this.#pathLength)));
  }

  /** The highest iteration whose place on the path is stored (restored with a short replay at most). */
  get recorded(): number {
    return this.#pathEnd.length - 1;
  }

  /** Every parameter now (a copy). */
  get theta(): Float64Array {
    return Float64Array.from(this.#theta);
  }

  /** Where the run was drawn after step `iteration` (and any pick at it), if recorded. */
  weightsAt(iteration: number): Vec2 | null {
    const end = this.#pathEnd[iteration];
    return end === undefined ? null : this.#trail[end - 1]!;
  }

  /**
   * The parameters, and their point, that step `iteration` started from (after any pick at
   * `iteration − 1`), as `batch-change` reports them; the run must have reached `iteration − 1`.
   */
  before(iteration: number): { weights: readonly number[]; point: Vec2 } {
    const step = this.lastStep;
    if (iteration - 1 === this.iteration)
      return { weights: Array.from(this.#theta), point: this.weights };
    if (step && step.iteration === iteration && !step.picked)
      return { weights: step.previous, point: step.previousPoint };
    // Only a pick at `iteration` hides what its step started from: rebuilt from the point, which
    // is exact for the two-weight models and the plane's θ for a network.
    const point = this.weightsAt(iteration - 1) ?? this.weights;
    return { weights: Array.from(this.learner.at(point)), point };
  }

  /** The batch trained on by step `iteration` (1-based); null for iteration 0. */
  batchOf(iteration: number): ScheduledBatch | null {
    return iteration < 1 ? null : this.schedule.at(iteration - 1);
  }

  /** Takes one step on the batch `batchOf(iteration + 1)`. */
  step(): Step {
    const batch = this.schedule.at(this.iteration);
    const { learner } = this;
    const previous = Array.from(this.#theta);
    const previousPoint = this.weights;
    const loss = learner.lossGradient(this.#theta, batch.rows, this.#gradient);
    const planeLoss = learner.planeLoss?.(previousPoint, batch.rows) ?? loss;
    this.#optimizer.step(this.#theta, this.#gradient, this.#theta);
    const placed = learner.place(this.#theta);
    const point = frozen(placed.point);
    const { offPlane } = placed;
    this.iteration++;
    this.weights = point;
    this.lastStep = {
      iteration: this.iteration,
      weights: Array.from(this.#theta),
      previous,
      gradient: Array.from(this.#gradient),
      loss,
      point,
      previousPoint,
      offPlane,
      planeLoss,
      picked: false,
    };
    this.#moves.set(this.#pathLength - 1, this.#move(this.lastStep));
    this.#trail[this.#pathLength++] = point;
    this.#path = null;
    this.#pathEnd[this.iteration] = this.#pathLength;
    if (this.iteration % CHECKPOINT_EVERY === 0)
      this.#snapshots.set(this.iteration, this.#snapshot());
    return this.lastStep;
  }

  /**
   * Moves the weights to `weights` without a step: the iteration stays, the path grows, and every
   * stored state after this iteration is forgotten (the run has branched). `rows` give the loss.
   */
  pick(picked: Vec2, rows: Rows): Step {
    const point = frozen(picked);
    const previous = Array.from(this.#theta);
    const previousPoint = this.weights;
    this.#forgetAfter(this.iteration);
    this.#trail.length = this.#pathLength;
    this.#trail.push(point);
    this.#path = null;
    this.weights = point;
    this.#theta = this.learner.at(point);
    const loss = this.learner.loss(this.#theta, rows);
    this.lastStep = {
      iteration: this.iteration,
      weights: Array.from(this.#theta),
      previous,
      gradient: previous.map(() => 0),
      loss,
      point,
      previousPoint,
      offPlane: 0,
      planeLoss: loss,
      picked: true,
    };
    this.#moves.set(this.#pathLength - 1, this.#move(this.lastStep));
    this.#pathLength++;
    this.#pathEnd[this.iteration] = this.#pathLength;
    this.#snapshots.set(this.iteration, this.#snapshot());
    return this.lastStep;
  }

  /**
   * The steps and picks that led along `path`, oldest first (`moves[k]` ends at `path[k + 1]`);
   * `picked` tells a pick from a training step.
   */
  get moves(): readonly Move[] {
    const moves: Move[] = [];
    for (let k = 0; k < this.#pathLength - 1; k++) {
      const move = this.#moves.at(k);
      moves.push({ ...move, previousPoint: this.#trail[k]!, point: this.#trail[k + 1]! });
    }
    return moves;
  }

  /** The picks on the current path, as `replay` takes them. */
  get picks(): PickedWeights[] {
    return this.moves
      .filter((m) => m.picked)
      .map(({ iteration, point }) => ({ iteration, weights: point }));
  }

  /**
   * From iteration 0, steps to `iteration`, making each of `picks` (in order) once the run reaches
   * its iteration; picks past `iteration` are ignored. The loss of a pick is on the batch of its
   * iteration (all rows at 0), as the sampler reports it. Returns the iteration reached (less than
   * `iteration` when the jump hit MAX_REPLAY_ROWS).
   */
  replay(iteration: number, picks: readonly PickedWeights[] = []): number {
    this.replayTo(iteration, picks);
    return this.#finish();
  }

  /** Restores the state after step `iteration`, replaying the steps not recorded; returns the iteration reached, as `replay` does. */
  seek(iteration: number): number {
    this.jumpTo(iteration);
    return this.#finish();
  }

  /** Starts a replay from the seed (see `replay`); `advance` takes its steps. */
  replayTo(iteration: number, picks: readonly PickedWeights[] = []): void {
    this.#forgetAfter(0);
    this.#snapshots.set(0, this.#origin);
    this.#restore(0);
    const ordered = picks
      .filter((p) => p.iteration <= iteration)
      .sort((a, b) => a.iteration - b.iteration);
    this.#jump = { target: iteration, picks: ordered, rowsLeft: MAX_REPLAY_ROWS };
  }

  /** Starts a seek (see `seek`): the nearest snapshot at or before `iteration` is restored now, `advance` takes the rest. */
  jumpTo(iteration: number): void {
    let from = Math.min(iteration, this.recorded);
    while (!this.#snapshots.has(from)) from--;
    this.#restore(from);
    this.#jump = { target: iteration, picks: [], rowsLeft: MAX_REPLAY_ROWS };
  }

  /**
   * Takes the steps of the jump in progress until it is done or `enough()` says to stop for now
   * (asked between steps). Returns true when no jump is left: done, or stopped at its work budget.
   */
  advance(enough: () => boolean = () => false): boolean {
    const jump = this.#jump;
    if (!jump) return true;
    // A row of a network costs about P/2 of the logistic model's two weights.
    const rowsPerStep = this.schedule.batchSize * Math.max(1, this.learner.size / 2);
    while (jump.picks.length || this.iteration < jump.target) {
      const pick = jump.picks[0];
      if (pick && pick.iteration === this.iteration) {
        jump.picks.shift();
        this.pick(pick.weights, this.batchOf(this.iteration)?.rows ?? 'all');
        continue;
      }
      if (jump.rowsLeft < rowsPerStep) break;
      if (enough()) return false;
      jump.rowsLeft -= rowsPerStep;
      this.step();
    }
    this.#jump = null;
    return true;
  }

  /** The iteration the jump in progress is going to; null when none is. */
  get jumping(): number | null {
    return this.#jump?.target ?? null;
  }

  #finish(): number {
    this.advance();
    return this.iteration;
  }

  /** A move keeps what the plane shows, not all P parameters: a long run stays small. */
  #move(step: Step): MoveRecord {
    const { iteration, loss, offPlane, picked } = step;
    const gradient = picked ? ([0, 0] as const) : this.learner.planeVector(this.#gradient);
    return { iteration, loss, offPlane, gradient, picked };
  }

  #snapshot(): Snapshot {
    return {
      theta: Float64Array.from(this.#theta),
      optimizer: this.#optimizer.save(),
      pathLength: this.#pathLength,
      step: this.lastStep,
    };
  }

  /** Forgets what was recorded after `iteration`: that future belongs to another branch. */
  #forgetAfter(iteration: number): void {
    this.#pathEnd.length = iteration + 1;
    for (const at of this.#snapshots.keys()) if (at > iteration) this.#snapshots.delete(at);
  }

  #restore(iteration: number): void {
    const snapshot = this.#snapshots.get(iteration)!;
    this.iteration = iteration;
    this.#theta = Float64Array.from(snapshot.theta);
    this.weights = frozen(this.learner.place(this.#theta).point);
    this.#optimizer.restore(snapshot.optimizer);
    this.#pathLength = snapshot.pathLength;
    this.#path = null;
    this.lastStep = snapshot.step;
    this.#jump = null;
  }
}
