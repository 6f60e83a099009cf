// One surface's GPU side: its two height-and-slope buffers (before and after the morph), uploaded once
// per landscape, and the draw of a whole frame into the shared canvas. Knows nothing of the element.
import type { Buffer } from 'regl';
import type { ColormapName } from '@lossquake/kit';
import { BOX_HEIGHT } from './camera.js';
import type { AxesGeometry } from './axes.js';
import type { Morph, Range } from './morph.js';
import { currentGeneration, type SharedGL } from './shared-gl.js';

export interface FrameParams {
  /** Device pixels. */
  width: number;
  height: number;
  viewProjection: Float32Array;
  /** Unit vector towards the light. */
  light: readonly [number, number, number];
  morph: Morph;
  t: number;
  rangeFrom: Range;
  rangeTo: Range;
  colormap: ColormapName;
  wireframe: boolean;
  axes: AxesGeometry;
  /** The weights' trail as a line strip (x, y, z per point), or null. */
  path: Float32Array | null;
  /** The weights' marker (x, y, z), or null. */
  marker: Float32Array | null;
  /** Device pixels per CSS pixel, for the marker's size. */
  pixelRatio: number;
  /** A morph or a rotation is running (a software renderer then draws a coarser mesh). */
  moving: boolean;
}

let lastTriangles = 0;

/** Test hook: how many surface triangles the last frame drew. */
export function trianglesLastDrawn(): number {
  return lastTriangles;
}

export interface SurfaceRenderer {
  /** Draws one frame into the shared canvas's bottom-left width×height corner. */
  draw(gl: SharedGL, frame: FrameParams): void;
  destroy(): void;
}

const PANE: readonly [number, number, number, number] = [0.9, 0.9, 0.92, 0.45];
const GRID: readonly [number, number, number, number] = [0.72, 0.72, 0.74, 0.9];
const AXIS: readonly [number, number, number, number] = [0.2, 0.2, 0.22, 1];
const WIRE: readonly [number, number, number, number] = [0.05, 0.1, 0.2, 0.28];
const PATH: readonly [number, number, number, number] = [0.85, 0.2, 0.1, 1];
const MARKER: readonly [number, number, number, number] = [0.9, 0.25, 0.1, 1];

export function createSurfaceRenderer(): SurfaceRenderer {
  let generation = -1;
  let uploaded = -1;
  let from: Buffer | null = null;
  let to: Buffer | null = null;
  let bytes = 0;

  // Buffers of a context that was lost or freed are gone already; only live ones are destroyed.
  function release(): void {
    if (generation === currentGeneration()) {
      from?.destroy();
      to?.destroy();
    }
    from = to = null;
  }

  function upload(gl: SharedGL, morph: Morph): void {
    if (generation !== gl.generation) {
      // The context was recreated: the old buffers died with it.
      from = to = null;
      generation = gl.generation;
      uploaded = -1;
    }
    if (uploaded === morph.version && from && to) return;
    if (from && to && bytes === morph.from.byteLength) {
      from.subdata(morph.from);
      to.subdata(morph.to);
    } else {
      release();
      from = gl.regl.buffer({ data: morph.from, usage: 'dynamic' });
      to = gl.regl.buffer({ data: morph.to, usage: 'dynamic' });
      bytes = morph.from.byteLength;
    }
    uploaded = morph.version;
  }

  return {
    draw(gl, frame) {
      const viewport = { x: 0, y: 0, width: frame.width, height: frame.height };
      const { viewProjection } = frame;
      const { flat, surface, wire } = gl.commands;
      flat({
        positions: frame.axes.panes,
        color: PANE,
        viewProjection,
        viewport,
        primitive: 'triangles',
        depth: false,
      });
      flat({
        positions: frame.axes.grid,
        color: GRID,
        viewProjection,
        viewport,
        primitive: 'lines',
        depth: false,
      });
      flat({
        positions: frame.axes.axis,
        color: AXIS,
        viewProjection,
        viewport,
        primitive: 'lines',
        depth: false,
      });
      const grid = frame.morph.grid;
      if (grid) {
        upload(gl, frame.morph);
        const mesh = gl.mesh(grid.size);
        const coarse = gl.software && frame.moving;
        lastTriangles = coarse ? mesh.counts.moving : mesh.counts.still;
        const props = {
          positions: mesh.positions,
          from: from!,
          to: to!,
          t: frame.t,
          rangeFrom: frame.rangeFrom,
          rangeTo: frame.rangeTo,
          boxHeight: BOX_HEIGHT,
          viewProjection,
          viewport,
        };
        surface({
          ...props,
          elements: coarse ? mesh.moving : mesh.triangles,
          light: frame.light,
          colormap: gl.colormap(frame.colormap),
        });
        if (frame.wireframe) wire({ ...props, elements: mesh.wire, color: WIRE });
      }
      if (frame.path && frame.path.length >= 6) {
        flat({
          positions: frame.path,
          color: PATH,
          viewProjection,
          viewport,
          primitive: 'line strip',
          depth: true,
        });
      }
      if (frame.marker) {
        const pointSize = 11 * frame.pixelRatio;
        flat({
          positions: frame.marker,
          color: MARKER,
          viewProjection,
          viewport,
          primitive: 'points',
          depth: false,
          pointSize,
        });
      }
    },
    destroy() {
      release();
    },
  };
}
