// Frames JSON, landscapes computed elsewhere (`{grid: {w1, w2, size}, frames: [{values}]}`), read strictly.
import { createLandscape } from './landscape.js';
import type { Grid, Landscape } from './types.js';

/** Frames data that is not what `src` promises; the message says where and what. */
export class FramesError extends Error {
  override name = 'FramesError';
}

/** Finer grids would make a frames file of many megabytes; the sampler's resolution tops out well below. */
export const MAX_FRAMES_SIZE = 1024;

/** The largest magnitude a Float32Array holds; beyond it a value would be stored as Infinity. */
const FLOAT32_MAX = 3.4028234663852886e38;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function range(value: unknown, name: string): readonly [number, number] {
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    !value.every((v) => typeof v === 'number' && Number.isFinite(v))
  ) {
    throw new FramesError(`grid.${name} must be two finite numbers [min, max]`);
  }
  if (!(value[0] < value[1]))
    throw new FramesError(`grid.${name} must have min < max, got [${value.join(', ')}]`);
  // Every grid coordinate is min + span * fraction: an overflowing span makes them all NaN.
  if (!Number.isFinite(value[1] - value[0]))
    throw new FramesError(
      `grid.${name} spans [${value.join(', ')}], wider than the largest finite number (${Number.MAX_VALUE})`,
    );
  return [value[0], value[1]];
}

function parseGrid(value: unknown): Grid {
  if (!isObject(value)) throw new FramesError('"grid" must be an object {w1, w2, size}');
  const size = value.size;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 2 || size > MAX_FRAMES_SIZE) {
    throw new FramesError(
      `grid.size must be an integer from 2 to ${MAX_FRAMES_SIZE}, got ${JSON.stringify(size)}`,
    );
  }
  return { w1: range(value.w1, 'w1'), w2: range(value.w2, 'w2'), size };
}

/** The landscapes of a frames document (already parsed from JSON); throws FramesError naming the problem. */
export function parseFrames(data: unknown): Landscape[] {
  if (!isObject(data)) throw new FramesError('frames data must be a JSON object {grid, frames}');
  const grid = parseGrid(data.grid);
  const frames = data.frames;
  if (!Array.isArray(frames) || frames.length === 0)
    throw new FramesError('"frames" must be a non-empty array');
  const count = grid.size * grid.size;
  return frames.map((frame: unknown, f) => {
    const values = isObject(frame) ? frame.values : undefined;
    if (!Array.isArray(values)) throw new FramesError(`frames[${f}].values must be an array`);
    if (values.length !== count) {
      throw new FramesError(
        `frames[${f}].values has ${values.length} numbers; grid.size ${grid.size} needs ${count}`,
      );
    }
    const array = new Float32Array(count);
    for (let k = 0; k < count; k++) {
      const v: unknown = values[k];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new FramesError(
          `frames[${f}].values[${k}] is ${JSON.stringify(v)}, not a finite number`,
        );
      }
      array[k] = v;
      if (!Number.isFinite(array[k])) {
        throw new FramesError(
          `frames[${f}].values[${k}] is ${v}, beyond the float32 range landscapes are stored in (±${FLOAT32_MAX})`,
        );
      }
    }
    return createLandscape(grid, array);
  });
}

/** A landscape handed to the `landscape` property, checked like a frame: null when it is unusable. */
export function checkLandscape(value: unknown): Landscape | null {
  if (!isObject(value) || !(value.values instanceof Float32Array)) return null;
  try {
    const grid = parseGrid(value.grid);
    if (value.values.length !== grid.size * grid.size) return null;
    if (!value.values.every((v) => Number.isFinite(v))) return null;
    return createLandscape(grid, value.values);
  } catch {
    return null;
  }
}
