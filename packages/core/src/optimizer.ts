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

/**
 * - sgd: w ← w − lr·g
 * - momentum (PyTorch, no dampening): m ← β·m + g (m = g on the first step), w ← w − lr·m
 * - nesterov (PyTorch): m ← β·m + g, w ← w − lr·(g + β·m)
 * - adam (Kingma & Ba, bias-corrected): m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g²,
 *   w ← w − lr·m̂ / (√v̂ + ε) with m̂ = m / (1 − β1^t), v̂ = v / (1 − β2^t)
 */
export function createOptimizer(kind: OptimizerKind, options: OptimizerOptions): Optimizer {
  if (!optimizerKinds.includes(kind)) {
    throw new RangeError(
      `createOptimizer: unknown kind '${String(kind)}' (expected ${optimizerKinds.join(', ')})`,
    );
  }
  const { learningRate: lr, beta = 0.9, beta2 = 0.999, epsilon = 1e-8 } = options;
  if (!Number.isFinite(lr) || lr <= 0)
    throw new RangeError(`createOptimizer: learningRate must be > 0, got ${lr}`);
  for (const [name, value] of [
    ['beta', beta],
    ['beta2', beta2],
  ] as const) {
    if (!(value >= 0 && value < 1))
      throw new RangeError(`createOptimizer: ${name} must be in [0, 1), got ${value}`);
  }
  if (!(epsilon > 0 && Number.isFinite(epsilon))) {
    throw new RangeError(`createOptimizer: epsilon must be > 0, got ${epsilon}`);
  }

  let t = 0;
  let m1 = 0;
  let m2 = 0;
  let v1 = 0;
  let v2 = 0;

  function step(w: Vec2, g: Vec2): Vec2 {
    t++;
    switch (kind) {
      case 'sgd':
        return [w[0] - lr * g[0], w[1] - lr * g[1]];
      case 'momentum':
        m1 = beta * m1 + g[0];
        m2 = beta * m2 + g[1];
        return [w[0] - lr * m1, w[1] - lr * m2];
      case 'nesterov':
        m1 = beta * m1 + g[0];
        m2 = beta * m2 + g[1];
        return [w[0] - lr * (g[0] + beta * m1), w[1] - lr * (g[1] + beta * m2)];
      case 'adam': {
        m1 = beta * m1 + (1 - beta) * g[0];
        m2 = beta * m2 + (1 - beta) * g[1];
        v1 = beta2 * v1 + (1 - beta2) * g[0] * g[0];
        v2 = beta2 * v2 + (1 - beta2) * g[1] * g[1];
        const c1 = 1 - beta ** t;
        const c2 = 1 - beta2 ** t;
        return [
          w[0] - (lr * (m1 / c1)) / (Math.sqrt(v1 / c2) + epsilon),
          w[1] - (lr * (m2 / c1)) / (Math.sqrt(v2 / c2) + epsilon),
        ];
      }
    }
  }

  return {
    kind,
    learningRate: lr,
    step,
    reset() {
      t = m1 = m2 = v1 = v2 = 0;
    },
    save: () => ({ t, m: [m1, m2], v: [v1, v2] }),
    restore(state) {
      ({ t } = state);
      [m1, m2] = state.m;
      [v1, v2] = state.v;
    },
  };
}
