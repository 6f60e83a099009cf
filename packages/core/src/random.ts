// The one seeded generator every random choice in lossquake goes through.

/**
 * Everything needed to resume a generator exactly: mulberry32's 32-bit state and the spare
 * normal deviate that the polar method keeps between calls.
 */
export interface RandomState {
  readonly state: number;
  readonly spare: number | null;
}

export interface Random {
  /** A uniform deviate in [0, 1) with 32 random bits. */
  uniform(): number;
  /** A normal deviate (Marsaglia's polar method; the second deviate of each pair is kept as a spare). */
  normal(mean?: number, sd?: number): number;
  /** A uniform integer in 0 .. n - 1. */
  int(n: number): number;
  /** Shuffles `array` in place (Fisher–Yates, from the end) and returns it. */
  shuffle<T extends { length: number; [index: number]: unknown }>(array: T): T;
  /** A snapshot to hand to `setState` later, e.g. to step a timeline back. */
  getState(): RandomState;
  setState(state: RandomState): void;
  /** An independent copy that continues from the same state. */
  fork(): Random;
}

/** splitmix32's finaliser: spreads nearby seeds (1, 2, 3...) over unrelated mulberry32 states. */
function mix32(value: number): number {
  let z = value | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Folds any finite number into 32 bits, so that seeds 1.5 and 1 differ but stay reproducible. */
function seedBits(seed: number): number {
  if (!Number.isFinite(seed))
    throw new RangeError(`createRandom: seed must be a finite number, got ${seed}`);
  if (Number.isInteger(seed) && Math.abs(seed) < 2 ** 53) {
    return (seed >>> 0) ^ Math.imul((seed / 2 ** 32) | 0, 0x9e3779b9);
  }
  const words = new Uint32Array(new Float64Array([seed]).buffer);
  return words[0]! ^ Math.imul(words[1]!, 0x9e3779b9);
}

/**
 * A seed for a named sub-stream (an epoch's shuffle, one batch's draw), so a stream can be
 * re-created at any point without replaying the ones before it.
 */
export function deriveSeed(seed: number, stream: number): number {
  return mix32(seedBits(seed) ^ mix32(Math.imul(stream | 0, 0x9e3779b9) + 0x7f4a7c15));
}

/**
 * mulberry32 (Tommy Ettinger, public domain): one 32-bit word of state, period 2^32, passes
 * gjrand/PractRand far beyond what a page of demos draws, and costs a few integer ops per number.
 */
export function createRandom(seed: number | RandomState = 1): Random {
  let state = 0;
  let spare: number | null = null;
  if (typeof seed === 'number') state = mix32(seedBits(seed));
  else ({ state, spare } = seed);

  function uniform(): number {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  function normal(mean = 0, sd = 1): number {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return mean + sd * z;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * f;
    return mean + sd * u * f;
  }

  function int(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) {
      throw new RangeError(`random.int: n must be an integer in 1 .. 2^32, got ${n}`);
    }
    return Math.floor(uniform() * n);
  }

  function shuffle<T extends { length: number; [index: number]: unknown }>(array: T): T {
    for (let i = array.length - 1; i > 0; i--) {
      const j = Math.floor(uniform() * (i + 1));
      const t = array[i];
      array[i] = array[j];
      array[j] = t;
    }
    return array;
  }

  const random: Random = {
    uniform,
    normal,
    int,
    shuffle,
    getState: () => ({ state, spare }),
    setState(saved) {
      state = saved.state | 0;
      spare = saved.spare;
    },
    fork: () => createRandom({ state, spare }),
  };
  return random;
}
