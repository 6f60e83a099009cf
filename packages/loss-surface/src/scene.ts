// What one frame shows, as plain data: from the morph, the camera, the size and the options, the
// axes box, the ranges the shader blends, the trail and marker resting on the surface, and where the
// labels land. Pure: the drawing controller hands the result to the GPU and the label overlay.
import { lerpRange, type Vec2 } from '@lossquake/core';
import {
  cameraMatrices,
  headlight,
  project,
  BOX_HEIGHT,
  type CameraMatrices,
  type CameraState,
  type Vec3,
} from './camera.js';
import { axesGeometry, lossToBox, type AxesGeometry } from './axes.js';
import { placeLabels, type PlacedLabel } from './labels.js';
import { toBox } from './mesh.js';
import type { Morph, Range } from './morph.js';
import type { SurfaceZRange } from './attributes.js';

export interface SceneInput {
  morph: Morph;
  now: number;
  camera: CameraState;
  /** CSS pixels. */
  width: number;
  height: number;
  zRange: SurfaceZRange;
  /** The weights' trail, oldest first; null when hidden. */
  path: readonly Vec2[] | null;
  /** The current weights; null when hidden or unknown. */
  weights: Vec2 | null;
  /** CSS pixels of the tick labels, to keep their boxes apart. */
  fontSize?: number;
  /** Titles of the two weight axes: W₁ and W₂, or a network's plane's directions. */
  axisNames?: readonly [string, string];
}

export interface Scene {
  /** Eased morph progress, 0..1. */
  t: number;
  matrices: CameraMatrices;
  /** Unit vector towards the light. */
  light: Vec3;
  /** The Loss axis before and after the morph (the shader blends them by t), and as shown now. */
  range: { from: Range; to: Range; shown: Range };
  axes: AxesGeometry;
  /** The trail as a line strip (x, y, z per point), or null. */
  path: Float32Array | null;
  /** The marker (x, y, z), or null. */
  marker: Float32Array | null;
  labels: PlacedLabel[];
}

/** Trail points drawn at most (the most recent). */
const MAX_TRAIL = 2000;
/** The axes' window before the first landscape. */
const EMPTY_GRID = { w1: [-20, 20] as const, w2: [-20, 20] as const, size: 2 };
/** Just above the surface, so the trail and marker are never buried in it. */
const LIFT = 0.008;

function ranges(morph: Morph, now: number, zRange: SurfaceZRange): Scene['range'] {
  if (zRange !== 'auto' && zRange !== 'grow') return { from: zRange, to: zRange, shown: zRange };
  if (!morph.grid) return { from: [0, 1], to: [0, 1], shown: [0, 1] };
  if (zRange === 'grow') {
    const { grownFrom: from, grownTo: to } = morph;
    return { from, to, shown: lerpRange(from, to, morph.t(now)) };
  }
  return { from: morph.fromRange, to: morph.toRange, shown: morph.range(now) };
}

export function buildScene(input: SceneInput): Scene {
  const { morph, width, height } = input;
  const t = morph.t(input.now);
  const range = ranges(morph, input.now, input.zRange);
  const matrices = cameraMatrices(input.camera, width / height);
  // Tick labels keep their font size, so a small view gets fewer of them (8 and 6 at 480 px wide).
  const density = Math.min(1, width / 480);
  const axes = axesGeometry(
    morph.grid ?? EMPTY_GRID,
    range.shown,
    matrices.eye,
    (p) => project(matrices, p, 1, 1)[0],
    { weights: Math.max(3, Math.round(8 * density)), loss: Math.max(3, Math.round(6 * density)) },
    input.axisNames,
  );
  // A point of the weight plane on the surface as shown at t (nothing outside the window).
  const onSurface = (weights: Vec2): Vec3 | null => {
    if (!morph.grid) return null;
    const [x, y] = toBox(morph.grid, weights);
    const loss = morph.heightAt(x, y, t);
    if (!Number.isFinite(loss)) return null;
    const z = Math.min(BOX_HEIGHT, Math.max(-BOX_HEIGHT, lossToBox(loss, range.shown)));
    return [x, y, z + LIFT];
  };
  let path: Float32Array | null = null;
  if (input.path && morph.grid && input.path.length > 1) {
    const points = input.path.slice(-MAX_TRAIL).map(onSurface);
    path = new Float32Array(points.flatMap((p) => (p ? [...p] : [])));
  }
  const point = input.weights && onSurface(input.weights);
  return {
    t,
    matrices,
    light: headlight(input.camera),
    range,
    axes,
    path,
    marker: point ? new Float32Array(point) : null,
    labels: placeLabels(axes.labels, matrices, width, height, input.fontSize),
  };
}
