// The update rules that turn a batch's gradient into a step of the weights.

import type { Vec2 } from './types.js';

export type OptimizerKind = 'sgd' | 'momentum' | 'nesterov' | 'adam';

export interface OptimizerOptions {
  learningRate: number;
  /** Momentum coefficient, or Adam's β1 (default 0.9). */
  beta?: number;
  /** Adam's β2 (default 0.999). */
  beta2?: number;
  /** Adam's ε (default 1e-8). */
  epsilon?: number;
}

/**
 * Everything an optimiser carries between steps, as plain numbers: `t` steps taken, `m` the
 * momentum buffer or Adam's first moment, `v` Adam's second moment.
 */
export interface OptimizerState {
  readonly t: number;
  readonly m: Vec2;
  readonly v: Vec2;
}

export interface Optimizer {
  readonly kind: OptimizerKind;
  readonly learningRate: number;
  /** The weights after one step against `gradient`; updates the internal state. */
  step(w: Vec2, gradient: Vec2): Vec2;
  /** Forgets all state, as if no step had been taken. */
  reset(): void;
  save(): OptimizerState;
  restore(state: OptimizerState): void;
}

export const optimizerKinds: readonly OptimizerKind[] = ['sgd', 'momentum', 'nesterov', 'adam'];

/** A vector optimiser's state as plain arrays (copies), so a timeline can keep one per step. */
export interface VectorOptimizerState {
  readonly t: number;
  readonly m: readonly number[];
  readonly v: readonly number[];
}

/** The same update rules on a weight vector of any length (a network's P parameters). */
export interface VectorOptimizer {
  readonly kind: OptimizerKind;
  readonly learningRate: number;
  /** How many weights it steps. */
  readonly length: number;
  /**
   * Writes the weights after one step against `gradient` into `out` (a new array when omitted; it
   * may be `w` itself, for a step in place) and returns it; updates the internal state.
   */
  step(w: ArrayLike<number>, gradient: ArrayLike<number>, out?: Float64Array): Float64Array;
  /** Forgets all state, as if no step had been taken. */
  reset(): void;
  save(): VectorOptimizerState;
  restore(state: VectorOptimizerState): void;
}

function checkOptions(
  where: string,
  kind: OptimizerKind,
  options: OptimizerOptions,
): Required<OptimizerOptions> {
  if (!optimizerKinds.includes(kind)) {
    throw new RangeError(
      `${where}: unknown kind '${String(kind)}' (expected ${optimizerKinds.join(', ')})`,
    );
  }
  const { learningRate, beta = 0.9, beta2 = 0.999, epsilon = 1e-8 } = options;
  if (!Number.isFinite(learningRate) || learningRate <= 0)
    throw new RangeError(`${where}: learningRate must be > 0, got ${learningRate}`);
  for (const [name, value] of [
    ['beta', beta],
    ['beta2', beta2],
  ] as const) {
    if (!(value >= 0 && value < 1))
      throw new RangeError(`${where}: ${name} must be in [0, 1), got ${value}`);
  }
  if (!(epsilon > 0 && Number.isFinite(epsilon))) {
    throw new RangeError(`${where}: epsilon must be > 0, got ${epsilon}`);
  }
  return { learningRate, beta, beta2, epsilon };
}

/**
 * - sgd: w ← w − lr·g
 * - momentum (PyTorch, no dampening): m ← β·m + g (m = g on the first step), w ← w − lr·m
 * - nesterov (PyTorch): m ← β·m + g, w ← w − lr·(g + β·m)
 * - adam (Kingma & Ba, bias-corrected): m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g²,
 *   w ← w − lr·m̂ / (√v̂ + ε) with m̂ = m / (1 − β1^t), v̂ = v / (1 − β2^t)
 *
 * Each weight's update reads only its own w, g, m and v, so `out` may alias `w`.
 */
export function createVectorOptimizer(
  kind: OptimizerKind,
  options: OptimizerOptions,
  length: number,
  where = 'createVectorOptimizer',
): VectorOptimizer {
  const { learningRate: lr, beta, beta2, epsilon } = checkOptions(where, kind, options);
  if (!Number.isInteger(length) || length < 1)
    throw new RangeError(`${where}: length must be a positive integer, got ${length}`);
  let t = 0;
  const m = new Float64Array(length);
  const v = new Float64Array(length);

  function step(
    w: ArrayLike<number>,
    g: ArrayLike<number>,
    out = new Float64Array(length),
  ): Float64Array {
    if (w.length !== length || g.length !== length || out.length !== length) {
      throw new RangeError(
        `optimizer.step: weights, gradient and out must have ${length} values, got ${w.length}, ${g.length}, ${out.length}`,
      );
    }
    t++;
    switch (kind) {
      case 'sgd':
        for (let k = 0; k < length; k++) out[k] = w[k]! - lr * g[k]!;
        break;
      case 'momentum':
        for (let k = 0; k < length; k++) {
          m[k] = beta * m[k]! + g[k]!;
          out[k] = w[k]! - lr * m[k]!;
        }
        break;
      case 'nesterov':
        for (let k = 0; k < length; k++) {
          m[k] = beta * m[k]! + g[k]!;
          out[k] = w[k]! - lr * (g[k]! + beta * m[k]!);
        }
        break;
      case 'adam': {
        const c1 = 1 - beta ** t;
        const c2 = 1 - beta2 ** t;
        for (let k = 0; k < length; k++) {
          const gk = g[k]!;
          m[k] = beta * m[k]! + (1 - beta) * gk;
          v[k] = beta2 * v[k]! + (1 - beta2) * gk * gk;
          out[k] = w[k]! - (lr * (m[k]! / c1)) / (Math.sqrt(v[k]! / c2) + epsilon);
        }
        break;
      }
    }
    return out;
  }

  return {
    kind,
    learningRate: lr,
    length,
    step,
    reset() {
      t = 0;
      m.fill(0);
      v.fill(0);
    },
    save: () => ({ t, m: Array.from(m), v: Array.from(v) }),
    restore(state) {
      if (state.m.length !== length || state.v.length !== length) {
        throw new RangeError(`optimizer.restore: state must have ${length} values per moment`);
      }
      t = state.t;
      m.set(state.m);
      v.set(state.v);
    },
  };
}

/** The Vec2 optimiser the logistic model trains with: a thin wrapper over the vector one. */
export function createOptimizer(kind: OptimizerKind, options: OptimizerOptions): Optimizer {
  const vector = createVectorOptimizer(kind, options, 2, 'createOptimizer');
  const out = new Float64Array(2);
  return {
    kind,
    learningRate: vector.learningRate,
    step(w, g) {
      vector.step(w, g, out);
      return [out[0]!, out[1]!];
    },
    reset: () => vector.reset(),
    save() {
      const { t, m, v } = vector.save();
      return { t, m: [m[0]!, m[1]!], v: [v[0]!, v[1]!] };
    },
    restore: (state) => vector.restore(state),
  };
}
