// Synthetic landscapes for tests: no core maths needed, shapes whose pixels are easy to predict.
import type { Landscape } from '@lossquake/core';

const window40 = [-20, 20] as const;

/** A landscape from f(u, v) with u, v in [0, 1] across the grid. */
export function landscapeOf(size: number, f: (u: number, v: number) => number): Landscape {
  const values = new Float32Array(size * size);
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const value = f(i / (size - 1), j / (size - 1));
      values[j * size + i] = value;
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
  }
  return { grid: { w1: window40, w2: window40, size }, values, min, max };
}

/** Two flat terraces, low (0) for small w2 and high (`height`) for large w2, joined by a ramp. */
export function terraces(size = 32, height = 10): Landscape {
  return landscapeOf(size, (_u, v) =>
    v < 0.35 ? 0 : v > 0.65 ? height : ((v - 0.35) / 0.3) * height,
  );
}

/** A bowl with its lowest point at (u0, v0). */
export function bowl(size = 32, u0 = 0.5, v0 = 0.5): Landscape {
  return landscapeOf(size, (u, v) => (u - u0) ** 2 + (v - v0) ** 2);
}
