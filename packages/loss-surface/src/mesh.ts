// The surface mesh as plain typed arrays: grid positions, triangles, grid lines, and per-vertex
// heights with slopes (what the GPU morphs), plus the CPU lookup of a height at any weights.
import type { Grid, Landscape, Vec2 } from '@lossquake/core';

/** Vertex positions of a size×size grid over the box floor, [-1, 1]², i along W1 and j along W2. */
export function gridPositions(size: number): Float32Array {
  const positions = new Float32Array(size * size * 2);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const k = (j * size + i) * 2;
      positions[k] = (2 * i) / (size - 1) - 1;
      positions[k + 1] = (2 * j) / (size - 1) - 1;
    }
  }
  return positions;
}

/**
 * Two triangles per cell, counter-clockwise seen from above (+Loss), so gl_FrontFacing means "from
 * above". With `stride` > 1 the cells span every stride-th grid line (and the border): a coarser
 * mesh over the same vertices.
 */
export function gridTriangles(size: number, stride = 1): Uint16Array | Uint32Array {
  const lines = gridLineIndices(size, stride);
  const cells = (lines.length - 1) ** 2;
  const indices = size * size > 65536 ? new Uint32Array(cells * 6) : new Uint16Array(cells * 6);
  let n = 0;
  for (let y = 0; y < lines.length - 1; y++) {
    for (let x = 0; x < lines.length - 1; x++) {
      const a = lines[y]! * size + lines[x]!;
      const b = lines[y]! * size + lines[x + 1]!;
      const c = lines[y + 1]! * size + lines[x]!;
      const d = lines[y + 1]! * size + lines[x + 1]!;
      indices[n++] = a;
      indices[n++] = b;
      indices[n++] = d;
      indices[n++] = a;
      indices[n++] = d;
      indices[n++] = c;
    }
  }
  return indices;
}

/** 0, stride, 2·stride, … and the last line. */
function gridLineIndices(size: number, stride: number): number[] {
  const lines: number[] = [];
  for (let k = 0; k < size - 1; k += Math.max(1, stride)) lines.push(k);
  lines.push(size - 1);
  return lines;
}

/** Every `stride`-th grid line in both directions (and the border), as line-segment index pairs. */
export function gridLines(size: number, stride: number): Uint16Array | Uint32Array {
  const lines: number[] = [];
  const rows = gridLineIndices(size, stride);
  for (const j of rows)
    for (let i = 0; i < size - 1; i++) lines.push(j * size + i, j * size + i + 1);
  for (const i of rows)
    for (let j = 0; j < size - 1; j++) lines.push(j * size + i, (j + 1) * size + i);
  return size * size > 65536 ? Uint32Array.from(lines) : Uint16Array.from(lines);
}

/** The wireframe's stride: about 32 lines a side, however fine the grid. */
export function wireStride(size: number): number {
  return Math.max(1, Math.round((size - 1) / 32));
}

/**
 * Per vertex: the loss, and its slope along the box's x and y (loss per box unit, the box floor
 * spanning 2), by central differences (one-sided at the border). Slopes blend linearly, so the shader
 * can morph them with the heights and build normals for any vertical scale.
 */
export function heightsAndSlopes(landscape: Landscape, out?: Float32Array): Float32Array {
  const { size } = landscape.grid;
  const values = landscape.values;
  const result = out && out.length === size * size * 3 ? out : new Float32Array(size * size * 3);
  const cell = 2 / (size - 1);
  for (let j = 0; j < size; j++) {
    const j0 = j > 0 ? j - 1 : j;
    const j1 = j < size - 1 ? j + 1 : j;
    for (let i = 0; i < size; i++) {
      const i0 = i > 0 ? i - 1 : i;
      const i1 = i < size - 1 ? i + 1 : i;
      const k = j * size + i;
      result[k * 3] = values[k]!;
      result[k * 3 + 1] = (values[j * size + i1]! - values[j * size + i0]!) / ((i1 - i0) * cell);
      result[k * 3 + 2] = (values[j1 * size + i]! - values[j0 * size + i]!) / ((j1 - j0) * cell);
    }
  }
  return result;
}

/** a + (b - a) t, element-wise, into `out`. */
export function blend(
  a: Float32Array,
  b: Float32Array,
  t: number,
  out: Float32Array,
): Float32Array {
  for (let k = 0; k < out.length; k++) out[k] = a[k]! + (b[k]! - a[k]!) * t;
  return out;
}

/** Weights as box-floor coordinates in [-1, 1]² (outside the window gives values beyond). */
export function toBox(grid: Grid, weights: Vec2): [number, number] {
  return [
    (2 * (weights[0] - grid.w1[0])) / (grid.w1[1] - grid.w1[0]) - 1,
    (2 * (weights[1] - grid.w2[0])) / (grid.w2[1] - grid.w2[0]) - 1,
  ];
}

/**
 * The loss at box-floor point (x, y) by bilinear interpolation of grid values (stride 1) or of the
 * heights in a heights-and-slopes array (stride 3); NaN outside the box.
 */
export function heightAt(
  values: Float32Array,
  size: number,
  x: number,
  y: number,
  stride = 1,
): number {
  if (!(x >= -1 && x <= 1 && y >= -1 && y <= 1)) return NaN;
  const u = ((x + 1) / 2) * (size - 1);
  const v = ((y + 1) / 2) * (size - 1);
  const i = Math.min(size - 2, Math.floor(u));
  const j = Math.min(size - 2, Math.floor(v));
  const fu = u - i;
  const fv = v - j;
  const at = (ii: number, jj: number) => values[(jj * size + ii) * stride]!;
  const bottom = at(i, j) + (at(i + 1, j) - at(i, j)) * fu;
  const top = at(i, j + 1) + (at(i + 1, j + 1) - at(i, j + 1)) * fu;
  return bottom + (top - bottom) * fv;
}
