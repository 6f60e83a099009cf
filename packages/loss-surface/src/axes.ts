// The axes box as matplotlib draws its default 3-D axes: the three panes behind the surface with grid
// lines at the ticks, tick marks on the front edges, and where the tick labels and W1, W2, Loss go.
import type { Grid } from '@lossquake/core';
import { axisTicks } from '@lossquake/kit';
import { BOX_HEIGHT, type Vec3 } from './camera.js';

export interface AxisLabel {
  text: string;
  /** World (box) coordinates; the overlay projects them with the same camera as the GPU. */
  position: Vec3;
  kind: 'tick' | 'title';
  /** The axis it names: labels of different axes are kept further apart (labels.ts). */
  axis: 'w1' | 'w2' | 'loss';
}

export interface AxesGeometry {
  /** Triangles (x, y, z per vertex) of the three back panes. */
  panes: Float32Array;
  /** Segments of the grid lines drawn on the panes. */
  grid: Float32Array;
  /** Segments of the three axis edges and their tick marks. */
  axis: Float32Array;
  labels: AxisLabel[];
}

const TICK_LENGTH = 0.05;
const TICK_LABEL_OFFSET = 0.2;
const TITLE_OFFSET = 0.42;

const sign = (value: number) => (value >= 0 ? 1 : -1);

/** Loss value → box height, for a vertical axis spanning `range`. */
export function lossToBox(value: number, range: readonly [number, number]): number {
  const span = range[1] - range[0] || 1;
  return ((value - range[0]) / span) * 2 * BOX_HEIGHT - BOX_HEIGHT;
}

function ticksOf(domain: readonly [number, number], count: number) {
  return axisTicks(domain[0], domain[1], count);
}

/**
 * The box for a weight window `grid`, a vertical axis over `range`, seen from `eye`; `right(p)` says how
 * far right a world point lands on screen (it picks which vertical edge carries the Loss ticks);
 * `ticks` is about how many ticks each weight axis and the Loss axis get (fewer on a small view).
 */
export function axesGeometry(
  grid: Grid,
  range: readonly [number, number],
  eye: Vec3,
  right: (point: Vec3) => number,
  ticks: { weights: number; loss: number } = { weights: 8, loss: 6 },
  [name1, name2]: readonly [string, string] = ['W₁', 'W₂'],
): AxesGeometry {
  const H = BOX_HEIGHT;
  const sx = sign(eye[0]);
  const sy = sign(eye[1]);
  const sz = sign(eye[2]);
  // Panes sit on the far side of each axis; the tick edges on the near side, at the floor.
  const px = -sx;
  const py = -sy;
  const pz = -sz * H;
  // prettier-ignore
  const panes = new Float32Array([
    // floor (or ceiling seen from below)
    -1, -1, pz, 1, -1, pz, 1, 1, pz, -1, -1, pz, 1, 1, pz, -1, 1, pz,
    // the pane at x = px
    px, -1, -H, px, 1, -H, px, 1, H, px, -1, -H, px, 1, H, px, -1, H,
    // the pane at y = py
    -1, py, -H, 1, py, -H, 1, py, H, -1, py, -H, 1, py, H, -1, py, H,
  ]);
  const gridLines: number[] = [];
  const axis: number[] = [];
  const labels: AxisLabel[] = [];
  const toX = (w: number) => (2 * (w - grid.w1[0])) / (grid.w1[1] - grid.w1[0]) - 1;
  const toY = (w: number) => (2 * (w - grid.w2[0])) / (grid.w2[1] - grid.w2[0]) - 1;

  // W1 along x: ticks on the edge y = sy at the floor.
  axis.push(-1, sy, pz, 1, sy, pz);
  for (const { value, text } of ticksOf(grid.w1, ticks.weights)) {
    const x = toX(value);
    if (x < -1.0001 || x > 1.0001) continue;
    gridLines.push(x, -1, pz, x, 1, pz, x, py, -H, x, py, H);
    axis.push(x, sy, pz, x, sy * (1 + TICK_LENGTH), pz);
    labels.push({
      text,
      position: [x, sy * (1 + TICK_LABEL_OFFSET), pz],
      kind: 'tick',
      axis: 'w1',
    });
  }
  labels.push({
    text: name1,
    position: [0, sy * (1 + TITLE_OFFSET), pz],
    kind: 'title',
    axis: 'w1',
  });

  // W2 along y: ticks on the edge x = sx at the floor.
  axis.push(sx, -1, pz, sx, 1, pz);
  for (const { value, text } of ticksOf(grid.w2, ticks.weights)) {
    const y = toY(value);
    if (y < -1.0001 || y > 1.0001) continue;
    gridLines.push(-1, y, pz, 1, y, pz, px, y, -H, px, y, H);
    axis.push(sx, y, pz, sx * (1 + TICK_LENGTH), y, pz);
    labels.push({
      text,
      position: [sx * (1 + TICK_LABEL_OFFSET), y, pz],
      kind: 'tick',
      axis: 'w2',
    });
  }
  labels.push({
    text: name2,
    position: [sx * (1 + TITLE_OFFSET), 0, pz],
    kind: 'title',
    axis: 'w2',
  });

  // Loss: on whichever side edge (not nearest, not farthest corner) lands further right on screen,
  // its labels pushed out diagonally from the corner, clear of the W1 and W2 labels below it.
  const a: Vec3 = [sx, -sy, 0];
  const b: Vec3 = [-sx, sy, 0];
  const [cx, cy] = right(a) >= right(b) ? a : b;
  const out = (distance: number): [number, number] => [cx * (1 + distance), cy * (1 + distance)];
  axis.push(cx, cy, -H, cx, cy, H);
  for (const { value, text } of ticksOf(range, ticks.loss)) {
    const z = lossToBox(value, range);
    if (z < -H - 1e-4 || z > H + 1e-4) continue;
    gridLines.push(px, -1, z, px, 1, z, -1, py, z, 1, py, z);
    const [tx, ty] = out(TICK_LENGTH);
    axis.push(cx, cy, z, tx, ty, z);
    const [lx, ly] = out(TICK_LABEL_OFFSET * 0.75);
    labels.push({ text, position: [lx, ly, z], kind: 'tick', axis: 'loss' });
  }
  // Farther out than the tick labels, whose widest ("40", "1.5e3") would otherwise touch it.
  const [title1, title2] = out(TITLE_OFFSET * 1.25);
  labels.push({ text: 'Loss', position: [title1, title2, 0], kind: 'title', axis: 'loss' });

  return { panes, grid: new Float32Array(gridLines), axis: new Float32Array(axis), labels };
}
