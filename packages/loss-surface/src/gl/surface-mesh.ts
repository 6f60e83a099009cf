// A grid's mesh on the GPU: vertex positions, the triangles (all, and the coarser set a software
// renderer draws while the surface moves) and the wireframe's lines. Made once per grid size.
import type { Regl, Buffer, Elements } from 'regl';
import { gridLines, gridPositions, gridTriangles, wireStride } from '../mesh.js';

export interface SurfaceMesh {
  positions: Buffer;
  triangles: Elements;
  /** What a software renderer draws while the surface moves: at most MOVING_CELLS cells a side. */
  moving: Elements;
  /** Triangles in `triangles` and in `moving`. */
  counts: { still: number; moving: number };
  wire: Elements;
}

/**
 * Cells a side of the mesh a software renderer draws while a morph or a rotation runs. Its cost grows
 * with the triangles (SwiftShader: about 20 ms of GPU-process time per frame for 64², 5 for 16²), and
 * the landscapes are smooth, so the coarser mesh during motion reads the same; once still, every
 * cell is drawn again.
 */
const MOVING_CELLS = 32;

function elements(
  regl: Regl,
  data: Uint16Array | Uint32Array,
  primitive: 'triangles' | 'lines',
): Elements {
  return regl.elements({
    data,
    primitive,
    type: data instanceof Uint32Array ? 'uint32' : 'uint16',
  });
}

export function createMesh(regl: Regl, size: number, software: boolean): SurfaceMesh {
  const triangles = gridTriangles(size);
  const stride = software ? Math.ceil((size - 1) / MOVING_CELLS) : 1;
  const moving = stride > 1 ? gridTriangles(size, stride) : triangles;
  const still = elements(regl, triangles, 'triangles');
  return {
    positions: regl.buffer(gridPositions(size)),
    triangles: still,
    moving: moving === triangles ? still : elements(regl, moving, 'triangles'),
    counts: { still: triangles.length / 3, moving: moving.length / 3 },
    wire: elements(regl, gridLines(size, wireStride(size)), 'lines'),
  };
}
